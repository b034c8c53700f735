/** @module What the server says of itself: its database, how many communes it knows, the first and last period
 * with reviews, the current boundary archive and the optional basemap style. GET /api/v1/health answers
 * with it, and the main map page carries it in its HTML so that the map is created without asking. */
import { z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { archiveUrl, archiveUrls } from '../tiles/archive.ts';
import { basemapStyleUrl } from './basemap.ts';

/** The boundary archive of each unit structure. */
export const ArchivesSchema = z
  .object({
    pre2025: z.string().openapi({ description: 'Archive of the structure before 1 July 2025 (63 provinces > districts > communes)', example: '/tiles/ntm.db10c10ed7fd.pmtiles' }),
    '2025-07': z.string().openapi({ description: 'Archive of the structure since 1 July 2025 (34 provinces > communes; layers provinces, communes, labels)', example: '/tiles/ntm-2025-07.87d31b9127fc.pmtiles' }),
  })
  .openapi('BoundaryArchives', { description: 'URL of each unit structure\'s boundary archive (PMTiles, content-hashed name)' });

/** OpenAPI schema of GET /api/v1/health (also carried in the main page's HTML). */
export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['sqlite', 'postgres']),
    communes: z.number().int().openapi({ description: 'Communes (xã, phường, thị trấn) in the database', example: 10047 }),
    periods: z.tuple([z.string(), z.string()]).nullable().openapi({ description: 'First and last period with reviews' }),
    tiles: z.string().openapi({ description: 'URL of the boundary archive the map draws (the pre-2025 structure for now; content-hashed name, cached for good)', example: '/tiles/ntm.db10c10ed7fd.pmtiles' }),
    archives: ArchivesSchema,
    structures: z
      .array(z.object({ code: z.enum(['pre2025', '2025-07']), valid_from: z.string().nullable(), valid_to: z.string().nullable(), in_force_date: z.string().nullable().openapi({ description: 'The day the structure took effect (YYYY-MM-DD), where known' }) }))
      .openapi({ description: 'The unit structures in the database, oldest first, with the months each applies to (null: open): a client picks a month\'s archive from them before asking for its status' }),
    basemap: z.string().nullable().openapi({ description: 'URL of the MapLibre style drawn under the choropleth (NTM_BASEMAP_STYLE_URL); null: a plain background', example: null }),
  })
  .openapi('Health');
/** What the server says of itself. */
export type Health = z.infer<typeof HealthSchema>;

/** Gathers the health answer: database reachable, commune count, period range, tile archive and basemap. */
export async function health(ctx: ApiContext): Promise<Health> {
  const communes = await ctx.ndb.db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', 'commune').executeTakeFirstOrThrow();
  return {
    status: 'ok',
    database: ctx.ndb.engine,
    communes: Number(communes.n),
    periods: ctx.periods.range(),
    tiles: archiveUrl(ctx.builds.pre2025.manifest),
    archives: archiveUrls(ctx.builds),
    structures: ctx.eras.structures.map((s) => ({ code: s.code, valid_from: s.validFrom, valid_to: s.validTo, in_force_date: s.inForceDate })),
    basemap: basemapStyleUrl(),
  };
}
