/** @module The data date printed on the widget: when the newest review in the database was recorded. Read at most
 * once a minute (a write by officials shows on widgets within a minute). */
import type { ApiContext } from '../context/context.ts';

const TTL_MS = 60_000;
const cache = new WeakMap<ApiContext, { at: number; date: Promise<string | null> }>();

/** The date of the newest recorded review (YYYY-MM-DD), or null when there is none, cached for a minute. */
export function dataDate(ctx: ApiContext): Promise<string | null> {
  const hit = cache.get(ctx);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.date;
  const date = ctx.ndb.db
    .selectFrom('review')
    .select((eb) => eb.fn.max('reviewed_at').as('latest'))
    .executeTakeFirst()
    .then((row) => (row?.latest ? String(row.latest).slice(0, 10) : null));
  date.catch(() => cache.delete(ctx));
  cache.set(ctx, { at: Date.now(), date });
  return date;
}
