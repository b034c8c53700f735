/** @module Serves the PMTiles archives (one per unit structure) over HTTP with byte ranges (RFC 9110), an ETag from the archive's
 * content hash, and a long immutable cache under the content-hashed name. Hand-written because
 * serveStatic gives no ETag and no control over cache headers per name. */
import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { BuildManifest } from '../../scripts/boundary/build.ts';
import type { UnitStructure } from '../db/schema.ts';
import { sendError } from '../http/errors.ts';
import type { BoundaryBuilds } from './builds.ts';
import { CACHE, etagMatches } from '../http/cache.ts';

/** A byte range of a Range request, both ends included. */
export type ByteRange = { start: number; end: number }; // inclusive

/** The URL of an archive as the app mounts it (under /tiles, by its content-hashed name). */
export const archiveUrl = (manifest: BuildManifest): string => `/tiles/${manifest.archive.hashedName}`;

/** The URL of each structure's archive. */
export const archiveUrls = (builds: BoundaryBuilds): Record<UnitStructure, string> =>
  Object.fromEntries(Object.entries(builds).map(([structure, b]) => [structure, archiveUrl(b.manifest)])) as Record<UnitStructure, string>;

/** Parses a Range header for a file of `size` bytes: a range, 'none' (absent/ignorable), or 'unsatisfiable'. */
export function parseRange(header: string | undefined, size: number): ByteRange | 'none' | 'unsatisfiable' {
  if (!header) return 'none';
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') || !header.startsWith('bytes=') ? 'none' : 'unsatisfiable';
  const [, a, b] = m;
  if (a === '' && b === '') return 'unsatisfiable';
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** One tile archive to serve: its file and the build manifest naming it. */
export interface ArchiveRouteOptions {
  /** Absolute path of the archive file. */
  file: string;
  manifest: BuildManifest;
}

/** Routes each archive under its plain name, e.g. `/tiles/ntm.pmtiles` (revalidated), and its content-hashed
 * name (immutable); any other path is a 404 naming the current archives. */
export function archiveRoutes(archives: readonly ArchiveRouteOptions[]): Hono {
  const app = new Hono();
  for (const archive of archives) routeArchive(app, archive);
  const current = archives.map((a) => `/tiles/${a.manifest.archive.hashedName}`).join(', ');
  app.all('*', (c) => sendError(c, 404, 'not_found', `No archive ${c.req.path}; the current ones are ${current}`));
  return app;
}

function routeArchive(app: Hono, { file, manifest }: ArchiveRouteOptions): void {
  const etag = `"${manifest.archive.sha256.slice(0, 32)}"`;
  // The archive is read once into memory (about 14 MB; 12 MB for 2025-07): ranges are slices, and a rebuild that swaps
  // data/build does not change what this server serves under the manifest's ETag and hashed name.
  const data = readFileSync(file);
  const size = data.byteLength;
  if (size !== manifest.archive.bytes) throw new Error(`${file}: ${size} bytes, but BUILD.json says ${manifest.archive.bytes}; run npm run data:build`);
  const serve = (immutable: boolean) => async (c: Context) => {
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      ETag: etag,
      'Content-Type': 'application/vnd.pmtiles',
      'Cache-Control': CACHE[immutable ? 'immutable' : 'revalidate'],
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': 'ETag, Content-Range, Content-Length, Accept-Ranges',
    };
    if (etagMatches(c.req.header('If-None-Match'), etag) && !c.req.header('Range')) return c.body(null, 304, headers);
    const ifRange = c.req.header('If-Range');
    const range = ifRange && ifRange !== etag ? 'none' : parseRange(c.req.header('Range'), size);
    if (range === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${size}` });
    }
    const { start, end } = range === 'none' ? { start: 0, end: size - 1 } : range;
    const length = end - start + 1;
    const status = range === 'none' ? 200 : 206;
    if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    headers['Content-Length'] = String(length);
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    return c.body(new Uint8Array(data.subarray(start, end + 1)), status, headers);
  };
  app.on(['GET', 'HEAD'], `/${manifest.archive.file}`, serve(false));
  app.on(['GET', 'HEAD'], `/${manifest.archive.hashedName}`, serve(true));
}
