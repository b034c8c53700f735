// The geometry of the commune card's history chart, without the DOM (so it is tested in Node): where each
// month's point, the step line, the grid and the axes go. A commune of today's units was scored on the 19
// criteria of 2021-2025 until 2026-01 and on the 10 of 2026-2030 from 2026-02: a count of one set is no count
// of the other, so each run of months of one set is its own segment, plotted against its own total (the top of
// the chart is "every criterion of the set"), with its own grid and axis labels, and the line breaks where the
// set changes instead of joining 14/19 to 6/10.
import type { CommuneCard } from '../api/answers.ts';

/** One review as the card's history gives it: criteria met out of `total`, the criteria of `criteria_set`. */
export type HistoryPoint = CommuneCard['history'][number];

/** A point placed on the chart. */
export interface PlacedPoint extends HistoryPoint { x: number; y: number }

/** A run of consecutive reviews on one criteria set. */
export interface Segment {
  set: string;
  total: number;
  /** First and last review month of the run. */
  from: string;
  to: string;
  /** The horizontal extent the segment's grid spans (to the next segment's start, or the chart's end). */
  x0: number;
  x1: number;
  /** Grid values of the set (multiples of 5 and the total) and their heights. */
  ticks: Array<{ value: number; y: number }>;
  /** The step line (a value holds until the next review of the same set). */
  d: string;
  points: PlacedPoint[];
}

export interface HistoryLayout {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
  segments: Segment[];
  /** Where a criteria set begins after another one: a vertical mark. */
  changes: Array<{ period: string; x: number; set: string; total: number }>;
  years: Array<{ year: number; x: number; label: boolean }>;
  /** The horizontal position of the card's period. */
  selectedX: number;
  /** The axis labels: the first segment's on the left, the last segment's on the right when it differs. */
  leftAxis: Segment;
  rightAxis: Segment | null;
}

const W = 340;
const H = 132;
const monthIndex = (period: string) => Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

/** The values a set's grid marks: 0, the multiples of 5 below the total, and the total itself. */
export function gridValues(total: number): number[] {
  const out: number[] = [];
  for (let v = 0; v < total; v += 5) if (total - v >= 2 || v === 0) out.push(v);
  out.push(total);
  return out;
}

/** Splits the history into runs of one criteria set, in order (a set met again later starts a new run). */
export function runsOfSet(history: readonly HistoryPoint[]): HistoryPoint[][] {
  const runs: HistoryPoint[][] = [];
  for (const p of history) {
    const run = runs.at(-1);
    if (run && run[0]!.criteria_set === p.criteria_set) run.push(p);
    else runs.push([p]);
  }
  return runs;
}

/**
 * Lays the chart out. `selected` is the card's period; `selectedSet` the criteria set of that period (null when
 * the commune is not scored): the last value is drawn on to the selected month only when that month is of the
 * same set — a 19-criteria count does not hold into months scored on 10.
 */
export function historyLayout(history: readonly HistoryPoint[], selected: string, selectedSet: string | null): HistoryLayout | null {
  if (!history.length) return null;
  const runs = runsOfSet(history);
  const twoAxes = runs.length > 1 && runs.at(-1)![0]!.total !== runs[0]![0]!.total;
  const margin = { left: 26, right: twoAxes ? 26 : 10, top: runs.length > 1 ? 20 : 10, bottom: 22 };
  const first = monthIndex(history[0]!.period);
  const last = Math.max(monthIndex(history.at(-1)!.period), monthIndex(selected), first + 1);
  const xOfIndex = (idx: number) => margin.left + ((idx - first) / (last - first)) * (W - margin.left - margin.right);
  const x = (period: string) => xOfIndex(monthIndex(period));
  const y = (share: number) => margin.top + (1 - share) * (H - margin.top - margin.bottom);
  const sx = x(selected);

  const segments: Segment[] = runs.map((run, i) => {
    const total = run[0]!.total;
    const next = runs[i + 1];
    const x0 = i === 0 ? margin.left : x(run[0]!.period);
    const x1 = next ? x(next[0]!.period) : W - margin.right;
    const points = run.map((p) => ({ ...p, x: x(p.period), y: y(p.met / total) }));
    let d = `M${points[0]!.x.toFixed(1)},${points[0]!.y.toFixed(1)}`;
    for (const p of points.slice(1)) d += `H${p.x.toFixed(1)}V${p.y.toFixed(1)}`;
    const end = points.at(-1)!;
    // The value holds until the next review of the set: up to the next set's start, or to the selected month.
    const holdTo = next ? x1 : selectedSet === run[0]!.criteria_set && sx > end.x ? sx : end.x;
    if (holdTo > end.x) d += `H${holdTo.toFixed(1)}`;
    return { set: run[0]!.criteria_set, total, from: run[0]!.period, to: run.at(-1)!.period, x0, x1, ticks: gridValues(total).map((value) => ({ value, y: y(value / total) })), d, points };
  });

  const years: HistoryLayout['years'] = [];
  const firstYear = Math.floor(first / 12);
  const lastYear = Math.floor(last / 12);
  const yearStep = lastYear - firstYear > 8 ? 2 : 1;
  for (let year = firstYear; year <= lastYear; year++) {
    const idx = year * 12;
    if (idx < first || idx > last) continue;
    years.push({ year, x: xOfIndex(idx), label: (year - firstYear) % yearStep === 0 });
  }
  return {
    width: W,
    height: H,
    margin,
    segments,
    changes: segments.slice(1).map((s) => ({ period: s.from, x: s.x0, set: s.set, total: s.total })),
    years,
    selectedX: sx,
    leftAxis: segments[0]!,
    rightAxis: twoAxes ? segments.at(-1)! : null,
  };
}
