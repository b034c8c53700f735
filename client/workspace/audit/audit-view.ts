/** @module "Audit trail": the entries the official may read, newest first, filtered by unit (within their scope),
 * from / to dates (days in Vietnam), action and actor, with before → after summarised, and an "Older
 * entries" button that reads the next page (next_before). The filters live in the hash. */
import type { AuditPage } from '../../api/answers.ts';
import { strings } from '../../i18n/i18n.ts';
import { workspaceGet } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { field } from '../common/field.ts';
import { showErrors } from '../common/form-errors.ts';
import { timeText } from '../common/workspace-words.ts';
import { hashFor, queryOf } from '../common/view-state.ts';
import { unitsUnder } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';
import { stackTable } from '../common/stack-table.ts';
import { changeSummary } from './audit-diff.ts';

const ACTIONS = ['review.save', 'import.apply', 'recognition.create', 'recognition.revoke', 'plan.add', 'plan.remove', 'target.create', 'target.update', 'target.delete', 'village.update', 'user.create'] as const;

const t = strings({
  vi: {
    title: 'Nhật ký thay đổi', unit: 'Đơn vị', all: '— mọi đơn vị —', from: 'Từ ngày', to: 'Đến ngày', action: 'Thao tác', anyAction: '— mọi thao tác —', actor: 'Người thực hiện (e-mail)', filter: 'Lọc', reset: 'Bỏ lọc',
    time: 'Thời gian (giờ Việt Nam)', who: 'Người thực hiện', what: 'Thao tác', where: 'Đơn vị', change: 'Thay đổi (trước → sau)', none: 'Không có mục nào phù hợp.', older: 'Các mục cũ hơn', loading: 'Đang tải…', count: '{n} mục đang hiển thị, mới nhất trước.',
    'review.save': 'Lưu rà soát', 'import.apply': 'Nhập tệp', 'recognition.create': 'Ghi nhận công nhận', 'recognition.revoke': 'Thu hồi công nhận', 'plan.add': 'Thêm xã vào kế hoạch', 'plan.remove': 'Bỏ xã khỏi kế hoạch',
    'target.create': 'Thêm chỉ tiêu', 'target.update': 'Sửa chỉ tiêu', 'target.delete': 'Xóa chỉ tiêu', 'village.update': 'Cập nhật số thôn', 'user.create': 'Tạo tài khoản', appendOnly: 'Nhật ký chỉ được ghi thêm, không thể sửa hay xóa.',
  },
  en: {
    title: 'Audit trail', unit: 'Unit', all: '— every unit —', from: 'From', to: 'To', action: 'Action', anyAction: '— every action —', actor: 'By (e-mail)', filter: 'Filter', reset: 'Clear filters',
    time: 'Time (Vietnam)', who: 'By', what: 'Action', where: 'Unit', change: 'Change (before → after)', none: 'No entry matches.', older: 'Older entries', loading: 'Loading…', count: '{n} entries shown, newest first.',
    'review.save': 'Review saved', 'import.apply': 'File imported', 'recognition.create': 'Recognition recorded', 'recognition.revoke': 'Recognition revoked', 'plan.add': 'Commune added to a plan', 'plan.remove': 'Commune removed from a plan',
    'target.create': 'Target added', 'target.update': 'Target changed', 'target.delete': 'Target deleted', 'village.update': 'Village counts updated', 'user.create': 'Account created', appendOnly: 'The trail is append-only: entries cannot be edited or deleted.',
  },
});

const actionName = (action: string) => ((ACTIONS as readonly string[]).includes(action) ? t(action as (typeof ACTIONS)[number]) : action);

/** The units a user may filter by: their own and the units one level under it (admin: the provinces). */
async function unitChoices(ctx: ViewContext): Promise<Array<{ code: string; name: string }>> {
  const unit = ctx.session.user.unit;
  if (!unit) return unitsUnder(null);
  if (unit.level === 'commune') return [unit];
  return [unit, ...(await unitsUnder(unit.code))];
}

/** Renders the audit view: filters, the entries newest first and a "more" button for the next page. */
export async function renderAudit(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = queryOf(ctx);
  const units = await unitChoices(ctx);
  const fields = {
    unit: field(t('unit'), h('select', { name: 'unit' }, h('option', { value: '' }, t('all')), ...units.map((u) => h('option', { value: u.code, selected: u.code === query.get('unit') }, u.name)))),
    from: field(t('from'), h('input', { name: 'from', type: 'date', value: query.get('from') ?? undefined })),
    to: field(t('to'), h('input', { name: 'to', type: 'date', value: query.get('to') ?? undefined })),
    action: field(t('action'), h('select', { name: 'action' }, h('option', { value: '' }, t('anyAction')), ...ACTIONS.map((a) => h('option', { value: a, selected: a === query.get('action') }, actionName(a))))),
    actor: field(t('actor'), h('input', { name: 'actor', type: 'email', autocomplete: 'off', value: query.get('actor') ?? undefined })),
  };
  const filter = h('button', { type: 'submit', class: 'primary' }, t('filter'));
  const reset = h('button', { type: 'button', class: 'secondary' }, t('reset'));
  const status = h('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
  const form = h('form', { class: 'card audit-filters', role: 'search', novalidate: true }, h('div', { class: 'row' }, ...Object.values(fields).map((f) => f.wrap), filter, reset));
  const choices = () => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.input.value.trim() || null]));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = hashFor('audit', choices());
    if (`#${next}` === location.hash) void renderAudit(main, ctx);
    else ctx.go(next);
  });
  reset.addEventListener('click', () => ctx.go('audit'));

  const rows = h('tbody');
  const older = h('button', { type: 'button', class: 'secondary', hidden: true }, t('older'));
  const table = h('table', { class: 'list audit' }, h('caption', {}, t('appendOnly')), h('thead', {}, h('tr', {}, ...[t('time'), t('who'), t('what'), t('where'), t('change')].map((label) => h('th', { scope: 'col' }, label)))), rows);
  main.replaceChildren(h('h1', {}, t('title')), form, status, h('div', { class: 'table-wrap' }, table), h('p', {}, older));

  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(choices())) if (v) params.set(k, v);
  let shown = 0;
  const load = async (before: number | null) => {
    older.disabled = true;
    status.textContent = t('loading');
    try {
      const page = await workspaceGet<AuditPage>(`/admin/audit?${params}${before ? `&before=${before}` : ''}&limit=50`);
      const firstNew = rows.childElementCount;
      for (const e of page.entries) {
        rows.append(h('tr', {},
          h('th', { scope: 'row', class: 'nowrap' }, h('time', { datetime: e.at }, timeText(e.at))),
          h('td', { class: 'actor' }, e.actor),
          h('td', {}, actionName(e.action)),
          h('td', {}, e.unit ? (e.unit.name ?? e.unit.code) : '—'),
          h('td', {}, changeSummary(e.before, e.after)),
        ));
      }
      stackTable(table);
      shown += page.entries.length;
      status.textContent = shown ? t('count', { n: shown }) : t('none');
      older.hidden = page.next_before === null;
      older.onclick = () => void load(page.next_before);
      if (before && rows.children[firstNew]) {
        const cell = rows.children[firstNew]!.firstElementChild as HTMLElement;
        cell.tabIndex = -1;
        cell.focus();
      }
    } catch (error) {
      showErrors(error, fields, status);
    } finally {
      older.disabled = false;
    }
  };
  await load(null);
}
