/** @module planned_communes.csv: communes a provincial plan names as due to reach a level by a half-year or a year
 * (e.g. the 22 Lào Cai communes of Kế hoạch 104/KH-BCĐ). */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { PlannedCommuneTable } from '../../db/schema.ts';
import { duePeriod } from '../../plan/due.ts';
import {
  communeCodeOrEmpty,
  districtCode,
  level,
  orNull,
  provinceCode,
  readFactsCsv,
  requiredText,
  text,
} from './csv.ts';
import type { Period } from './dates.ts';
import { communeRows, type UnitLookup } from './units.ts';

/** A planned commune's row as the seed inserts it. */
export type NewPlannedCommune = Insertable<PlannedCommuneTable>;

/** One planned commune of plans.csv, with its line for errors. */
export interface PlannedCommuneFact {
  file: string;
  line: number;
  record: NewPlannedCommune;
}

/** The planned communes of plans.csv and the plans they name. */
export interface PlannedCommuneFacts {
  communes: PlannedCommuneFact[];
  skipped: number;
}

const Row = z.object({
  province_code: provinceCode,
  district_code: districtCode,
  commune_name_in_source: text,
  commune_code: communeCodeOrEmpty,
  target_level: level,
  due: z
    .string()
    .trim()
    .regex(/^(19|20)\d{2}(-H[12])?$/, { error: 'expected a due year or half-year like 2025, 2024-H1 or 2024-H2' }),
  plan: requiredText,
  source: requiredText,
  note: text,
});

/** Loads and validates plans.csv against the units. */
export function loadPlannedCommunes(dir: string, units: UnitLookup): PlannedCommuneFacts {
  const file = 'planned_communes.csv';
  const communes: PlannedCommuneFact[] = [];
  const { rows, skipped } = communeRows(readFactsCsv(dir, file, Row), units);
  for (const { row, v, unit } of rows) {
    if (unit.province !== v.province_code) {
      throw row.error(
        'province_code',
        `commune ${v.commune_code} (${unit.name}) is in province ${unit.province}, got ${JSON.stringify(v.province_code)}`,
      );
    }
    const sourceName =
      v.commune_name_in_source !== '' && !unit.name.endsWith(v.commune_name_in_source)
        ? `name in the plan: ${v.commune_name_in_source}`
        : null;
    communes.push({
      file,
      line: row.line,
      record: {
        commune_code: v.commune_code,
        target_level: v.target_level,
        due: v.due,
        due_period: duePeriod(v.due),
        plan: v.plan,
        source: v.source,
        note: [sourceName, orNull(v.note)].filter((p) => p !== null).join(' | ') || null,
      },
    });
  }
  return { communes, skipped };
}
