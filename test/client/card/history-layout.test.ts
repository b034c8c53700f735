// The card's history chart across criteria sets (client/card/history-layout.ts): a commune of today's units
// scored on 19 criteria to 2026-01 and on 10 from 2026-02 is drawn as two segments, each against its own
// total, the line broken where the set changes; an old commune's chart stays one segment on 0-19.
import { describe, expect, it } from 'vitest';
import { gridValues, historyLayout, type HistoryPoint } from '../../../client/card/history-layout.ts';

const point = (period: string, met: number, set: '2021-2025' | '2026-2030'): HistoryPoint =>
  ({ period, met, criteria_set: set, total: set === '2021-2025' ? 19 : 10, provenance: 'illustrative' });
const months = (from: number, to: number, year: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);

// 2025-07 … 2026-01 on the 19 criteria (14 met at the end), 2026-02 … 2026-11 on the 10 (6 met).
const today = [
  ...[...months(7, 12, 2025), '2026-01'].map((p, i) => point(p, 12 + Math.min(i, 2), '2021-2025')),
  ...months(2, 11, 2026).map((p) => point(p, 6, '2026-2030')),
];

describe('the history chart across criteria sets', () => {
  it('marks 0, the fives and the total of each set', () => {
    expect(gridValues(19)).toEqual([0, 5, 10, 15, 19]);
    expect(gridValues(10)).toEqual([0, 5, 10]);
  });

  it('draws a today\'s commune as two segments, each month against its own set, broken at 2026-02', () => {
    const layout = historyLayout(today, '2026-11', '2026-2030')!;
    expect(layout.segments.map((s) => [s.set, s.total, s.from, s.to, s.points.length])).toEqual([
      ['2021-2025', 19, '2025-07', '2026-01', 7],
      ['2026-2030', 10, '2026-02', '2026-11', 10],
    ]);
    const [before, after] = layout.segments as [typeof layout.segments[0], typeof layout.segments[0]];
    // The top of the chart is "every criterion of the set": 19/19 and 10/10 at one height, 14/19 above 6/10
    // (74 % against 60 %), where one 0-19 axis would have put 6 far below 14 and 10/10 at half height.
    expect(before.ticks.at(-1)!.y).toBe(after.ticks.at(-1)!.y);
    expect(before.ticks[0]!.y).toBe(after.ticks[0]!.y);
    const h = before.ticks[0]!.y - before.ticks.at(-1)!.y;
    expect(before.points.at(-1)!.y).toBeCloseTo(before.ticks[0]!.y - (14 / 19) * h, 5);
    expect(after.points[0]!.y).toBeCloseTo(after.ticks[0]!.y - (6 / 10) * h, 5);
    // No line joins the sets: each path starts at its own first point; the first holds to the set change.
    expect(after.d.startsWith(`M${after.points[0]!.x.toFixed(1)},`)).toBe(true);
    expect(before.d.endsWith(`H${after.x0.toFixed(1)}`)).toBe(true);
    expect(layout.changes).toEqual([{ period: '2026-02', x: after.x0, set: '2026-2030', total: 10 }]);
    // The axes say which set: 0-19 on the left, 0-10 on the right.
    expect(layout.leftAxis.ticks.map((t) => t.value)).toEqual([0, 5, 10, 15, 19]);
    expect(layout.rightAxis!.ticks.map((t) => t.value)).toEqual([0, 5, 10]);
    // Each grid covers only its own months.
    expect(before.x1).toBe(after.x0);
    expect(after.x1).toBe(layout.width - layout.margin.right);
  });

  it('keeps an old commune\'s chart (2021-01 … 2025-06) on one 0-19 axis', () => {
    const old = [2021, 2022, 2023, 2024].flatMap((y) => months(1, 12, y)).concat(months(1, 6, 2025)).map((p, i) => point(p, Math.min(8 + Math.floor(i / 6), 19), '2021-2025'));
    const layout = historyLayout(old, '2025-06', '2021-2025')!;
    expect(layout.segments).toHaveLength(1);
    expect(layout.changes).toEqual([]);
    expect(layout.rightAxis).toBeNull();
    expect(layout.leftAxis.ticks.map((t) => t.value)).toEqual([0, 5, 10, 15, 19]);
    expect(layout.segments[0]!.points).toHaveLength(old.length);
  });

  it('holds the last value to the selected month only within its set', () => {
    // Reviews end in 2026-01 (19 criteria) and the card is for 2026-05 (10 criteria): the 19-count stops.
    const stopped = historyLayout(today.slice(0, 7), '2026-05', '2026-2030')!;
    expect(stopped.segments[0]!.d.endsWith(`H${stopped.selectedX.toFixed(1)}`)).toBe(false);
    const held = historyLayout(today.slice(0, 5), '2026-01', '2021-2025')!;
    expect(held.segments[0]!.d.endsWith(`H${held.selectedX.toFixed(1)}`)).toBe(true);
  });
});
