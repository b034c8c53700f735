// What the server says of itself: its database, how many communes it knows, the first and last period
// with reviews, the current boundary archive and the optional basemap style. GET /api/v1/health answers
// with it, and the main map page carries it in its HTML so that the map is created without asking.
import { z } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import { archiveUrl } from '../tiles/archive.ts';
import { basemapStyleUrl } from './basemap.ts';

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    communes: z.number().int().openapi({ description: 'Communes (xã, phường, thị trấn) in the database', example: 10047 }),
    periods: z.tuple([z.string(), z.string()]).nullable().openapi({ description: 'First and last period with reviews' }),
    tiles: z.string().openapi({ description: 'URL of the current boundary archive (content-hashed name, cached for good)', example: '/tiles/ntm.db10c10ed7fd.pmtiles' }),
    basemap: z.string().nullable().openapi({ description: 'URL of the MapLibre style drawn under the choropleth (NTM_BASEMAP_STYLE_URL); null: a plain background', example: null }),
  })
  .openapi('Health');
export type Health = z.infer<typeof HealthSchema>;

export async function health(ctx: ApiContext): Promise<Health> {
  const communes = await ctx.ndb.db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'commune').executeTakeFirstOrThrow();
  return {
    status: 'ok',
    database: ctx.ndb.engine,
    communes: Number(communes.n),
    periods: ctx.periods.range(),
    tiles: archiveUrl(ctx.manifest),
    basemap: basemapStyleUrl(),
  };
}
