/** @module Writes one quantised TopoJSON file per province (its communes, its districts where the structure has
 * them, and its outline) for downloads and analysis; each names its unit structure. */
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { UnitStructure } from '../../server/db/schema.ts';
import type { BoundaryFeature, LayerName } from './layers.ts';

/** The quantization of the per-province TopoJSON downloads: about a metre, finer than any tile. */
export const DOWNLOAD_QUANTIZATION = 1e5;

// Feature ids are the GSO codes as strings here ("00001"); the tiles use numbers because MVT ids must be.
const collection = (features: BoundaryFeature[]): FeatureCollection => ({ type: 'FeatureCollection', features: features.map((f) => ({ ...f, id: f.properties.code })) });

/** Province code → TopoJSON text with objects `communes`, `districts` (pre-2025 only) and `province`,
 * and a top-level member `structure` (a foreign member: TopoJSON readers ignore it). */
export function provinceTopologies(features: Partial<Record<LayerName, BoundaryFeature[]>>, structure: UnitStructure = 'pre2025'): Map<string, string> {
  const out = new Map<string, string>();
  const inner = (['communes', 'districts'] as const).filter((name) => features[name]);
  for (const province of features.provinces ?? []) {
    const code = province.properties.code;
    const inProvince = (f: BoundaryFeature) => f.properties.province === code;
    const objects: Record<string, FeatureCollection> = {};
    for (const name of inner) objects[name] = collection(features[name]!.filter(inProvince));
    objects.province = collection([province]);
    const { type, ...rest } = topology(objects, DOWNLOAD_QUANTIZATION);
    out.set(code, JSON.stringify({ type, structure, ...rest }));
  }
  return out;
}
