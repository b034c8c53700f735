// GET /api/v1/health: whether the server is up, which database it uses, how many communes it
// knows and the first and last period with reviews.
import { Hono } from 'hono';
import type { NtmDatabase } from '../db/database.ts';

export interface Health {
  status: 'ok';
  database: NtmDatabase['engine'];
  communes: number;
  periods: [string, string] | null;
  /** URL of the current boundary archive (content-hashed name, cached for good). */
  tiles: string;
}

export async function readHealth(ndb: NtmDatabase, tiles: string): Promise<Health> {
  const { db } = ndb;
  const communes = await db.selectFrom('unit').select((eb) => eb.fn.countAll<string | number>().as('n')).where('level', '=', 'commune').executeTakeFirstOrThrow();
  const span = await db.selectFrom('review').select((eb) => [eb.fn.min('period').as('first'), eb.fn.max('period').as('last')]).executeTakeFirst();
  return {
    status: 'ok',
    database: ndb.engine,
    communes: Number(communes.n),
    periods: span?.first && span.last ? [span.first, span.last] : null,
    tiles,
  };
}

export function healthRoutes(ndb: NtmDatabase, tiles: string): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await readHealth(ndb, tiles));
  });
  return app;
}
