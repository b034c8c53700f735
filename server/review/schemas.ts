/** @module Schemas of the monthly review routes: the form (GET), the save (PUT) and the district/province list. */
import { z } from '@hono/zod-openapi';
import { ProvenanceSchema } from '../http/schemas.ts';
import { PERIOD_PATTERN } from '../period/period.ts';

/** The longest note a review may carry on a criterion or on the whole. */
export const NOTE_MAX = 2000;

/** A rural commune's 5-digit code as a path parameter. */
export const CommuneParam = z
  .string()
  .regex(/^\d{5}$/, 'expected a 5-digit GSO commune code, e.g. 23362')
  .openapi({ param: { name: 'commune', in: 'path' }, example: '23362', description: 'GSO code of a rural commune (xã)' });
/** A month YYYY-MM as a path parameter. */
export const ReviewPeriodParam = z
  .string()
  .regex(PERIOD_PATTERN, 'expected a month as YYYY-MM, e.g. 2024-06')
  .openapi({ param: { name: 'period', in: 'path' }, example: '2024-06', description: 'The month reviewed, YYYY-MM' });

const IndicatorValueSchema = z.union([z.number(), z.string().max(200), z.boolean()]);

const UnitRefSchema = z.object({ code: z.string(), name: z.string() });

const FormIndicatorSchema = z.object({
  code: z.string().openapi({ example: '3.1' }),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  unit: z.string().nullable(),
  value: IndicatorValueSchema.nullable().openapi({ description: 'Stored value; null when none was entered' }),
});

const FormCriterionSchema = z.object({
  number: z.number().int(),
  code: z.string().openapi({ example: 'TC01' }),
  name_vi: z.string(),
  name_en: z.string(),
  met: z.boolean(),
  note: z.string().nullable(),
  indicators: z.array(FormIndicatorSchema),
  previously_met: z.boolean().nullable().openapi({ description: 'Met in the previous review (null when there is none)' }),
  change: z.enum(['gained', 'lost']).nullable().openapi({ description: 'Versus the previous review' }),
});

/** OpenAPI schema of the review form: the commune, month, criteria set, the criteria with their notes and
 * indicators, the version and deadline. */
export const ReviewFormSchema = z
  .object({
    commune: UnitRefSchema.extend({
      district: UnitRefSchema.nullable().openapi({ description: 'Its district (pre-2025 units); null for today\'s communes (no districts since 1/7/2025)' }),
      province: UnitRefSchema,
      structure: z.string().openapi({ example: '2025-07', description: 'The unit structure the code is of: the month\'s (pre2025 to 2025-06, 2025-07 since)' }),
    }),
    period: z.string().openapi({ example: '2024-06' }),
    criteria_set: z.object({ code: z.string(), decision: z.string(), criteria_count: z.number().int() }),
    exists: z.boolean().openapi({ description: 'Whether the month has a review; false: the form is pre-filled (`prefilled_from`)' }),
    version: z.number().int().nullable().openapi({ description: 'Send it back on save (or as If-Match: the ETag); null when the month has no review yet' }),
    provenance: ProvenanceSchema.nullable(),
    source: z.string().nullable(),
    reviewed_by: z.string().nullable().openapi({ description: 'Who saved the review (e-mail), null for illustrative records' }),
    reviewed_at: z.string().nullable(),
    prefilled_from: z.string().nullable().openapi({ description: 'When the month has no review: the month of the earlier review the form starts from' }),
    previous: z
      .object({ period: z.string(), met_count: z.number().int(), provenance: ProvenanceSchema })
      .nullable()
      .openapi({ description: 'The latest review before this month, which `changes` compares with' }),
    met_count: z.number().int(),
    note: z.string().nullable().openapi({ description: 'A note on the whole review' }),
    changes: z.object({ gained: z.array(z.number().int()), lost: z.array(z.number().int()) }).openapi({ description: 'Criteria gained and lost versus `previous`' }),
    groups: z.array(z.object({ number: z.number().int(), name_vi: z.string(), name_en: z.string(), criteria: z.array(FormCriterionSchema) })),
  })
  .openapi('ReviewForm');

/** The body of PUT /admin/reviews/{commune}/{period}: the criteria met, notes and indicators, and the version the
 * official read. */
export const SaveReviewSchema = z
  .object({
    criteria: z
      .array(
        z.object({
          number: z.number().int().openapi({ example: 1 }),
          met: z.boolean(),
          indicators: z.record(z.string().max(20), IndicatorValueSchema.nullable()).optional().openapi({ description: 'Indicator values by indicator code (codes of this criterion only); null clears one' }),
          note: z.string().max(NOTE_MAX, `a note is at most ${NOTE_MAX} characters`).optional(),
        }),
      )
      .max(100)
      .openapi({ description: 'Every criterion of the set that applies at the period, exactly once' }),
    note: z.string().max(NOTE_MAX, `a note is at most ${NOTE_MAX} characters`).optional().openapi({ description: 'A note on the whole review' }),
    version: z.number().int().min(1).max(2_000_000_000).optional().openapi({ description: 'The version read (GET); required when the month already has a review. The If-Match header works too.' }),
  })
  .openapi('SaveReview');

/** The details of a 409: the version saved meanwhile and who saved it. */
export const ConflictSchema = z
  .object({
    error: z.object({
      code: z.literal('conflict'),
      message: z.string(),
      details: z.object({ current_version: z.number().int().nullable(), reviewed_by: z.string().nullable(), reviewed_at: z.string().nullable() }),
    }),
  })
  .openapi('ReviewConflict');

/** A month's deadline as the workspace shows it. */
export const DeadlineSchema = z.object({
  date: z.string().openapi({ example: '2024-06-20', description: 'Reviews of the month are due at the province by this day' }),
  passed: z.boolean(),
  rule: z.string(),
});

/** OpenAPI schema of GET /admin/reviews: a scope's communes with their review of the month, if any. */
export const ReviewListSchema = z
  .object({
    scope: z.object({ level: z.enum(['province', 'district', 'commune']), code: z.string(), name: z.string() }),
    period: z.string(),
    structure: z.string().openapi({ example: '2025-07', description: 'The unit structure of the month (its codes)' }),
    criteria_set: z.string().openapi({ example: '2026-2030', description: 'The criteria set the month is reviewed on' }),
    criteria_count: z.number().int().openapi({ example: 10, description: 'Its criteria (what met_count is out of)' }),
    deadline: DeadlineSchema,
    counts: z.object({
      communes: z.number().int(),
      done: z.number().int().openapi({ description: 'Communes with an official review of the month' }),
      missing: z.number().int(),
    }),
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        district: z.string().nullable().openapi({ description: 'Its district (pre-2025 units), or the former district(s) its predecessors lay in (today\'s)' }),
        status: z.enum(['done', 'missing']).openapi({ description: 'done: an official review of the month exists' }),
        review: z
          .object({ version: z.number().int(), provenance: ProvenanceSchema, met_count: z.number().int(), reviewed_by: z.string().nullable(), reviewed_at: z.string() })
          .nullable()
          .openapi({ description: 'The month\'s review (an illustrative record counts as missing)' }),
      }),
    ),
  })
  .openapi('ReviewList');
