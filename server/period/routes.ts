/** @module GET /api/v1/periods: the months that have review data, oldest first, the latest, and which criteria set
 * applies over each run of them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import type { Catalogue } from '../criterion/catalogue.ts';
import type { Period } from './period.ts';
import type { EraStore } from '../era/era.ts';
import type { UnitStructure } from '../db/schema.ts';
import { cacheFor } from '../http/cache.ts';
import { type Periods, PeriodsSchema } from './schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/periods',
  summary: 'Periods with data',
  description: 'The months (YYYY-MM) that have commune reviews, oldest first, the latest one, and the criteria set that applies to each run of periods.',
  responses: { 200: { description: 'Periods with data', content: { 'application/json': { schema: PeriodsSchema } } } },
});

/** The periods with data, in runs of one era, and the reforms between eras. */
export function periodsBody(periods: readonly Period[], catalogue: Catalogue, eras: EraStore): Periods {
  const ranges: Periods['ranges'] = [];
  for (const period of periods) {
    const set = catalogue.setFor(period);
    let structure: UnitStructure | null = null;
    try {
      structure = eras.at(period).structure.code;
    } catch {
      // A period no structure covers is listed with structure null.
    }
    const last = ranges.at(-1);
    if (last && last.criteria_set === (set?.code ?? null) && last.structure === structure) {
      last.to = period;
      last.count++;
    } else {
      ranges.push({ from: period, to: period, count: 1, criteria_set: set?.code ?? null, decision: set?.decision ?? null, structure });
    }
  }
  const reforms: Periods['reforms'] = [
    ...eras.structures.filter((s) => s.validFrom !== null && s.inForceDate !== null).map((s) => ({ date: s.inForceDate!, first_period: s.validFrom!, kind: 'structure' as const, code: s.code, name_vi: s.name_vi, name_en: s.name_en, decision: s.decision })),
    ...catalogue.sets.slice(1).filter((s) => s.in_force_date !== null).map((s) => ({ date: s.in_force_date!, first_period: s.valid_from, kind: 'criteria_set' as const, code: s.code, name_vi: s.name_vi, name_en: s.name_en, decision: s.decision })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return { periods: [...periods], first: periods[0] ?? null, latest: periods.at(-1) ?? null, ranges, reforms };
}

/** Registers GET /api/v1/periods on the public API. */
export function periodRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  // The store's array is replaced when reviews are written (refresh), so the body is rebuilt only then.
  let cached: { periods: readonly Period[]; body: Periods } | null = null;
  app.openapi(route, (c) => {
    const periods = ctx.periods.all();
    if (cached?.periods !== periods) cached = { periods, body: periodsBody(periods, ctx.catalogue, ctx.eras) };
    cacheFor(c, 'data');
    return c.json(cached.body, 200);
  });
}
