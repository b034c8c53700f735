// Names of districts and provinces by GSO code, read from the boundary tiles the map has loaded (their
// `districts` and `provinces` layers carry `code` and `name`), so that a commune's tooltip can name its
// district and province without asking the API. Each name is looked up once and kept.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from './source.ts';

export type UnitNames = (layer: 'districts' | 'provinces', code: string) => string | null;

export function unitNames(map: MapLibreMap): UnitNames {
  const known = new Map<string, string>();
  return (layer, code) => {
    const key = `${layer}:${code}`;
    const hit = known.get(key);
    if (hit) return hit;
    const feature = map.querySourceFeatures(BOUNDARY_SOURCE, { sourceLayer: layer, filter: ['==', ['get', 'code'], code] })[0];
    const name = feature ? String(feature.properties.name) : null;
    if (name) known.set(key, name);
    return name;
  };
}
