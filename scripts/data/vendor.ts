/** @module Vendors the upstream input data (both eras' boundaries and the programme facts) into data/sources/, verified by a
 * SHA-256 manifest, so that a fresh clone builds and seeds with nothing beside it. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';

/** The files the product needs, relative to the upstream folder; large ones are stored gzip-compressed. */
export const VENDORED_FILES: ReadonlyArray<{ path: string; gzip: boolean }> = [
  { path: 'boundaries/communes.topojson', gzip: true },
  { path: 'boundaries/districts.topojson', gzip: true },
  { path: 'boundaries/provinces.topojson', gzip: true },
  { path: 'boundaries/units.json', gzip: true },
  // The two-tier structure in force since 1 July 2025 (34 provinces > 3,321 communes) and its crosswalk.
  { path: 'boundaries-2025/communes.topojson', gzip: true },
  { path: 'boundaries-2025/provinces.topojson', gzip: true },
  { path: 'boundaries-2025/units.json', gzip: true },
  { path: 'boundaries-2025/crosswalk.csv', gzip: true },
  { path: 'facts/criteria.json', gzip: false },
  { path: 'facts/criteria_counts.csv', gzip: false },
  { path: 'facts/districts.csv', gzip: false },
  { path: 'facts/national_counts.csv', gzip: false },
  { path: 'facts/plan_targets.csv', gzip: false },
  { path: 'facts/planned_communes.csv', gzip: false },
  { path: 'facts/recognitions.csv', gzip: false },
  { path: 'facts/special_difficulty_communes.csv', gzip: false },
  { path: 'facts/targets.csv', gzip: false },
  { path: 'facts/targets_2030.csv', gzip: false },
];

/** data/sources/MANIFEST.json: the upstream and each vendored file's logical and stored path, SHA-256 and size. */
export const ManifestSchema = z.object({
  upstream: z.string(),
  files: z.array(
    z.object({
      path: z.string(), // logical path, e.g. "boundaries/communes.topojson"
      stored: z.string(), // file in data/sources, e.g. "boundaries/communes.topojson.gz"
      sha256: z.string().regex(/^[0-9a-f]{64}$/), // of the uncompressed content
      bytes: z.number().int().nonnegative(),
    }),
  ),
});
/** The vendored data's manifest. */
export type Manifest = z.infer<typeof ManifestSchema>;

/** A vendoring or verification failure (missing file, wrong hash), with a message naming the file. */
export class VendorError extends Error {}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Copies the upstream files into `target` (replacing it atomically) and writes MANIFEST.json. */
export function vendor(from: string, target: string, log: (line: string) => void = () => {}): Manifest {
  const missing = VENDORED_FILES.filter((f) => !existsSync(join(from, f.path)));
  if (missing.length) throw new VendorError(`${from}: missing ${missing.map((f) => f.path).join(', ')}`);
  const tmp = `${target}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const manifest: Manifest = { upstream: 'shared/data (see README.md)', files: [] };
  for (const f of VENDORED_FILES) {
    const data = readFileSync(join(from, f.path));
    const stored = f.gzip ? `${f.path}.gz` : f.path;
    mkdirSync(dirname(join(tmp, stored)), { recursive: true });
    writeFileSync(join(tmp, stored), f.gzip ? gzipSync(data, { level: 9 }) : data);
    manifest.files.push({ path: f.path, stored, sha256: sha256(data), bytes: data.length });
    log(`  ${f.path} (${(data.length / 1024).toFixed(0)} KiB)`);
  }
  writeFileSync(join(tmp, 'MANIFEST.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Keep the hand-written README of the target folder.
  if (existsSync(join(target, 'README.md'))) writeFileSync(join(tmp, 'README.md'), readFileSync(join(target, 'README.md')));
  verify(tmp);
  rmSync(target, { recursive: true, force: true });
  renameSync(tmp, target);
  return manifest;
}

/** Reads a vendored file by its logical path, checking it against the manifest. */
export function readVendored(sourcesDir: string, path: string): Buffer {
  const manifest = readManifest(sourcesDir);
  const entry = manifest.files.find((f) => f.path === path);
  if (!entry) throw new VendorError(`${join(sourcesDir, 'MANIFEST.json')}: no entry for ${path}`);
  return readEntry(sourcesDir, entry);
}

/** Checks every file of a vendored folder against its manifest; throws naming the first bad file. */
export function verify(sourcesDir: string): Manifest {
  const manifest = readManifest(sourcesDir);
  for (const entry of manifest.files) readEntry(sourcesDir, entry);
  return manifest;
}

function readManifest(sourcesDir: string): Manifest {
  const file = join(sourcesDir, 'MANIFEST.json');
  if (!existsSync(file)) throw new VendorError(`${file}: not found (run npm run data:vendor -- --from <folder>)`);
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new VendorError(`${file}: ${parsed.error.issues[0]?.message ?? 'invalid manifest'}`);
  return parsed.data;
}

function readEntry(sourcesDir: string, entry: Manifest['files'][number]): Buffer {
  const file = join(sourcesDir, entry.stored);
  if (!existsSync(file)) throw new VendorError(`${file}: missing (listed in MANIFEST.json)`);
  let data = readFileSync(file);
  if (entry.stored.endsWith('.gz')) {
    try {
      data = gunzipSync(data);
    } catch {
      throw new VendorError(`${file}: corrupt gzip data`);
    }
  }
  if (sha256(data) !== entry.sha256) throw new VendorError(`${file}: checksum mismatch (expected ${entry.sha256.slice(0, 12)}…)`);
  return data;
}
