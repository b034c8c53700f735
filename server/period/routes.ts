/** @module GET /api/v1/periods: the months that have review data, oldest first, the latest, and which criteria set
 * applies over each run of them. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import type { Catalogue } from '../criterion/catalogue.ts';
import type { Period } from './period.ts';
import type { EraStore } from '../era/era.ts';
import type { UnitStructure } from '../db/schema.ts';
import { cacheFor } from '../http/cache.ts';

/** OpenAPI schema of a range of months. */
export const PeriodRangeSchema = z
  .object({
    from: z.string().openapi({ example: '2021-01' }),
    to: z.string().openapi({ example: '2025-12' }),
    count: z.number().int().openapi({ description: 'Periods with data from `from` to `to`' }),
    criteria_set: z.string().nullable().openapi({ example: '2021-2025', description: 'Code of the criteria set reviews are made against (see /criteria); null when no set applies' }),
    decision: z.string().nullable().openapi({ example: '318/QĐ-TTg' }),
    structure: z.enum(['pre2025', '2025-07']).nullable().openapi({ description: 'The unit structure the run\'s codes are meant in (docs/eras.md)' }),
  })
  .openapi('PeriodRange');

const ReformSchema = z.object({
  date: z.string().openapi({ example: '2025-07-01', description: 'The day it took effect (YYYY-MM-DD)' }),
  first_period: z.string().openapi({ example: '2025-07', description: 'The first month read in it (a month belongs to what is in force on its last day)' }),
  kind: z.enum(['structure', 'criteria_set']),
  code: z.string().openapi({ example: '2025-07' }),
  name_vi: z.string(),
  name_en: z.string(),
  decision: z.string().nullable(),
});

/** OpenAPI schema of GET /api/v1/periods: the months with data, the latest, and each era's range. */
export const PeriodsSchema = z
  .object({
    periods: z.array(z.string()).openapi({ description: 'Months (YYYY-MM) with review data, oldest first', example: ['2021-01', '2021-02'] }),
    first: z.string().nullable().openapi({ example: '2021-01' }),
    latest: z.string().nullable().openapi({ example: '2025-12', description: 'The default period of the other endpoints; null when there is no data yet' }),
    ranges: z.array(PeriodRangeSchema).openapi({ description: 'The periods grouped into runs of one era (unit structure and criteria set), oldest first' }),
    reforms: z.array(ReformSchema).openapi({ description: 'The changes of unit structure (1/7/2025: sắp xếp đơn vị hành chính) and of criteria set (15/2/2026: 51/2025/QĐ-TTg), oldest first' }),
  })
  .openapi('Periods');

type Periods = z.infer<typeof PeriodsSchema>;

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
