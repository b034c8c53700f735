/** @module Keeps finished public API responses so that a repeated read costs a map lookup, and compresses API
 * responses (brotli or gzip, by Accept-Encoding) once per body rather than once per request: a period's
 * figures only change when officials write, and writers clear the cache. Bounded in bytes, least
 * recently used out first. Hand-written: hono's compress middleware has no brotli and compresses every time. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { rawQuery } from './query-encoding.ts';
import { etagMatches } from './cache.ts';

type Encoding = 'br' | 'gzip' | 'identity';

interface Entry { status: number; headers: [string, string][]; etag: string | null; bodies: Map<Encoding, Uint8Array<ArrayBuffer>> }

/** The response cache as the API mounts it: its middleware, a clear() for writers, and the bytes it holds. */
export interface ResponseCache {
  middleware: MiddlewareHandler;
  clear(): void;
  readonly bytes: number;
}

const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|javascript|xml)|text\/)/;

/** The best encoding the client accepts (q=0 refuses). */
export function negotiate(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

function encode(body: Uint8Array, encoding: Encoding): Uint8Array<ArrayBuffer> {
  const out =
    encoding === 'br'
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
      : encoding === 'gzip'
        ? gzipSync(body, { level: 6 })
        : body;
  return new Uint8Array(out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer);
}

function respond(entry: Entry, encoding: Encoding): Response {
  const compressible = COMPRESSIBLE.test(entry.headers.find(([k]) => k === 'content-type')?.[1] ?? '');
  const identity = entry.bodies.get('identity')!;
  const use: Encoding = compressible && identity.byteLength >= MIN_COMPRESS_BYTES ? encoding : 'identity';
  let body = entry.bodies.get(use);
  if (!body) {
    body = encode(identity, use);
    entry.bodies.set(use, body);
  }
  const headers = new Headers(entry.headers);
  headers.delete('content-length');
  if (compressible) headers.append('Vary', 'Accept-Encoding');
  if (use !== 'identity') headers.set('Content-Encoding', use);
  return new Response(body, { status: entry.status, headers });
}

/** The cache and its middleware; `maxBytes` 0 keeps nothing (every request reaches its handler; answers are
 * still compressed). */
export function createResponseCache(maxBytes = 64 * 1024 * 1024): ResponseCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const size = (e: Entry) => [...e.bodies.values()].reduce((n, b) => n + b.byteLength, 0);
  const middleware: MiddlewareHandler = async (c, next) => {
    const encoding = negotiate(c.req.header('Accept-Encoding'));
    // The key is the query as sent (its parameters in order), never a decoded and re-encoded copy: the
    // handler reads the raw parameters, and two raw forms that decode alike must not share a body.
    const key = `${c.req.path}?${rawQuery(c.req.url).split('&').filter(Boolean).sort().join('&')}`;
    const hit = c.req.method === 'GET' ? entries.get(key) : undefined;
    if (hit) {
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      const ifNoneMatch = c.req.header('If-None-Match');
      if (hit.etag && etagMatches(ifNoneMatch, hit.etag)) return new Response(null, { status: 304, headers: { ETag: hit.etag } });
      const before = size(hit);
      const res = respond(hit, encoding);
      bytes += size(hit) - before;
      return res;
    }
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || res.status === 304 || !res.body || res.headers.has('Content-Encoding')) return;
    const entry: Entry = { status: res.status, headers: [...res.headers.entries()], etag: res.headers.get('ETag'), bodies: new Map([['identity', new Uint8Array(await res.arrayBuffer())]]) };
    c.res = respond(entry, encoding);
    const cacheable = c.req.method === 'GET' && res.status === 200 && res.headers.get('Cache-Control')?.includes('public');
    if (!cacheable || maxBytes === 0 || size(entry) > maxBytes / 8) return;
    entries.set(key, entry);
    bytes += size(entry);
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= size(e);
    }
  };
  return {
    middleware,
    clear: () => {
      entries.clear();
      bytes = 0;
    },
    get bytes() {
      return bytes;
    },
  };
}
