/** @module The optional basemap (env NTM_BASEMAP_STYLE_URL): the style URL the client draws under the choropleth,
 * and the origin that the Content-Security-Policy must let the page fetch its style, tiles and images from. */
import { readEnv } from '../config/env.ts';

/** The configured basemap style URL, or null (the map then has a plain background). */
export function basemapStyleUrl(source: Record<string, string | undefined> = process.env): string | null {
  return readEnv(source).NTM_BASEMAP_STYLE_URL ?? null;
}

/** The basemap's origin for the CSP's connect-src and img-src (none when unset or on this server). */
export function basemapOrigins(source: Record<string, string | undefined> = process.env): string[] {
  const url = basemapStyleUrl(source);
  return url && /^https?:\/\//.test(url) ? [new URL(url).origin] : [];
}
