/** @module Turns the validated boundary layers of a structure (provinces, districts where it has them, communes)
 * into GeoJSON features for the tiles, either at full
 * resolution or simplified for one zoom level. Simplification runs on the topology (shared arcs),
 * so neighbouring polygons keep identical borders at every zoom and no slivers open between them. */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { filter, filterAttachedWeight, planarRingArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import type { BoundarySources, Layer } from './sources.ts';

/** The tile layers, one per level of units. */
export type LayerName = 'provinces' | 'districts' | 'communes';
/** The layers in drawing order. */
export const LAYER_NAMES: readonly LayerName[] = ['provinces', 'districts', 'communes'];

/** Properties every tile feature carries: code, name, type and its parents' codes (no district in the
 * 2025-07 structure). The layer readers put them on the topology's geometries. */
export interface TileProperties {
  code: string;
  name: string;
  type: string;
  province: string;
  district?: string;
}
/** A unit's polygon as the tiles and downloads carry it. */
export type BoundaryFeature = Feature<Polygon | MultiPolygon, TileProperties>;

/** The first zoom at which a layer is drawn; the archive's max zoom is MAX_ZOOM (the client over-zooms). */
export const LAYER_MIN_ZOOM: Record<LayerName, number> = { provinces: 0, districts: 3, communes: 4 };
/** The archive's highest zoom; the client over-zooms beyond it. */
export const MAX_ZOOM = 12;

/** A layer prepared once: its topology with a Visvalingam weight on every arc point. */
export interface PreparedLayer {
  name: LayerName;
  presimplified: Topology;
  source: Layer<object>;
}

/** Prepares each layer of the sources once for every zoom: its topology with the Visvalingam weights. */
export function prepareLayers(sources: Pick<BoundarySources, 'layers'>): PreparedLayer[] {
  return sources.layers.map((source) => ({ name: source.name, source, presimplified: presimplify(source.topology as Topology<Objects<Record<string, unknown>>>) }));
}

/** Smallest triangle area (degrees²) kept at zoom z: one pixel of a 512-px tile, squared. Smaller triangles
 * (half a pixel, as before issue #17) kept a third more vertices at the country and province zooms with no
 * difference on screen, and every vertex costs the reader's browser time to parse, triangulate and draw. */
export const MIN_AREA_PIXELS = 1;
/** The smallest triangle area (degrees²) kept at zoom z: MIN_AREA_PIXELS of one 512-px tile's pixels. */
export function minWeightAtZoom(z: number): number {
  const degreesPerPixel = 360 / (512 * 2 ** z);
  return MIN_AREA_PIXELS * degreesPerPixel ** 2;
}

function toFeatures(topology: Topology, object: string): BoundaryFeature[] {
  const out: BoundaryFeature[] = [];
  const collection = topology.objects[object];
  if (!collection || collection.type !== 'GeometryCollection') return out;
  for (const g of collection.geometries as Array<GeometryObject<TileProperties>>) {
    if (!g.properties || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const f = feature(topology, g) as Feature<Polygon | MultiPolygon | null>;
    const geometry = f.geometry ? cleanGeometry(f.geometry) : null;
    if (!geometry) continue;
    const properties = { ...g.properties };
    out.push({ type: 'Feature', id: Number(properties.code), properties, geometry });
  }
  return out;
}

/** Drops rings that simplification reduced to fewer than four positions (no area left). */
function cleanGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const cleanPolygon = (rings: Position[][]) => {
    const outer = rings[0];
    if (!outer || outer.length < 4) return null;
    return rings.filter((r) => r.length >= 4);
  };
  if (geometry.type === 'Polygon') {
    const rings = cleanPolygon(geometry.coordinates);
    return rings ? { type: 'Polygon', coordinates: rings } : null;
  }
  const polygons = geometry.coordinates.map(cleanPolygon).filter((p): p is Position[][] => p !== null);
  return polygons.length ? { type: 'MultiPolygon', coordinates: polygons } : null;
}

/** Full-resolution features of a layer (for the units index and the downloads). */
export function fullResolution(prepared: PreparedLayer): BoundaryFeature[] {
  return toFeatures(prepared.presimplified, prepared.source.object);
}

/** Features of a layer simplified for zoom z; detached rings smaller than a pixel are dropped. */
export function simplifiedAtZoom(prepared: PreparedLayer, z: number): FeatureCollection<Polygon | MultiPolygon, TileProperties> {
  const weight = minWeightAtZoom(z);
  const simplified = simplify(prepared.presimplified as Topology<Objects<Record<string, unknown>>>, weight);
  const filtered = filter(simplified, filterAttachedWeight(simplified, weight * 4, planarRingArea)) as Topology;
  return { type: 'FeatureCollection', features: toFeatures(filtered, prepared.source.object) };
}
