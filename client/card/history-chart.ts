// The commune card's monthly history of criteria met: a small hand-written SVG step chart on a 0-19 axis,
// one point per review, with the selected period marked.
import type { HistoryPoint } from '../api/answers.ts';
import { formatPeriod, strings } from '../i18n/i18n.ts';
import { svg } from '../dom/h.ts';

const t = strings({
  vi: {
    title: 'Số tiêu chí đạt theo tháng',
    desc: 'Từ {first} ({firstMet} tiêu chí) đến {last} ({lastMet} tiêu chí); thấp nhất {min}, cao nhất {max}. Kỳ đang xem: {selected}.',
    point: '{period}: {met} tiêu chí', axis: 'tiêu chí',
  },
  en: {
    title: 'Criteria met by month',
    desc: 'From {first} ({firstMet} criteria) to {last} ({lastMet} criteria); lowest {min}, highest {max}. Period shown: {selected}.',
    point: '{period}: {met} criteria', axis: 'criteria',
  },
});

const W = 340;
const H = 132;
const M = { left: 26, right: 10, top: 10, bottom: 22 };
const TOTAL = 19;
const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

let charts = 0;

/** An SVG chart (role img, with a title and a description); `selected` is the period the card is for, `shown`
 * the month of the review it shows (earlier when the commune had no review in the period). */
export function historyChart(history: readonly HistoryPoint[], selected: string, shown: string = selected): SVGSVGElement {
  const id = `history-${++charts}`;
  const root = svg('svg', { class: 'history-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, preserveAspectRatio: 'xMidYMid meet' });
  const mets = history.map((p) => p.met);
  root.append(
    svg('title', { id: `${id}-title` }, t('title')),
    svg('desc', { id: `${id}-desc` }, history.length
      ? t('desc', { first: formatPeriod(history[0]!.period), firstMet: history[0]!.met, last: formatPeriod(history.at(-1)!.period), lastMet: history.at(-1)!.met, min: Math.min(...mets), max: Math.max(...mets), selected: formatPeriod(selected) })
      : t('title')),
  );
  if (!history.length) return root;
  const first = monthIndex(history[0]!.period);
  const last = Math.max(monthIndex(history.at(-1)!.period), monthIndex(selected), first + 1);
  const x = (period: string) => M.left + ((monthIndex(period) - first) / (last - first)) * (W - M.left - M.right);
  const y = (met: number) => M.top + (1 - met / TOTAL) * (H - M.top - M.bottom);

  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const v of [0, 5, 10, 15, 19]) {
    grid.append(
      svg('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: v === 19 ? 'full' : '' }),
      svg('text', { x: M.left - 4, y: y(v) + 3.5, 'text-anchor': 'end' }, String(v)),
    );
  }
  const firstYear = Math.floor(first / 12);
  const lastYear = Math.floor(last / 12);
  const yearStep = lastYear - firstYear > 8 ? 2 : 1;
  for (let year = firstYear; year <= lastYear; year++) {
    const idx = year * 12;
    if (idx < first || idx > last) continue;
    const px = M.left + ((idx - first) / (last - first)) * (W - M.left - M.right);
    grid.append(svg('line', { x1: px, x2: px, y1: H - M.bottom, y2: H - M.bottom + 4, class: 'tick' }));
    if ((year - firstYear) % yearStep === 0) grid.append(svg('text', { x: px + 2, y: H - 6, 'text-anchor': 'start' }, String(year)));
  }
  root.append(grid);

  // The selected period: a dashed vertical line.
  const sx = x(selected);
  root.append(svg('line', { class: 'selected-period', x1: sx, x2: sx, y1: M.top - 4, y2: H - M.bottom, 'data-period': selected }));

  // Step line: a value holds until the next review.
  let d = `M${x(history[0]!.period).toFixed(1)},${y(history[0]!.met).toFixed(1)}`;
  for (let i = 1; i < history.length; i++) {
    d += `H${x(history[i]!.period).toFixed(1)}V${y(history[i]!.met).toFixed(1)}`;
  }
  const lastPeriod = history.at(-1)!.period;
  if (monthIndex(selected) > monthIndex(lastPeriod)) d += `H${sx.toFixed(1)}`;
  root.append(svg('path', { class: 'step', d }));

  const points = svg('g', { class: 'points' });
  for (const p of history) {
    const isSelected = p.period === shown;
    points.append(svg('circle', {
      cx: x(p.period).toFixed(1), cy: y(p.met).toFixed(1), r: isSelected ? 4 : 1.8,
      class: `point ${p.provenance}${isSelected ? ' selected' : ''}`, 'data-period': p.period, 'data-met': p.met,
    }, svg('title', {}, t('point', { period: formatPeriod(p.period), met: p.met }))));
  }
  root.append(points);
  return root;
}
