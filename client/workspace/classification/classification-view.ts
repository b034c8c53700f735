/** @module "Groups and khu vực": a province's communes (today's units) with their group (nhóm 1-3 of 51/2025/QĐ-TTg)
 * and khu vực (I-III, QĐ 60/QĐ-BDTTG) in force, each marked official or illustrative, and, for admin and
 * province officers, the form that records a decision (GET|POST /admin/classifications). A recorded decision
 * never overwrites: the table shows how many records each commune has. */
import type { ClassificationList, Units } from '../../api/answers.ts';
import { strings } from '../../i18n/i18n.ts';
import { workspaceGet, workspaceSend } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field } from '../common/field.ts';
import { recordForm } from '../common/record-form.ts';
import { dateText, provenanceBadge, todayInVietnam } from '../common/workspace-words.ts';
import { stackTable } from '../common/stack-table.ts';
import { hashFor, queryOf } from '../common/view-state.ts';
import type { ViewContext } from '../views.ts';

const t = strings({
  vi: {
    title: 'Nhóm xã và khu vực', province: 'Tỉnh', choose: '— chọn —', pickProvince: 'Chọn một tỉnh.', commune: 'Xã', code: 'Mã', group: 'Nhóm', khuVuc: 'Khu vực',
    records: 'Số quyết định đã ghi', none: '—', official: 'chính thức', form: 'Ghi quyết định về nhóm hoặc khu vực', kind: 'Loại', value: 'Giá trị',
    kindGroup: 'Nhóm xã (QĐ 51/2025/QĐ-TTg)', kindKhuVuc: 'Khu vực (I: thuận lợi … III: đặc biệt khó khăn)', decision: 'Số quyết định', decisionDate: 'Ngày quyết định',
    periodFrom: 'Áp dụng từ tháng', periodFromHint: 'Mặc định: tháng của ngày quyết định.', periodTo: 'Đến tháng (nếu quyết định ghi)', url: 'Đường dẫn văn bản', note: 'Ghi chú',
    save: 'Ghi quyết định', saving: 'Đang lưu…', saved: 'Đã ghi: {commune}, {what}.', summary: '{official} bản ghi chính thức, {illustrative} minh họa, {none} chưa có (tháng {period}).',
    explain: 'Bản ghi chính thức thay bản ghi minh họa trên thẻ xã và trên bản đồ từ tháng áp dụng; khu vực III là xã đặc biệt khó khăn. Các quyết định trước vẫn được giữ.',
    readOnly: 'Chỉ cán bộ cấp tỉnh ghi quyết định về nhóm và khu vực.',
  },
  en: {
    title: 'Groups and khu vực', province: 'Province', choose: '— choose —', pickProvince: 'Choose a province.', commune: 'Commune', code: 'Code', group: 'Group (nhóm)', khuVuc: 'Khu vực',
    records: 'Decisions recorded', none: '—', official: 'official', form: 'Record a group or khu vực decision', kind: 'Kind', value: 'Value',
    kindGroup: 'Commune group (51/2025/QĐ-TTg)', kindKhuVuc: 'Khu vực (I: favourable … III: special difficulty)', decision: 'Decision number', decisionDate: 'Decision date',
    periodFrom: 'In force from (month)', periodFromHint: 'Default: the month of the decision date.', periodTo: 'Until (month, when the decision says)', url: 'Link to the decision', note: 'Note',
    save: 'Record the decision', saving: 'Saving…', saved: 'Recorded: {commune}, {what}.', summary: '{official} official records, {illustrative} illustrative, {none} missing ({period}).',
    explain: 'An official record replaces the illustrative one on the commune card and on the map from its first month; khu vực III are the special-difficulty communes. Earlier decisions are kept.',
    readOnly: 'Only province officers record groups and khu vực.',
  },
});

/** A group or khu vực record as the list gives it. */
type Part = NonNullable<ClassificationList['communes'][number]['group']>;

/** What the last save recorded, shown once by the re-rendered view. */
let flash: string | null = null;

const VALUES = { group: ['1', '2', '3'], khu_vuc: ['I', 'II', 'III'] } as const;

function partCell(p: Part | null): HTMLElement {
  if (!p) return h('span', {}, t('none'));
  return h('span', {}, h('strong', {}, p.value), ' ', provenanceBadge(p.provenance, true), p.decision ? h('span', { class: 'sub' }, `${p.decision}${p.decision_date ? ` · ${dateText(p.decision_date)}` : ''}`) : null);
}

/** Renders the classification view: a province's communes with their group and khu vực in force, and the form to
 * record a decision (province officers and admins). */
export async function renderClassifications(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const user = ctx.session.user;
  const query = queryOf(ctx);
  const province = user.role === 'admin' ? query.get('province') : user.unit?.level === 'province' ? user.unit.code : query.get('province');
  const controls = h('div', { class: 'row card' });
  const body = h('div');
  main.replaceChildren(h('h1', {}, t('title')), h('p', { class: 'hint' }, t('explain')), controls, body);
  if (user.role === 'admin') {
    const { units } = await workspaceGet<Units>('/units');
    const select = h('select', { name: 'province' }, h('option', { value: '' }, t('choose')), ...units.map((p) => h('option', { value: p.code, selected: p.code === province }, p.name)));
    select.addEventListener('change', () => ctx.go(hashFor('classifications', { province: select.value || null })));
    controls.append(field(t('province'), select).wrap);
  } else controls.remove();
  if (!province) {
    body.append(h('p', {}, t('pickProvince')));
    return;
  }
  const data = await workspaceGet<ClassificationList>(`/admin/classifications?province=${encodeURIComponent(province)}`);
  const summary = h('p', { 'aria-live': 'polite' }, t('summary', { ...Object.fromEntries(Object.entries(data.counts).map(([k, v]) => [k, String(v)])), period: data.period }));
  const table = stackTable(h('table', { class: 'list' },
    h('thead', {}, h('tr', {}, ...[t('code'), t('commune'), t('group'), t('khuVuc'), t('records')].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...data.communes.map((c) => h('tr', {},
      h('td', {}, c.code),
      h('th', { scope: 'row' }, c.name),
      h('td', {}, partCell(c.group)),
      h('td', {}, partCell(c.khu_vuc)),
      h('td', {}, String(c.history.filter((entry) => entry.provenance === 'official').length)),
    ))),
  ));
  if (flash) body.append(h('p', { class: 'status-line', role: 'status' }, flash));
  flash = null;
  body.append(summary);
  if (user.role === 'admin' || user.role === 'province') body.append(classificationForm(data, () => void renderClassifications(main, ctx)));
  else body.append(h('p', { class: 'hint' }, t('readOnly')));
  body.append(table);
}

function classificationForm(data: ClassificationList, done: () => void): HTMLElement {
  const commune = h('select', { name: 'commune', required: true }, h('option', { value: '' }, t('choose')), ...data.communes.map((c) => h('option', { value: c.code }, `${c.name} (${c.code})`)));
  const kind = h('select', { name: 'kind' }, h('option', { value: 'khu_vuc' }, t('kindKhuVuc')), h('option', { value: 'group' }, t('kindGroup')));
  const value = h('select', { name: 'value' });
  const fillValues = () => value.replaceChildren(...VALUES[kind.value as keyof typeof VALUES].map((v) => h('option', { value: v }, v)));
  kind.addEventListener('change', fillValues);
  fillValues();
  const text = (name: string, extra: Record<string, string | boolean> = {}) => h('input', { name, type: 'text', ...extra });
  const fields = {
    commune: field(t('commune'), commune),
    kind: field(t('kind'), kind),
    value: field(t('value'), value),
    decision: field(t('decision'), text('decision', { required: true, placeholder: '60/QĐ-BDTTG', maxlength: '120' })),
    decision_date: field(t('decisionDate'), h('input', { name: 'decision_date', type: 'date', required: true, max: todayInVietnam() })),
    period_from: field(t('periodFrom'), h('input', { name: 'period_from', type: 'month' }), t('periodFromHint')),
    period_to: field(t('periodTo'), h('input', { name: 'period_to', type: 'month' })),
    document_url: field(t('url'), h('input', { name: 'document_url', type: 'url', placeholder: 'https://' })),
    note: field(t('note'), h('textarea', { name: 'note', rows: 2, maxlength: '2000' })),
  };
  const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());
  return recordForm({
    id: 'classification-form-title',
    title: t('form'),
    fields,
    submit: t('save'),
    saving: t('saving'),
    send: (f) => workspaceSend('POST', '/admin/classifications', {
      commune: f.commune.input.value,
      kind: f.kind.input.value,
      value: f.value.input.value,
      decision: f.decision.input.value,
      decision_date: f.decision_date.input.value,
      period_from: optional(f.period_from.input.value),
      period_to: optional(f.period_to.input.value),
      document_url: optional(f.document_url.input.value),
      note: optional(f.note.input.value),
    }),
    saved: () => {
      const name = commune.selectedOptions[0]?.textContent ?? commune.value;
      flash = t('saved', { commune: name, what: `${kind.value === 'group' ? t('group') : t('khuVuc')} ${value.value}` });
      done();
    },
  }).form;
}
