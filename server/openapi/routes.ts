/** @module /api/openapi.json (the document generated from the routes' schemas) and /api/docs (a readable page
 * that renders it, with no third-party script). */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openApiDocument } from '../api/v1.ts';
import { cacheFor } from '../http/cache.ts';

const page = readFileSync(new URL('./docs.html', import.meta.url), 'utf8');
const script = readFileSync(new URL('./docs.js', import.meta.url), 'utf8');

/** Serves the API's OpenAPI document (/openapi.json) and its reference page (/docs, /docs.js). */
export function openApiRoutes(api: OpenAPIHono): Hono {
  const app = new Hono();
  let document: string | null = null;
  app.get('/openapi.json', (c) => {
    document ??= JSON.stringify(openApiDocument(api));
    cacheFor(c, 'brief');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
  app.get('/docs', (c) => c.html(page));
  app.get('/docs.js', (c) => c.body(script, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  return app;
}
