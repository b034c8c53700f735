/** @module Reviews as of a period: each commune's latest review at or before period P (the map's main query). */
import { type CompiledQuery, type Kysely, type QueryCreator, sql } from 'kysely';
import { engineOf } from './database.ts';
import type { Database, Provenance, UnitStructure } from './schema.ts';

/** A commune's latest review at or before a period, as the map's status reads it. */
export interface LatestReview {
  commune_code: string;
  /** The period of the review found: the commune's state "as of" P. */
  period: string;
  met_mask: number;
  met_count: number;
  provenance: Provenance;
}

type WithCommunes = QueryCreator<Database & { commune: { code: string } }>;

/** `commune(code)`: the communes to look up. */
function communes(db: Kysely<Database>, structure: UnitStructure, communeCodes: readonly string[] | undefined): WithCommunes {
  if (communeCodes === undefined) {
    // Every distinct commune_code of `review`, by a loose index scan of the unique index (commune_code,
    // period): one "min(commune_code) > previous" probe per commune instead of reading every review.
    // (The last row of the recursion is a null code; the join below drops it.)
    return db.withRecursive('commune(code)', (qb) =>
      qb
        .selectNoFrom((eb) =>
          eb
            .selectFrom('review')
            .select((eb2) => eb2.fn.min<string>('review.commune_code').as('m'))
            .where('review.structure', '=', structure)
            .as('code'),
        )
        .unionAll((qb2) =>
          qb2
            .selectFrom('commune')
            .select((eb) =>
              eb
                .selectFrom('review')
                .select((eb2) => eb2.fn.min<string>('review.commune_code').as('m'))
                .where('review.structure', '=', structure)
                .whereRef('review.commune_code', '>', 'commune.code')
                .as('code'),
            )
            .where('commune.code', 'is not', null),
        ),
    ) as unknown as WithCommunes;
  }
  // The list as one bind parameter (no parameter limits, one plan for any length).
  if (engineOf(db) === 'postgres') {
    return db.with('commune', (qb) => qb.selectNoFrom(sql<string>`unnest(${[...communeCodes]}::text[])`.as('code')));
  }
  return db.with('commune', (qb) =>
    qb
      .selectFrom(sql<{ value: string }>`json_each(${JSON.stringify(communeCodes)})`.as('list'))
      .select('list.value as code'),
  );
}

/**
 * The query behind latestReviewsAt (exported so that tests can EXPLAIN it), rows in no particular order.
 * For each commune of `commune(code)`, one backward probe of the unique index (commune_code, period) finds
 * its latest review with period <= P: PostgreSQL `join lateral (… order by period desc limit 1)`; SQLite
 * (no LATERAL) a correlated subquery giving that review's rowid, then a rowid lookup. The cost grows with the
 * number of communes, not of months, and does not depend on table statistics.
 */
export function latestReviewsQuery(
  db: Kysely<Database>,
  structure: UnitStructure,
  period: string,
  communeCodes?: readonly string[],
): { compile(): CompiledQuery<LatestReview>; execute(): Promise<LatestReview[]> } {
  const base = communes(db, structure, communeCodes).selectFrom('commune');
  const columns = ['r.commune_code', 'r.period', 'r.met_mask', 'r.met_count', 'r.provenance'] as const;
  if (engineOf(db) === 'postgres') {
    return base
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('review')
            .select(['commune_code', 'period', 'met_mask', 'met_count', 'provenance'])
            .where('review.structure', '=', structure)
            .whereRef('review.commune_code', '=', 'commune.code')
            .where('review.period', '<=', period)
            .orderBy('review.period', 'desc')
            .limit(1)
            .as('r'),
        (join) => join.onTrue(),
      )
      .select(columns);
  }
  return base
    .innerJoin('review as r', (join) =>
      join.on('r.id', '=', (eb) =>
        eb
          .selectFrom('review as r2')
          .select('r2.id')
          .where('r2.structure', '=', structure)
          .whereRef('r2.commune_code', '=', 'commune.code')
          .where('r2.period', '<=', period)
          .orderBy('r2.period', 'desc')
          .limit(1),
      ),
    )
    .select(columns);
}

/**
 * Each commune's latest review of `structure` with `period <= period` (YYYY-MM), ordered by commune code. Communes with no
 * review at or before the period are absent. `communeCodes` restricts the result to those communes (and is
 * the faster form on PostgreSQL when the caller already knows the communes, e.g. from `unit`).
 */
export async function latestReviewsAt(
  db: Kysely<Database>,
  structure: UnitStructure,
  period: string,
  communeCodes?: readonly string[],
): Promise<LatestReview[]> {
  const codes = communeCodes === undefined ? undefined : [...new Set(communeCodes)];
  if (codes !== undefined && codes.length === 0) return [];
  let rows: LatestReview[];
  if (codes === undefined) {
    rows = await latestReviewsQuery(db, structure, period).execute();
  } else {
    // Most communes have a review in the month itself: read those with one range scan of the index
    // (period, commune_code), then probe backwards only for the communes without one.
    const wanted = new Set(codes);
    rows = (
      await db.selectFrom('review').select(['commune_code', 'period', 'met_mask', 'met_count', 'provenance']).where('period', '=', period).where('structure', '=', structure).execute()
    ).filter((r) => wanted.has(r.commune_code));
    const found = new Set(rows.map((r) => r.commune_code));
    const missing = codes.filter((c) => !found.has(c));
    if (missing.length) rows = rows.concat(await latestReviewsQuery(db, structure, period, missing).execute());
  }
  // Sorted here rather than in SQL: SQLite would sort in a temporary b-tree (~15 ms for 7,700 rows).
  return rows.sort((a, b) => compare(a.commune_code, b.commune_code));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
