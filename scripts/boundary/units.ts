/** @module Builds the pre-2025 units index (every province, district and commune with names, type, bbox and a
 * label point) from the GSO list and the full-resolution polygons; the geometry facts of any unit. */
import { bbox as turfBbox } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import polylabel from 'polylabel';
import { isRuralCommuneType, type UnitRecord, type UnitsIndex } from '../../server/unit/units-index.ts';
import type { BoundaryFeature } from './layers.ts';
import type { GsoUnits } from './structure-pre2025.ts';

const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** Area of a polygon's outer ring in degrees² (shoelace), to pick the main part of a MultiPolygon. */
function outerArea(rings: number[][][]): number {
  const ring = rings[0] ?? [];
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!, b = ring[j]!;
    sum += (b[0]! - a[0]!) * (b[1]! + a[1]!);
  }
  return Math.abs(sum / 2);
}

/** A label point inside the polygon (pole of inaccessibility of its largest part). */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let main = parts[0]!;
  for (const p of parts) if (outerArea(p) > outerArea(main)) main = p;
  const [x, y] = polylabel(main, 0.0005);
  return [round(x), round(y)];
}

/** Bbox and label point of a unit's polygon (none: no polygon). */
export function geometryFacts(f: BoundaryFeature | undefined): Pick<UnitRecord, 'bbox' | 'label' | 'hasPolygon'> {
  if (!f) return { bbox: null, label: null, hasPolygon: false };
  const [w, s, e, n] = turfBbox(f);
  return { bbox: [round(w), round(s), round(e), round(n)], label: labelPoint(f.geometry), hasPolygon: true };
}

/** Builds the pre-2025 units.json from the GSO list and the features: names, parents, kinds, bounding boxes and
 * label points. */
export function buildUnitsIndex(
  gso: GsoUnits,
  features: { provinces: BoundaryFeature[]; districts: BoundaryFeature[]; communes: BoundaryFeature[] },
  build: string,
): UnitsIndex {
  const byCode = (list: BoundaryFeature[]) => new Map(list.map((f) => [f.properties.code, f]));
  const provinces = byCode(features.provinces);
  const districts = byCode(features.districts);
  const communes = byCode(features.communes);
  const units: UnitRecord[] = [];
  for (const p of gso.provinces) {
    units.push({ code: p.province_code, level: 'province', type: p.province_type, name: p.province_name, parent: null, province: p.province_code, district: null, rural: false, ...geometryFacts(provinces.get(p.province_code)) });
    for (const d of p.districts) {
      units.push({ code: d.district_code, level: 'district', type: d.district_type, name: d.district_name, parent: p.province_code, province: p.province_code, district: d.district_code, rural: false, ...geometryFacts(districts.get(d.district_code)) });
      for (const c of d.communes) {
        const own = geometryFacts(communes.get(c.commune_code));
        // A commune without a polygon of its own (split off after the source survey) is drawn inside its
        // parent: it borrows the district's bbox so that the map can still zoom to it, but gets no label point.
        const fallback = own.hasPolygon ? own : { ...own, bbox: geometryFacts(districts.get(d.district_code)).bbox };
        units.push({ code: c.commune_code, level: 'commune', type: c.commune_type, name: c.commune_name, parent: d.district_code, province: p.province_code, district: d.district_code, rural: isRuralCommuneType(c.commune_type), ...fallback });
      }
    }
  }
  return { structure: 'pre2025', build, source: gso.source, units };
}
