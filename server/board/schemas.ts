/** @module OpenAPI schema of the monthly reporting board (GET /admin/board): the JSON form; the XLSX download holds
 * the same sections, one sheet each. */
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import { z } from '@hono/zod-openapi';
import { ILLUSTRATIVE_NOTE, LevelSchema, ProvenanceSchema } from '../http/schemas.ts';
import { ProvenanceCountSchema, TargetProgressSchema } from '../target/schemas.ts';

const TargetLevelSchema = RecognitionLevelSchema;
const UnitRefSchema = z.object({ code: z.string(), name: z.string() });
const CommuneRefShape = { code: z.string(), name: z.string(), district: UnitRefSchema.nullable() };
const count = (description: string) => z.number().int().openapi({ description });

/** OpenAPI schema of GET /admin/board's JSON answer. */
export const BoardSchema = z
  .object({
    scope: z.object({ level: z.enum(['province', 'district', 'former_district']), code: z.string(), name: z.string(), province: UnitRefSchema }),
    structure: z.string().openapi({ example: '2025-07', description: 'The unit structure of the month: pre2025 to 2025-06, 2025-07 since' }),
    grouped_by: z
      .enum(['district', 'former_district'])
      .nullable()
      .openapi({ description: "How reviews.by_district groups the communes: by district (pre-2025 units), by former district (today's units, with group=former_district), or not at all (null)" }),
    period: z.string().openapi({ example: '2025-06' }),
    previous_period: z.string().nullable().openapi({ description: 'The month compared with (null when it has no data)' }),
    criteria_set: z.string().openapi({ example: '2021-2025' }),
    report_deadline: z.string().openapi({ description: 'The day the month\'s reviews are due (the 20th)', example: '2025-06-20' }),
    summary: z.object({
      communes: count('Rural communes with a review at or before the period'),
      recognised: count('Communes at a level other than chưa đạt'),
      share_recognised: z.number().nullable(),
      average_met: z.number().nullable(),
      levels: z.object({ chua_dat: z.number().int(), dat_chuan: z.number().int(), nang_cao: z.number().int(), kieu_mau: z.number().int() }),
    }),
    reviews: z
      .object({
        due: count('Rural communes (xã) in scope: each owes a review for the month'),
        received: count('Official reviews entered for the month'),
        missing: count('due − received'),
        by_district: z
          .array(z.object({ code: z.string(), name: z.string(), due: z.number().int(), received: z.number().int(), missing: z.number().int() }))
          .openapi({ description: 'Per district (a district board: its one row); districts without rural communes are left out' }),
        missing_communes: z.array(z.object(CommuneRefShape)).openapi({ description: 'The communes without an official review for the month' }),
      })
      .openapi({ description: 'Reviews received vs due' }),
    changes: z
      .object({
        previous_period: z.string().nullable(),
        gained: count('Criteria newly met, added over communes'),
        lost: count('Criteria no longer met, added over communes'),
        communes_compared: count('Communes with a status in both months'),
        criteria: z.array(
          z.object({
            number: z.number().int(),
            code: z.string(),
            name_vi: z.string(),
            gained: z.number().int(),
            lost: z.number().int(),
            gained_communes: z.array(UnitRefSchema),
            lost_communes: z.array(UnitRefSchema),
          }),
        ),
      })
      .openapi({ description: 'Criteria gained and lost since the previous month, per criterion with the communes concerned' }),
    at_risk: z
      .array(
        z.object({
          ...CommuneRefShape,
          level: TargetLevelSchema,
          recognition: z.object({ decision: z.string().nullable(), decision_date: z.string().nullable(), provenance: ProvenanceSchema }),
          met: z.number().int(),
          criteria_total: z.number().int(),
          failing: z
            .array(z.object({ number: z.number().int(), code: z.string(), name_vi: z.string(), failing_since: z.string().openapi({ description: 'First month of the current run of reviews failing it' }) }))
            .openapi({ description: 'The criteria at fault' }),
          as_of: z.string().openapi({ description: 'Month of the review shown' }),
          provenance: ProvenanceSchema,
        }),
      )
      .openapi({ description: 'Recognised communes failing a criterion at the period (recognition can be revoked, Quyết định 18/2022/QĐ-TTg)' }),
    targets: z.array(TargetProgressSchema).openapi({ description: 'Progress against the targets that apply (as in /summary)' }),
    plans: z
      .object({
        half_year: z.string().openapi({ example: '2025-H1' }),
        from: z.string(),
        to: z.string(),
        communes: z.array(
          z.object({
            ...CommuneRefShape,
            due: z.string(),
            due_period: z.string(),
            target_level: TargetLevelSchema,
            plan: z.string(),
            met: z.number().int().nullable(),
            criteria_total: z.number().int(),
            missing: z.array(z.number().int()).nullable(),
            criteria_needed: z.number().int().nullable().openapi({ description: 'Criterion completions still needed (0 once the target is reached)' }),
            level: LevelSchema,
            status: z.enum(['reached', 'on_track', 'late']),
            provenance: ProvenanceSchema.nullable(),
          }),
        ),
        criteria_needed: count('Criterion completions (lượt tiêu chí) the planned communes still need'),
        counts: z.object({ reached: z.number().int(), on_track: z.number().int(), late: z.number().int() }),
      })
      .openapi({ description: 'Planned communes due this half-year, and those due earlier that have not reached their target' }),
    provenance: z.object({
      reviews: ProvenanceCountSchema,
      levels: ProvenanceCountSchema,
      illustrative: z.boolean().openapi({ description: 'True when any figure of the board is illustrative' }),
      note: z.string(),
    }),
  })
  .openapi('Board');

/** The illustrative-data note the board prints when any figure is illustrative (the API's shared wording). */
export const BOARD_ILLUSTRATIVE_NOTE = ILLUSTRATIVE_NOTE;
