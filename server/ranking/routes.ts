/** @module GET /api/v1/rankings: the districts of a province (or the provinces of the country) ranked by the share of
 * rural communes recognised, or by its change over the last 12 months. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { errorResponses, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolveView } from '../scope/scope.ts';
import type { Era } from '../era/era.ts';
import { structureJson } from '../era/era-json.ts';
import type { Unit } from '../unit/unit-store.ts';
import { RankingSchema } from './schemas.ts';
import { rankUnits } from './ranking.ts';
import { cacheFor } from '../http/cache.ts';

const route = createRoute({
  method: 'get',
  path: '/rankings',
  summary: 'Districts of a province, or provinces, ranked by share of communes recognised or by its 12-month change',
  description:
    'Each row: rural communes with data, communes recognised (level đạt chuẩn or above), their share at the period and 12 months earlier, ' +
    'and the change (delta). `by=share` (default) ranks by the share now, `by=delta` by the change over the last 12 months (like NITI ' +
    'Aayog\'s delta ranking of aspirational districts). Ties share a rank. Without `province`: the provinces of the country.',
  request: {
    query: z.object({
      province: ProvinceParam.optional(),
      period: PeriodParam.optional(),
      by: z
        .enum(['share', 'delta'], { error: 'expected share or delta' })
        .default('share')
        .openapi({ param: { name: 'by', in: 'query' }, description: 'Rank by the share now (default) or by its 12-month change' }),
    }),
  },
  responses: { 200: { description: 'Ranking', content: { 'application/json': { schema: RankingSchema } } }, ...errorResponses },
});

/** The districts of a province; in a structure without districts, the former districts its communes came from. */
function districtsOf(ctx: ApiContext, era: Era, province: string): Unit[] {
  if (era.hasDistricts) return era.units.children(province).filter((u) => u.level === 'district');
  const codes = new Set(era.units.children(province).flatMap((u) => u.formerDistricts));
  return [...codes].sort().flatMap((code) => ctx.eras.formerDistrict(era.structure.code, code) ?? []);
}

/** Registers GET /api/v1/rankings on the public API. */
export function rankingRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    const { period, era, scope } = resolveView(ctx, { province: q.province, period: q.period });
    const units = scope.unit ? districtsOf(ctx, era, scope.unit.code) : era.units.provinces;
    const ranking = await rankUnits(ctx, era, units, period, q.by);
    cacheFor(c, 'data');
    return c.json(
      {
        period,
        earlier_period: ranking.earlierPeriod,
        by: q.by,
        scope: { level: scope.level === 'province' ? ('province' as const) : ('country' as const), code: scope.unit?.code ?? null, name: scope.unit?.name ?? null },
        structure: structureJson(era),
        unit_level: scope.unit ? (era.hasDistricts ? ('district' as const) : ('former_district' as const)) : ('province' as const),
        rows: ranking.rows,
        excluded: ranking.excluded,
        provenance: { ...ranking.provenance, note: ILLUSTRATIVE_NOTE },
      },
      200,
    );
  });
}
