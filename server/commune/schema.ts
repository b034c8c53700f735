/** @module The commune card's response schema: one zod source for the route's validation, the OpenAPI document
 * (component `CommuneCard`; its parts are inline so that they never clash with other routes' components)
 * and the TypeScript type the card is built as. */
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import { z } from '@hono/zod-openapi';
import { LevelSchema, ProvenanceSchema } from '../http/schemas.ts';
import { CardVillagesSchema } from '../village/schema.ts';



const StructureRef = z.enum(['pre2025', '2025-07']);

const ParentSchema = z.object({
  code: z.string().openapi({ example: '615' }),
  name: z.string().openapi({ example: 'Huyện Đăk Hà' }),
  type: z.string().openapi({ example: 'Huyện' }),
});

const RecognitionSchema = z.object({
  id: z.number().int(),
  level: RecognitionLevelSchema,
  year: z.number().int().nullable().openapi({ description: 'The "NTM năm Y" year the recognition counts for' }),
  decision: z.string().nullable().openapi({ example: '06/QĐ-BCĐ' }),
  decision_date: z.string().nullable().openapi({ example: '2013-01-17', description: 'YYYY-MM-DD' }),
  effective_period: z.string().nullable().openapi({ example: '2013-01', description: 'First month in force; null when the source does not date it (counted as in force before the first period)' }),
  signer: z.string().nullable(),
  status: z.enum(['recognised', 'proposed']).openapi({ description: 'proposed: a council proposal, not a recognition decision (never in force)' }),
  in_force: z.boolean().openapi({ description: 'In force at the period: recognised, effective by then and not revoked' }),
  revoked_date: z.string().nullable(),
  revocation_decision: z.string().nullable(),
  revocation_reason: z.string().nullable(),
  provenance: ProvenanceSchema,
  source_url: z.string().nullable(),
  note: z.string().nullable(),
});

const PredecessorSchema = z.object({
  structure: StructureRef,
  code: z.string().openapi({ example: '23362' }),
  name: z.string(),
  type: z.string(),
  district: z.object({ code: z.string(), name: z.string(), type: z.string() }).nullable(),
  province: z.object({ code: z.string(), name: z.string(), type: z.string() }).nullable().openapi({ description: 'Its province in the old structure (to open it in that structure\'s view)' }),
  link: z.enum(['full', 'partial']).openapi({ description: 'full: the whole old commune went in; partial: part of it did' }),
  source: z.string(),
  last_period: z.string().nullable().openapi({ description: 'The last period of the old structure (2025-06)' }),
  last_status: z
    .object({ met: z.number().int(), total: z.number().int().nullable(), level: LevelSchema, provenance: ProvenanceSchema, as_of: z.string() })
    .nullable()
    .openapi({ description: 'The predecessor\'s status at `last_period` (null: not scored or no review)' }),
  recognitions: z.array(RecognitionSchema).openapi({ description: 'Its recognitions; `in_force` at `last_period`' }),
});

const SuccessorSchema = z.object({
  structure: StructureRef,
  code: z.string().openapi({ example: '23362' }),
  name: z.string(),
  type: z.string(),
  province: z.object({ code: z.string(), name: z.string(), type: z.string() }).nullable(),
  link: z.enum(['full', 'partial']),
  source: z.string(),
  since: z.string().nullable().openapi({ description: 'Date the new unit took effect (YYYY-MM-DD)', example: '2025-07-01' }),
  first_period: z.string().nullable(),
});

const ClassificationPartSchema = z
  .object({
    value: z.string().openapi({ description: 'group: 1, 2 or 3; khu_vuc: I, II or III' }),
    decision: z.string().nullable().openapi({ example: '60/QĐ-BDTTG' }),
    decision_date: z.string().nullable(),
    period_from: z.string(),
    period_to: z.string().nullable(),
    provenance: ProvenanceSchema,
    source_url: z.string().nullable(),
    note: z.string().nullable(),
  })
  .nullable();

const ListingSchema = z.object({
  classification: z.string().openapi({ example: 'Khu vực III (xã đặc biệt khó khăn)' }),
  special: z.boolean().openapi({ description: 'Whether the classification counts as special-difficulty (KV III, P135, bãi ngang)' }),
  decision: z.string().nullable().openapi({ example: '861/QĐ-TTg' }),
  period_from: z.string().openapi({ example: '2021-06' }),
  period_to: z.string().nullable().openapi({ example: '2025-12', description: 'Last month in force; null: until superseded' }),
  in_force: z.boolean().openapi({ description: 'Whether the listing covers the period' }),
  provenance: ProvenanceSchema,
  source_url: z.string().nullable(),
  note: z.string().nullable(),
});

const IndicatorSchema = z.object({
  code: z.string().openapi({ example: '3.1' }),
  name_vi: z.string(),
  name_en: z.string().nullable(),
  unit: z.string().nullable(),
  thresholds: z
    .union([z.record(z.string(), z.string()), z.string()])
    .nullable()
    .openapi({ description: 'Threshold where a source gives it (by region when the source differs by region)' }),
  value: z
    .union([z.number(), z.string(), z.boolean()])
    .nullable()
    .openapi({ description: "The indicator's value in the review shown; null when the review does not record it" }),
});

const CriterionSchema = z.object({
  number: z.number().int().openapi({ example: 3 }),
  code: z.string().openapi({ example: 'TC03' }),
  name_vi: z.string(),
  name_en: z.string(),
  met: z.boolean().nullable().openapi({ description: 'Met in the review shown; null when there is no review of this criteria set' }),
  note: z.string().nullable().openapi({ description: "The review's note on this criterion, if any" }),
  indicators_complete: z.boolean().openapi({ description: 'Whether `indicators` lists every indicator of the criterion' }),
  indicators: z.array(IndicatorSchema),
  sources: z.array(z.string()).openapi({ description: 'Sources of the criterion in the catalogue' }),
});

const GroupSchema = z.object({
  number: z.number().int(),
  name_vi: z.string(),
  name_en: z.string(),
  met: z.number().int().nullable().openapi({ description: "Criteria of the group met (null without a review)" }),
  total: z.number().int(),
  criteria: z.array(CriterionSchema),
});

const ReviewSchema = z.object({
  period: z.string().openapi({ description: 'Month of the review shown (earlier than the card\'s period when `as_of` is set)' }),
  criteria_set: z.string().openapi({ example: '2021-2025' }),
  met: z.number().int().min(0),
  total: z.number().int(),
  provenance: ProvenanceSchema,
  source: z.string().nullable().openapi({ description: 'Official: the decision, report or URL; illustrative: the generator and its seed' }),
  reviewed_at: z.string(),
});

const HistoryPointSchema = z.object({
  period: z.string(),
  met: z.number().int().min(0),
  // Each month is scored on its own set (19 criteria to 2026-01, 10 from 2026-02): a chart or table needs both
  // to say "x/19" or "x/10" instead of drawing one count on one axis.
  criteria_set: z.string().openapi({ example: '2021-2025', description: 'The criteria set the review was scored on' }),
  total: z.number().int().min(1).openapi({ example: 19, description: 'How many criteria that set has (`met` is out of it)' }),
  provenance: ProvenanceSchema,
});

const PlanSchema = z.object({
  target_level: RecognitionLevelSchema,
  due: z.string().openapi({ example: '2024-H1', description: 'As the plan writes it' }),
  due_period: z.string().openapi({ example: '2024-06', description: 'Last month of the due half-year or year' }),
  plan: z.string().openapi({ example: 'Kế hoạch 104/KH-BCĐ ngày 15/02/2024' }),
  source: z.string(),
  note: z.string().nullable(),
  due_passed: z.boolean().openapi({ description: 'Whether the card\'s period is after the due period' }),
  reached_period: z
    .string()
    .nullable()
    .openapi({ description: 'For the standard level: first month with every criterion met (up to the card\'s period); null when not yet or for higher levels' }),
  on_track: z.boolean().openapi({
    description: 'Due not passed yet, or the target reached by the due period (standard: every criterion met; higher levels: recognised at that level)',
  }),
  missing_criteria: z.array(z.number().int()).nullable().openapi({ description: 'Criteria not met in the review shown (null without a review)' }),
});

const TargetSchema = z.object({
  scope: z.enum(['national', 'province', 'district', 'commune']),
  scope_code: z.string().nullable(),
  metric: z.string().openapi({ example: 'target_communes_ntm_2025_(KH 104/KH-BCĐ)' }),
  value: z.string().openapi({ example: '84/127', description: 'As the source writes it' }),
  value_num: z.number().nullable(),
  kind: z.enum(['target', 'reported']).openapi({ description: 'A goal, or a figure reported at a date' }),
  deadline: z.string().nullable().openapi({ description: 'YYYY-MM-DD: the deadline of a target, the date of a reported figure' }),
  source: z.string(),
  source_url: z.string().nullable(),
  note: z.string().nullable(),
});

const ReportedCriteriaSchema = z.object({
  criteria_met: z.number().int(),
  criteria_total: z.number().int(),
  criteria_set: z.string().openapi({ description: 'As the source says, e.g. "2016-2020 national set"' }),
  as_of: z.string(),
  source_url: z.string(),
  note: z.string().nullable(),
});

/** The parts of a card that may be illustrative, so that the page can say which. */
export const IllustrativePartSchema = z.enum(['review', 'history', 'recognitions', 'special_difficulty']);

/** OpenAPI and validation schema of the commune card. */
export const CommuneCardSchema = z
  .object({
    code: z.string().openapi({ example: '23521' }),
    name: z.string().openapi({ example: 'Xã Hà Mòn' }),
    type: z.string().openapi({ example: 'Xã', description: 'Xã, Phường or Thị trấn' }),
    structure: z.object({ code: StructureRef, name_vi: z.string(), name_en: z.string(), valid_from: z.string().nullable(), valid_to: z.string().nullable(), has_districts: z.boolean() }),
    former_districts: z.array(ParentSchema).openapi({ description: 'Today\'s structure: the former districts (pre-2025) its predecessors lay in' }),
    predecessors: z.array(PredecessorSchema).openapi({ description: 'A commune of today\'s structure: the pre-2025 communes it was formed from, with their last status and recognitions (nothing carried over)' }),
    successors: z.array(SuccessorSchema).openapi({ description: 'A pre-2025 commune: the commune(s) of today\'s structure it became part of' }),
    lineage_note: z.string().nullable(),
    classification: z
      .object({ group: ClassificationPartSchema, khu_vuc: ClassificationPartSchema })
      .nullable()
      .openapi({ description: '2026-2030: the commune group (nhóm 1-3, thresholds of 51/2025/QĐ-TTg) and khu vực (I-III, QĐ 60/QĐ-BDTTG) in force at the period' }),
    district: ParentSchema.nullable(),
    province: ParentSchema,
    scored: z.boolean().openapi({ description: 'Whether the NTM criteria apply (xã); phường and thị trấn are shown but not scored' }),
    scored_note: z.string().nullable().openapi({ description: 'Why the commune is not scored (null when it is)' }),
    period: z.string().openapi({ example: '2024-06' }),
    as_of: z.string().optional().openapi({ description: 'Present when the commune had no review in the period: the month of the review shown' }),
    level: LevelSchema,
    // A union, not `.nullable()`: the generator writes a nullable $ref as an allOf that refuses null.
    level_provenance: z.union([ProvenanceSchema, z.null()]).openapi({ description: 'Provenance of the recognition that gives `level` (null for chua_dat)' }),
    level_recognition_id: z.number().int().nullable().openapi({ description: '`id` of the recognition in `recognitions` that gives `level`' }),
    recognitions: z.array(RecognitionSchema).openapi({ description: 'Every recognition record of the commune (decisions, proposals, revocations), oldest first' }),
    special: z.boolean().openapi({ description: 'Listed as special-difficulty at the period' }),
    special_difficulty: z.array(ListingSchema).openapi({ description: 'Every special-difficulty (and related area) listing of the commune' }),
    criteria_set: z
      .object({
        code: z.string(),
        name_vi: z.string(),
        name_en: z.string(),
        decision: z.string(),
        source_url: z.string(),
        criteria_count: z.number().int(),
        levels: z.array(RecognitionLevelSchema).openapi({ description: 'Recognition levels of the set, lowest first' }),
        indicators_complete: z.boolean(),
        indicators_note: z.string().nullable().openapi({ description: 'Why the indicators are missing, when they are (2026-2030)' }),
      })
      .nullable()
      .openapi({ description: 'The criteria set that applies to the period (null when not scored)' }),
    review: ReviewSchema.nullable().openapi({ description: 'The review shown: the commune\'s latest at or before the period (null when not scored or none yet)' }),
    groups: z.array(GroupSchema).openapi({ description: 'The criteria of the set, by group (empty when not scored)' }),
    history: z.array(HistoryPointSchema).openapi({ description: 'Criteria met in every review up to the period, oldest first (the chart data)' }),
    plans: z.array(PlanSchema).openapi({ description: 'The plans that name the commune as due to reach a level' }),
    targets: z.array(TargetSchema).openapi({ description: "Targets and reported figures for the commune, its district, its province and the country, most specific first (empty when not scored: NTM targets are about rural communes)" }),
    reported_criteria: z.array(ReportedCriteriaSchema).openapi({ description: 'Criteria-met counts that public sources reported for the commune' }),
    at_risk: z
      .object({
        criteria: z.array(z.number().int()).openapi({ description: 'Criteria not met in the review shown' }),
        level: RecognitionLevelSchema,
        note: z.string(),
      })
      .nullable()
      .openapi({ description: 'When the commune is recognised at the period but fails a criterion now (recognition can be revoked, Quyết định 18/2022/QĐ-TTg); else null' }),
    villages: CardVillagesSchema.nullable().openapi({ description: 'Villages (thôn) of the commune and how many are NTM and model villages, as officials entered them (official); null when not entered yet or not scored' }),
    illustrative: z.boolean().openapi({ description: 'Whether any part of the card is illustrative (generated by the project, not official)' }),
    illustrative_parts: z.array(IllustrativePartSchema),
    provenance_note: z.string().openapi({ description: 'Which parts are illustrative and which are official' }),
  })
  .openapi('CommuneCard');

/** The commune card as the route builds and answers it. */
export type CommuneCard = z.infer<typeof CommuneCardSchema>;
/** A part of the card that may hold illustrative figures. */
export type IllustrativePart = z.infer<typeof IllustrativePartSchema>;
