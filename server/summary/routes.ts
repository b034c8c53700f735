// GET /api/v1/summary: a scope's counts by level and criteria met, rates by criterion, special-difficulty
// vs other communes, the criteria most often missing, and progress against the targets that apply.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { DistrictParam, errorResponses, ILLUSTRATIVE_NOTE, PeriodParam, ProvinceParam } from '../http/schemas.ts';
import { resolveView } from '../scope/scope.ts';
import { scopeJson, structureJson } from '../era/era-json.ts';
import { ScopeSchema, StructureSchema } from '../era/schemas.ts';
import { OfficialFigureSchema, officialFigures } from './official.ts';
import { ON_TRACK_RULE, ProvenanceCountSchema, TargetProgressSchema } from '../target/schemas.ts';
import { scopeSummary } from './summary.ts';
import { cacheFor } from '../http/cache.ts';

const share = (description: string) => z.number().min(0).max(1).nullable().openapi({ description: `${description} (0-1; null when there are no communes)` });

const GroupSummarySchema = z
  .object({
    communes: z.number().int(),
    average_met: z.number().nullable().openapi({ description: 'Average criteria met' }),
    recognised: z.number().int().openapi({ description: 'Communes at a level other than chưa đạt' }),
    share_recognised: share('Share of the communes recognised'),
  })
  .openapi('CommuneGroupSummary');

export const SummarySchema = z
  .object({
    period: z.string(),
    criteria_set: z.string().openapi({ example: '2021-2025' }),
    criteria_count: z.number().int(),
    structure: StructureSchema,
    scope: ScopeSchema,
    communes: z.number().int().openapi({ description: 'Rural communes (xã) with a review at or before the period' }),
    carried: z.number().int().openapi({ description: 'Communes counted with an earlier review (no review in the period)' }),
    levels: z
      .object({ chua_dat: z.number().int(), dat_chuan: z.number().int(), nang_cao: z.number().int(), kieu_mau: z.number().int(), hien_dai: z.number().int() })
      .openapi({ description: 'Communes by recognition level in force (each commune counted once, at its highest level; only the period\'s set\'s levels can be non-zero: nâng cao and kiểu mẫu until 2026-01, NTM hiện đại from 2026-02)' }),
    recognised: z.number().int().openapi({ description: 'Communes at a level other than chưa đạt' }),
    share_recognised: share('Share of the communes recognised'),
    average_met: z.number().nullable().openapi({ description: 'Average criteria met per commune' }),
    bins: z
      .array(z.object({ label: z.string().openapi({ example: '10-14' }), min: z.number().int(), max: z.number().int(), communes: z.number().int() }))
      .openapi({ description: 'Communes by criteria met, bins derived from the set\'s count (19: <10, 10-14, 15-18, 19; 10: <5, 5-7, 8-9, 10); they add up to `communes`' }),
    criteria: z
      .array(
        z.object({
          number: z.number().int(),
          code: z.string(),
          name_vi: z.string(),
          name_en: z.string(),
          group: z.number().int().nullable(),
          communes_met: z.number().int(),
          rate: share('Share of the communes meeting the criterion'),
        }),
      )
      .openapi({ description: 'Every criterion of the set with the communes meeting it' }),
    most_missing: z
      .array(
        z.object({
          number: z.number().int(),
          code: z.string(),
          name_vi: z.string(),
          name_en: z.string(),
          communes_missing: z.number().int(),
          share_missing: z.number().min(0).max(1),
        }),
      )
      .openapi({ description: 'The criteria most often not met (up to 5, most missing first)' }),
    special_difficulty: z
      .object({ special: GroupSummarySchema, other: GroupSummarySchema })
      .openapi({ description: 'Communes listed special-difficulty (xã đặc biệt khó khăn) at the period vs the others' }),
    targets: z.array(TargetProgressSchema),
    official: z.array(OfficialFigureSchema).openapi({ description: 'Official figures published for this scope at or before the period (national_counts.csv), each beside the map\'s own figure at the same month' }),
    provenance: z
      .object({
        reviews: ProvenanceCountSchema.openapi({ description: 'Reviews behind the criteria figures, one per commune' }),
        levels: ProvenanceCountSchema.openapi({ description: 'Levels, one per commune: the recognition decision\'s provenance; the review\'s when no decision is recorded (chưa đạt)' }),
        special: ProvenanceCountSchema.openapi({ description: 'Special-difficulty flags, one per commune: the listing\'s provenance; the review\'s when the commune is not listed' }),
        note: z.string(),
      })
      .openapi({ description: 'Official vs illustrative inputs of the figures' }),
  })
  .openapi('Summary');

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
