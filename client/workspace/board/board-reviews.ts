// The board's first sections: reviews received vs due (per district for a province, with the communes still
// missing) and the criteria gained and lost since the previous month.
import { formatNumber, formatPeriod, strings } from '../../i18n/i18n.ts';
import { el } from '../dom.ts';
import { dateText } from '../common/workspace-words.ts';
import type { Board } from '../../api/answers.ts';
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
  const fill = el('span', { class: `bar-fill ${tone}` });
  fill.style.width = width;
  return el('span', { class: 'bar-wrap' }, el('span', { class: 'bar', 'aria-hidden': 'true' }, fill), el('span', { class: 'bar-text', text }));
}

export function reviewsSection(board: Board): HTMLElement {
  const r = board.reviews;
  const section = el('section', { class: 'card', 'aria-labelledby': 'board-reviews' },
    el('h2', { id: 'board-reviews', text: t('reviews') }),
    el('p', { text: t('received', { received: r.received, due: r.due, missing: r.missing, date: dateText(board.report_deadline) }) }),
    bar(r.due ? r.received / r.due : 0, `${formatNumber(r.received)}/${formatNumber(r.due)}`, r.missing ? 'bad' : 'good'),
  );
  if (board.scope.level === 'province' && r.by_district.length) {
    const table = el('table', { class: 'list' }, el('caption', { text: t('byDistrict') }), el('thead', {}, el('tr', {}, ...[t('district'), t('due'), t('got'), t('missing'), t('progress')].map((h, i) => el('th', { scope: 'col', class: i && i < 4 ? 'num' : undefined, text: h })))));
    table.append(el('tbody', {}, ...r.by_district.map((d) => el('tr', {},
      el('th', { scope: 'row', text: d.name }),
      el('td', { class: 'num', text: formatNumber(d.due) }),
      el('td', { class: 'num', text: formatNumber(d.received) }),
      el('td', { class: 'num', text: formatNumber(d.missing) }),
      el('td', {}, bar(d.due ? d.received / d.due : 0, `${Math.round(d.due ? (100 * d.received) / d.due : 0)} %`, d.missing ? 'bad' : 'good')),
    ))));
    section.append(el('div', { class: 'table-wrap' }, table));
  }
  if (!r.missing_communes.length) section.append(el('p', { text: t('allIn') }));
  else {
    const byDistrict = new Map<string, string[]>();
    for (const c of r.missing_communes) {
      const key = c.district?.name ?? '';
      byDistrict.set(key, [...(byDistrict.get(key) ?? []), c.name]);
    }
    const list = el('ul', { class: 'plain' }, ...[...byDistrict].map(([district, names]) => el('li', {}, district && board.scope.level === 'province' ? el('strong', { text: `${district}: ` }) : null, names.join(', '))));
    section.append(el('details', { open: r.missing_communes.length <= 20 }, el('summary', { text: t('missingList', { n: r.missing_communes.length }) }), list));
  }
  return section;
}

export function changesSection(board: Board): HTMLElement {
  const c = board.changes;
  const section = el('section', { class: 'card', 'aria-labelledby': 'board-changes' }, el('h2', { id: 'board-changes', text: c.previous_period ? t('changes', { previous: formatPeriod(c.previous_period) }) : t('noPrevious') }));
  if (!c.previous_period) return section;
  section.append(el('p', {}, el('span', { class: 'diff-gained', text: `▲ +${formatNumber(c.gained)}` }), ' ', el('span', { class: 'diff-lost', text: `▼ −${formatNumber(c.lost)}` }), ' · ', t('changeSummary', { gained: c.gained, lost: c.lost, n: c.communes_compared })));
  const changed = c.criteria.filter((x) => x.gained || x.lost);
  if (!changed.length) {
    section.append(el('p', { text: t('noChange') }));
    return section;
  }
  const names = (list: Array<{ name: string }>) => list.map((x) => x.name).join(', ');
  const table = el('table', { class: 'list' }, el('caption', { text: t('changesCaption') }), el('thead', {}, el('tr', {}, ...[t('criterion'), t('gained'), t('lost'), t('communes')].map((h, i) => el('th', { scope: 'col', class: i === 1 || i === 2 ? 'num' : undefined, text: h })))));
  table.append(el('tbody', {}, ...changed.map((x) => el('tr', {},
    el('th', { scope: 'row', text: `${x.number}. ${x.name_vi}` }),
    el('td', { class: 'num diff-gained', text: x.gained ? `+${x.gained}` : '' }),
    el('td', { class: 'num diff-lost', text: x.lost ? `−${x.lost}` : '' }),
    el('td', {}, x.gained_communes.length ? el('span', { class: 'diff-gained', text: `▲ ${names(x.gained_communes)}` }) : null, x.gained_communes.length && x.lost_communes.length ? el('br') : null, x.lost_communes.length ? el('span', { class: 'diff-lost', text: `▼ ${names(x.lost_communes)}` }) : null),
  ))));
  section.append(el('div', { class: 'table-wrap' }, stackTable(table)));
  return section;
}
