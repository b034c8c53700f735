/** @module The structure before the July-2025 reform: 63 provinces > 696 districts > 10,047 communes (GSO list
 * of 01/03/2025). How its inputs are read and cross-checked, and how its units index is made. */
import { z } from 'zod';
import type { UnitsIndex } from '../../server/unit/units-index.ts';
import type { BoundaryFeature, LayerName } from './layers.ts';
import {
  BoundaryInputError, communeCode, districtCode, parseUnitsList, provinceCode, readLayer, unitName as name, type Layer, type LayerSpec,
} from './topology-input.ts';
import { buildUnitsIndex } from './units.ts';

/** The properties of a pre-2025 commune in communes.topojson. */
export const CommunePropertiesSchema = z.object({
  commune_code: communeCode,
  commune_name: name,
  commune_type: z.enum(['Xã', 'Phường', 'Thị trấn']),
  district_code: districtCode,
  province_code: provinceCode,
  geom_quality: z.enum(['good', 'approx']).optional(),
});
/** The properties of a pre-2025 district in districts.topojson. */
export const DistrictPropertiesSchema = z.object({
  district_code: districtCode,
  district_name: name,
  district_type: name,
  province_code: provinceCode,
});
/** The properties of a pre-2025 province in provinces.topojson. */
export const ProvincePropertiesSchema = z.object({
  province_code: provinceCode,
  province_name: name,
  province_type: name,
});
/** A pre-2025 commune's properties. */
export type CommuneProperties = z.infer<typeof CommunePropertiesSchema>;
/** A pre-2025 district's properties. */
export type DistrictProperties = z.infer<typeof DistrictPropertiesSchema>;
/** A pre-2025 province's properties. */
export type ProvinceProperties = z.infer<typeof ProvincePropertiesSchema>;

const GsoUnitsSchema = z.object({
  source: z.string(),
  provinces: z.array(
    z.object({
      province_code: provinceCode,
      province_name: name,
      province_type: name,
      districts: z.array(
        z.object({
          district_code: districtCode,
          district_name: name,
          district_type: name,
          communes: z.array(
            z.object({ commune_code: communeCode, commune_name: name, commune_type: name, has_polygon: z.boolean() }),
          ),
        }),
      ),
    }),
  ),
});
/** The GSO unit list (units.json) of the pre-2025 structure as vendored. */
export type GsoUnits = z.infer<typeof GsoUnitsSchema>;

/** The input files of the pre-2025 structure, read and hashed in this order. */
export const PRE2025_FILES = ['communes.topojson', 'districts.topojson', 'provinces.topojson', 'units.json'] as const;

const provinceLayer: LayerSpec<ProvinceProperties> = {
  name: 'provinces', file: 'provinces.topojson', object: 'provinces', schema: ProvincePropertiesSchema, code: (p) => p.province_code,
  tile: (p) => ({ code: p.province_code, name: p.province_name, type: p.province_type, province: p.province_code }),
};
const districtLayer: LayerSpec<DistrictProperties> = {
  name: 'districts', file: 'districts.topojson', object: 'districts', schema: DistrictPropertiesSchema, code: (p) => p.district_code,
  tile: (p) => ({ code: p.district_code, name: p.district_name, type: p.district_type, province: p.province_code }),
};
const communeLayer: LayerSpec<CommuneProperties> = {
  name: 'communes', file: 'communes.topojson', object: 'communes', schema: CommunePropertiesSchema, code: (p) => p.commune_code,
  tile: (p) => ({ code: p.commune_code, name: p.commune_name, type: p.commune_type, district: p.district_code, province: p.province_code }),
};

/** The validated pre-2025 inputs: three layers (provinces, districts, communes) and the GSO list. */
export interface Pre2025Sources {
  layers: [Layer<ProvinceProperties>, Layer<DistrictProperties>, Layer<CommuneProperties>];
  indexUnits(features: Partial<Record<LayerName, BoundaryFeature[]>>, build: string): UnitsIndex;
}

/** Parses and cross-checks the four inputs; throws BoundaryInputError naming file, feature and field. */
export function loadPre2025(dir: string, raw: Readonly<Record<string, Buffer>>): Pre2025Sources {
  const units = parseUnitsList(GsoUnitsSchema, raw['units.json']!);
  const provinces = readLayer(dir, provinceLayer, raw['provinces.topojson']!);
  const districts = readLayer(dir, districtLayer, raw['districts.topojson']!);
  const communes = readLayer(dir, communeLayer, raw['communes.topojson']!);

  const provinceCodes = new Set(provinces.geometries.map((g) => g.properties!.province_code));
  const districtProvince = new Map(districts.geometries.map((g) => [g.properties!.district_code, g.properties!.province_code]));
  const gsoDistricts = new Set(units.provinces.flatMap((p) => p.districts.map((d) => d.district_code)));
  const gsoCommunes = new Set(units.provinces.flatMap((p) => p.districts.flatMap((d) => d.communes.map((c) => c.commune_code))));
  districts.geometries.forEach((g, i) => {
    const p = g.properties!;
    if (!provinceCodes.has(p.province_code)) {
      throw new BoundaryInputError(`districts.topojson: feature ${i} (${p.district_code}), property province_code: province ${p.province_code} is not in provinces.topojson`);
    }
  });
  communes.geometries.forEach((g, i) => {
    const p = g.properties!;
    const where = `communes.topojson: feature ${i} (${p.commune_code})`;
    if (!districtProvince.has(p.district_code)) throw new BoundaryInputError(`${where}, property district_code: district ${p.district_code} is not in districts.topojson`);
    if (!provinceCodes.has(p.province_code)) throw new BoundaryInputError(`${where}, property province_code: province ${p.province_code} is not in provinces.topojson`);
    if (districtProvince.get(p.district_code) !== p.province_code) {
      throw new BoundaryInputError(`${where}, property province_code: district ${p.district_code} belongs to province ${districtProvince.get(p.district_code)}, not ${p.province_code}`);
    }
    if (!gsoCommunes.has(p.commune_code)) throw new BoundaryInputError(`${where}, property commune_code: ${p.commune_code} is not in units.json`);
    if (!gsoDistricts.has(p.district_code)) throw new BoundaryInputError(`${where}, property district_code: ${p.district_code} is not in units.json`);
  });
  return {
    layers: [provinces, districts, communes],
    indexUnits: (features, build) => buildUnitsIndex(units, { provinces: features.provinces ?? [], districts: features.districts ?? [], communes: features.communes ?? [] }, build),
  };
}
