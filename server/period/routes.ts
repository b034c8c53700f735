// GET /api/v1/periods: the months that have review data, oldest first, the latest, and which criteria set
// applies over each run of them.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { Catalogue } from '../criterion/catalogue.ts';
import type { Period } from './period.ts';

export const PeriodRangeSchema = z
  .object({
    from: z.string().openapi({ example: '2021-01' }),
    to: z.string().openapi({ example: '2025-12' }),
    count: z.number().int().openapi({ description: 'Periods with data from `from` to `to`' }),
    criteria_set: z.string().nullable().openapi({ example: '2021-2025', description: 'Code of the criteria set reviews are made against (see /criteria); null when no set applies' }),
    decision: z.string().nullable().openapi({ example: '318/QĐ-TTg' }),
  })
  .openapi('PeriodRange');

export const PeriodsSchema = z
  .object({
    periods: z.array(z.string()).openapi({ description: 'Months (YYYY-MM) with review data, oldest first', example: ['2021-01', '2021-02'] }),
    first: z.string().nullable().openapi({ example: '2021-01' }),
    latest: z.string().nullable().openapi({ example: '2025-12', description: 'The default period of the other endpoints; null when there is no data yet' }),
    ranges: z.array(PeriodRangeSchema).openapi({ description: 'The periods grouped into runs under one criteria set, oldest first' }),
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

export function periodsBody(periods: readonly Period[], catalogue: Catalogue): Periods {
  const ranges: Periods['ranges'] = [];
  for (const period of periods) {
    const set = catalogue.setFor(period);
    const last = ranges.at(-1);
    if (last && last.criteria_set === (set?.code ?? null)) {
      last.to = period;
      last.count++;
    } else {
      ranges.push({ from: period, to: period, count: 1, criteria_set: set?.code ?? null, decision: set?.decision ?? null });
    }
  }
  return { periods: [...periods], first: periods[0] ?? null, latest: periods.at(-1) ?? null, ranges };
}

export function periodRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  // The store's array is replaced when reviews are written (refresh), so the body is rebuilt only then.
  let cached: { periods: readonly Period[]; body: Periods } | null = null;
  app.openapi(route, (c) => {
    const periods = ctx.periods.all();
    if (cached?.periods !== periods) cached = { periods, body: periodsBody(periods, ctx.catalogue) };
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return c.json(cached.body, 200);
  });
}
