/** @module What the server says of itself: its database, how many communes it knows, the first and last period
 * with reviews, the current boundary archive and the optional basemap style. GET /api/v1/health answers
 * with it, and the main map page carries it in its HTML so that the map is created without asking. */
import type { ApiContext } from '../context/context.ts';
import { archiveUrl, archiveUrls } from '../tiles/archive.ts';
import { basemapStyleUrl } from './basemap.ts';
import type { Health } from './schemas.ts';

/** The health answer, read from the context and the database. */
export async function health(ctx: Pick<ApiContext, 'builds' | 'eras' | 'ndb' | 'periods'>): Promise<Health> {
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
