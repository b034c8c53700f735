// The Hono application: security headers, compression, the API, the tile archive and the client's
// built files. Built from already-opened parts so that tests can call `app.request()` without a socket.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiContext } from './api/context.ts';
import { createApiV1 } from './api/v1.ts';
import { ApiError, sendError } from './http/errors.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { archiveRoutes } from './tiles/archive.ts';

export interface AppParts {
  ctx: ApiContext;
  /** Folder of the client's built files (vite build output); omitted in API-only tests. */
  distDir?: string;
}

export function createApp(parts: AppParts): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: 'cross-origin',
    }),
  );
  app.use('/api/*', compress());

  const { ctx } = parts;
  const api = createApiV1(ctx);
  app.route('/api/v1', api);
  app.route('/api', openApiRoutes(api));
  app.route('/tiles', archiveRoutes({ file: join(ctx.buildDir, ctx.manifest.archive.file), manifest: ctx.manifest }));
  app.all('/api/*', (c) => sendError(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`));

  if (parts.distDir && existsSync(parts.distDir)) {
    const root = relative(process.cwd(), parts.distDir) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
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
