// The administrative units held in memory (about 10,800 rows, read once at start): look-up by code,
// children of a unit, and the rural (scored) communes of any scope. Units change only with a new seed.
import type { Kysely } from 'kysely';
import type { Database, UnitLevel } from '../db/schema.ts';

export interface Unit {
  code: string;
  level: UnitLevel;
  type: string;
  name: string;
  parent: string | null;
  province: string;
  district: string | null;
  rural: boolean;
  bbox: [number, number, number, number] | null;
  label: [number, number] | null;
}

export interface UnitStore {
  byCode: ReadonlyMap<string, Unit>;
  provinces: readonly Unit[];
  children(code: string): readonly Unit[];
  /** Codes of the rural communes (xã) inside a province, a district, or the whole country (no scope). */
  ruralCommunes(scope?: string): readonly string[];
}

export async function loadUnitStore(db: Kysely<Database>): Promise<UnitStore> {
  const rows = await db.selectFrom('unit').selectAll().where('structure', '=', 'pre2025').orderBy('code').execute();
  const byCode = new Map<string, Unit>();
  const children = new Map<string, Unit[]>();
  const rural = new Map<string, string[]>([['', []]]);
  for (const r of rows) {
    const unit: Unit = {
      code: r.code,
      level: r.level,
      type: r.type,
      name: r.name,
      parent: r.parent_code,
      province: r.province_code,
      district: r.district_code,
      rural: r.rural === 1,
      bbox: r.bbox ? (JSON.parse(r.bbox) as Unit['bbox']) : null,
      label: r.label_lon !== null && r.label_lat !== null ? [r.label_lon, r.label_lat] : null,
    };
    byCode.set(unit.code, unit);
    if (unit.parent) (children.get(unit.parent) ?? children.set(unit.parent, []).get(unit.parent)!).push(unit);
    if (unit.level === 'commune' && unit.rural) {
      for (const scope of unit.district ? ['', unit.province, unit.district] : ['', unit.province]) {
        (rural.get(scope) ?? rural.set(scope, []).get(scope)!).push(unit.code);
      }
    }
  }
  return {
    byCode,
    provinces: rows.filter((r) => r.level === 'province').map((r) => byCode.get(r.code)!),
    children: (code) => children.get(code) ?? [],
    ruralCommunes: (scope) => rural.get(scope ?? '') ?? [],
  };
}
