/** @module "Recognitions": for the chosen province or district, the recognised communes now failing a criterion
 * (revocation risk) first, then every recognition decision with its revocation, a form to record a new
 * decision and a "Revoke" action per decision in force. Commune officers only read. */
import { strings } from '../../i18n/i18n.ts';
import { workspaceGet } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { statusLine } from '../common/field.ts';
import { scopePicker, scopeQuery } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';
import { communesByDistrict } from '../common/units.ts';
import { hashFor, listingScope, mayWrite, queryOf, scopeOf } from '../common/view-state.ts';
import { atRiskSection } from './at-risk.ts';
import { recognitionForm } from './recognition-form.ts';
import { recognitionTable } from './recognition-table.ts';
import type { AtRisk, RecognitionList } from '../../api/answers.ts';

const t = strings({
  vi: { title: 'Công nhận và thu hồi công nhận', pick: 'Chọn một tỉnh để xem các quyết định công nhận.', readOnly: 'Cán bộ cấp xã chỉ xem; quyết định công nhận do tỉnh ban hành và cán bộ tỉnh, huyện ghi nhận.', revoked: 'Đã ghi nhận thu hồi công nhận: {unit}.', jump: 'Ghi nhận quyết định công nhận mới ↓' },
  en: { title: 'Recognitions and revocations', pick: 'Choose a province to see its recognition decisions.', readOnly: 'Commune officers can read only; the province decides recognitions and province or district officers record them.', revoked: 'Revocation recorded: {unit}.', jump: 'Record a new recognition decision ↓' },
});

/** Renders the recognitions view: the scope's decisions, those at risk, and the form to record one. */
export async function renderRecognitions(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = queryOf(ctx);
  const scope = scopeOf(ctx, query);
  const picker = await scopePicker(ctx.session, scope, (s) => ctx.go(hashFor('recognitions', { province: s.province, district: s.district })));
  const status = statusLine();
  status.classList.add('view-status');
  const body = h('div');
  main.replaceChildren(h('h1', {}, t('title')), picker.childElementCount ? h('div', { class: 'row card' }, picker) : '', status, body);
  const listing = await listingScope(ctx.session, scope);
  if (!listing.province && !listing.district) {
    body.append(h('p', {}, t('pick')));
    return;
  }
  const q = scopeQuery(listing);
  const [atRisk, list] = await Promise.all([workspaceGet<AtRisk>(`/admin/recognitions/at-risk?${q}`), workspaceGet<RecognitionList>(`/admin/recognitions?${q}`)]);
  const canWrite = mayWrite(ctx.session);
  const onRevoked = (r: { unit: { name: string } }) => void reload(t('revoked', { unit: r.unit.name }));
  let riskEl = atRiskSection(atRisk);
  let tableEl = recognitionTable(list, canWrite, onRevoked);
  body.append(riskEl, tableEl);
  if (!canWrite) {
    body.append(h('p', { class: 'hint' }, t('readOnly')));
    return;
  }
  const groups = await communesByDistrict(listing, ctx.session.user.unit?.level === 'district' ? ctx.session.user.unit.name : undefined);
  const form = recognitionForm(groups, ctx.session.user.role !== 'district', () => void reload(null), list.levels ?? []);
  const jump = h('button', { type: 'button', class: 'secondary' }, t('jump'));
  jump.addEventListener('click', () => {
    form.scrollIntoView({ block: 'start' });
    form.querySelector('select')?.focus({ preventScroll: true });
  });
  main.querySelector('h1')!.after(h('p', {}, jump));
  body.append(form);

  /** Reads both lists again after a change (a revocation or a new decision changes both). */
  async function reload(message: string | null): Promise<void> {
    const [freshRisk, fresh] = await Promise.all([workspaceGet<AtRisk>(`/admin/recognitions/at-risk?${q}`), workspaceGet<RecognitionList>(`/admin/recognitions?${q}`)]);
    const next = [atRiskSection(freshRisk), recognitionTable(fresh, canWrite, onRevoked)] as const;
    riskEl.replaceWith(next[0]);
    tableEl.replaceWith(next[1]);
    [riskEl, tableEl] = next;
    if (message) {
      status.textContent = message;
      status.tabIndex = -1;
      status.focus();
    }
  }
}
