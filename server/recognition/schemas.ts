/** @module Schemas of the workspace's recognition routes: the record and revocation forms, a recognition as the
 * workspace shows it, and the revocation-risk list. */
import { RecognitionLevelSchema } from './levels.ts';
import { z } from '@hono/zod-openapi';
import { ProvenanceSchema } from '../http/schemas.ts';
import { HttpUrlField, lineField, PastDateField, textField } from './fields.ts';

/** The body of POST /admin/recognitions: the unit, level, decision, date, signer and optional link and note. */
export const RecognitionBody = z
  .object({
    unit: z
      .string()
      .regex(/^(\d{3}|\d{5})$/, 'expected the GSO code of a commune (5 digits) or a district (3 digits)')
      .openapi({ example: '23362', description: 'A rural commune (xã) or a district (before 1/7/2025) of the unit structure in force on decision_date; the recognition is of that level' }),
    level: RecognitionLevelSchema.openapi({ description: 'A level of the criteria set in force on decision_date: đạt chuẩn, nâng cao or kiểu mẫu (2021-2025); đạt chuẩn or hiện đại (2026-2030, 51/2025/QĐ-TTg)' }),
    decision: lineField(120).openapi({ example: '1234/QĐ-UBND', description: 'Decision number as written on it' }),
    decision_date: PastDateField.openapi({ example: '2024-03-15', description: 'Date of the decision (YYYY-MM-DD, not in the future)' }),
    signer: lineField(200).openapi({ example: 'Chủ tịch UBND tỉnh Kon Tum' }),
    document_url: HttpUrlField.optional().openapi({ description: 'Link to the decision (http or https)' }),
    year: z.number().int('expected a year').min(2000, 'expected a year from 2000').max(2100, 'expected a year up to 2100').optional().openapi({ description: 'The "NTM năm Y" year the recognition counts for' }),
    effective_period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
      .optional()
      .openapi({ example: '2024-03', description: 'First month in force; default: the month of decision_date, and never earlier' }),
    note: textField(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.effective_period !== undefined && v.effective_period < v.decision_date.slice(0, 7)) {
      ctx.addIssue({ code: 'custom', path: ['effective_period'], message: `cannot be before the month of decision_date (${v.decision_date.slice(0, 7)})` });
    }
  })
  .openapi('RecognitionInput');

/** The body of a revocation: its decision, date and reason. */
export const RevocationBody = z
  .object({
    decision: lineField(120).openapi({ example: '567/QĐ-UBND', description: 'The revocation decision (Quyết định 18/2022/QĐ-TTg)' }),
    date: PastDateField.openapi({ example: '2025-02-10', description: 'Date of the revocation decision: not before the recognition\'s decision date, not in the future' }),
    reason: textField(2000).openapi({ example: 'Không còn đạt tiêu chí 17 (Môi trường)' }),
  })
  .strict()
  .openapi('RevocationInput');

const UnitRef = z.object({ code: z.string(), name: z.string(), level: z.enum(['commune', 'district']) });

/** Said wherever today's communes' recognitions are listed: nothing is carried across the 2025 merger. */
export const MERGER_NOTE =
  "Whether a commune formed by the July-2025 merger keeps its predecessors' NTM recognition is not settled by any rule this project could read: none is carried over, so a today's commune shows only the recognitions recorded for it.";

/** A recognition as the workspace lists it, with whether it is in force and whether it may be revoked. */
export const RecognitionOutSchema = z
  .object({
    id: z.number().int(),
    structure: z.string().openapi({ description: 'The unit structure the unit code is meant in (the one in force on the decision date)' }),
    unit: UnitRef,
    district: z.object({ code: z.string(), name: z.string() }).nullable().openapi({ description: 'The district of a commune (the district itself for a district)' }),
    level: RecognitionLevelSchema,
    year: z.number().int().nullable(),
    decision: z.string().nullable(),
    decision_date: z.string().nullable(),
    effective_period: z.string().nullable(),
    signer: z.string().nullable(),
    status: z.enum(['recognised', 'proposed']),
    in_force: z.boolean().openapi({ description: 'In force at the period of the listing (the latest period with data for a write)' }),
    revoked_date: z.string().nullable(),
    revocation_decision: z.string().nullable(),
    revocation_reason: z.string().nullable(),
    provenance: ProvenanceSchema,
    source_url: z.string().nullable().openapi({ description: 'The document_url given with the decision (or the source of a seeded record)' }),
    note: z.string().nullable(),
  })
  .openapi('WorkspaceRecognition');

/** The answer of GET /admin/recognitions: a scope's recognitions and the levels its period's criteria set offers. */
export const RecognitionListSchema = z
  .object({
    structure: z.string().openapi({ description: "The period's unit structure: the units listed are its" }),
    scope: z.object({ level: z.enum(['province', 'district']), code: z.string(), name: z.string() }),
    period: z.string(),
    levels: z.array(RecognitionLevelSchema).openapi({ description: "The levels of the period's criteria set" }),
    note: z.string().nullable().openapi({ description: "Today's structure: what is not known about recognitions across the merger" }),
    counts: z.object({ recognitions: z.number().int(), in_force: z.number().int(), revoked: z.number().int(), official: z.number().int(), illustrative: z.number().int() }),
    recognitions: z.array(RecognitionOutSchema).openapi({ description: 'Districts first, then communes by code; each unit\'s records oldest first' }),
  })
  .openapi('WorkspaceRecognitions');

/** The answer of GET /admin/recognitions/at-risk: recognised communes that no longer meet every criterion. */
export const AtRiskSchema = z
  .object({
    scope: z.object({ level: z.enum(['province', 'district']), code: z.string(), name: z.string() }),
    structure: z.string(),
    period: z.string(),
    criteria_set: z.string(),
    rule: z.string(),
    note: z.string().nullable().openapi({ description: 'Which recognitions the list judges, and what is not known' }),
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        district: z.object({ code: z.string(), name: z.string() }).nullable(),
        level: RecognitionLevelSchema,
        recognition: z.object({ id: z.number().int(), decision: z.string().nullable(), decision_date: z.string().nullable(), effective_period: z.string().nullable(), provenance: ProvenanceSchema }),
        met: z.number().int(),
        criteria_total: z.number().int(),
        review_period: z.string().openapi({ description: 'Month of the review shown (the latest at or before the period)' }),
        review_provenance: ProvenanceSchema,
        criteria: z
          .array(z.object({ number: z.number().int(), code: z.string(), name_vi: z.string(), name_en: z.string(), failing_since: z.string().openapi({ description: 'First month of the unbroken run of reviews in which it is not met' }) }))
          .openapi({ description: 'The criteria at fault' }),
      }),
    ),
  })
  .openapi('RecognitionsAtRisk');
