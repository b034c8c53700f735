/** @module Units ranked by the share of their rural communes recognised at a period, and by the change of that share
 * over the last 12 months (like NITI Aayog's monthly delta ranking of aspirational districts). */
import type { ApiContext } from '../context/context.ts';
import { addMonths, type Period } from '../period/period.ts';
import { type ProvenanceCount, tallyOf } from '../summary/tally.ts';
import type { Unit } from '../unit/unit-store.ts';
import type { Era } from '../era/era.ts';

/** What the ranking orders by: the share of recognised communes now, or its change since the earlier period. */
export type RankBy = 'share' | 'delta';

/** One unit of the ranking: its communes and recognised communes now and at the earlier period, the share, its
 * change and rank. */
export interface RankingRow {
  code: string;
  name: string;
  communes: number;
  recognised: number;
  share: number;
  communes_earlier: number | null;
  recognised_earlier: number | null;
  share_earlier: number | null;
  delta: number | null;
  rank: number | null;
}

/** A ranking: the earlier period compared with, the ranked rows, the units left out (with why) and provenance. */
export interface Ranking {
  earlierPeriod: Period;
  rows: RankingRow[];
  excluded: Array<{ code: string; name: string; reason: string }>;
  provenance: { levels: ProvenanceCount; earlier_levels: ProvenanceCount | null };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Competition ranks ("1224") by a key, highest first; rows without a key get no rank and go last. Rows with
 * equal keys keep code order. */
export function rankRows(rows: RankingRow[], key: (r: RankingRow) => number | null): RankingRow[] {
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? cmp(a.code, b.code) : ka === null ? 1 : -1;
    return kb - ka || cmp(a.code, b.code);
  });
  let previous: number | null = null;
  let rank = 0;
  sorted.forEach((row, i) => {
    const k = key(row);
    if (k === null) {
      row.rank = null;
      return;
    }
    if (k !== previous) rank = i + 1;
    previous = k;
    row.rank = rank;
  });
  return sorted;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ranks units by share or change, each read in the era's structure; a unit without an earlier figure is left out
 * of the change ranking. */
export async function rankUnits(ctx: Pick<ApiContext, 'eras' | 'periods' | 'status'>, era: Era, units: readonly Unit[], period: Period, by: RankBy): Promise<Ranking> {
  const earlierPeriod = addMonths(period, -12);
  // A year earlier in another unit structure has other units under the same codes: no change is computed then.
  const comparable = ctx.periods.has(earlierPeriod) && ctx.eras.at(earlierPeriod).structure.code === era.structure.code;
  const [now, earlier] = await Promise.all([ctx.status.at(period), comparable ? ctx.status.at(earlierPeriod) : null]);
  const levels = { official: 0, illustrative: 0 };
  const earlierLevels = earlier ? { official: 0, illustrative: 0 } : null;
  const rows: RankingRow[] = [];
  const excluded: Ranking['excluded'] = [];
  for (const unit of units) {
    const tally = tallyOf(era.units, now, period, unit.code);
    if (tally.communes === 0) {
      excluded.push({ code: unit.code, name: unit.name, reason: 'no rural communes (xã) with data' });
      continue;
    }
    levels.official += tally.provenance.levels.official;
    levels.illustrative += tally.provenance.levels.illustrative;
    const recognised = tally.communes - tally.levels.chua_dat;
    const share = round4(recognised / tally.communes);
    const row: RankingRow = {
      code: unit.code,
      name: unit.name,
      communes: tally.communes,
      recognised,
      share,
      communes_earlier: null,
      recognised_earlier: null,
      share_earlier: null,
      delta: null,
      rank: null,
    };
    if (earlier && earlierLevels) {
      const before = tallyOf(era.units, earlier, earlierPeriod, unit.code);
      earlierLevels.official += before.provenance.levels.official;
      earlierLevels.illustrative += before.provenance.levels.illustrative;
      if (before.communes > 0) {
        row.communes_earlier = before.communes;
        row.recognised_earlier = before.communes - before.levels.chua_dat;
        row.share_earlier = round4(row.recognised_earlier / before.communes);
        row.delta = round4(share - row.share_earlier);
      }
    }
    rows.push(row);
  }
  return {
    earlierPeriod,
    rows: rankRows(rows, by === 'share' ? (r) => r.share : (r) => r.delta),
    excluded,
    provenance: { levels, earlier_levels: earlierLevels },
  };
}
