/** @module The server's public origin, for every absolute URL it writes (Open Graph, oEmbed discovery, the oEmbed
 * answer and its same-host check): NTM_PUBLIC_ORIGIN when set, which it should be in production; else the
 * request's own URL. Forwarded headers (X-Forwarded-Proto, X-Forwarded-Host) are read only behind a
 * trusted proxy (NTM_TRUST_PROXY=1): from anyone else they could make the server write links to another
 * site into the pages and answers it serves (and caches). */
import type { Context } from 'hono';

/** Whether a reverse proxy in front is trusted to set the X-Forwarded-* headers. */
export const trustsProxy = (): boolean => process.env.NTM_TRUST_PROXY === '1';

/** The last value of a forwarded header (the one the trusted proxy itself added). */
const forwarded = (c: Context, name: string): string | undefined => c.req.header(name)?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);

/** The scheme the client used: the request's, or X-Forwarded-Proto from a trusted proxy. */
export function isHttpsRequest(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustsProxy() && forwarded(c, 'X-Forwarded-Proto') === 'https';
}

/** The origin absolute URLs are written with (no trailing slash). */
export function publicOrigin(c: Context): string {
  const configured = process.env.NTM_PUBLIC_ORIGIN;
  if (configured) return new URL(configured).origin;
  const url = new URL(c.req.url);
  if (!trustsProxy()) return url.origin;
  const proto = forwarded(c, 'X-Forwarded-Proto');
  const host = forwarded(c, 'X-Forwarded-Host');
  const scheme = proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1);
  try {
    return host ? new URL(`${scheme}://${host}`).origin : `${scheme}://${url.host}`;
  } catch {
    return url.origin;
  }
}
