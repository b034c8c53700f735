/** @module The criteria catalogue's schemas (GET /api/v1/criteria): sets, groups, criteria, indicators and
 * their sources. Apart from the route so that the client's types for them come from here. */
import { z } from '@hono/zod-openapi';
import { RecognitionLevelSchema } from '../recognition/levels.ts';

const SourcesSchema = z.array(z.string()).openapi({ description: 'URLs of the sources this comes from' });

/** An indicator of a criterion, with its thresholds where a source gives them. */
export const IndicatorSchema = z
  .object({
    code: z.string().openapi({ example: '3.1' }),
    name_vi: z.string(),
    name_en: z.string().nullable(),
    unit: z.string().nullable().openapi({ example: '%' }),
    thresholds: z
      .union([z.record(z.string(), z.string()), z.string()])
      .nullable()
      .openapi({
        description:
          'Threshold to meet, where a source gives it: one text, or an object keyed by region (or "chung" for the general value) when the source differs by region; null when no source gives it',
        example: { chung: '≥80%' },
      }),
    note: z.string().nullable().openapi({ description: 'Caveat recorded with the indicator (e.g. how its code or threshold was derived)' }),
    sources: SourcesSchema,
  })
  .openapi('Indicator');

/** A criterion of a set. */
export const CriterionSchema = z
  .object({
    number: z.number().int().openapi({ example: 3 }),
    code: z.string().openapi({ example: 'TC03' }),
    name_vi: z.string().openapi({ example: 'Thủy lợi và phòng, chống thiên tai' }),
    name_en: z.string().openapi({ example: 'Irrigation and natural-disaster prevention' }),
    group: z.number().int().nullable().openapi({ description: 'Number of the group the criterion is in; null in a set without groups (2026-2030)' }),
    indicators_complete: z.boolean().openapi({ description: 'Whether `indicators` lists every indicator of the criterion (false: only those a source gave)' }),
    indicators: z.array(IndicatorSchema),
    sources: SourcesSchema,
  })
  .openapi('Criterion');

/** A group of criteria (the 2021-2025 set has five; the 2026-2030 set none). */
export const CriterionGroupSchema = z
  .object({
    number: z.number().int().openapi({ example: 2 }),
    name_vi: z.string().openapi({ example: 'Hạ tầng kinh tế - xã hội' }),
    name_en: z.string().openapi({ example: 'Socio-economic infrastructure' }),
    criteria: z.array(z.number().int()).openapi({ description: 'Numbers of the criteria in the group', example: [2, 3, 4, 5, 6, 7, 8, 9] }),
  })
  .openapi('CriterionGroup');

/** A criteria set: its decision, months, levels, groups and criteria. */
export const CriteriaSetSchema = z
  .object({
    code: z.string().openapi({ example: '2021-2025' }),
    name_vi: z.string(),
    name_en: z.string(),
    decision: z.string().openapi({ example: '318/QĐ-TTg' }),
    decision_date: z.string().nullable().openapi({ example: '2022-03-08' }),
    valid_from: z.string().openapi({ description: 'First period (YYYY-MM) the set applies to', example: '2021-01' }),
    valid_to: z.string().nullable().openapi({ description: 'Last period the set applies to; null = open' }),
    criteria_count: z.number().int().openapi({ example: 19 }),
    source_url: z.string(),
    in_force_date: z.string().nullable().openapi({ description: 'Date the decision came into force (YYYY-MM-DD), where known', example: '2026-02-15' }),
    unit_structure: z.enum(['pre2025', '2025-07']).openapi({ description: 'The unit structure the set was written for (the 2021-2025 set also scores today\'s communes from 2025-07 to 2026-01)' }),
    levels: z.array(RecognitionLevelSchema).openapi({ description: 'Recognition levels the set defines, lowest first', example: ['dat_chuan', 'hien_dai'] }),
    indicators_complete: z.boolean().openapi({ description: 'Whether every criterion lists all its indicators. False for 2026-2030: the 47 indicators are not in any readable source yet' }),
    commune_groups: z.record(z.string(), z.string()).nullable().openapi({ description: 'Commune groups whose thresholds differ (2026-2030: nhóm 1-3), with what each is; null when the set has none' }),
    regions: z.array(z.string()).openapi({ description: 'Regions whose thresholds the source gives separately (empty when not recorded)' }),
    notes: z.array(z.string()).openapi({ description: 'Caveats recorded from the sources (grouping conflicts, gaps in the indicator tables)' }),
    groups: z.array(CriterionGroupSchema),
    criteria: z.array(CriterionSchema),
  })
  .openapi('CriteriaSet');

/** The catalogue: every criteria set, oldest first. */
export const CriteriaSchema = z
  .object({
    current: z.string().nullable().openapi({ description: 'Code of the set that applies to the latest period with data', example: '2021-2025' }),
    sets: z.array(CriteriaSetSchema).openapi({ description: 'Criteria sets, oldest first' }),
  })
  .openapi('Criteria');

/** The catalogue as answered. */
export type Criteria = z.infer<typeof CriteriaSchema>;
