/** @module The board's first sections: reviews received vs due (per district for a province, with the communes still
 * missing) and the criteria gained and lost since the previous month. */
import { formatNumber, formatPeriod, strings } from '../../i18n/i18n.ts';
import { dateText } from '../common/workspace-words.ts';
import type { Board } from '../../api/answers.ts';
import { h } from '../../dom/h.ts';
import { stackTable } from '../common/stack-table.ts';

const t = strings({
  vi: {
    reviews: 'Kết quả rà soát đã nhận', received: '{received}/{due} xã đã gửi kết quả rà soát chính thức; còn thiếu {missing} xã. Hạn: {date}.', district: 'Huyện', due: 'Phải gửi', got: 'Đã nhận', missing: 'Còn thiếu', progress: 'Tiến độ',
    missingList: 'Các xã chưa gửi ({n})', allIn: 'Đã nhận đủ kết quả rà soát.', byDistrict: 'Kết quả rà soát theo huyện',
    changes: 'Tiêu chí tăng, giảm so với {previous}', noPrevious: 'Không có tháng trước để so sánh.', changeSummary: '+{gained} lượt tiêu chí mới đạt, −{lost} lượt không còn đạt ({n} xã được so sánh).', noChange: 'Không có tiêu chí nào thay đổi.',
    criterion: 'Tiêu chí', gained: 'Mới đạt', lost: 'Không còn đạt', communes: 'Xã', changesCaption: 'Thay đổi theo tiêu chí',
  },
  en: {
    reviews: 'Reviews received', received: '{received} of {due} communes sent an official review; {missing} missing. Deadline: {date}.', district: 'District', due: 'Due', got: 'Received', missing: 'Missing', progress: 'Progress',
    missingList: 'Communes still missing ({n})', allIn: 'All reviews are in.', byDistrict: 'Reviews by district',
    changes: 'Criteria gained and lost since {previous}', noPrevious: 'No previous month to compare with.', changeSummary: '+{gained} criteria newly met, −{lost} no longer met ({n} communes compared).', noChange: 'No criterion changed.',
    criterion: 'Criterion', gained: 'Gained', lost: 'Lost', communes: 'Communes', changesCaption: 'Changes by criterion',
  },
});

/** A bar for a share (0…1), with the text beside it (the bar itself is decoration). */
export function bar(share: number, text: string, tone: 'good' | 'bad' | 'neutral' = 'neutral'): HTMLElement {
  const width = `${Math.max(0, Math.min(1, share)) * 100}%`;
  const fill = h('span', { class: `bar-fill ${tone}` });
  fill.style.width = width;
  return h('span', { class: 'bar-wrap' }, h('span', { class: 'bar', 'aria-hidden': 'true' }, fill), h('span', { class: 'bar-text' }, text));
}

/** The board's section of reviews received against due, by district, with the communes still missing. */
export function reviewsSection(board: Board): HTMLElement {
  const r = board.reviews;
  const section = h('section', { class: 'card', 'aria-labelledby': 'board-reviews' },
    h('h2', { id: 'board-reviews' }, t('reviews')),
    h('p', {}, t('received', { received: r.received, due: r.due, missing: r.missing, date: dateText(board.report_deadline) })),
    bar(r.due ? r.received / r.due : 0, `${formatNumber(r.received)}/${formatNumber(r.due)}`, r.missing ? 'bad' : 'good'),
  );
  if (board.scope.level === 'province' && r.by_district.length) {
    const table = h('table', { class: 'list' }, h('caption', {}, t('byDistrict')), h('thead', {}, h('tr', {}, ...[t('district'), t('due'), t('got'), t('missing'), t('progress')].map((label, i) => h('th', { scope: 'col', class: i && i < 4 ? 'num' : undefined }, label)))));
    table.append(h('tbody', {}, ...r.by_district.map((d) => h('tr', {},
      h('th', { scope: 'row' }, d.name),
      h('td', { class: 'num' }, formatNumber(d.due)),
      h('td', { class: 'num' }, formatNumber(d.received)),
      h('td', { class: 'num' }, formatNumber(d.missing)),
      h('td', {}, bar(d.due ? d.received / d.due : 0, `${Math.round(d.due ? (100 * d.received) / d.due : 0)} %`, d.missing ? 'bad' : 'good')),
    ))));
    section.append(h('div', { class: 'table-wrap' }, table));
  }
  if (!r.missing_communes.length) section.append(h('p', {}, t('allIn')));
  else {
    const byDistrict = new Map<string, string[]>();
    for (const c of r.missing_communes) {
      const key = c.district?.name ?? '';
      byDistrict.set(key, [...(byDistrict.get(key) ?? []), c.name]);
    }
    const list = h('ul', { class: 'plain' }, ...[...byDistrict].map(([district, names]) => h('li', {}, district && board.scope.level === 'province' ? h('strong', {}, `${district}: `) : null, names.join(', '))));
    section.append(h('details', { open: r.missing_communes.length <= 20 }, h('summary', {}, t('missingList', { n: r.missing_communes.length })), list));
  }
  return section;
}

/** The board's section of criteria gained and lost since the month before. */
export function changesSection(board: Board): HTMLElement {
  const c = board.changes;
  const section = h('section', { class: 'card', 'aria-labelledby': 'board-changes' }, h('h2', { id: 'board-changes' }, c.previous_period ? t('changes', { previous: formatPeriod(c.previous_period) }) : t('noPrevious')));
  if (!c.previous_period) return section;
  section.append(h('p', {}, h('span', { class: 'diff-gained' }, `▲ +${formatNumber(c.gained)}`), ' ', h('span', { class: 'diff-lost' }, `▼ −${formatNumber(c.lost)}`), ' · ', t('changeSummary', { gained: c.gained, lost: c.lost, n: c.communes_compared })));
  const changed = c.criteria.filter((x) => x.gained || x.lost);
  if (!changed.length) {
    section.append(h('p', {}, t('noChange')));
    return section;
  }
  const names = (list: Array<{ name: string }>) => list.map((x) => x.name).join(', ');
  const table = h('table', { class: 'list' }, h('caption', {}, t('changesCaption')), h('thead', {}, h('tr', {}, ...[t('criterion'), t('gained'), t('lost'), t('communes')].map((label, i) => h('th', { scope: 'col', class: i === 1 || i === 2 ? 'num' : undefined }, label)))));
  table.append(h('tbody', {}, ...changed.map((x) => h('tr', {},
    h('th', { scope: 'row' }, `${x.number}. ${x.name_vi}`),
    h('td', { class: 'num diff-gained' }, x.gained ? `+${x.gained}` : ''),
    h('td', { class: 'num diff-lost' }, x.lost ? `−${x.lost}` : ''),
    h('td', {}, x.gained_communes.length ? h('span', { class: 'diff-gained' }, `▲ ${names(x.gained_communes)}`) : null, x.gained_communes.length && x.lost_communes.length ? h('br') : null, x.lost_communes.length ? h('span', { class: 'diff-lost' }, `▼ ${names(x.lost_communes)}`) : null),
  ))));
  section.append(h('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
