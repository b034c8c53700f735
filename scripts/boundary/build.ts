/** @module The boundary build: for each unit structure, validated inputs → PMTiles archive, per-province TopoJSON
 * and the units index in data/build/<structure>/. Skips work when the inputs are unchanged; replaces the
 * previous build only once the new one is complete, so a failed build leaves the old one untouched. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { UnitStructure } from '../../server/db/schema.ts';
import { UNIT_STRUCTURES, UnitsIndexSchema, type UnitsIndex } from '../../server/unit/units-index.ts';
import { BOUNDARY_ATTRIBUTIONS } from './attribution.ts';
import { fullResolution, LAYER_MIN_ZOOM, MAX_ZOOM, prepareLayers, type BoundaryFeature, type LayerName } from './layers.ts';
import { writePmtiles } from './pmtiles-writer.ts';
import { loadBoundarySources, readBoundaryInputs } from './sources.ts';
import { STRUCTURES } from './structures.ts';
import { buildTiles, EXTENT, LABEL_MIN_ZOOM } from './tiles.ts';
import { provinceTopologies } from './downloads.ts';

export { BOUNDARY_ATTRIBUTIONS };

/** Bump when the build's output changes for the same inputs, so that old builds are redone. */
export const BUILD_VERSION = 'boundary-build-6';
/** The pre-2025 archive's plain name (the 2025-07 one: `ntm-2025-07.pmtiles`). */
export const ARCHIVE_FILE = `${STRUCTURES.pre2025.archiveBase}.pmtiles`;
/** The pre-2025 boundaries' attribution (each structure's: BOUNDARY_ATTRIBUTIONS). */
export const ATTRIBUTION = BOUNDARY_ATTRIBUTIONS.pre2025.vi;

/** BUILD.json of a structure's build folder: the inputs' hash, when it was built, the archive's name and tile
 * figures; the server reads it at start. */
export const BuildManifestSchema = z.object({
  version: z.string(),
  structure: z.enum(UNIT_STRUCTURES),
  inputHash: z.string(),
  builtAt: z.string(),
  seconds: z.number(),
  archive: z.object({ file: z.string(), hashedName: z.string(), sha256: z.string(), bytes: z.number() }),
  tiles: z.object({
    count: z.number(),
    bytes: z.number(),
    largest: z.object({ z: z.number(), x: z.number(), y: z.number(), bytes: z.number(), rawBytes: z.number() }),
    minZoom: z.number(),
    maxZoom: z.number(),
  }),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  units: z.object({ provinces: z.number(), districts: z.number(), communes: z.number(), communesWithPolygon: z.number() }),
});
/** A build's manifest. */
export type BuildManifest = z.infer<typeof BuildManifestSchema>;

/** What to build: the boundary sources, the build folder, the structure and a logger; `force` rebuilds even when
 * the inputs did not change. */
export interface BuildOptions {
  boundariesDir: string;
  /** The structure's own build folder (see structureBuildDir). */
  outDir: string;
  /** Default: pre2025. */
  structure?: UnitStructure;
  force?: boolean;
  log?: (line: string) => void;
}

/** The build folder of one structure under the build root (NTM_BUILD_DIR): `<root>/<structure>`. */
export const structureBuildDir = (buildDir: string, structure: UnitStructure): string => join(buildDir, structure);

/** Builds every structure, each into structureBuildDir(buildDir, structure), one after the other; the
 * first bad input throws (a structure already rebuilt keeps its new build, the others their old one). */
export async function buildAllBoundaries(options: {
  sources: Record<UnitStructure, string>;
  buildDir: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<Record<UnitStructure, BuildManifest>> {
  removeUnstructuredBuild(options.buildDir);
  const out: Partial<Record<UnitStructure, BuildManifest>> = {};
  for (const structure of UNIT_STRUCTURES) {
    const { manifest } = await buildBoundaries({
      structure, boundariesDir: options.sources[structure], outDir: structureBuildDir(options.buildDir, structure), force: options.force, log: options.log,
    });
    out[structure] = manifest;
  }
  return out as Record<UnitStructure, BuildManifest>;
}

/** Removes the single-structure build that releases before the 2025-07 structure wrote at the build root. */
function removeUnstructuredBuild(buildDir: string): void {
  if (!existsSync(join(buildDir, 'BUILD.json'))) return;
  for (const name of ['BUILD.json', 'units.json', 'topojson', ARCHIVE_FILE]) rmSync(join(buildDir, name), { recursive: true, force: true });
}

/** The manifest of a finished build in `outDir`, or null when there is none or its archive or units.json is missing
 * (then it is rebuilt). */
export function readBuildManifest(outDir: string): BuildManifest | null {
  const file = join(outDir, 'BUILD.json');
  if (!existsSync(file)) return null;
  const parsed = BuildManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) return null;
  const m = parsed.data;
  return existsSync(join(outDir, m.archive.file)) && existsSync(join(outDir, 'units.json')) ? m : null;
}

/** Reads and validates the units.json of a build folder. */
export function readUnitsIndex(outDir: string): UnitsIndex {
  return UnitsIndexSchema.parse(JSON.parse(readFileSync(join(outDir, 'units.json'), 'utf8')));
}

/** Builds a structure's tiles, downloads and units.json, skipped when the manifest's hash matches the inputs. */
export async function buildBoundaries(options: BuildOptions): Promise<{ skipped: boolean; manifest: BuildManifest }> {
  const log = options.log ?? (() => {});
  const structure = options.structure ?? 'pre2025';
  const spec = STRUCTURES[structure];
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const inputs = readBoundaryInputs(options.boundariesDir, structure);
  const inputHash = createHash('sha256').update(BUILD_VERSION).update(structure).update(inputs.hash).digest('hex');
  const previous = readBuildManifest(options.outDir);
  if (!options.force && previous?.inputHash === inputHash && previous.structure === structure) {
    log(`Boundaries ${structure} unchanged (input ${inputHash.slice(0, 12)}): nothing to do.`);
    return { skipped: true, manifest: previous };
  }

  log(`Reading and validating ${options.boundariesDir} (structure ${structure})`);
  const sources = loadBoundarySources(inputs);
  log(`  ${sources.layers.map((l) => `${l.geometries.length} ${l.name === 'communes' ? 'commune polygons' : l.name}`).join(', ')} (${elapsed()})`);
  const layers = prepareLayers(sources);
  const features: Partial<Record<LayerName, BoundaryFeature[]>> = Object.fromEntries(layers.map((l) => [l.name, fullResolution(l)]));
  const units = sources.indexUnits(features, inputHash);
  log(`  units index: ${units.units.length} units with bbox and label point (${elapsed()})`);

  log(`Cutting vector tiles, zoom 0–${MAX_ZOOM}`);
  const { tiles, stats } = buildTiles(layers, units.units, (z, count, seconds) => log(`  z${z}: ${count} tiles (${seconds.toFixed(1)} s)`), spec.archipelagos);
  const bounds = boundsOf(units);
  const hasDistricts = spec.layers.includes('districts');
  const fields = { code: 'String', name: 'String', type: 'String', province: 'String' };
  const { archive } = writePmtiles(tiles, {
    minZoom: 0,
    maxZoom: MAX_ZOOM,
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 5],
    metadata: {
      name: 'NTM Map boundaries',
      description: spec.description,
      attribution: spec.attribution,
      version: inputHash.slice(0, 12),
      structure,
      vector_layers: [
        ...spec.layers.map((name) => ({
          id: name, minzoom: LAYER_MIN_ZOOM[name], maxzoom: MAX_ZOOM,
          fields: name === 'communes' && hasDistricts ? { ...fields, district: 'String' } : fields,
        })),
        { id: 'labels', minzoom: 0, maxzoom: MAX_ZOOM, fields: { code: 'String', name: 'String', level: 'String', type: 'String', province: 'String', ...(hasDistricts ? { district: 'String' } : {}) }, label_min_zoom: LABEL_MIN_ZOOM },
      ],
      extent: EXTENT,
    },
  });
  const sha256 = createHash('sha256').update(archive).digest('hex');
  log(`  ${stats.tiles} tiles, ${(archive.length / 1e6).toFixed(1)} MB archive; largest tile z${stats.largest.z}/${stats.largest.x}/${stats.largest.y} ${(stats.largest.bytes / 1024).toFixed(0)} KB (${elapsed()})`);

  const downloads = provinceTopologies(features, structure);
  log(`  ${downloads.size} province TopoJSON files (${elapsed()})`);

  const manifest: BuildManifest = {
    version: BUILD_VERSION,
    structure,
    inputHash,
    builtAt: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    archive: { file: `${spec.archiveBase}.pmtiles`, hashedName: `${spec.archiveBase}.${sha256.slice(0, 12)}.pmtiles`, sha256, bytes: archive.length },
    tiles: { count: stats.tiles, bytes: stats.bytes, largest: stats.largest, minZoom: 0, maxZoom: MAX_ZOOM },
    bounds,
    units: {
      provinces: units.units.filter((u) => u.level === 'province').length,
      districts: units.units.filter((u) => u.level === 'district').length,
      communes: units.units.filter((u) => u.level === 'commune').length,
      communesWithPolygon: units.units.filter((u) => u.level === 'commune' && u.hasPolygon).length,
    },
  };

  // Write everything beside the old build, then swap folders: readers never see half a build.
  const tmp = `${options.outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'topojson'), { recursive: true }); // (and the build root, for the first build)
  writeFileSync(join(tmp, manifest.archive.file), archive);
  writeFileSync(join(tmp, 'units.json'), JSON.stringify(units));
  for (const [code, text] of downloads) writeFileSync(join(tmp, 'topojson', `${code}.json`), text);
  writeFileSync(join(tmp, 'BUILD.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const old = `${options.outDir}.old-${process.pid}`;
  if (existsSync(options.outDir)) renameSync(options.outDir, old);
  renameSync(tmp, options.outDir);
  rmSync(old, { recursive: true, force: true });
  log(`Boundary build ${structure} done in ${elapsed()} → ${options.outDir}`);
  return { skipped: false, manifest };
}

function boundsOf(index: UnitsIndex): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  for (const u of index.units) {
    if (u.level !== 'province' || !u.bbox) continue;
    b[0] = Math.min(b[0], u.bbox[0]); b[1] = Math.min(b[1], u.bbox[1]);
    b[2] = Math.max(b[2], u.bbox[2]); b[3] = Math.max(b[3], u.bbox[3]);
  }
  return b;
}
