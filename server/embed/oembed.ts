/** @module GET /oembed?url=&maxwidth=&maxheight=&format=json: a `rich` oEmbed 1.0 answer (https://oembed.com/) whose
 * `html` is the widget's <iframe> for a link to this server's map (/) or widget (/embed). Any other URL is a
 * 404, a format other than json a 501 (as the specification asks), a malformed size a 400. */
import type { Context } from 'hono';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, iframeSnippet } from '../../client/embed-code/snippet.ts';
import { searchFromEmbedParams } from '../../client/embed/params.ts';
import type { ApiContext } from '../context/context.ts';
import { ApiError } from '../http/errors.ts';
import { publicOrigin } from '../http/origin.ts';
import { EMBED_PATHS, MAIN_PATHS } from './paths.ts';
import { shareCard } from './share-card.ts';
import { resolveView } from './view.ts';
import { cacheFor } from '../http/cache.ts';

/** The oEmbed 1.0 `rich` answer as this server gives it. */
export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
}

/** Paths of this server that show a map: the main page and the widget. */
const MAP_PATHS = new Set([...MAIN_PATHS, ...EMBED_PATHS]);

function size(c: Context, name: 'maxwidth' | 'maxheight'): number | null {
  const value = c.req.query(name);
  if (value === undefined || value === '') return null;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1) {
    throw new ApiError(400, 'invalid_parameter', `Parameter '${name}' (query): expected a positive whole number of pixels, got '${value.slice(0, 40)}'`, { parameter: name });
  }
  return Number(value);
}

/** Answers GET /oembed for a link to this server's map or widget. */
export async function oembed(ctx: Pick<ApiContext, 'catalogue' | 'eras' | 'lineage' | 'periods' | 'status' | 'units'>, c: Context): Promise<Response> {
  const format = c.req.query('format') ?? 'json';
  if (format !== 'json') throw new ApiError(501, 'not_implemented', `Format '${format.slice(0, 20)}' is not available: only json`, { parameter: 'format' });
  const maxwidth = size(c, 'maxwidth');
  const maxheight = size(c, 'maxheight');
  const raw = c.req.query('url');
  if (!raw) throw new ApiError(400, 'invalid_parameter', "Parameter 'url' (query): required", { parameter: 'url' });
  const self = new URL(publicOrigin(c));
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError(404, 'not_found', 'Not a URL of this map', { parameter: 'url' });
  }
  if (!/^https?:$/.test(url.protocol) || url.host !== self.host || !MAP_PATHS.has(url.pathname)) {
    throw new ApiError(404, 'not_found', `No map of this server at '${raw.slice(0, 200)}'`, { parameter: 'url' });
  }
  const view = resolveView(ctx, url.search);
  const card = await shareCard(ctx, view);
  const title = view.params.title ?? card.title;
  // Never larger than the consumer's maximum (oEmbed 1.0, section 2.2).
  const width = Math.min(DEFAULT_WIDTH, maxwidth ?? Infinity);
  const height = Math.min(view.params.height ?? DEFAULT_HEIGHT, maxheight ?? Infinity);
  const src = `${self.origin}/embed${searchFromEmbedParams(view.params)}`;
  const body: OEmbedRich = {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: 'NTM Map',
    provider_url: `${self.origin}/`,
    cache_age: 3600,
    html: iframeSnippet({ src, width, height, title }),
    width,
    height,
  };
  cacheFor(c, 'brief');
  c.header('Access-Control-Allow-Origin', '*');
  return c.json(body, 200);
}
