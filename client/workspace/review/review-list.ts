/** @module "Monthly reviews": the communes of the chosen district with this month's review done or missing, the
 * reporting deadline, and a link to each commune's review form. */
import { formatNumber, formatPeriod, getLang, strings } from '../../i18n/i18n.ts';
import { workspaceGet } from '../workspace-http.ts';
import { h } from '../../dom/h.ts';
import { periodPicker } from '../period-picker.ts';
import { homeScope, scopePicker, scopeQuery, type Scope } from '../scope-picker.ts';
import type { ViewContext } from '../views.ts';
import type { ReviewList } from '../../api/answers.ts';

const t = strings({
  vi: {
    title: 'Rà soát tiêu chí hằng tháng', pick: 'Chọn một huyện để xem danh sách xã.', commune: 'Xã', state: 'Tình trạng', met: 'Tiêu chí đạt', by: 'Người nhập', open: 'Mở', enter: 'Nhập',
    done: 'đã nhập', missing: 'chưa nhập', illustrative: 'minh họa', deadline: 'Hạn báo cáo lên tỉnh: {date}', late: 'đã quá hạn', summary: '{done}/{total} xã đã có kết quả rà soát chính thức {period}.',
    caption: 'Các xã và kết quả rà soát {period}',
  },
  en: {
    title: 'Monthly criteria reviews', pick: 'Choose a district to list its communes.', commune: 'Commune', state: 'State', met: 'Criteria met', by: 'Entered by', open: 'Open', enter: 'Enter',
    done: 'entered', missing: 'missing', illustrative: 'illustrative', deadline: 'Report to the province by {date}', late: 'deadline passed', summary: '{done} of {total} communes have an official review for {period}.',
    caption: 'Communes and their review for {period}',
  },
});

const dateText = (iso: string) => new Intl.DateTimeFormat(getLang() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

/** Renders the review list: the scope's communes for the chosen month, reviewed or not, each linking to its form. */
export async function renderReviewList(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = new URLSearchParams(ctx.params[0] ?? '');
  const scope: Scope = { ...homeScope(ctx.session), ...(query.get('province') ? { province: query.get('province') } : {}), ...(query.get('district') ? { district: query.get('district') } : {}) };
  const reload = (s: Scope, period: string) => ctx.go(`reviews/${new URLSearchParams({ ...(s.province ? { province: s.province } : {}), ...(s.district ? { district: s.district } : {}), period })}`);
  const picker = await periodPicker(query.get('period'), (p) => reload(scope, p));
  const scopeEl = await scopePicker(ctx.session, scope, (s) => reload(s, picker.value), { provinceLevel: false });
  const body = h('div');
  main.replaceChildren(h('h1', {}, t('title')), h('div', { class: 'row card' }, scopeEl, picker.wrap), body);
  const commune = ctx.session.user.unit?.level === 'commune' ? ctx.session.user.unit.code : null;
  if (commune) {
    ctx.go(`review/${commune}/${picker.value}`);
    return;
  }
  // Today's units have no districts: a province's communes are listed whole.
  if (!scope.district && !(scope.province && !ctx.session.user.structure.has_districts)) {
    body.append(h('p', {}, t('pick')));
    return;
  }
  const list = await workspaceGet<ReviewList>(`/admin/reviews?${scopeQuery(scope)}&period=${picker.value}`);
  const done = list.counts.done;
  const table = h('table', { class: 'list' }, h('caption', {}, t('caption', { period: formatPeriod(list.period) })));
  table.append(h('thead', {}, h('tr', {}, ...[t('commune'), t('state'), t('met'), t('by'), ''].map((label, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : undefined }, label)))));
  const rows = h('tbody');
  for (const c of list.communes) {
    const isDone = c.status === 'done';
    const badge = isDone ? h('span', { class: 'badge official' }, t('done')) : h('span', { class: 'badge missing' }, t('missing'));
    const r = c.review;
    rows.append(
      h('tr', {},
        h('th', { scope: 'row' }, c.name),
        h('td', {}, badge),
        h('td', { class: 'num' }, r === null ? '—' : `${formatNumber(r.met_count)}/${list.criteria_count}${r.provenance === 'illustrative' ? ` (${t('illustrative')})` : ''}`),
        h('td', {}, isDone && r?.reviewed_by ? `${r.reviewed_by} · ${dateText(r.reviewed_at)}` : ''),
        h('td', {}, h('a', { href: `#review/${c.code}/${list.period}`, 'aria-label': `${isDone ? t('open') : t('enter')}: ${c.name}` }, isDone ? t('open') : t('enter'))),
      ),
    );
  }
  table.append(rows);
  body.append(
    h('p', {}, h('strong', {}, t('deadline', { date: dateText(list.deadline.date) })), ' ', list.deadline.passed ? h('span', { class: 'badge missing' }, t('late')) : null),
    h('p', {}, t('summary', { done, total: list.communes.length, period: formatPeriod(list.period) })),
    h('div', { class: 'table-wrap' }, table),
  );
}
