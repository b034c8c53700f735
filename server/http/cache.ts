/** @module HTTP caching, once for the whole server: the Cache-Control policies every route picks from, the
 * ETag middleware of the API, and the one If-None-Match matcher. A route names a policy (`cacheFor(c, 'data')`,
 * or `CACHE.day` in the headers it builds itself), never a header literal, so that how long a kind of answer may
 * be kept is decided here and nowhere else. */
import type { Context, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** The Cache-Control of each kind of answer. */
export const CACHE = {
  /** Figures an official's save changes (status, summary, rankings, cards, plans, periods, exports): 5 minutes,
   * then served stale for an hour while a fresh copy is fetched. */
  data: 'public, max-age=300, stale-while-revalidate=3600',
  /** Lists that change only with a data release (units, criteria, boundaries): a day, a week stale. */
  reference: 'public, max-age=86400, stale-while-revalidate=604800',
  /** Search answers: an hour, a day stale. */
  search: 'public, max-age=3600, stale-while-revalidate=86400',
  /** Files whose URL carries their content hash. */
  immutable: 'public, max-age=31536000, immutable',
  /** A stable URL whose content changes with a rebuild (the archive under its plain name). */
  revalidate: 'public, max-age=300, must-revalidate',
  /** Small documents about the service (OpenAPI, oEmbed): 5 minutes. */
  brief: 'public, max-age=300',
  /** Small static answers (the embed loader, the favicon): a day. */
  day: 'public, max-age=86400',
  /** HTML pages: kept, but revalidated on every use. */
  page: 'no-cache',
  /** Errors, health, anything of a session: never kept. */
  never: 'no-store',
} as const;

/** A name of a cache policy. */
export type CachePolicy = keyof typeof CACHE;

/** Sets the response's Cache-Control to `policy`. */
export function cacheFor(c: Context, policy: CachePolicy): void {
  c.header('Cache-Control', CACHE[policy]);
}

/** Whether an If-None-Match header names `etag`: `*`, or any tag of its list under the weak comparison that
 * RFC 9110 prescribes for GET and HEAD (`W/"x"` matches `"x"`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || strip(t) === strip(etag));
}

/** A weak ETag over the response body; If-None-Match then gets a 304. */
export const bodyEtag: MiddlewareHandler = etag({ weak: true });
