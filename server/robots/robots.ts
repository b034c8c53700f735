/** @module /robots.txt: crawlers may read the public map, the widget, the share cards' pages and the public API
 * (whose answers are the map's data), but not the officials' workspace nor its API, whose pages say nothing
 * to a search engine and whose sign-in must not be indexed. Plain text, cached a day. */
import type { Context } from 'hono';
import { CACHE } from '../http/cache.ts';

/** The rules, one group for every crawler. `Disallow: /workspace` also covers /workspace/ and below. */
export const ROBOTS_TXT = ['User-agent: *', 'Allow: /', 'Disallow: /workspace', 'Disallow: /api/v1/admin/', 'Disallow: /api/v1/auth/', ''].join('\n');

/** Answers /robots.txt with ROBOTS_TXT, cached a day. */
export function robotsTxt(c: Context): Response {
  return c.body(ROBOTS_TXT, 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': CACHE.day });
}
