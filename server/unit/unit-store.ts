/** @module The administrative units of one structure held in memory (about 10,800 rows before 2025, 3,355
 * after; read once at start): look-up by code, children of a unit, and the rural (scored) communes of any
 * scope at a period. In today's structure a commune also knows the former district(s) its predecessors lay
 * in, so that a district filter keeps its meaning after 1/7/2025. Units change only with a new seed. */
import type { Kysely } from 'kysely';
import type { Database, UnitLevel, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import { type UnitChange, unitAt } from './unit-change.ts';

/** A unit of one structure. */
export interface Unit {
  structure: UnitStructure;
  code: string;
  level: UnitLevel;
  type: string;
  name: string;
  parent: string | null;
  province: string;
  /** Its district (pre-2025 structure), or null. */
  district: string | null;
  /** Scored today (a commune of type Xã). */
  rural: boolean;
  bbox: [number, number, number, number] | null;
  label: [number, number] | null;
  /** Earlier states inside the structure, oldest first (empty for nearly all units). */
  changes: UnitChange[];
  /** Today's structure: the former districts (pre-2025 codes) its predecessors lay in. */
  formerDistricts: string[];
}

/** The units of one structure. */
export interface UnitStore {
  structure: UnitStructure;
  byCode: ReadonlyMap<string, Unit>;
  provinces: readonly Unit[];
  children(code: string): readonly Unit[];
  /** Codes of the rural communes (xã) inside a province, a district (today's structure: a former district),
   * or the whole country (no scope): as scored at `period` when given (a xã that became a phường is scored
   * until the change), else as scored today. */
  ruralCommunes(scope?: string, period?: Period): readonly string[];
  /** Communes of a former district (pre-2025 code) in today's structure; empty in the pre-2025 structure. */
  communesOfFormerDistrict(district: string): readonly Unit[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Loads the units of `structure` (and, for a structure that followed another, its communes' former districts). */
export async function loadUnitStore(db: Kysely<Database>, structure: UnitStructure): Promise<UnitStore> {
  const rows = await db.selectFrom('unit').selectAll().where('structure', '=', structure).orderBy('code').execute();
  const lineage = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('unit as old', (join) => join.onRef('old.structure', '=', 'l.old_structure').onRef('old.code', '=', 'l.old_code'))
    .select(['l.new_code', 'old.district_code'])
    .where('l.new_structure', '=', structure)
    .execute();
  const formerDistricts = new Map<string, Set<string>>();
  for (const l of lineage) if (l.district_code) (formerDistricts.get(l.new_code) ?? formerDistricts.set(l.new_code, new Set()).get(l.new_code)!).add(l.district_code);

  const byCode = new Map<string, Unit>();
  const children = new Map<string, Unit[]>();
  // Every commune that is or was scored, per scope ('' the country, a province, a district or former district).
  const everRural = new Map<string, string[]>([['', []]]);
  const ruralNow = new Map<string, string[]>([['', []]]);
  const byFormerDistrict = new Map<string, Unit[]>();
  let changed = false;
  for (const r of rows) {
    const unit: Unit = {
      structure,
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
      changes: r.changes ? (JSON.parse(r.changes) as UnitChange[]) : [],
      formerDistricts: [...(formerDistricts.get(r.code) ?? [])].sort(),
    };
    byCode.set(unit.code, unit);
    if (unit.parent) push(children, unit.parent, unit);
    for (const d of unit.formerDistricts) push(byFormerDistrict, d, unit);
    if (unit.level !== 'commune') continue;
    const scopes = ['', unit.province, ...(unit.district ? [unit.district] : unit.formerDistricts)];
    if (unit.changes.length) changed = true;
    if (unit.rural || unit.changes.some((c) => c.rural)) for (const s of scopes) push(everRural, s, unit.code);
    if (unit.rural) for (const s of scopes) push(ruralNow, s, unit.code);
  }
  return {
    structure,
    byCode,
    provinces: rows.filter((r) => r.level === 'province').map((r) => byCode.get(r.code)!),
    children: (code) => children.get(code) ?? [],
    ruralCommunes(scope, period) {
      if (period === undefined || !changed) return ruralNow.get(scope ?? '') ?? [];
      return (everRural.get(scope ?? '') ?? []).filter((code) => unitAt(byCode.get(code)!, period).rural);
    },
    communesOfFormerDistrict: (district) => byFormerDistrict.get(district) ?? [],
  };
}
