// GET /api/v1/status: the compact join table the map colours communes with (no geometry).
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ApiError } from '../http/errors.ts';
import { isMet, maskOf, popcount } from '../criterion/mask.ts';
import type { ApiContext } from '../api/context.ts';
import { DistrictParam, errorResponses, ILLUSTRATIVE_NOTE, LevelSchema, PeriodParam, ProvenanceSchema, ProvinceParam } from '../api/schemas.ts';
import { resolvePeriodAndSet, resolveScope } from '../api/scope.ts';

const CommuneStatusSchema = z.object({
  code: z.string().openapi({ example: '23362' }),
  met: z.number().int().min(0).openapi({ description: 'Criteria met (0-19)' }),
  level: LevelSchema,
  special: z.boolean().openapi({ description: 'Listed as a special-difficulty commune at the period' }),
  provenance: ProvenanceSchema.openapi({ description: 'Provenance of the review behind `met` and `value`' }),
  as_of: z.string().optional().openapi({ description: 'Present when the commune had no review in the period: the month of the review shown' }),
  value: z.number().optional().openapi({ description: 'With `criterion`: 1 met, 0 not met. With `group`: share of the group\'s criteria met (0-1)' }),
});

const StatusSchema = z
  .object({
    period: z.string(),
    criteria_set: z.string().openapi({ example: '2021-2025' }),
    scope: z.object({ level: z.enum(['country', 'province', 'district']), code: z.string().nullable(), name: z.string().nullable() }),
    criterion: z.number().int().nullable(),
    group: z.number().int().nullable(),
    provenance: z.object({
      reviews: z.object({ official: z.number().int(), illustrative: z.number().int() }),
      levels: z.object({ official: z.number().int(), illustrative: z.number().int() }),
      special: z.object({ official: z.number().int(), illustrative: z.number().int() }),
      note: z.string(),
    }),
    carried: z.number().int().openapi({ description: 'Communes shown with an earlier review (no review in the period)' }),
    units: z.object({ communes: z.number().int(), rural: z.number().int() }).openapi({ description: 'Communes of the scope: all (xã, phường, thị trấn) and rural (xã, scored); rural communes missing from `communes` have no review' }),
    communes: z.array(CommuneStatusSchema),
  })
  .openapi('Status');

const route = createRoute({
  method: 'get',
  path: '/status',
  summary: 'Status of every rural commune at a period, for the choropleth',
  description:
    'Criteria met, recognition level in force and special-difficulty flag of every rural commune (xã) of the country, a province or a district. ' +
    'A commune without a review in the period carries its latest earlier review, with `as_of`. No geometry: join on `code` with the tiles.',
  request: {
    query: z.object({
      province: ProvinceParam.optional(),
      district: DistrictParam.optional(),
      period: PeriodParam.optional(),
      criterion: z.coerce.number().int().min(1).max(19).optional().openapi({ param: { name: 'criterion', in: 'query' }, description: 'Criterion number (1-19): `value` = met or not' }),
      group: z.coerce.number().int().min(1).max(5).optional().openapi({ param: { name: 'group', in: 'query' }, description: 'Criteria group (1-5): `value` = share met' }),
    }),
  },
  responses: { 200: { description: 'Status table', content: { 'application/json': { schema: StatusSchema } } }, ...errorResponses },
});

/** All communes (xã, phường, thị trấn) of a province or a district, or of the country (no scope). */
function communesIn(ctx: ApiContext, scope: string | null | undefined): number {
  if (!scope) return [...ctx.units.byCode.values()].filter((u) => u.level === 'commune').length;
  return ctx.units.children(scope).reduce((n, u) => n + (u.level === 'commune' ? 1 : communesIn(ctx, u.code)), 0);
}

export function statusRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    if (q.criterion !== undefined && q.group !== undefined) {
      throw new ApiError(400, 'invalid_parameter', "Parameters 'criterion' and 'group' (query): give one or the other, not both", { parameter: 'group' });
    }
    const scope = resolveScope(ctx, q);
    const { period, set } = resolvePeriodAndSet(ctx, q.period);
    const groupCriteria = q.group === undefined ? [] : (set.groups.find((g) => g.number === q.group)?.criteria ?? []);
    const groupMask = maskOf(groupCriteria);
    const groupSize = groupCriteria.length;
    const statuses = await ctx.status.at(period);
    const count = { reviews: { official: 0, illustrative: 0 }, levels: { official: 0, illustrative: 0 }, special: { official: 0, illustrative: 0 } };
    let carried = 0;
    const communes: Array<z.infer<typeof CommuneStatusSchema>> = [];
    for (const code of ctx.units.ruralCommunes(scope.code)) {
      const s = statuses.get(code);
      if (!s) continue;
      const row: z.infer<typeof CommuneStatusSchema> = { code, met: s.met, level: s.level, special: s.special, provenance: s.provenance };
      if (s.asOf !== period) {
        row.as_of = s.asOf;
        carried++;
      }
      if (q.criterion !== undefined) row.value = isMet(s.mask, q.criterion) ? 1 : 0;
      else if (groupSize) row.value = Math.round((popcount(s.mask & groupMask) / groupSize) * 1000) / 1000;
      count.reviews[s.provenance]++;
      if (s.levelProvenance) count.levels[s.levelProvenance]++;
      if (s.specialProvenance) count.special[s.specialProvenance]++;
      communes.push(row);
    }
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=3600');
    return c.json(
      {
        period,
        criteria_set: set.code,
        scope: { level: scope.level, code: scope.unit?.code ?? null, name: scope.unit?.name ?? null },
        criterion: q.criterion ?? null,
        group: q.group ?? null,
        provenance: { ...count, note: ILLUSTRATIVE_NOTE },
        carried,
        units: { communes: communesIn(ctx, scope.code), rural: ctx.units.ruralCommunes(scope.code).length },
        communes,
      },
      200,
    );
  });
}
