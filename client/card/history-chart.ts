// The commune card's monthly history of criteria met: a small hand-written SVG step chart, one point per
// review, with the selected period marked. Each month is plotted against its own criteria set (19 criteria to
// 2026-01, 10 from 2026-02): the geometry is in history-layout.ts; here the elements and the words.
import { formatPeriod, strings } from '../i18n/i18n.ts';
import { svg } from '../dom/h.ts';
import { historyLayout, runsOfSet, type HistoryPoint } from './history-layout.ts';

export type { HistoryPoint } from './history-layout.ts';

const t = strings({
  vi: {
    title: 'Số tiêu chí đạt theo tháng',
    desc: 'Từ {first} ({firstMet}) đến {last} ({lastMet}); thấp nhất {min}, cao nhất {max}.',
    descSet: 'Bộ {total} tiêu chí: từ {first} ({firstMet}) đến {last} ({lastMet}).',
    selected: 'Kỳ đang xem: {selected}.',
    point: '{period}: {met}/{total} tiêu chí', of: '{met}/{total}', set: '{total} tiêu chí',
  },
  en: {
    title: 'Criteria met by month',
    desc: 'From {first} ({firstMet}) to {last} ({lastMet}); lowest {min}, highest {max}.',
    descSet: 'Set of {total} criteria: from {first} ({firstMet}) to {last} ({lastMet}).',
    selected: 'Period shown: {selected}.',
    point: '{period}: {met}/{total} criteria', of: '{met}/{total}', set: '{total} criteria',
  },
});

let charts = 0;

/** "12/19": criteria met out of the point's own set, for the chart's labels and the card's table. */
export const metOfTotal = (p: Pick<HistoryPoint, 'met' | 'total'>): string => t('of', { met: p.met, total: p.total });

/** The chart's text alternative: one sentence per criteria set, then the period shown. */
function description(history: readonly HistoryPoint[], selected: string): string {
  const runs = runsOfSet(history);
  const sentences = runs.length === 1
    ? [t('desc', {
        first: formatPeriod(history[0]!.period), firstMet: metOfTotal(history[0]!), last: formatPeriod(history.at(-1)!.period), lastMet: metOfTotal(history.at(-1)!),
        min: Math.min(...history.map((p) => p.met)), max: Math.max(...history.map((p) => p.met)),
      })]
    : runs.map((run) => t('descSet', { total: run[0]!.total, first: formatPeriod(run[0]!.period), firstMet: metOfTotal(run[0]!), last: formatPeriod(run.at(-1)!.period), lastMet: metOfTotal(run.at(-1)!) }));
  return [...sentences, t('selected', { selected: formatPeriod(selected) })].join(' ');
}

/** An SVG chart (role img, with a title and a description); `selected` is the period the card is for, `shown`
 * the month of the review it shows (earlier when the commune had no review in the period), `selectedSet` the
 * criteria set of the selected period (null when not scored). */
export function historyChart(history: readonly HistoryPoint[], selected: string, shown: string = selected, selectedSet: string | null = null): SVGSVGElement {
  const id = `history-${++charts}`;
  const layout = historyLayout(history, selected, selectedSet ?? history.at(-1)?.criteria_set ?? null);
  const W = layout?.width ?? 340;
  const H = layout?.height ?? 132;
  const root = svg('svg', { class: 'history-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, preserveAspectRatio: 'xMidYMid meet' });
  root.append(svg('title', { id: `${id}-title` }, t('title')), svg('desc', { id: `${id}-desc` }, layout ? description(history, selected) : t('title')));
  if (!layout) return root;
  const { margin: M, segments } = layout;

  // Each set's own grid, over the months scored on it; the axis labels of the first set on the left and, when
  // the last set has another total, of the last set on the right.
  const grid = svg('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const s of segments) {
    for (const tick of s.ticks) grid.append(svg('line', { x1: s.x0, x2: s.x1, y1: tick.y, y2: tick.y, class: tick.value === s.total ? 'full' : '' }));
  }
  for (const tick of layout.leftAxis.ticks) grid.append(svg('text', { x: M.left - 4, y: tick.y + 3.5, 'text-anchor': 'end' }, String(tick.value)));
  if (layout.rightAxis) {
    for (const tick of layout.rightAxis.ticks) grid.append(svg('text', { x: W - M.right + 4, y: tick.y + 3.5, 'text-anchor': 'start' }, String(tick.value)));
  }
  // Where a set changes: a vertical mark, and each segment named by its set above it.
  if (segments.length > 1) {
    for (const c of layout.changes) grid.append(svg('line', { class: 'set-change', x1: c.x, x2: c.x, y1: 2, y2: H - M.bottom, 'data-period': c.period }));
    for (const s of segments) {
      const right = s === segments.at(-1);
      grid.append(svg('text', { class: 'set-name', x: right ? s.x0 + 3 : s.x1 - 3, y: 9, 'text-anchor': right ? 'start' : 'end', 'data-set': s.set }, t('set', { total: s.total })));
    }
  }
  for (const year of layout.years) {
    grid.append(svg('line', { x1: year.x, x2: year.x, y1: H - M.bottom, y2: H - M.bottom + 4, class: 'tick' }));
    if (year.label) grid.append(svg('text', { x: year.x + 2, y: H - 6, 'text-anchor': 'start' }, String(year.year)));
  }
  root.append(grid);

  // The selected period: a dashed vertical line.
  root.append(svg('line', { class: 'selected-period', x1: layout.selectedX, x2: layout.selectedX, y1: M.top - 4, y2: H - M.bottom, 'data-period': selected }));
  for (const s of segments) root.append(svg('path', { class: 'step', d: s.d, 'data-set': s.set }));

  const points = svg('g', { class: 'points' });
  for (const p of segments.flatMap((s) => s.points)) {
    const isSelected = p.period === shown;
    points.append(svg('circle', {
      cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: isSelected ? 4 : 1.8,
      class: `point ${p.provenance}${isSelected ? ' selected' : ''}`, 'data-period': p.period, 'data-met': p.met, 'data-total': p.total,
    }, svg('title', {}, t('point', { period: formatPeriod(p.period), met: p.met, total: p.total }))));
  }
  root.append(points);
  return root;
}
