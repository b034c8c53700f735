/** @module GET /api/v1/plans: the communes a provincial plan names as due to reach the standard (or a higher level),
 * with criteria met now, criteria still missing, and reached / on track / late. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, errorResponses, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolveView } from '../scope/scope.ts';
import { ApiError } from '../http/errors.ts';
import { PlansSchema } from './schemas.ts';
import { plansIn } from './plan.ts';
import { cacheFor } from '../http/cache.ts';

const route = createRoute({
  method: 'get',
  path: '/plans',
  summary: 'Communes a plan names as due to reach a level, and where they stand',
  description:
    'The planned communes of a province or district (one of the two is required) with due half-year or year, target level, plan and source, ' +
    'criteria met and still missing at `period` (default: the latest), the level in force and the status: `reached` when the level in force ' +
    'is the target level or above, or for a đạt chuẩn target when every criterion is met (awaiting recognition); `late` when not reached ' +
    'and the period is after the due period (the last month of the due half-year or year); otherwise `on_track`. A scope without plans ' +
    'gives an empty list.',
  request: { query: z.object({ province: ProvinceParam.optional(), district: DistrictParam.optional(), period: PeriodParam.optional() }) },
  responses: { 200: { description: 'Planned communes', content: { 'application/json': { schema: PlansSchema } } }, ...errorResponses },
});

/** Registers GET /api/v1/plans on the public API. */
export function planRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    if (q.province === undefined && q.district === undefined) {
      throw new ApiError(400, 'invalid_parameter', "Parameter 'province' (query): required (or 'district')", { parameter: 'province' });
    }
    const { period, era, set, scope } = resolveView(ctx, q);
    const plans = await plansIn(ctx, scope, period, set, era.structure.code);
    cacheFor(c, 'data');
    return c.json(
      {
        period,
        criteria_set: set.code,
        scope: { level: scope.level === 'province' ? ('province' as const) : ('district' as const), code: scope.unit!.code, name: scope.unit!.name },
        counts: plans.counts,
        dues: plans.dues,
        communes: plans.communes,
        provenance: { ...plans.provenance, note: ILLUSTRATIVE_NOTE },
      },
      200,
    );
  });
}
