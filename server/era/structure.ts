/** @module The administrative structures (unit_structure rows): which periods each applies to, its levels
 * (province > district > commune before 1/7/2025; province > commune since) and the credit for its boundaries. */
import type { Kysely } from 'kysely';
import type { Database, UnitLevel, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';

/** A unit structure and the periods it applies to. */
export interface Structure {
  code: UnitStructure;
  name_vi: string;
  name_en: string;
  /** First period (YYYY-MM); null: since before any period with data. */
  validFrom: Period | null;
  /** Last period; null: in force. */
  validTo: Period | null;
  /** The date it took effect (YYYY-MM-DD), where dated. */
  inForceDate: string | null;
  /** Its levels, top first: ['province', 'district', 'commune'] or ['province', 'commune']. */
  levels: UnitLevel[];
  decision: string | null;
  source: string;
  attribution: string;
}

/** Whether a structure applies to a period. */
export function covers(structure: Pick<Structure, 'validFrom' | 'validTo'>, period: Period): boolean {
  return (structure.validFrom === null || structure.validFrom <= period) && (structure.validTo === null || period <= structure.validTo);
}

/** Every structure in the database, oldest first. */
export async function readStructures(db: Kysely<Database>): Promise<Structure[]> {
  const rows = await db.selectFrom('unit_structure').selectAll().execute();
  return rows
    .map((r) => ({
      code: r.code,
      name_vi: r.name_vi,
      name_en: r.name_en,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      inForceDate: r.in_force_date,
      levels: JSON.parse(r.levels) as UnitLevel[],
      decision: r.decision,
      source: r.source,
      attribution: r.attribution,
    }))
    .sort((a, b) => (a.validFrom ?? '') .localeCompare(b.validFrom ?? ''));
}
