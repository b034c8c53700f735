// Keeps finished public API responses (body bytes, already compressed, and headers with the ETag) so
// that a repeated read costs a map lookup: a period's figures only change when officials write, and
// writers clear the cache. Bounded in bytes, least recently used out first.
import type { MiddlewareHandler } from 'hono';

interface Entry { body: Uint8Array<ArrayBuffer>; status: number; headers: [string, string][]; etag: string | null }

export interface ResponseCache {
  middleware: MiddlewareHandler;
  clear(): void;
  readonly bytes: number;
}

/** The encoding hono's compress middleware will choose for a request (part of the cache key). */
function encodingOf(acceptEncoding: string | undefined): string {
  if (!acceptEncoding) return 'identity';
  if (/\bgzip\b/.test(acceptEncoding)) return 'gzip';
  if (/\bdeflate\b/.test(acceptEncoding)) return 'deflate';
  return 'identity';
}

function etagMatches(etag: string, ifNoneMatch: string): boolean {
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

export function createResponseCache(maxBytes = 64 * 1024 * 1024): ResponseCache {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const url = new URL(c.req.url);
    url.searchParams.sort();
    const key = `${encodingOf(c.req.header('Accept-Encoding'))} ${url.pathname}?${url.searchParams}`;
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key); // most recently used last
      entries.set(key, hit);
      const ifNoneMatch = c.req.header('If-None-Match');
      if (ifNoneMatch && hit.etag && etagMatches(hit.etag, ifNoneMatch)) return new Response(null, { status: 304, headers: { ETag: hit.etag } });
      return new Response(hit.body, { status: hit.status, headers: hit.headers });
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || !res.headers.get('Cache-Control')?.includes('public')) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength > maxBytes / 8) return;
    entries.set(key, { body, status: res.status, headers: [...res.headers.entries()], etag: res.headers.get('ETag') });
    bytes += body.byteLength;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.body.byteLength;
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
