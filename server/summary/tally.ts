/** @module The statuses of a scope's rural communes at a period added up: counts by level and by criteria met, the
 * communes meeting each criterion, special-difficulty vs other communes, and how many of the inputs are
 * official or illustrative. Kept per status table (one per period, cached by the status service) and scope,
 * so that summaries, rankings and target progress read the same figures without re-counting. */
import type { Provenance } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import { LEVELS, type Level } from '../recognition/standing.ts';
import type { CommuneStatus } from '../status/status-service.ts';
import type { UnitStore } from '../unit/unit-store.ts';

/** How many figures are official and how many illustrative. */
export interface ProvenanceCount {
  official: number;
  illustrative: number;
}

/** Criteria met within one group, summed over communes. */
export interface GroupTally {
  communes: number;
  /** Sum of criteria met (for the average). */
  metSum: number;
  /** Communes at a level other than chua_dat. */
  recognised: number;
}

/** The counts a summary is made from, gathered in one pass over the communes' statuses. */
export interface Tally {
  communes: number;
  /** Communes shown with a review from an earlier month than the period. */
  carried: number;
  levels: Record<Level, number>;
  /** `byMet[n]`: communes meeting exactly n criteria (0..32). */
  byMet: number[];
  /** `byCriterion[n]`: communes meeting criterion n (index 0 unused). */
  byCriterion: number[];
  metSum: number;
  special: GroupTally;
  other: GroupTally;
  /** One input per commune and figure: a review's provenance for criteria; the recognition decision's for a
   * level (the review's when no decision is recorded, i.e. chưa đạt); the listing's for special-difficulty
   * (the review's when the commune is not listed). */
  provenance: { reviews: ProvenanceCount; levels: ProvenanceCount; special: ProvenanceCount };
  /** The statuses added up, in commune-code order. */
  statuses: readonly CommuneStatus[];
}

const MAX_CRITERIA = 32;

const cache = new WeakMap<ReadonlyMap<string, CommuneStatus>, Map<string, Tally>>();

/** The tally of the rural communes of `scope` (a province or district code, '' for the country) that have a
 * status in `statuses` (the status service's table for `period`). */
export function tallyOf(units: UnitStore, statuses: ReadonlyMap<string, CommuneStatus>, period: Period, scope: string): Tally {
  let byScope = cache.get(statuses);
  if (!byScope) cache.set(statuses, (byScope = new Map()));
  let tally = byScope.get(scope);
  if (!tally) {
    const list: CommuneStatus[] = [];
    for (const code of units.ruralCommunes(scope, period)) {
      const s = statuses.get(code);
      if (s) list.push(s);
    }
    byScope.set(scope, (tally = tallyStatuses(list, period)));
  }
  return tally;
}

/** Counts the statuses of a scope's communes at a period in one pass. */
export function tallyStatuses(statuses: readonly CommuneStatus[], period: Period): Tally {
  const levels = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  const byMet = new Array<number>(MAX_CRITERIA + 1).fill(0);
  const byCriterion = new Array<number>(MAX_CRITERIA + 1).fill(0);
  const special: GroupTally = { communes: 0, metSum: 0, recognised: 0 };
  const other: GroupTally = { communes: 0, metSum: 0, recognised: 0 };
  const count = (): ProvenanceCount => ({ official: 0, illustrative: 0 });
  const provenance = { reviews: count(), levels: count(), special: count() };
  let metSum = 0;
  let carried = 0;
  for (const s of statuses) {
    levels[s.level]++;
    byMet[s.met]!++;
    for (let mask = s.mask, n = 1; mask !== 0; mask >>>= 1, n++) if (mask & 1) byCriterion[n]!++;
    metSum += s.met;
    const group = s.special ? special : other;
    group.communes++;
    group.metSum += s.met;
    if (s.level !== 'chua_dat') group.recognised++;
    provenance.reviews[s.provenance]++;
    provenance.levels[levelProvenance(s)]++;
    provenance.special[s.specialProvenance ?? s.provenance]++;
    if (s.asOf !== period) carried++;
  }
  return { communes: statuses.length, carried, levels, byMet, byCriterion, metSum, special, other, provenance, statuses };
}

/** The provenance of a commune's level: its recognition decision's, or its review's when none is recorded. */
export function levelProvenance(s: CommuneStatus): Provenance {
  return s.levelProvenance ?? s.provenance;
}

/** Communes at `level` or above (nâng cao and kiểu mẫu communes are đạt chuẩn communes too). */
export function atLeast(levels: Record<Level, number>, level: Level): number {
  let n = 0;
  for (let i = LEVELS.indexOf(level); i < LEVELS.length; i++) n += levels[LEVELS[i]!];
  return n;
}

/** Communes meeting at least `min` criteria. */
export function withAtLeast(byMet: readonly number[], min: number): number {
  let n = 0;
  for (let m = Math.max(0, min); m < byMet.length; m++) n += byMet[m]!;
  return n;
}
