/** @module A commune's village counts in the `village_count` table (one row per commune, written by officials):
 * read, upsert, and the shares shown on the public commune card. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, UnitStructure, VillageCountTable } from '../db/schema.ts';

/** A village count's row as stored. */
export type VillageCountRow = Selectable<VillageCountTable>;
/** A commune's village counts: villages, NTM villages and model villages. */
export interface VillageCounts {
  villages: number;
  ntm_villages: number;
  model_villages: number;
}

/** The counts of a commune of `structure` (codes are reused across structures), or null. */
export async function villageCountOf(db: Kysely<Database>, structure: UnitStructure, commune: string): Promise<VillageCountRow | null> {
  return (await db.selectFrom('village_count').selectAll().where('structure', '=', structure).where('commune_code', '=', commune).executeTakeFirst()) ?? null;
}

/** Writes the counts (insert or update); returns the row before (null when new) and after. */
export async function saveVillageCount(db: Kysely<Database>, structure: UnitStructure, commune: string, counts: VillageCounts, by: string, at: string): Promise<{ before: VillageCountRow | null; after: VillageCountRow }> {
  const before = await villageCountOf(db, structure, commune);
  const after: VillageCountRow = { structure, commune_code: commune, ...counts, updated_by: by, updated_at: at };
  // An upsert: two first entries of the same commune at once must not collide on the primary key (a 500 on
  // PostgreSQL); the later one wins, as two updates would.
  await db
    .insertInto('village_count')
    .values(after)
    .onConflict((oc) => oc.columns(['structure', 'commune_code']).doUpdateSet({ ...counts, updated_by: by, updated_at: at }))
    .execute();
  return { before, after };
}

/** Whether a save changes nothing, so that it is answered "unchanged" without a write or an audit entry. */
export const sameCounts = (a: VillageCounts | null, b: VillageCounts): boolean =>
  a !== null && a.villages === b.villages && a.ntm_villages === b.ntm_villages && a.model_villages === b.model_villages;

const share = (n: number, of: number): number | null => (of > 0 ? Math.round((1000 * n) / of) / 10 : null);

/** The shares of NTM and model villages in percent (one decimal), null without villages. */
export function sharesOf(c: VillageCounts): { ntm_share: number | null; model_share: number | null } {
  return { ntm_share: share(c.ntm_villages, c.villages), model_share: share(c.model_villages, c.villages) };
}

/** The card's `villages`: counts and shares, official (entered by officials); who entered them stays private. */
export function villagesOnCard(row: VillageCountRow) {
  return {
    villages: row.villages,
    ntm_villages: row.ntm_villages,
    model_villages: row.model_villages,
    ...sharesOf(row),
    provenance: 'official' as const,
    updated_at: row.updated_at,
  };
}
