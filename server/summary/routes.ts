/** @module GET /api/v1/summary: a scope's counts by level and criteria met, rates by criterion, special-difficulty
 * vs other communes, the criteria most often missing, and progress against the targets that apply. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, errorResponses, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolveView } from '../scope/scope.ts';
import { scopeJson, structureJson } from '../era/era-json.ts';
import { officialFigures } from './official.ts';
import { SummarySchema } from './schemas.ts';
import { ON_TRACK_RULE } from '../target/schemas.ts';
import { scopeSummary } from './summary.ts';
import { cacheFor } from '../http/cache.ts';

const route = createRoute({
  method: 'get',
  path: '/summary',
  summary: 'Summary of a scope at a period, with progress against its targets',
  description:
    'Counts of rural communes by recognition level and by criteria met, the rate of communes meeting each criterion, special-difficulty ' +
    'vs other communes, the average criteria met, the criteria most often missing, and progress against every target that applies: ' +
    'national targets for the country; the province\'s for a province; the district\'s and its province\'s for a district. ' +
    'Default scope: the whole country; default period: the latest. ' +
    ON_TRACK_RULE,
  request: { query: z.object({ province: ProvinceParam.optional(), district: DistrictParam.optional(), period: PeriodParam.optional() }) },
  responses: { 200: { description: 'Summary', content: { 'application/json': { schema: SummarySchema } } }, ...errorResponses },
});

/** Registers GET /api/v1/summary on the public API. */
export function summaryRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const { period, era, set, scope } = resolveView(ctx, q);
    const [summary, official] = await Promise.all([scopeSummary(ctx, era, scope, period), officialFigures(ctx, era, scope, period)]);
    cacheFor(c, 'data');
    return c.json(
      {
        period,
        criteria_set: set.code,
        criteria_count: set.criteria_count,
        structure: structureJson(era),
        scope: scopeJson(scope),
        ...summary,
        official,
        provenance: { ...summary.provenance, note: ILLUSTRATIVE_NOTE },
      },
      200,
    );
  });
}
