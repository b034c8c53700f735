/** @module "Plans and targets": for the chosen province or district, the planned communes with criteria met and
 * missing and the criterion completions ("lượt tiêu chí") the plan needs, forms to add a planned commune
 * or remove one, and the targets of the scope with add / edit / delete for the roles allowed. */
import { strings } from '../../i18n/i18n.ts';
import { workspaceGet, workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { statusLine } from '../common/field.ts';
import { showErrors } from '../common/form-errors.ts';
import { communesByDistrict } from '../common/units.ts';
import { hashFor, listingScope, mayWrite, queryOf, scopeOf } from '../common/view-state.ts';
import { scopePicker, scopeQuery, type UnitRef, unitsUnder } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';
import { planForm } from './plan-form.ts';
import { completionsSummary, plannedTable } from './planned-communes.ts';
import { targetsSection } from './targets.ts';
import type { PlanBoard, PlanBoardCommune } from '../../api/answers.ts';

const t = strings({
  vi: { title: 'Kế hoạch và chỉ tiêu', pick: 'Chọn một tỉnh để xem kế hoạch và chỉ tiêu.', confirm: 'Bỏ {commune} ({due}) khỏi kế hoạch? Nhật ký thay đổi vẫn giữ bản ghi.', removed: 'Đã bỏ {commune} khỏi kế hoạch.' },
  en: { title: 'Plans and targets', pick: 'Choose a province to see its plans and targets.', confirm: 'Remove {commune} ({due}) from the plan? The audit trail keeps the record.', removed: '{commune} removed from the plan.' },
});

/** Renders the plans view: completions, the planned communes, the form to add one, and the targets. */
export async function renderPlans(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = queryOf(ctx);
  const scope = scopeOf(ctx, query);
  const picker = await scopePicker(ctx.session, scope, (s) => ctx.go(hashFor('plans', { province: s.province, district: s.district })));
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
  const canWrite = mayWrite(ctx.session);
  const districtName = ctx.session.user.unit?.level === 'district' ? ctx.session.user.unit.name : undefined;

  let planEls: HTMLElement[] = [];
  const renderPlan = async (message?: string) => {
    const board = await workspaceGet<PlanBoard>(`/admin/plans?${q}`);
    const next = [completionsSummary(board), plannedTable(board, canWrite, remove)];
    if (planEls.length) planEls.forEach((old, i) => old.replaceWith(next[i]!));
    else body.prepend(...next);
    planEls = next;
    if (message) status.textContent = message;
  };
  async function remove(p: PlanBoardCommune, button: HTMLButtonElement): Promise<void> {
    if (!window.confirm(t('confirm', { commune: p.name, due: p.due }))) return button.focus();
    try {
      await workspaceSend('DELETE', `/admin/plans/${p.id}`);
      await renderPlan(t('removed', { commune: p.name }));
      main.querySelector<HTMLElement>('#planned-title')?.setAttribute('tabindex', '-1');
      main.querySelector<HTMLElement>('#planned-title')?.focus();
    } catch (error) {
      showErrors(error, {}, status);
    }
  }

  await renderPlan();
  if (canWrite) body.append(planForm(await communesByDistrict(listing, districtName), (message) => void renderPlan(message)));
  const targetScopes: UnitRef[] = !canWrite
    ? []
    : listing.district
      ? [{ code: listing.district, name: districtName ?? (await unitsUnder(listing.province ?? '')).find((d) => d.code === listing.district)?.name ?? listing.district, level: 'district', province: listing.province ?? '', district: listing.district }]
      : [{ code: listing.province!, name: (await unitsUnder(null)).find((u) => u.code === listing.province)?.name ?? listing.province!, level: 'province', province: listing.province!, district: null }, ...(await unitsUnder(listing.province!))];
  body.append(await targetsSection(q, targetScopes));
}
