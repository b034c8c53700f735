/** @module The health answer's schema (GET /api/v1/health, also carried in the map page's HTML): apart from
 * `health.ts`, which fills it from the context, so that the client's type for it comes from here. */
import { z } from '@hono/zod-openapi';

/** The boundary archive of each unit structure. */
export const ArchivesSchema = z
  .object({
    pre2025: z.string().openapi({ description: 'Archive of the structure before 1 July 2025 (63 provinces > districts > communes)', example: '/tiles/ntm.db10c10ed7fd.pmtiles' }),
    '2025-07': z.string().openapi({ description: 'Archive of the structure since 1 July 2025 (34 provinces > communes; layers provinces, communes, labels)', example: '/tiles/ntm-2025-07.87d31b9127fc.pmtiles' }),
  })
  .openapi('BoundaryArchives', { description: 'URL of each unit structure\'s boundary archive (PMTiles, content-hashed name)' });

/** What the server says of itself. */
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
/** The health answer. */
export type Health = z.infer<typeof HealthSchema>;
