/** @module The periods that have review data, oldest first (read once; refreshed when reviews are written). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Period } from './period.ts';

/** The months with reviews, held in memory: what `period` defaults to and what a request may ask for. */
export interface PeriodStore {
  all(): readonly Period[];
  latest(): Period | null;
  /** The first and last period with data, or null when there is none. */
  range(): [Period, Period] | null;
  has(period: Period): boolean;
  refresh(): Promise<void>;
}

/** Reads the months with reviews from the database; refresh() reads them again after a write. */
export async function loadPeriodStore(db: Kysely<Database>): Promise<PeriodStore> {
  let periods: Period[] = [];
  let known = new Set<Period>();
  const refresh = async () => {
    periods = (await db.selectFrom('review').select('period').distinct().orderBy('period').execute()).map((r) => r.period);
    known = new Set(periods);
  };
  await refresh();
  return {
    all: () => periods,
    latest: () => periods.at(-1) ?? null,
    range: () => (periods.length ? [periods[0]!, periods.at(-1)!] : null),
    has: (p) => known.has(p),
    refresh,
  };
}
