/** @module The two-tier structure in force since 1 July 2025: 34 provinces > 3,321 communes (xã, phường, đặc
 * khu), no districts. How its inputs are read and cross-checked, and how its units index is made,
 * including the types that changed inside the structure (Đồng Nai, 30/04/2026). */
import { z } from 'zod';
import { isRuralCommuneType, type EarlierType, type UnitRecord, type UnitsIndex } from '../../server/unit/units-index.ts';
import type { BoundaryFeature, LayerName } from './layers.ts';
import { BoundaryInputError, communeCode, parseUnitsList, provinceCode, readLayer, unitName as name, type Layer, type LayerSpec } from './topology-input.ts';
import { geometryFacts } from './units.ts';

const CommuneType = z.enum(['Xã', 'Phường', 'Đặc khu']);

/** The properties of a commune of today's structure (2025-07) in communes.topojson. */
export const Commune2025PropertiesSchema = z.object({
  commune_code: communeCode,
  commune_name: name,
  commune_type: CommuneType,
  province_code: provinceCode,
  province_name: name.optional(),
});
/** The properties of a province of today's structure in provinces.topojson. */
export const Province2025PropertiesSchema = z.object({
  province_code: provinceCode,
  province_name: name,
  province_type: name,
});
/** A 2025-07 commune's properties. */
export type Commune2025Properties = z.infer<typeof Commune2025PropertiesSchema>;
/** A 2025-07 province's properties. */
export type Province2025Properties = z.infer<typeof Province2025PropertiesSchema>;

/** The official list as upstream writes it: today's names and types, and the 1/7/2025 ones where they changed since. */
const Units2025Schema = z.object({
  source: z.string(),
  valid_from: z.iso.date(),
  /** "2026-04-30 (NQ …)": the date of the last change of types the list reflects. */
  state_as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}\b/, 'expected a text starting with a YYYY-MM-DD date'),
  provinces: z.array(
    z.object({
      province_code: provinceCode,
      province_name: name,
      province_type: name,
      province_type_2025_07_01: name.optional(),
      province_name_2025_07_01: name.optional(),
      communes: z.array(
        z.object({
          commune_code: communeCode,
          commune_name: name,
          commune_type: CommuneType,
          commune_type_2025_07_01: CommuneType.optional(),
          commune_name_2025_07_01: name.optional(),
          has_polygon: z.boolean(),
          n_predecessors: z.number().int().nonnegative(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});
/** Today's units.json as vendored: provinces and communes with their names and types. */
export type Units2025 = z.infer<typeof Units2025Schema>;

/** The input files of today's structure, read and hashed in this order. */
export const STRUCTURE_2025_FILES = ['communes.topojson', 'provinces.topojson', 'units.json'] as const;

const provinceLayer: LayerSpec<Province2025Properties> = {
  name: 'provinces', file: 'provinces.topojson', object: 'provinces', schema: Province2025PropertiesSchema, code: (p) => p.province_code,
  tile: (p) => ({ code: p.province_code, name: p.province_name, type: p.province_type, province: p.province_code }),
};
const communeLayer: LayerSpec<Commune2025Properties> = {
  name: 'communes', file: 'communes.topojson', object: 'communes', schema: Commune2025PropertiesSchema, code: (p) => p.commune_code,
  tile: (p) => ({ code: p.commune_code, name: p.commune_name, type: p.commune_type, province: p.province_code }),
};

/** Today's structure loaded: its two layers and how its units index is made. */
export interface Sources2025 {
  layers: [Layer<Province2025Properties>, Layer<Commune2025Properties>];
  indexUnits(features: Partial<Record<LayerName, BoundaryFeature[]>>, build: string): UnitsIndex;
}

/** Parses and cross-checks the three inputs; throws BoundaryInputError naming file, feature and field. */
export function load2025(dir: string, raw: Readonly<Record<string, Buffer>>): Sources2025 {
  const units = parseUnitsList(Units2025Schema, raw['units.json']!);
  const provinces = readLayer(dir, provinceLayer, raw['provinces.topojson']!);
  const communes = readLayer(dir, communeLayer, raw['communes.topojson']!);

  const listedProvinces = new Set(units.provinces.map((p) => p.province_code));
  const listedCommunes = new Map(units.provinces.flatMap((p) => p.communes.map((c) => [c.commune_code, p.province_code] as const)));
  const seenCodes = new Set<string>();
  for (const p of units.provinces) {
    for (const c of p.communes) {
      // Codes are unique within a structure (they are re-used only across the reform).
      if (seenCodes.has(c.commune_code)) throw new BoundaryInputError(`units.json: commune ${c.commune_code} is listed twice`);
      seenCodes.add(c.commune_code);
    }
  }
  const provinceCodes = new Set(provinces.geometries.map((g) => g.properties!.province_code));
  provinces.geometries.forEach((g, i) => {
    const p = g.properties!;
    if (!listedProvinces.has(p.province_code)) throw new BoundaryInputError(`provinces.topojson: feature ${i} (${p.province_code}), property province_code: ${p.province_code} is not in units.json`);
  });
  communes.geometries.forEach((g, i) => {
    const p = g.properties!;
    const where = `communes.topojson: feature ${i} (${p.commune_code})`;
    if (!provinceCodes.has(p.province_code)) throw new BoundaryInputError(`${where}, property province_code: province ${p.province_code} is not in provinces.topojson`);
    const listed = listedCommunes.get(p.commune_code);
    if (!listed) throw new BoundaryInputError(`${where}, property commune_code: ${p.commune_code} is not in units.json`);
    if (listed !== p.province_code) throw new BoundaryInputError(`${where}, property province_code: units.json puts ${p.commune_code} in province ${listed}, not ${p.province_code}`);
  });
  return { layers: [provinces, communes], indexUnits: (features, build) => buildUnitsIndex2025(units, features, build) };
}

/** The day before a YYYY-MM-DD date. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Province > communes; a commune's parent is its province, its district null; `earlier` gives the
 * 1/7/2025 type and name of a unit whose type or name changed since (until the day before the change). */
export function buildUnitsIndex2025(list: Units2025, features: Partial<Record<LayerName, BoundaryFeature[]>>, build: string): UnitsIndex {
  const byCode = (f: BoundaryFeature[] | undefined) => new Map((f ?? []).map((x) => [x.properties.code, x]));
  const provinces = byCode(features.provinces);
  const communes = byCode(features.communes);
  const until = dayBefore(list.state_as_of.slice(0, 10));
  const earlier = (type: string, name: string, typeThen: string | undefined, nameThen: string | undefined): EarlierType | null =>
    (typeThen && typeThen !== type) || (nameThen && nameThen !== name) ? { type: typeThen ?? type, name: nameThen ?? name, until } : null;
  const units: UnitRecord[] = [];
  for (const p of list.provinces) {
    units.push({
      code: p.province_code, level: 'province', type: p.province_type, name: p.province_name, parent: null, province: p.province_code, district: null, rural: false,
      ...geometryFacts(provinces.get(p.province_code)),
      earlier: earlier(p.province_type, p.province_name, p.province_type_2025_07_01, p.province_name_2025_07_01),
    });
    for (const c of p.communes) {
      const own = geometryFacts(communes.get(c.commune_code));
      // A listed commune without a polygon (none in the 2025 data) can still be zoomed to: its province's box.
      const facts = own.hasPolygon ? own : { ...own, bbox: geometryFacts(provinces.get(p.province_code)).bbox };
      units.push({
        code: c.commune_code, level: 'commune', type: c.commune_type, name: c.commune_name, parent: p.province_code, province: p.province_code, district: null,
        rural: isRuralCommuneType(c.commune_type),
        ...facts,
        earlier: earlier(c.commune_type, c.commune_name, c.commune_type_2025_07_01, c.commune_name_2025_07_01),
      });
    }
  }
  return { structure: '2025-07', build, source: list.source, units };
}
