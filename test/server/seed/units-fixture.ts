// The real GSO unit list (vendored data/sources/boundaries/units.json.gz) as UnitRecords, without geometry
// (bbox and label null): what the seed needs, without running the boundary build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type UnitRecord, isRuralCommuneType } from '../../../server/unit/units-index.ts';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const FACTS_DIR = join(REPO, 'data', 'sources', 'facts');

interface GsoUnits {
  provinces: Array<{
    province_code: string;
    province_name: string;
    province_type: string;
    districts: Array<{
      district_code: string;
      district_name: string;
      district_type: string;
      communes: Array<{ commune_code: string; commune_name: string; commune_type: string; has_polygon: boolean }>;
    }>;
  }>;
}

let cache: UnitRecord[] | null = null;

export function gsoUnits(): UnitRecord[] {
  if (cache) return cache;
  const json = JSON.parse(
    gunzipSync(readFileSync(join(REPO, 'data', 'sources', 'boundaries', 'units.json.gz'))).toString('utf8'),
  ) as GsoUnits;
  const units: UnitRecord[] = [];
  for (const p of json.provinces) {
    units.push({
      code: p.province_code, level: 'province', type: p.province_type, name: p.province_name, parent: null,
      province: p.province_code, district: null, rural: false, hasPolygon: true, bbox: null, label: null,
    });
    for (const d of p.districts) {
      units.push({
        code: d.district_code, level: 'district', type: d.district_type, name: d.district_name, parent: p.province_code,
        province: p.province_code, district: d.district_code, rural: false, hasPolygon: true, bbox: null, label: null,
      });
      for (const c of d.communes) {
        units.push({
          code: c.commune_code, level: 'commune', type: c.commune_type, name: c.commune_name, parent: d.district_code,
          province: p.province_code, district: d.district_code, rural: isRuralCommuneType(c.commune_type),
          hasPolygon: c.has_polygon, bbox: null, label: null,
        });
      }
    }
  }
  cache = units;
  return units;
}
