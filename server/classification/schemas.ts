/** @module Schemas of the workspace's classification routes: the form that records a commune's group or khu vực
 * (with its decision), and a province's communes with the record in force and the history of each. */
import { z } from '@hono/zod-openapi';
import { PeriodParam, ProvenanceSchema, ProvinceParam } from '../http/schemas.ts';
import { HttpUrlField, lineField, PastDateField, textField } from '../recognition/fields.ts';

/** The values of each kind: nhóm 1-3 (51/2025/QĐ-TTg) and khu vực I-III (QĐ 60/QĐ-BDTTG). */
export const CLASSIFICATION_VALUES = { group: ['1', '2', '3'], khu_vuc: ['I', 'II', 'III'] } as const;

const MonthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** The body of POST /admin/classifications: the commune, kind, value, decision and when it applies. */
export const ClassificationBody = z
  .object({
    commune: z.string().regex(/^\d{5}$/, 'expected the GSO code of a commune (5 digits) of today\'s units').openapi({ example: '00004' }),
    kind: z.enum(['group', 'khu_vuc']).openapi({ description: 'group: nhóm 1, 2 or 3 (thresholds of 51/2025/QĐ-TTg); khu_vuc: khu vực I, II or III (khu vực III: special-difficulty)' }),
    value: z.string().openapi({ example: 'III', description: "'1' | '2' | '3' for a group; 'I' | 'II' | 'III' for a khu vực" }),
    decision: lineField(120).openapi({ example: '60/QĐ-BDTTG', description: 'Decision number as written on it' }),
    decision_date: PastDateField.openapi({ example: '2026-01-29', description: 'Date of the decision (YYYY-MM-DD, not in the future)' }),
    period_from: MonthField.optional().openapi({ example: '2026-01', description: 'First month in force; default: the month of decision_date, and never earlier' }),
    period_to: MonthField.optional().openapi({ example: '2030-12', description: 'Last month in force, when the decision says (default: until superseded)' }),
    document_url: HttpUrlField.optional().openapi({ description: 'Link to the decision (http or https)' }),
    note: textField(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const allowed: readonly string[] = CLASSIFICATION_VALUES[v.kind];
    if (!allowed.includes(v.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: `expected one of ${allowed.join(', ')} for ${v.kind === 'group' ? 'a group (nhóm)' : 'a khu vực'}` });
    const month = v.decision_date.slice(0, 7);
    if (v.period_from !== undefined && v.period_from < month) ctx.addIssue({ code: 'custom', path: ['period_from'], message: `cannot be before the month of decision_date (${month})` });
    const from = v.period_from ?? month;
    if (v.period_to !== undefined && v.period_to < from) ctx.addIssue({ code: 'custom', path: ['period_to'], message: `cannot be before the first month in force (${from})` });
  })
  .openapi('ClassificationInput');

/** One classification (group or khu vực) as listed: value, provenance and the decision behind it. */
export const ClassificationPartSchema = z
  .object({
    value: z.string(),
    decision: z.string().nullable(),
    decision_date: z.string().nullable(),
    period_from: z.string(),
    period_to: z.string().nullable(),
    provenance: ProvenanceSchema.openapi({ description: 'official: recorded by an official with its decision; illustrative: the project\'s stand-in (no official list was readable)' }),
    source_url: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('WorkspaceClassificationPart');

/** A stored classification record with its id and who recorded it. */
export const ClassificationRecordSchema = ClassificationPartSchema.extend({
  id: z.number().int(),
  kind: z.enum(['group', 'khu_vuc']),
  recorded_by: z.string().nullable(),
  recorded_at: z.string(),
}).openapi('WorkspaceClassificationRecord');

/** The answer to a recorded classification: the record and the commune's classification in force now. */
export const ClassificationCreatedSchema = z
  .object({
    structure: z.string(),
    commune: z.object({ code: z.string(), name: z.string() }),
    record: ClassificationRecordSchema,
    special: z.boolean().openapi({ description: 'Whether the commune now counts as special-difficulty (khu vực III) from period_from' }),
  })
  .openapi('WorkspaceClassificationCreated');

/** A province's communes with the classification in force at the period and each one's history. */
export const ClassificationListSchema = z
  .object({
    structure: z.string().openapi({ description: "Today's unit structure: groups and khu vực are of its communes" }),
    scope: z.object({ level: z.literal('province'), code: z.string(), name: z.string() }),
    period: z.string(),
    counts: z.object({ communes: z.number().int(), official: z.number().int(), illustrative: z.number().int(), none: z.number().int() }).openapi({ description: 'Group and khu vực records in force at the period, by provenance (none: no record of that kind)' }),
    communes: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        type: z.string(),
        group: ClassificationPartSchema.nullable(),
        khu_vuc: ClassificationPartSchema.nullable(),
        history: z.array(ClassificationRecordSchema).openapi({ description: 'Every record of the commune, oldest recorded first (none is ever overwritten)' }),
      }),
    ),
  })
  .openapi('WorkspaceClassifications');

/** A province of today's units (51: Tỉnh Quảng Ngãi since 1/7/2025, which took in Kon Tum). */
export const ClassificationQuery = z.object({
  province: ProvinceParam.openapi({ param: { name: 'province', in: 'query' }, example: '51', description: "GSO code of a province of today's units" }),
  period: PeriodParam.openapi({ param: { name: 'period', in: 'query' }, example: '2026-06', description: 'Month YYYY-MM of today\'s units (from 2025-07); default: the latest period with data' }).optional(),
});
