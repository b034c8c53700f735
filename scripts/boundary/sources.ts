// Reads and validates the boundary inputs (three TopoJSON layers and the GSO units list) from a
// folder: data/sources/ (vendored, checksummed) by default, or a user's folder of plain files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { GeoJsonProperties } from 'geojson';
import type { Topology, GeometryObject } from 'topojson-specification';
import { z } from 'zod';
import { readVendored } from '../data/vendor.ts';

export class BoundaryInputError extends Error {}

const provinceCode = z.string().regex(/^\d{2}$/, 'expected a 2-digit GSO province code');
const districtCode = z.string().regex(/^\d{3}$/, 'expected a 3-digit GSO district code');
const communeCode = z.string().regex(/^\d{5}$/, 'expected a 5-digit GSO commune code');
const name = z.string().trim().min(1, 'expected a non-empty name');

export const CommunePropertiesSchema = z.object({
  commune_code: communeCode,
  commune_name: name,
  commune_type: z.enum(['Xã', 'Phường', 'Thị trấn']),
  district_code: districtCode,
  province_code: provinceCode,
  geom_quality: z.enum(['good', 'approx']).optional(),
});
export const DistrictPropertiesSchema = z.object({
  district_code: districtCode,
  district_name: name,
  district_type: name,
  province_code: provinceCode,
});
export const ProvincePropertiesSchema = z.object({
  province_code: provinceCode,
  province_name: name,
  province_type: name,
});
export type CommuneProperties = z.infer<typeof CommunePropertiesSchema>;
export type DistrictProperties = z.infer<typeof DistrictPropertiesSchema>;
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
export type GsoUnits = z.infer<typeof GsoUnitsSchema>;

const TopologySchema = z.object({
  type: z.literal('Topology'),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
  objects: z.record(z.string(), z.object({ type: z.literal('GeometryCollection'), geometries: z.array(z.unknown()) })),
});

/** A validated layer: its topology and one typed properties object per geometry, in order. */
export interface Layer<P extends GeoJsonProperties> {
  file: string;
  topology: Topology;
  object: string;
  geometries: Array<GeometryObject<P> & { type: 'Polygon' | 'MultiPolygon' }>;
}

export interface BoundarySources {
  dir: string;
  communes: Layer<CommuneProperties>;
  districts: Layer<DistrictProperties>;
  provinces: Layer<ProvinceProperties>;
  units: GsoUnits;
  /** SHA-256 over the four inputs' contents: the build is redone only when it changes. */
  hash: string;
}

export const BOUNDARY_FILES = ['communes.topojson', 'districts.topojson', 'provinces.topojson', 'units.json'] as const;
type BoundaryFile = (typeof BOUNDARY_FILES)[number];

/** Reads one input: a plain file, else `<file>.gz`; in a vendored folder the manifest checksum is verified. */
export function readBoundaryFile(dir: string, file: BoundaryFile): Buffer {
  const vendoredManifest = join(dir, '..', 'MANIFEST.json');
  if (existsSync(vendoredManifest) && !existsSync(join(dir, file))) {
    try {
      return readVendored(join(dir, '..'), `boundaries/${file}`);
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
  throw new BoundaryInputError(`${join(dir, file)}: not found (boundaries folder must hold ${BOUNDARY_FILES.join(', ')})`);
}

function parseJson(file: string, data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch (error) {
    throw new BoundaryInputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

function issueText(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' };
}

function readLayer<P extends GeoJsonProperties>(dir: string, file: BoundaryFile, object: string, schema: z.ZodType<P>, codeOf: (p: P) => string, data: Buffer): Layer<P> {
  const parsed = TopologySchema.safeParse(parseJson(file, data));
  if (!parsed.success) {
    const { path, message } = issueText(parsed.error);
    throw new BoundaryInputError(`${file}: not a TopoJSON topology (${path || 'root'}: ${message})`);
  }
  const topology = parsed.data as unknown as Topology;
  const collection = parsed.data.objects[object];
  if (!collection) throw new BoundaryInputError(`${file}: no object "${object}" (found ${Object.keys(parsed.data.objects).join(', ') || 'none'})`);
  const arcCount = parsed.data.arcs.length;
  const seen = new Set<string>();
  const geometries = collection.geometries.map((raw, index) => {
    const g = raw as { type?: unknown; arcs?: unknown; properties?: unknown };
    const props = schema.safeParse(g.properties ?? {});
    const label = `feature ${index}${typeof (g.properties as Record<string, unknown> | undefined)?.[`${object.slice(0, -1)}_code`] === 'string' ? ` (${(g.properties as Record<string, string>)[`${object.slice(0, -1)}_code`]})` : ''}`;
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
    const code = codeOf(props.data);
    if (seen.has(code)) throw new BoundaryInputError(`${file}: ${label}, property ${object.slice(0, -1)}_code: duplicate code ${code}`);
    seen.add(code);
    return { ...(g as object), properties: props.data } as Layer<P>['geometries'][number];
  });
  for (const [i, arc] of parsed.data.arcs.entries()) {
    if (arc.length < 2 || arc.some((p) => p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) {
      throw new BoundaryInputError(`${file}: arc ${i}: expected at least two finite [x, y] positions`);
    }
  }
  return { file: join(dir, file), topology, object, geometries };
}

/** Nested arrays of arc indexes of the given depth, each index within range (negative = reversed arc). */
function validArcs(arcs: unknown, depth: number, arcCount: number): boolean {
  if (!Array.isArray(arcs) || arcs.length === 0) return false;
  if (depth === 1) return arcs.every((i) => Number.isInteger(i) && (i >= 0 ? i < arcCount : ~i < arcCount));
  return arcs.every((a) => validArcs(a, depth - 1, arcCount));
}

export type RawBoundaryInputs = { dir: string; files: Record<BoundaryFile, Buffer>; hash: string };

/** Reads the four inputs and hashes their contents (cheap: no parsing). */
export function readBoundaryInputs(dir: string): RawBoundaryInputs {
  const files = Object.fromEntries(BOUNDARY_FILES.map((f) => [f, readBoundaryFile(dir, f)])) as Record<BoundaryFile, Buffer>;
  const hash = createHash('sha256');
  for (const f of BOUNDARY_FILES) hash.update(f).update(files[f]);
  return { dir, files, hash: hash.digest('hex') };
}

/** Parses and cross-checks the four inputs; throws BoundaryInputError naming file, feature and field. */
export function loadBoundarySources(inputs: RawBoundaryInputs): BoundarySources {
  const { dir, files: raw } = inputs;

  const unitsParsed = GsoUnitsSchema.safeParse(parseJson('units.json', raw['units.json']));
  if (!unitsParsed.success) {
    const { path, message } = issueText(unitsParsed.error);
    throw new BoundaryInputError(`units.json: field ${path}: ${message}`);
  }
  const units = unitsParsed.data;
  const provinces = readLayer(dir, 'provinces.topojson', 'provinces', ProvincePropertiesSchema, (p) => p.province_code, raw['provinces.topojson']);
  const districts = readLayer(dir, 'districts.topojson', 'districts', DistrictPropertiesSchema, (p) => p.district_code, raw['districts.topojson']);
  const communes = readLayer(dir, 'communes.topojson', 'communes', CommunePropertiesSchema, (p) => p.commune_code, raw['communes.topojson']);

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
  return { dir, communes, districts, provinces, units, hash: inputs.hash };
}
