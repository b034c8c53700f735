/** @module A scope's summary at a period: levels, criteria-met bins, per-criterion rates, special-difficulty vs other
 * communes, the criteria most often missing, and progress against the targets that apply. */
import { metRanges } from '../criterion/bins.ts';
import type { ApiContext } from '../context/context.ts';
import type { Scope } from '../scope/scope.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import type { Period } from '../period/period.ts';
import type { Level } from '../recognition/standing.ts';
import { targetProgress, type TargetProgress } from '../target/progress.ts';
import { targetsFor } from '../target/target-store.ts';
import type { Era } from '../era/era.ts';
import { type GroupTally, type ProvenanceCount, type Tally, tallyOf } from './tally.ts';

/** How many communes meet a given number of criteria (one bar of the histogram). */
export interface MetBin {
  label: string;
  min: number;
  max: number;
  communes: number;
}

/** A group's share of criteria met across the scope's communes. */
export interface GroupSummary {
  communes: number;
  average_met: number | null;
  recognised: number;
  share_recognised: number | null;
}

/** How many communes meet one criterion, and the share. */
export interface CriterionRate {
  number: number;
  code: string;
  name_vi: string;
  name_en: string;
  group: number | null;
  communes_met: number;
  rate: number | null;
}

/** A criterion many communes miss, with how many. */
export interface MissingCriterion {
  number: number;
  code: string;
  name_vi: string;
  name_en: string;
  communes_missing: number;
  share_missing: number;
}

/** The summary of a scope at a period: levels, bins of criteria met, groups, rates, the most missed criteria and
 * provenance. */
export interface Summary {
  communes: number;
  carried: number;
  levels: Record<Level, number>;
  recognised: number;
  share_recognised: number | null;
  average_met: number | null;
  bins: MetBin[];
  criteria: CriterionRate[];
  most_missing: MissingCriterion[];
  special_difficulty: { special: GroupSummary; other: GroupSummary };
  targets: TargetProgress[];
  provenance: { reviews: ProvenanceCount; levels: ProvenanceCount; special: ProvenanceCount };
}

/** How many of the most missed criteria the summary lists. */
export const MOST_MISSING = 5;

const ratio = (n: number, d: number, digits = 4): number | null => (d === 0 ? null : Math.round((n / d) * 10 ** digits) / 10 ** digits);

/** Bins of criteria met for a set of n criteria: below 10, 10-14, 15 to n-1, all n (the 2021-2025 set: <10, 10-14, 15-18, 19). */
export function metBins(byMet: readonly number[], n: number): MetBin[] {
  return metRanges(n).map(({ min, max }) => {
      let communes = 0;
      for (let m = min; m <= max; m++) communes += byMet[m] ?? 0;
      const label = min === 0 ? `<${max + 1}` : min === max ? String(min) : `${min}-${max}`;
      return { label, min, max, communes };
  });
}

function group(g: GroupTally): GroupSummary {
  return { communes: g.communes, average_met: ratio(g.metSum, g.communes, 2), recognised: g.recognised, share_recognised: ratio(g.recognised, g.communes) };
}

/** Turns a tally of statuses into the summary's figures for the criteria set. */
export function summarise(tally: Tally, set: CriteriaSet): Omit<Summary, 'targets'> {
  const recognised = tally.communes - tally.levels.chua_dat;
  const criteria = set.criteria.map((c) => ({
    number: c.number,
    code: c.code,
    name_vi: c.name_vi,
    name_en: c.name_en,
    group: c.group,
    communes_met: tally.byCriterion[c.number] ?? 0,
    rate: ratio(tally.byCriterion[c.number] ?? 0, tally.communes),
  }));
  const most_missing = criteria
    .map((c) => ({ number: c.number, code: c.code, name_vi: c.name_vi, name_en: c.name_en, communes_missing: tally.communes - c.communes_met }))
    .filter((c) => c.communes_missing > 0)
    .sort((a, b) => b.communes_missing - a.communes_missing || a.number - b.number)
    .slice(0, MOST_MISSING)
    .map((c) => ({ ...c, share_missing: ratio(c.communes_missing, tally.communes)! }));
  return {
    communes: tally.communes,
    carried: tally.carried,
    levels: { ...tally.levels },
    recognised,
    share_recognised: ratio(recognised, tally.communes),
    average_met: ratio(tally.metSum, tally.communes, 2),
    bins: metBins(tally.byMet, set.criteria_count),
    criteria,
    most_missing,
    special_difficulty: { special: group(tally.special), other: group(tally.other) },
    provenance: tally.provenance,
  };
}

/** A scope's summary in the period's era, with progress against the targets set in the period's structure
 * (a province's targets of 2025 for the old province, of 2030 for today's; each figure read in those units only:
 * server/target/progress.ts). A former district has no targets of its own. */
export async function scopeSummary(ctx: ApiContext, era: Era, scope: Scope, period: Period): Promise<Summary> {
  const measurable = scope.level !== 'former_district';
  const [statuses, targets] = await Promise.all([ctx.status.at(period), measurable ? targetsFor(ctx.ndb.db, era.units, scope) : []]);
  const tally = tallyOf(era.units, statuses, period, scope.code);
  return { ...summarise(tally, era.set), targets: measurable ? await targetProgress(ctx, targets, period) : [] };
}
