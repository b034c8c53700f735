// GET /api/v1/rankings: the districts of a province (or the provinces of the country) ranked by the share of
// rural communes recognised, or by its change over the last 12 months.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { errorResponses, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolveView } from '../scope/scope.ts';
import type { Era } from '../era/era.ts';
import { structureJson } from '../era/era-json.ts';
import { StructureSchema } from '../era/schemas.ts';
import type { Unit } from '../unit/unit-store.ts';
import { ProvenanceCountSchema } from '../target/schemas.ts';
import { rankUnits } from './ranking.ts';
import { cacheFor } from '../http/cache.ts';

const RankingRowSchema = z
  .object({
    code: z.string().openapi({ example: '089' }),
    name: z.string(),
    communes: z.number().int().openapi({ description: 'Rural communes (xã) with data at the period' }),
    recognised: z.number().int().openapi({ description: 'Communes at a level other than chưa đạt at the period' }),
    share: z.number().min(0).max(1).openapi({ description: 'recognised / communes, 4 decimals' }),
    communes_earlier: z.number().int().nullable(),
    recognised_earlier: z.number().int().nullable(),
    share_earlier: z.number().min(0).max(1).nullable().openapi({ description: 'The share 12 months earlier; null when that month is before the data' }),
    delta: z.number().min(-1).max(1).nullable().openapi({ description: 'share - share_earlier (4 decimals); null when share_earlier is null' }),
    rank: z.number().int().min(1).nullable().openapi({ description: 'Rank by `by`, highest first; ties share a rank (1, 2, 2, 4); null when the value is null' }),
  })
  .openapi('RankingRow');

export const RankingSchema = z
  .object({
    period: z.string(),
    earlier_period: z.string().openapi({ description: 'The month 12 months before `period`' }),
    by: z.enum(['share', 'delta']),
    scope: z.object({ level: z.enum(['country', 'province']), code: z.string().nullable(), name: z.string().nullable() }),
    structure: StructureSchema,
    unit_level: z.enum(['province', 'district', 'former_district']).openapi({ description: 'What the rows are: provinces, or the districts of a province (from 2025-07: its former districts, khu vực huyện cũ)' }),
    rows: z.array(RankingRowSchema).openapi({ description: 'Ranked rows, best first; rows without a rank last' }),
    excluded: z
      .array(z.object({ code: z.string(), name: z.string(), reason: z.string() }))
      .openapi({ description: 'Units not ranked (e.g. urban districts without rural communes)' }),
    provenance: z.object({
      levels: ProvenanceCountSchema.openapi({ description: 'Levels at the period, one per commune: the recognition decision\'s provenance; the review\'s when no decision is recorded' }),
      earlier_levels: ProvenanceCountSchema.nullable().openapi({ description: 'The same 12 months earlier' }),
      note: z.string(),
    }),
  })
  .openapi('Ranking');

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
