/** @module GET /api/v1/health: whether the server is up, and what it says of itself (health.ts). */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { health } from './health.ts';
import { HealthSchema } from './schemas.ts';
import { cacheFor } from '../http/cache.ts';

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Server health',
  responses: { 200: { description: 'The server is up', content: { 'application/json': { schema: HealthSchema } } } },
});

/** Registers GET /api/v1/health on the public API. */
export function healthRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    cacheFor(c, 'never');
    return c.json(await health(ctx), 200);
  });
}
