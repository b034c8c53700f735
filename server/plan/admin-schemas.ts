/** @module Schemas of the workspace's plan and target routes: the forms, a target as the workspace lists it, and the
 * plan board (the public /plans answer plus the criterion completions the plan needs). */
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import { z } from '@hono/zod-openapi';
import { DateField, HttpUrlField, lineField, RecognitionLevelField, textField } from '../recognition/fields.ts';
import { PlansSchema } from './schemas.ts';

const targetFields = {
  metric: lineField(160).openapi({ example: 'target_communes_ntm', description: 'What the target measures, as the data names it (e.g. target_communes_ntm, target_share_communes_15_criteria, target_share_thon_ntm_per_commune)' }),
  value: lineField(300).openapi({ example: '>=60', description: 'As the source writes it' }),
  value_num: z.number().nullable().optional().openapi({ description: 'The number the target asks for; default: read from value where a single number can be ("≥60" → 60, "84/127" → 84)' }),
  kind: z.enum(['target', 'reported']).optional().openapi({ description: 'A goal (default) or a figure reported at a date' }),
  deadline: DateField.openapi({ example: '2025-12-31', description: 'YYYY-MM-DD: the deadline of a target, the date of a reported figure' }),
  source: lineField(500).openapi({ example: 'Chương trình hành động 3299/CTr-UBND ngày 04/10/2022' }),
  source_url: HttpUrlField.optional(),
  note: textField(2000).optional(),
};

/** The body of POST /admin/targets: the scope and what the target says (metric, value, deadline, source). */
export const TargetBody = z
  .object({
    scope: z.string().regex(/^(\d{2}|\d{3})$/, 'expected the GSO code of a province (2 digits) or a district (3 digits)').openapi({ example: '62', description: 'The province or district whose target it is' }),
    ...targetFields,
  })
  .strict()
  .openapi('TargetInput');

/** The body of PUT /admin/targets/{id}: the same fields without the scope, which an edit cannot move. */
export const TargetReplaceBody = z.object(targetFields).strict().openapi('TargetReplaceInput');

/** A target as the workspace lists it, with whether this official may edit it. */
export const WorkspaceTargetSchema = z
  .object({
    id: z.number().int(),
    scope: z.enum(['national', 'province', 'district', 'commune']),
    scope_code: z.string().nullable(),
    scope_name: z.string(),
    metric: z.string(),
    value: z.string(),
    value_num: z.number().nullable(),
    kind: z.enum(['target', 'reported']),
    deadline: z.string().nullable(),
    source: z.string(),
    source_url: z.string().nullable(),
    note: z.string().nullable(),
    editable: z.boolean().openapi({ description: 'Whether the signed-in official may change it' }),
  })
  .openapi('WorkspaceTarget');

/** The answer of GET /admin/targets: the scope's targets and the national ones they answer to. */
export const TargetListSchema = z
  .object({
    structure: z.string().openapi({ description: 'The unit structure of the listing (the period\'s)' }),
    scope: z.object({ level: z.enum(['province', 'district']), code: z.string(), name: z.string() }),
    targets: z.array(WorkspaceTargetSchema).openapi({ description: 'The targets and reported figures of the scope (a province: its own and its districts\'), by scope then deadline' }),
    national: z.array(WorkspaceTargetSchema).openapi({ description: 'The national targets of the same structure (2026-2030: those of the national programme, from the facts), to set the province\'s beside' }),
  })
  .openapi('WorkspaceTargets');

/** The body of POST /admin/plans: a commune, the level it is to reach, by when, and the plan naming it. */
export const PlannedCommuneBody = z
  .object({
    commune: z.string().regex(/^\d{5}$/, 'expected a 5-digit GSO commune code').openapi({ example: '23362' }),
    target_level: RecognitionLevelField,
    due: z.string().regex(/^20\d{2}(-H[12])?$/, 'expected a year or half-year: 2025, 2025-H1 or 2025-H2').openapi({ example: '2025-H2', description: 'Due by the end of the year or half-year' }),
    plan: lineField(300).openapi({ example: 'Kế hoạch 104/KH-BCĐ ngày 15/02/2024', description: 'The plan that names the commune' }),
    source: lineField(500).optional().openapi({ description: 'Where the plan can be read; default: the plan' }),
    note: textField(2000).optional(),
  })
  .strict()
  .openapi('PlannedCommuneInput');

/** A planned commune as stored, with who added it. */
export const PlannedCommuneRowSchema = z
  .object({
    id: z.number().int(),
    commune_code: z.string(),
    target_level: RecognitionLevelSchema,
    due: z.string(),
    due_period: z.string().openapi({ description: 'The last month of the due half-year or year' }),
    plan: z.string(),
    source: z.string(),
    note: z.string().nullable(),
  })
  .openapi('PlannedCommuneRecord');

/** The workspace's plan board: the public plans answer plus the criterion completions the planned communes still
 * need, in all and by due date. */
export const PlanBoardSchema = PlansSchema.extend({
  criterion_completions: z
    .object({
      total: z.number().int().openapi({ description: 'Criteria still missing, summed over the distinct planned communes not yet meeting every criterion' }),
      communes_missing_criteria: z.number().int(),
      communes_without_review: z.number().int(),
      by_due: z.array(z.object({ due: z.string(), due_period: z.string(), communes: z.number().int(), communes_missing_criteria: z.number().int(), completions: z.number().int() })),
      note: z.string(),
    })
    .openapi({ description: 'The "lượt tiêu chí" the plan needs' }),
}).openapi('WorkspacePlans');
