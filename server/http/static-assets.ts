/** @module The client's built scripts and styles (/assets/*, content-hashed names from Vite) sent compressed
 * (brotli or gzip, by Accept-Encoding) and cached for a year: maplibre-gl alone is 1.6 MB as built and
 * ~360 KB brotli, which decides how fast an embedded widget appears in an article. Each file is compressed
 * once: at once at a quick brotli level, then again at the best level in the background (the thread pool),
 * so that the first reader never waits for the slow pass. Other files fall through to serveStatic. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { negotiate } from './response-cache.ts';
import { cacheFor } from './cache.ts';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

interface Compressed { mtime: number; identity: Buffer; gzip: Buffer; br: Buffer }

const brotli = (body: Buffer, quality: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } });

/** Middleware for `/assets/*` serving the files of `<distDir>/assets`. */
export function compressedAssets(distDir: string): MiddlewareHandler {
  const root = join(distDir, 'assets');
  const cache = new Map<string, Promise<Compressed>>();
  const load = async (file: string, mtime: number): Promise<Compressed> => {
    const identity = await readFile(file);
    const entry: Compressed = { mtime, identity, gzip: gzipSync(identity, { level: 9 }), br: brotliCompressSync(identity, brotli(identity, 5)) };
    brotliCompress(identity, brotli(identity, 11), (error, best) => {
      if (!error && best.byteLength < entry.br.byteLength) entry.br = best;
    });
    return entry;
  };
  return async (c, next) => {
    const name = c.req.path.slice('/assets/'.length);
    const type = TYPES[extname(name)];
    const file = normalize(join(root, name));
    if (!type || !file.startsWith(root + sep)) return next();
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return next();
    let entry = cache.get(file);
    if (!entry || (await entry).mtime !== info.mtimeMs) {
      entry = load(file, info.mtimeMs);
      cache.set(file, entry);
      entry.catch(() => cache.delete(file));
    }
    const body = await entry;
    const encoding = negotiate(c.req.header('Accept-Encoding'));
    const bytes = encoding === 'identity' ? body.identity : body[encoding];
    c.header('Content-Type', type);
    cacheFor(c, 'immutable');
    c.header('Vary', 'Accept-Encoding');
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) as Uint8Array<ArrayBuffer>);
  };
}
