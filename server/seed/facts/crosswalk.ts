/** @module crosswalk.csv: every pre-reform commune → its commune(s) of today's structure, `full` or `partial`,
 * with its source. Validated against both structures' units (an old code must be a pre-2025 commune, a new code
 * a 2025-07 commune: the eras reuse codes, so each side is checked in its own structure) and loaded as
 * unit_lineage rows. Lineage only: no shares, no status carried. */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import { readBoundaryFile } from '../../../scripts/boundary/topology-input.ts';
import type { UnitLineageTable } from '../../db/schema.ts';
import type { UnitRecord } from '../../unit/units-index.ts';
import { communeCode, parseFactsCsv, requiredText } from './csv.ts';

const Row = z.object({
  old_commune_code: communeCode,
  old_commune_name: requiredText,
  old_district_code: z.string().trim(),
  old_province_code: z.string().trim(),
  new_commune_code: communeCode,
  new_commune_name: requiredText,
  new_province_code: z.string().trim(),
  link: z.enum(['full', 'partial'], { error: 'expected full or partial' }),
  source: requiredText,
});

/** The crosswalk of `dir` (plain or gzipped, checksummed when vendored) as lineage rows pre2025 → 2025-07. */
export function loadCrosswalk(dir: string, oldUnits: readonly UnitRecord[], newUnits: readonly UnitRecord[]): Insertable<UnitLineageTable>[] {
  const old = new Map(oldUnits.filter((u) => u.level === 'commune').map((u) => [u.code, u]));
  const today = new Map(newUnits.filter((u) => u.level === 'commune').map((u) => [u.code, u]));
  const rows = parseFactsCsv('crosswalk.csv', readBoundaryFile(dir, 'crosswalk.csv').toString('utf8'), Row);
  const seen = new Set<string>();
  return rows.map(({ line, value, error }) => {
    const was = old.get(value.old_commune_code);
    if (!was) throw error('old_commune_code', `${value.old_commune_code} is not a commune of the pre-2025 units`);
    const now = today.get(value.new_commune_code);
    if (!now) throw error('new_commune_code', `${value.new_commune_code} is not a commune of the 2025-07 units`);
    if (now.province !== value.new_province_code) throw error('new_province_code', `${now.code} is in province ${now.province}, not ${value.new_province_code}`);
    const key = `${value.old_commune_code}>${value.new_commune_code}`;
    if (seen.has(key)) throw error('new_commune_code', `the link ${key} is given twice (line ${line})`);
    seen.add(key);
    return { old_structure: 'pre2025', old_code: value.old_commune_code, new_structure: '2025-07', new_code: value.new_commune_code, link: value.link, source: value.source };
  });
}
