/** @module OpenAPI schemas of target progress (shared by the routes that show targets). */
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import { z } from '@hono/zod-openapi';

/** OpenAPI schema of an official/illustrative count. */
export const ProvenanceCountSchema = z
  .object({ official: z.number().int(), illustrative: z.number().int() })
  .openapi('ProvenanceCount');

/** OpenAPI schema of a target's scope. */
export const TargetScopeSchema = z
  .object({ level: z.enum(['country', 'province', 'district']), code: z.string().nullable(), name: z.string() })
  .openapi('TargetScope');

/** OpenAPI schema of a target's measure. */
export const MeasureSchema = z
  .object({
    kind: z.enum([
      'communes_at_level',
      'share_at_level',
      'new_communes_at_level',
      'share_min_criteria',
      'share_criteria_met',
      'average_criteria_met',
      'criteria_gain_per_year',
    ]),
    description: z.string(),
    level: RecognitionLevelSchema.optional().openapi({ description: 'Communes counted at this level or above' }),
    year: z.number().int().optional(),
    min_criteria: z.number().int().optional(),
    criteria: z.array(z.number().int()).optional(),
  })
  .openapi('TargetMeasure');

/** OpenAPI schema of a target's progress. */
export const TargetProgressSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The target record; a target whose value lists several parts gives one row per part' }),
    scope: TargetScopeSchema.openapi({ description: 'Whose target it is; the value now is computed over this scope' }),
    metric: z.string().openapi({ example: 'target_communes_ntm' }),
    target: z.object({
      value: z.string().openapi({ description: 'As the source writes it', example: '84/127' }),
      number: z.number().nullable().openapi({ description: 'The number the clause asks for, in `unit`', example: 84 }),
    }),
    clause: z.string().nullable().openapi({ description: 'The part of the value this row reads, when the value lists several' }),
    computable: z.boolean().openapi({ description: 'Whether the data can measure this target' }),
    reason: z.string().nullable().openapi({ description: 'Why the value now is null' }),
    reason_vi: z.string().nullable().openapi({ description: '`reason` in Vietnamese' }),
    measure: MeasureSchema.nullable(),
    unit: z.enum(['communes', '%', 'criteria', 'criteria/year']).nullable(),
    value_now: z.number().nullable(),
    deadline: z.string().nullable().openapi({ description: 'YYYY-MM-DD' }),
    start: z.object({ period: z.string(), value: z.number() }).nullable().openapi({ description: 'Start of the straight line (rule straight_line)' }),
    expected_now: z.number().nullable().openapi({ description: 'The straight line at the period (rule straight_line)' }),
    value_at_deadline: z.number().nullable().openapi({ description: 'The value at the deadline\'s month (rule reached_by_deadline)' }),
    on_track: z.boolean().nullable(),
    on_track_rule: z.enum(['straight_line', 'reached_by_deadline', 'rate']).nullable(),
    on_track_reason: z.string().nullable().openapi({ description: 'Why on_track is null' }),
    on_track_reason_vi: z.string().nullable().openapi({ description: '`on_track_reason` in Vietnamese' }),
    illustrative: z.boolean().nullable().openapi({ description: 'True when any input of the value now is illustrative' }),
    inputs: ProvenanceCountSchema.nullable().openapi({ description: 'Official vs illustrative inputs of the value now' }),
    source: z.string(),
    source_url: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('TargetProgress');

/** How "on track" is judged, in words, for the answers that show progress. */
export const ON_TRACK_RULE =
  'On track: every target asks for at least its number. When the period is at or after the deadline\'s month, `reached_by_deadline`: ' +
  'true when the value at the deadline\'s month meets the target (null when the data starts after the deadline). A yearly rate ' +
  '(criteria gained per commune per year) before its deadline, `rate`: true when the gain over the last 12 months meets it. Otherwise ' +
  '`straight_line`: true when the value now is at or above a straight line from the value at the start of the plan (the first month of ' +
  'the criteria set in force at the deadline, 2021-01 for 2021-2025, no earlier than the first period with data; for a "new in year Y" ' +
  'target, 0 at the end of Y-1) to the target at its deadline. Levels count at or above: nâng cao and kiểu mẫu communes are đạt chuẩn ' +
  'communes, kiểu mẫu communes are nâng cao ones. A target the data cannot measure (villages, income, districts, …) is listed with ' +
  '`computable: false` and the reason. A target of a province is measured over the province, also in a district\'s summary.';
