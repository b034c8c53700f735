/** @module Cuts the boundary layers (and a point layer of labels) into gzip-compressed Mapbox Vector Tiles,
 * zoom by zoom, with geojson-vt and vt-pbf. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { gzipSync } from 'node:zlib';
import type { UnitRecord } from '../../server/unit/units-index.ts';
import type { TileInput } from './pmtiles-writer.ts';
import { ARCHIPELAGO_DISTRICTS } from '../../client/map/archipelagos.ts';
import { LAYER_MIN_ZOOM, LAYER_NAMES, MAX_ZOOM, simplifiedAtZoom, type PreparedLayer } from './layers.ts';

/** The tiles' coordinate extent (MVT's usual 4096). */
export const EXTENT = 4096;
const BUFFER = 64;

/** First zoom at which labels of each level are put in the tiles (the client may show them later); the
 * archipelagos (Hoàng Sa, Trường Sa: districts before 2025, đặc khu since) from zoom 0. */
export const LABEL_MIN_ZOOM = { province: 0, district: 5, commune: 8 } as const;
const labelMinZoom = (u: UnitRecord, archipelagos: readonly string[]) => (u.level !== 'province' && archipelagos.includes(u.code) ? 0 : LABEL_MIN_ZOOM[u.level]);

/** What the tiler wrote: tile count, bytes and the largest tile, for the manifest. */
export interface TileStats {
  tiles: number;
  bytes: number;
  largest: { z: number; x: number; y: number; bytes: number; rawBytes: number };
  perZoom: Array<{ z: number; tiles: number; bytes: number; seconds: number }>;
}

type Index = InstanceType<typeof GeoJSONVT>;

function indexFor(data: FeatureCollection, z: number): Index {
  // maxZoom = indexMaxZoom = z with indexMaxPoints 0 pre-generates every tile down to z, listed in tileCoords;
  // at its max zoom geojson-vt adds no simplification of its own, so the topology's shared borders survive.
  return new GeoJSONVT(data, { maxZoom: z, indexMaxZoom: z, indexMaxPoints: 0, extent: EXTENT, buffer: BUFFER, tolerance: 3 });
}

function labelFeatures(units: readonly UnitRecord[], z: number, archipelagos: readonly string[]): FeatureCollection<Point> {
  const features: Array<Feature<Point>> = [];
  for (const u of units) {
    if (!u.label || z < labelMinZoom(u, archipelagos)) continue;
    const properties: Record<string, string> = { code: u.code, name: u.name, level: u.level, type: u.type, province: u.province };
    if (u.district && u.level === 'commune') properties.district = u.district;
    features.push({ type: 'Feature', id: Number(u.code), properties, geometry: { type: 'Point', coordinates: u.label } });
  }
  return { type: 'FeatureCollection', features };
}

/** Every tile from zoom 0 to MAX_ZOOM; `onZoom` reports progress after each zoom level. `archipelagos`:
 * the codes of units labelled from zoom 0 (by default the pre-2025 island districts). */
export function buildTiles(
  layers: readonly PreparedLayer[],
  units: readonly UnitRecord[],
  onZoom: (z: number, tiles: number, seconds: number) => void = () => {},
  archipelagos: readonly string[] = ARCHIPELAGO_DISTRICTS,
): { tiles: TileInput[]; stats: TileStats } {
  const tiles: TileInput[] = [];
  const stats: TileStats = { tiles: 0, bytes: 0, largest: { z: 0, x: 0, y: 0, bytes: 0, rawBytes: 0 }, perZoom: [] };
  for (let z = 0; z <= MAX_ZOOM; z++) {
    const started = performance.now();
    const indexes = new Map<string, Index>();
    for (const layer of layers) {
      if (z >= LAYER_MIN_ZOOM[layer.name]) indexes.set(layer.name, indexFor(simplifiedAtZoom(layer, z), z));
    }
    indexes.set('labels', indexFor(labelFeatures(units, z, archipelagos), z));
    const coords = new Map<string, { x: number; y: number }>();
    for (const index of indexes.values()) {
      for (const c of index.tileCoords) if (c.z === z) coords.set(`${c.x}/${c.y}`, { x: c.x, y: c.y });
    }
    let zoomBytes = 0;
    for (const { x, y } of coords.values()) {
      const layersOfTile: Record<string, ReturnType<Index['getTile']> & object> = {};
      for (const name of [...LAYER_NAMES, 'labels']) {
        const t = indexes.get(name)?.getTile(z, x, y);
        if (t && t.features.length) layersOfTile[name] = t;
      }
      if (!Object.keys(layersOfTile).length) continue;
      const raw = fromGeojsonVt(layersOfTile as Parameters<typeof fromGeojsonVt>[0], { version: 2, extent: EXTENT });
      const data = gzipSync(raw, { level: 6 });
      tiles.push({ z, x, y, data });
      zoomBytes += data.length;
      if (data.length > stats.largest.bytes) stats.largest = { z, x, y, bytes: data.length, rawBytes: raw.length };
    }
    const seconds = (performance.now() - started) / 1000;
    const count = tiles.length - stats.tiles;
    stats.tiles = tiles.length;
    stats.bytes += zoomBytes;
    stats.perZoom.push({ z, tiles: count, bytes: zoomBytes, seconds });
    onZoom(z, count, seconds);
  }
  return { tiles, stats };
}
