// Cache headers for public reads: a Cache-Control default, CORS open for GET, and ETag/304 from the body.
import type { MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** Cache-Control for a public response, unless the route already set one. */
export function publicCache(maxAgeSeconds: number): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status < 400 && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds * 10}`);
    }
  };
}

/** A weak ETag over the response body; If-None-Match then gets a 304. */
export const bodyEtag: MiddlewareHandler = etag({ weak: true });
