// GET /api/v1/health: whether the server is up, which database it uses, how many communes it
// knows, the first and last period with reviews, the current boundary archive and the optional basemap style.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import { archiveUrl } from '../tiles/archive.ts';
import { basemapStyleUrl } from './basemap.ts';

const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    communes: z.number().int().openapi({ description: 'Communes (xã, phường, thị trấn) in the database', example: 10047 }),
    periods: z.tuple([z.string(), z.string()]).nullable().openapi({ description: 'First and last period with reviews' }),
    tiles: z.string().openapi({ description: 'URL of the current boundary archive (content-hashed name, cached for good)', example: '/tiles/ntm.db10c10ed7fd.pmtiles' }),
    basemap: z.string().nullable().openapi({ description: 'URL of the MapLibre style drawn under the choropleth (NTM_BASEMAP_STYLE_URL); null: a plain background', example: null }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  summary: 'Server health',
  responses: { 200: { description: 'The server is up', content: { 'application/json': { schema: HealthSchema } } } },
});

export function healthRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const { db } = ctx.ndb;
    const communes = await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'commune').executeTakeFirstOrThrow();
    c.header('Cache-Control', 'no-store');
    return c.json(
      {
        status: 'ok' as const,
        database: ctx.ndb.engine,
        communes: Number(communes.n),
        periods: ctx.periods.range(),
        tiles: archiveUrl(ctx.manifest),
        basemap: basemapStyleUrl(),
      },
      200,
    );
  });
}
