// "Monthly reviews": the communes of the chosen district with this month's review done or missing, the
// reporting deadline, and a link to each commune's review form.
import { formatNumber, formatPeriod, getLang, strings } from '../../i18n/i18n.ts';
import { workspaceGet } from '../workspace-http.ts';
import { el } from '../dom.ts';
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

export async function renderReviewList(main: HTMLElement, ctx: ViewContext): Promise<void> {
  const query = new URLSearchParams(ctx.params[0] ?? '');
  const scope: Scope = { ...homeScope(ctx.session), ...(query.get('province') ? { province: query.get('province') } : {}), ...(query.get('district') ? { district: query.get('district') } : {}) };
  const reload = (s: Scope, period: string) => ctx.go(`reviews/${new URLSearchParams({ ...(s.province ? { province: s.province } : {}), ...(s.district ? { district: s.district } : {}), period })}`);
  const picker = await periodPicker(query.get('period'), (p) => reload(scope, p));
  const scopeEl = await scopePicker(ctx.session, scope, (s) => reload(s, picker.value), { provinceLevel: false });
  const body = el('div');
  main.replaceChildren(el('h1', { text: t('title') }), el('div', { class: 'row card' }, scopeEl, picker.wrap), body);
  const commune = ctx.session.user.unit?.level === 'commune' ? ctx.session.user.unit.code : null;
  if (commune) {
    ctx.go(`review/${commune}/${picker.value}`);
    return;
  }
  // Today's units have no districts: a province's communes are listed whole.
  if (!scope.district && !(scope.province && !ctx.session.user.structure.has_districts)) {
    body.append(el('p', { text: t('pick') }));
    return;
  }
  const list = await workspaceGet<ReviewList>(`/admin/reviews?${scopeQuery(scope)}&period=${picker.value}`);
  const done = list.counts.done;
  const table = el('table', { class: 'list' }, el('caption', { text: t('caption', { period: formatPeriod(list.period) }) }));
  table.append(el('thead', {}, el('tr', {}, ...[t('commune'), t('state'), t('met'), t('by'), ''].map((h, i) => el('th', { scope: 'col', class: i === 2 ? 'num' : undefined, text: h })))));
  const rows = el('tbody');
  for (const c of list.communes) {
    const isDone = c.status === 'done';
    const badge = isDone ? el('span', { class: 'badge official', text: t('done') }) : el('span', { class: 'badge missing', text: t('missing') });
    const r = c.review;
    rows.append(
      el('tr', {},
        el('th', { scope: 'row', text: c.name }),
        el('td', {}, badge),
        el('td', { class: 'num', text: r === null ? '—' : `${formatNumber(r.met_count)}/${list.criteria_count}${r.provenance === 'illustrative' ? ` (${t('illustrative')})` : ''}` }),
        el('td', { text: isDone && r?.reviewed_by ? `${r.reviewed_by} · ${dateText(r.reviewed_at)}` : '' }),
        el('td', {}, el('a', { href: `#review/${c.code}/${list.period}`, text: isDone ? t('open') : t('enter'), 'aria-label': `${isDone ? t('open') : t('enter')}: ${c.name}` })),
      ),
    );
  }
  table.append(rows);
  body.append(
    el('p', {}, el('strong', { text: t('deadline', { date: dateText(list.deadline.date) }) }), ' ', list.deadline.passed ? el('span', { class: 'badge missing', text: t('late') }) : null),
    el('p', { text: t('summary', { done, total: list.communes.length, period: formatPeriod(list.period) }) }),
    el('div', { class: 'table-wrap' }, table),
  );
}
