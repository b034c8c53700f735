/** @module Reading and validating boundary inputs, whatever the unit structure: a file from a vendored
 * (checksummed) folder or a user's folder of plain or gzipped files, JSON parsing with the file named,
 * and a TopoJSON layer whose every feature's properties are checked with a zod schema. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GeometryObject, Topology } from 'topojson-specification';
import { z } from 'zod';
import { readVendored } from '../data/vendor.ts';
import type { LayerName, TileProperties } from './layers.ts';

/** Bad boundary input: the message names the file, the feature and the field. */
export class BoundaryInputError extends Error {}

/** A province's 2-digit GSO code in the inputs. */
export const provinceCode = z.string().regex(/^\d{2}$/, 'expected a 2-digit GSO province code');
/** A district's 3-digit GSO code in the inputs. */
export const districtCode = z.string().regex(/^\d{3}$/, 'expected a 3-digit GSO district code');
/** A commune's 5-digit GSO code in the inputs. */
export const communeCode = z.string().regex(/^\d{5}$/, 'expected a 5-digit GSO commune code');
/** A unit's name in the inputs: not empty. */
export const unitName = z.string().trim().min(1, 'expected a non-empty name');

const TopologySchema = z.object({
  type: z.literal('Topology'),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
  objects: z.record(z.string(), z.object({ type: z.literal('GeometryCollection'), geometries: z.array(z.unknown()) })),
});

/** A validated layer: its topology (each geometry's properties replaced by the tile properties) and
 * one typed source-properties object per geometry, in order. */
export interface Layer<P extends object> {
  name: LayerName;
  file: string;
  topology: Topology;
  object: string;
  geometries: Array<GeometryObject<P> & { type: 'Polygon' | 'MultiPolygon' }>;
}

/** Reads one input: a plain file, else `<file>.gz`; in a vendored folder (a MANIFEST.json beside it that
 * lists `<folder>/<file>`) the manifest checksum is verified. */
export function readBoundaryFile(dir: string, file: string, expected: readonly string[] = [file]): Buffer {
  const vendoredManifest = join(dir, '..', 'MANIFEST.json');
  if (existsSync(vendoredManifest) && !existsSync(join(dir, file))) {
    try {
      return readVendored(join(dir, '..'), `${basename(dir)}/${file}`);
    } catch (error) {
      throw new BoundaryInputError(error instanceof Error ? error.message : String(error));
    }
  }
  if (existsSync(join(dir, file))) return readFileSync(join(dir, file));
  if (existsSync(join(dir, `${file}.gz`))) {
    try {
      return gunzipSync(readFileSync(join(dir, `${file}.gz`)));
    } catch {
      throw new BoundaryInputError(`${join(dir, `${file}.gz`)}: corrupt gzip data`);
    }
  }
  throw new BoundaryInputError(`${join(dir, file)}: not found (boundaries folder must hold ${expected.join(', ')})`);
}

/** Parses a JSON input, failing with a BoundaryInputError that names the file. */
export function parseJson(file: string, data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch (error) {
    throw new BoundaryInputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** The first issue of a zod error as a path and a message, for a one-line input error. */
export function issueText(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' };
}

/** Parses a units list with its schema; a failure names the field. */
export function parseUnitsList<T>(schema: z.ZodType<T>, data: Buffer): T {
  const parsed = schema.safeParse(parseJson('units.json', data));
  if (!parsed.success) {
    const { path, message } = issueText(parsed.error);
    throw new BoundaryInputError(`units.json: field ${path}: ${message}`);
  }
  return parsed.data;
}

/** How one layer is read from its TopoJSON: its file and object, the properties' schema, the unit's code and the
 * tile properties. */
export interface LayerSpec<P extends object> {
  name: LayerName;
  file: string;
  /** The TopoJSON object holding the layer's geometries. */
  object: string;
  schema: z.ZodType<P>;
  code: (p: P) => string;
  /** The properties each tile feature (and download) carries. */
  tile: (p: P) => TileProperties;
}

/** Parses and checks one TopoJSON layer: properties, geometry types, arc indexes, unique codes. */
export function readLayer<P extends object>(dir: string, spec: LayerSpec<P>, data: Buffer): Layer<P> {
  const { file, object, schema } = spec;
  const parsed = TopologySchema.safeParse(parseJson(file, data));
  if (!parsed.success) {
    const { path, message } = issueText(parsed.error);
    throw new BoundaryInputError(`${file}: not a TopoJSON topology (${path || 'root'}: ${message})`);
  }
  const topology = parsed.data as unknown as Topology;
  const collection = parsed.data.objects[object];
  if (!collection) throw new BoundaryInputError(`${file}: no object "${object}" (found ${Object.keys(parsed.data.objects).join(', ') || 'none'})`);
  const arcCount = parsed.data.arcs.length;
  const codeField = `${object.slice(0, -1)}_code`;
  const seen = new Set<string>();
  const geometries = collection.geometries.map((raw, index) => {
    const g = raw as { type?: unknown; arcs?: unknown; properties?: unknown };
    const props = schema.safeParse(g.properties ?? {});
    const rawCode = (g.properties as Record<string, unknown> | undefined)?.[codeField];
    const label = `feature ${index}${typeof rawCode === 'string' ? ` (${rawCode})` : ''}`;
    if (!props.success) {
      const { path, message } = issueText(props.error);
      const got = (g.properties as Record<string, unknown> | undefined)?.[path];
      throw new BoundaryInputError(`${file}: ${label}, property ${path}: ${message}${got === undefined ? ' (missing)' : `, got ${JSON.stringify(got)}`}`);
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      throw new BoundaryInputError(`${file}: ${label}, field type: expected Polygon or MultiPolygon, got ${JSON.stringify(g.type)}`);
    }
    if (!validArcs(g.arcs, g.type === 'Polygon' ? 2 : 3, arcCount)) {
      throw new BoundaryInputError(`${file}: ${label}, field arcs: not a valid ${g.type} arc list for ${arcCount} arcs`);
    }
    const code = spec.code(props.data);
    if (seen.has(code)) throw new BoundaryInputError(`${file}: ${label}, property ${codeField}: duplicate code ${code}`);
    seen.add(code);
    // The topology carries the tile properties from here on: simplification and cutting read them there.
    (raw as { properties?: unknown }).properties = spec.tile(props.data);
    return { ...(g as object), properties: props.data } as Layer<P>['geometries'][number];
  });
  for (const [i, arc] of parsed.data.arcs.entries()) {
    if (arc.length < 2 || arc.some((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
      throw new BoundaryInputError(`${file}: arc ${i}: expected at least two finite [x, y] positions`);
    }
  }
  return { name: spec.name, file: join(dir, file), topology, object, geometries };
}

/** Nested arrays of arc indexes of the given depth, each index within range (negative = reversed arc). */
function validArcs(arcs: unknown, depth: number, arcCount: number): boolean {
  if (!Array.isArray(arcs) || arcs.length === 0) return false;
  if (depth === 1) return arcs.every((i) => Number.isInteger(i) && (i >= 0 ? i < arcCount : ~i < arcCount));
  return arcs.every((a) => validArcs(a, depth - 1, arcCount));
}
