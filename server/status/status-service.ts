/** @module Every rural commune's status at a period (in the period's own unit structure): criteria met (from its latest review at or before the period,
 * saying from which month), the recognition level in force and the special-difficulty flag. Computed
 * once per period for the whole country and kept (a period's status only changes when officials write). */
import type { Kysely } from 'kysely';
import type { Database, Provenance } from '../db/schema.ts';
import { latestReviewsAt } from '../db/review-query.ts';
import type { Period } from '../period/period.ts';
import type { Level, StandingStore } from '../recognition/standing.ts';
import type { EraStore } from '../era/era.ts';

/** A rural commune's status at a period: criteria met, level, listing, and the provenance of each. */
export interface CommuneStatus {
  code: string;
  met: number;
  mask: number;
  /** The month of the review shown (earlier than the period when the commune had no review that month). */
  asOf: Period;
  provenance: Provenance;
  level: Level;
  levelProvenance: Provenance | null;
  special: boolean;
  specialProvenance: Provenance | null;
}

/** The map's status of every commune at a period, computed once per period and kept until a write. */
export interface StatusService {
  /** Status of every rural commune with a review at or before `period`, by code. */
  at(period: Period): Promise<ReadonlyMap<string, CommuneStatus>>;
  /** Forget cached periods (after a write). */
  invalidate(): void;
}

const CACHE_PERIODS = 24;

/** Creates the status service over the reviews and standings, caching the last 24 periods asked for. */
export function createStatusService(db: Kysely<Database>, eras: EraStore, standings: StandingStore): StatusService {
  const cache = new Map<Period, Promise<ReadonlyMap<string, CommuneStatus>>>();
  const compute = async (period: Period) => {
    // The period's own structure and the communes it scores then: a review is never read across eras.
    const { structure, units } = eras.at(period);
    const reviews = await latestReviewsAt(db, structure.code, period, units.ruralCommunes('', period));
    const out = new Map<string, CommuneStatus>();
    for (const r of reviews) {
      const standing = standings.at(structure.code, r.commune_code, period);
      out.set(r.commune_code, {
        code: r.commune_code,
        met: r.met_count,
        mask: r.met_mask,
        asOf: r.period,
        provenance: r.provenance,
        level: standing.level,
        levelProvenance: standing.recognition?.provenance ?? null,
        special: standing.special,
        specialProvenance: standing.listing?.provenance ?? null,
      });
    }
    return out;
  };
  return {
    at(period) {
      let entry = cache.get(period);
      if (entry) {
        cache.delete(period); // re-insert: most recently used last
      } else {
        entry = compute(period);
        entry.catch(() => cache.delete(period));
      }
      cache.set(period, entry);
      while (cache.size > CACHE_PERIODS) cache.delete(cache.keys().next().value!);
      return entry;
    },
    invalidate: () => cache.clear(),
  };
}
