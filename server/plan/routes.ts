/** @module GET /api/v1/plans: the communes a provincial plan names as due to reach the standard (or a higher level),
 * with criteria met now, criteria still missing, and reached / on track / late. */
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, errorResponses, ILLUSTRATIVE_NOTE, LevelSchema, PeriodParam, ProvenanceSchema, ProvinceParam } from '../http/schemas.ts';
import { resolveView } from '../scope/scope.ts';
import { ApiError } from '../http/errors.ts';
import { ProvenanceCountSchema } from '../target/schemas.ts';
import { plansIn } from './plan.ts';
import { cacheFor } from '../http/cache.ts';

const TargetLevelSchema = RecognitionLevelSchema;
const StatusSchema = z.enum(['reached', 'on_track', 'late']);

const PlannedCommuneSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The plan record (officials remove it by this id)' }),
    code: z.string().openapi({ example: '03037' }),
    name: z.string(),
    district: z.object({ code: z.string(), name: z.string() }).nullable(),
    due: z.string().openapi({ description: 'As the plan writes it: a year or half-year', example: '2024-H1' }),
    due_period: z.string().openapi({ description: 'The last month of the due half-year or year', example: '2024-06' }),
    target_level: TargetLevelSchema,
    plan: z.string().openapi({ example: 'Kế hoạch 104/KH-BCĐ ngày 15/02/2024' }),
    source: z.string(),
    note: z.string().nullable(),
    met: z.number().int().nullable().openapi({ description: 'Criteria met at the period (null without a review)' }),
    criteria_total: z.number().int(),
    missing: z.array(z.number().int()).nullable().openapi({ description: 'Numbers of the criteria not met at the period' }),
    as_of: z.string().nullable().openapi({ description: 'The month of the review shown when earlier than the period' }),
    provenance: ProvenanceSchema.nullable().openapi({ description: 'Provenance of the review behind `met` and `missing`' }),
    level: LevelSchema,
    level_provenance: ProvenanceSchema.nullable().openapi({ description: 'The recognition decision\'s provenance; the review\'s for chưa đạt' }),
    recognition: z
      .object({
        level: TargetLevelSchema,
        decision: z.string().nullable(),
        decision_date: z.string().nullable(),
        provenance: ProvenanceSchema,
        source_url: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'The recognition in force at the period' }),
    recognised: z.boolean().openapi({ description: 'Level other than chưa đạt at the period' }),
    all_criteria_met: z.boolean(),
    at_risk: z.boolean().openapi({ description: 'Recognised but failing a criterion at the period (recognition can be revoked, Quyết định 18/2022/QĐ-TTg)' }),
    reached_by: z.enum(['recognition', 'criteria']).nullable(),
    status: StatusSchema,
    targets: z
      .array(z.object({ metric: z.string(), value: z.string(), deadline: z.string().nullable(), source: z.string(), source_url: z.string().nullable(), note: z.string().nullable() }))
      .openapi({ description: 'Other published targets naming this commune' }),
  })
  .openapi('PlannedCommune');

/** OpenAPI schema of GET /api/v1/plans. */
export const PlansSchema = z
  .object({
    period: z.string(),
    criteria_set: z.string(),
    scope: z.object({ level: z.enum(['province', 'district']), code: z.string(), name: z.string() }),
    counts: z.object({ reached: z.number().int(), on_track: z.number().int(), late: z.number().int() }),
    dues: z
      .array(z.object({ due: z.string(), due_period: z.string(), communes: z.number().int(), reached: z.number().int(), on_track: z.number().int(), late: z.number().int() }))
      .openapi({ description: 'Counts by due half-year or year' }),
    communes: z.array(PlannedCommuneSchema).openapi({ description: 'Planned communes by due period, then code; empty when the scope has no plan' }),
    provenance: z.object({
      reviews: ProvenanceCountSchema,
      levels: ProvenanceCountSchema,
      note: z.string(),
    }),
  })
  .openapi('Plans');

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
