/** @module The Hono application: security headers, compression, the API, the tile archive and the client's
 * built files. Built from already-opened parts so that tests can call `app.request()` without a socket. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiContext } from './context/context.ts';
import { createApiV1 } from './api/v1.ts';
import { basemapOrigins } from './health/basemap.ts';
import { ApiError, sendError } from './http/errors.ts';
import { strictQueryEncoding } from './http/query-encoding.ts';
import { compressedAssets } from './http/static-assets.ts';
import { isEmbedPage } from './embed/paths.ts';
import { embedRoutes } from './embed/routes.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { archiveRoutes } from './tiles/archive.ts';
import { CACHE } from './http/cache.ts';
import { robotsTxt } from './robots/robots.ts';

/** What the application is assembled from: the opened API context, the tile archives and where the built client is,
 * so that tests and the server build the same app. */
export interface AppParts {
  ctx: ApiContext;
  /** Folder of the client's built files (vite build output); omitted in API-only tests. */
  distDir?: string;
  /** Add /__baseline/<bytes> for the API benchmark (NTM_BENCH_BASELINE=1). */
  baseline?: boolean;
}

/** Builds the whole Hono application (security headers, compression, API, tiles, pages and static files) from parts
 * already opened. */
export function createApp(parts: AppParts): Hono {
  const app = new Hono();
  // Framing: the widget (/embed) may be framed by any origin; every other page only by this server's own.
  const headers = (frameAncestors: string[]) =>
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...basemapOrigins()],
        connectSrc: ["'self'", ...basemapOrigins()],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors,
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      xFrameOptions: frameAncestors.includes('*') ? false : 'SAMEORIGIN',
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: 'cross-origin',
      // Nothing here needs a camera, a microphone or the reader's position; the embed dialog copies its code.
      permissionsPolicy: {
        camera: [],
        microphone: [],
        geolocation: [],
        payment: [],
        usb: [],
        serial: [],
        bluetooth: [],
        midi: [],
        displayCapture: [],
        accelerometer: [],
        gyroscope: [],
        magnetometer: [],
        browsingTopics: [],
        clipboardWrite: ['self'],
        fullscreen: ['self'],
      },
    });
  const pageHeaders = headers(["'self'"]);
  const embedHeaders = headers(['*']);
  // Public reads may be loaded by any site; the workspace's answers (sessions, unpublished reviews) only by this one.
  const isPrivate = (path: string) => path.startsWith('/api/v1/auth/') || path.startsWith('/api/v1/admin/');
  app.use('*', async (c, next) => {
    await (isEmbedPage(c.req.path) ? embedHeaders(c, next) : pageHeaders(c, next));
    if (isPrivate(c.req.path)) c.res.headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  });
  // Caches public reads and compresses every API response (brotli or gzip).
  // A query that is not valid percent-encoding is refused before the cache or a handler reads it.
  app.use('/api/*', strictQueryEncoding);
  app.use('/api/*', parts.ctx.responses.middleware);

  const { ctx } = parts;
  const api = createApiV1(ctx);
  app.route('/api/v1', api);
  app.route('/api', openApiRoutes(api));
  app.route('/tiles', archiveRoutes(Object.values(ctx.builds).map(({ dir, manifest }) => ({ file: join(dir, manifest.archive.file), manifest }))));
  if (parts.baseline) {
    // The benchmark's yardstick: the cheapest response this server can give with the same bytes as a
    // route — its body, fetched once through the app (with the request's Range), then sent from memory.
    // (Same bytes, not just the same size: the load generator's cost depends on the content.)
    const copies = new Map<string, { body: Uint8Array<ArrayBuffer>; status: 200 | 206; type: string }>();
    app.get('/__baseline', async (c) => {
      const path = c.req.query('path') ?? '/';
      const range = c.req.header('Range');
      const key = `${range ?? ''} ${path}`;
      let copy = copies.get(key);
      if (!copy) {
        const res = await app.request(path, { headers: range ? { Range: range } : {} });
        copy = { body: new Uint8Array(await res.arrayBuffer()), status: res.status === 206 ? 206 : 200, type: res.headers.get('Content-Type') ?? 'application/octet-stream' };
        copies.set(key, copy);
      }
      return c.body(copy.body, copy.status, { 'Content-Type': copy.type, 'Cache-Control': CACHE.never });
    });
  }
  app.all('/api/*', (c) => sendError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));
  // What crawlers may read (the public map and widget, not the workspace), with or without the built client.
  app.get('/robots.txt', robotsTxt);

  // oEmbed, the resize script, the widget page and the main page with its share card (before the static files).
  const pages = embedRoutes(ctx, parts.distDir && existsSync(parts.distDir) ? parts.distDir : null);
  app.route('/', pages.routes);

  // No path with a dot-segment is served, whatever its case or encoding: the build's manifest (/.vite/, for
  // bench/), and the /.env, /.git/… that scanners ask for.
  app.use('*', async (c, next) => (/(?:^|\/)\./.test(c.req.path) ? c.notFound() : next()));
  if (parts.distDir && existsSync(parts.distDir)) {
    const root = relative(process.cwd(), parts.distDir) || '.';
    app.get('/workspace', (c) => c.redirect('/workspace/', 301)); // the officials' workspace page
    // Browsers ask for /favicon.ico on every page: the map has no icon yet, and an empty answer keeps the
    // console clean (an unknown file is otherwise a real 404).
    app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': CACHE.day }));
    app.use('/assets/*', compressedAssets(parts.distDir)); // scripts and styles, brotli/gzip, cached a year
    app.use('/*', serveStatic({ root }));
    // The client's own routes: the main page, with the share card of the link. Only for paths that can be
    // pages (no file extension): an unknown file (/x.php, /config.json) is a real 404, not the map.
    app.get('*', (c, next) => (/^(?:\/[^/.]+)*\/?$/.test(c.req.path) ? pages.mainPage(c) : next()));
  }

  app.notFound((c) => sendError(c, 404, 'not_found', `Not found: ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ApiError) return sendError(c, error.status, error.code, error.message, error.details);
    if (error instanceof HTTPException) return sendError(c, error.status as ContentfulStatusCode, 'http_error', error.message);
    console.error(`${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
    return sendError(c, 500, 'internal', 'Internal server error');
  });
  return app;
}
