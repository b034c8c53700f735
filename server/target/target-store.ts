/** @module The published targets that apply to a scope, read from the `target` table (a few dozen rows; read per
 * request so that a new target shows at once). */
import type { Kysely, Selectable } from 'kysely';
import type { Database, TargetTable } from '../db/schema.ts';
import type { Scope } from '../scope/scope.ts';
import type { UnitStore } from '../unit/unit-store.ts';

/** A target's row as stored. */
export type TargetRecord = Selectable<TargetTable>;

/** The scope a target is set for: the country, a province or a district. */
export interface TargetScope {
  level: 'country' | 'province' | 'district';
  code: string | null;
  name: string;
}

/** The country's name as a scope names it. */
export const COUNTRY_NAME = 'Việt Nam';

/** The targets (kind `target`) that apply to a scope: the national ones for the country; the province's for a
 * province; the district's and then its province's for a district. */
export async function targetsFor(db: Kysely<Database>, units: UnitStore, scope: Scope): Promise<Array<{ record: TargetRecord; scope: TargetScope }>> {
  const wanted: TargetScope[] =
    scope.level === 'country'
      ? [{ level: 'country', code: null, name: COUNTRY_NAME }]
      : scope.level === 'province'
        ? [{ level: 'province', code: scope.unit!.code, name: scope.unit!.name }]
        : [
            { level: 'district', code: scope.unit!.code, name: scope.unit!.name },
            { level: 'province', code: scope.unit!.province, name: units.byCode.get(scope.unit!.province)?.name ?? scope.unit!.province },
          ];
  const rows = await db
    .selectFrom('target')
    .selectAll()
    .where('kind', '=', 'target')
    .where('scope_structure', '=', units.structure)
    .where((eb) =>
      eb.or(
        wanted.map((w) =>
          w.level === 'country'
            ? eb('scope', '=', 'national')
            : eb.and([eb('scope', '=', w.level), eb('scope_code', '=', w.code!)]),
        ),
      ),
    )
    .orderBy('id')
    .execute();
  const out: Array<{ record: TargetRecord; scope: TargetScope }> = [];
  for (const w of wanted) {
    for (const record of rows) {
      const level = record.scope === 'national' ? 'country' : record.scope;
      if (level === w.level && (w.level === 'country' || record.scope_code === w.code)) out.push({ record, scope: w });
    }
  }
  return out;
}

/** Targets set for named communes (scope `commune`), by commune code. */
export async function communeTargets(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, TargetRecord[]>> {
  const out = new Map<string, TargetRecord[]>();
  if (codes.length === 0) return out;
  const rows = await db.selectFrom('target').selectAll().where('scope', '=', 'commune').where('kind', '=', 'target').orderBy('id').execute();
  const wanted = new Set(codes);
  for (const r of rows) {
    if (r.scope_code === null || !wanted.has(r.scope_code)) continue;
    (out.get(r.scope_code) ?? out.set(r.scope_code, []).get(r.scope_code)!).push(r);
  }
  return out;
}
