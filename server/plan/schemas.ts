/** @module The plans' schemas (GET /api/v1/plans): the communes a province or district plans to bring to a
 * level, by due date. Apart from the route so that the client's types for them (and the workspace's plan
 * board, `admin-schemas.ts`) come from here. */
import { z } from '@hono/zod-openapi';
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import { LevelSchema, ProvenanceSchema } from '../http/schemas.ts';
import { ProvenanceCountSchema } from '../target/schemas.ts';

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

/** The plans of a scope at a period. */
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

