/** @module The routes of the widget and of sharing: /oembed, /embed.js (the auto-resize script), /embed (the
 * widget page) and the main map page with its share card (for `/` and every path the client routes). */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ApiContext } from '../context/context.ts';
import { publicOrigin } from '../http/origin.ts';
import { oembed } from './oembed.ts';
import { pageTemplates, renderPage, type PageKind } from './page.ts';
import { EMBED_PATHS, MAIN_PATHS } from './paths.ts';
import { RESIZE_SCRIPT } from './resize-script.ts';
import { cacheFor } from '../http/cache.ts';

/** The page routes as the app mounts them: the widget's and sharing's routes, and the main page's handler for the
 * client's paths. */
export interface PageRoutes {
  routes: Hono;
  /** The main map page with its share card (a handler for the client's catch-all route). */
  mainPage(c: Context): Promise<Response>;
}

/** Builds the widget and sharing routes; without a built client (`distDir` null) the pages are 404s. */
export function embedRoutes(ctx: ApiContext, distDir: string | null): PageRoutes {
  const app = new Hono();
  const templates = distDir ? pageTemplates(distDir) : () => null;
  const page = (kind: PageKind) => async (c: Context): Promise<Response> => {
    const template = templates(kind);
    if (!template) return c.notFound();
    const html = await renderPage(ctx, template, c.req.url, kind, publicOrigin(c));
    cacheFor(c, 'page');
    return c.html(html);
  };
  app.get('/oembed', (c) => oembed(ctx, c));
  app.get('/embed.js', (c) => {
    cacheFor(c, 'day');
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(RESIZE_SCRIPT);
  });
  for (const path of EMBED_PATHS) app.get(path, page('embed'));
  const mainPage = page('main');
  for (const path of MAIN_PATHS) app.get(path, mainPage);
  return { routes: app, mainPage };
}
