/** @module Refuses a query string that is not valid percent-encoded UTF-8 (`?q=%ff`), with a 400 that names the
 * parameter. Without it the response cache (which decodes) and the handler (which keeps a bad sequence
 * as written) could read two different values from one URL, and answer one query with another's body. */
import type { MiddlewareHandler } from 'hono';
import { sendError } from './errors.ts';

/** The raw query string of a URL (after `?`, before `#`), as sent. */
export function rawQuery(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return '';
  const end = url.indexOf('#', start);
  return url.slice(start + 1, end < 0 ? undefined : end);
}

/** Middleware answering 400 to a query string that is not valid percent-encoded UTF-8, before the cache or a
 * handler reads it. */
export const strictQueryEncoding: MiddlewareHandler = async (c, next) => {
  for (const part of rawQuery(c.req.url).split('&')) {
    if (!part.includes('%')) continue;
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      const name = part.slice(0, Math.max(0, part.indexOf('='))) || part;
      let shown = name.slice(0, 100);
      try {
        shown = decodeURIComponent(shown);
      } catch {
        // the name itself is the bad part: show it as sent
      }
      return sendError(c, 400, 'invalid_parameter', `Parameter '${shown}' (query): not valid percent-encoded UTF-8`, { issues: [{ parameter: shown, in: 'query', message: 'not valid percent-encoded UTF-8' }] });
    }
  }
  await next();
};
