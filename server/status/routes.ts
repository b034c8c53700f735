/** @module GET /api/v1/status: the compact join table the map colours communes with (no geometry). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ApiError } from '../http/errors.ts';
import { isMet, maskOf, popcount } from '../criterion/mask.ts';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, errorResponses, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolveView, type Scope } from '../scope/scope.ts';
import type { UnitStore } from '../unit/unit-store.ts';
import { checkCriterion, scopeJson, structureJson } from '../era/era-json.ts';
import { CommuneStatusSchema, StatusSchema } from './schemas.ts';
import { cacheFor } from '../http/cache.ts';

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
      criterion: z.coerce.number().int().min(1).max(31).optional().openapi({ param: { name: 'criterion', in: 'query' }, description: 'Criterion number of the period\'s set (1-19 until 2026-01, 1-10 from 2026-02): `value` = met or not' }),
      group: z.coerce.number().int().min(1).max(31).optional().openapi({ param: { name: 'group', in: 'query' }, description: 'Criteria group of the period\'s set (1-5 in 2021-2025; the 2026-2030 set has none): `value` = share met' }),
    }),
  },
  responses: { 200: { description: 'Status table', content: { 'application/json': { schema: StatusSchema } } }, ...errorResponses },
});

/** All communes (xã, phường, thị trấn, đặc khu) of a scope in the era's units. */
function communesIn(units: UnitStore, scope: Scope): number {
  if (scope.level === 'country') return [...units.byCode.values()].filter((u) => u.level === 'commune').length;
  if (scope.level === 'former_district') return units.communesOfFormerDistrict(scope.code).length;
  const count = (code: string): number => units.children(code).reduce((n, u) => n + (u.level === 'commune' ? 1 : count(u.code)), 0);
  return count(scope.code);
}

/** Registers GET /api/v1/status (every commune's status at a period) on the public API. */
export function statusRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid('query');
    if (q.criterion !== undefined && q.group !== undefined) {
      throw new ApiError(400, 'invalid_parameter', "Parameters 'criterion' and 'group' (query): give one or the other, not both", { parameter: 'group' });
    }
    const { period, era, set, scope } = resolveView(ctx, q);
    checkCriterion(set, q);
    const groupCriteria = q.group === undefined ? [] : (set.groups.find((g) => g.number === q.group)?.criteria ?? []);
    const groupMask = maskOf(groupCriteria);
    const groupSize = groupCriteria.length;
    const statuses = await ctx.status.at(period);
    const count = { reviews: { official: 0, illustrative: 0 }, levels: { official: 0, illustrative: 0 }, special: { official: 0, illustrative: 0 } };
    let carried = 0;
    const communes: Array<z.infer<typeof CommuneStatusSchema>> = [];
    const rural = era.units.ruralCommunes(scope.code, period);
    for (const code of rural) {
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
    cacheFor(c, 'data');
    return c.json(
      {
        period,
        criteria_set: set.code,
        criteria_count: set.criteria_count,
        structure: structureJson(era),
        scope: scopeJson(scope),
        criterion: q.criterion ?? null,
        group: q.group ?? null,
        provenance: { ...count, note: ILLUSTRATIVE_NOTE },
        carried,
        units: { communes: communesIn(era.units, scope), rural: rural.length },
        communes,
      },
      200,
    );
  });
}
