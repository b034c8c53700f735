/** @module GET /api/v1/criteria: the national criteria catalogue (sets, groups, criteria, indicators with their
 * thresholds where a source gives them, and the sources), from the catalogue held in memory. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { RecognitionLevelSchema } from '../recognition/levels.ts';
import type { Catalogue } from './catalogue.ts';
import { cacheFor } from '../http/cache.ts';

const SourcesSchema = z.array(z.string()).openapi({ description: 'URLs of the sources this comes from' });

/** OpenAPI schema of an indicator in the catalogue. */
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

/** OpenAPI schema of a criterion with its indicators. */
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

/** OpenAPI schema of a group of criteria. */
export const CriterionGroupSchema = z
  .object({
    number: z.number().int().openapi({ example: 2 }),
    name_vi: z.string().openapi({ example: 'Hạ tầng kinh tế - xã hội' }),
    name_en: z.string().openapi({ example: 'Socio-economic infrastructure' }),
    criteria: z.array(z.number().int()).openapi({ description: 'Numbers of the criteria in the group', example: [2, 3, 4, 5, 6, 7, 8, 9] }),
  })
  .openapi('CriterionGroup');

/** OpenAPI schema of a criteria set with its groups, criteria and levels. */
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

/** OpenAPI schema of GET /api/v1/criteria: every set and the sources they cite. */
export const CriteriaSchema = z
  .object({
    current: z.string().nullable().openapi({ description: 'Code of the set that applies to the latest period with data', example: '2021-2025' }),
    sets: z.array(CriteriaSetSchema).openapi({ description: 'Criteria sets, oldest first' }),
  })
  .openapi('Criteria');

type Criteria = z.infer<typeof CriteriaSchema>;

const route = createRoute({
  method: 'get',
  path: '/criteria',
  summary: 'The national criteria catalogue',
  description:
    'Every criteria set (e.g. 2021-2025, Decision 318/QĐ-TTg) with its groups, criteria (number, code, names in Vietnamese and English, group) and indicators. ' +
    'Thresholds are given where a source states them, by region where the source differs by region; `indicators_complete` says whether the list is whole. ' +
    'Every criterion and indicator names its sources. Changes only with a new seed (long cache).',
  responses: { 200: { description: 'The catalogue', content: { 'application/json': { schema: CriteriaSchema } } } },
});

/** What the seed recorded beside a set (criteria_set.notes, JSON from the facts file): read leniently. */
const SetNotesSchema = z
  .object({
    structure: z.object({ regions: z.array(z.string()).optional(), grouping_note: z.string().optional(), regions_note: z.string().optional() }).partial().optional(),
    indicator_notes: z.record(z.string(), z.string()).optional(),
    gaps: z.string().optional(),
    indicators: z.string().optional(),
    transition: z.string().optional(),
    group_3_source: z.string().optional(),
    commune_groups: z.record(z.string(), z.string()).optional(),
  })
  .partial();
type SetNotes = z.infer<typeof SetNotesSchema>;

async function readSetNotes(ctx: ApiContext): Promise<Map<string, SetNotes>> {
  const rows = await ctx.ndb.db.selectFrom('criteria_set').select(['code', 'notes']).execute();
  const out = new Map<string, SetNotes>();
  for (const row of rows) {
    if (!row.notes) continue;
    try {
      const parsed = SetNotesSchema.safeParse(JSON.parse(row.notes));
      if (parsed.success) out.set(row.code, parsed.data);
    } catch {
      // Notes are informative only: a set whose notes do not parse is served without them.
    }
  }
  return out;
}

function criteriaSets(catalogue: Catalogue, notes: Map<string, SetNotes>): Criteria['sets'] {
  return catalogue.sets.map((set) => {
      const setNotes = notes.get(set.code) ?? {};
      const indicatorNotes = setNotes.indicator_notes ?? {};
      return {
        code: set.code,
        name_vi: set.name_vi,
        name_en: set.name_en,
        decision: set.decision,
        decision_date: set.decision_date,
        valid_from: set.valid_from,
        valid_to: set.valid_to,
        criteria_count: set.criteria_count,
        source_url: set.source_url,
        in_force_date: set.in_force_date,
        unit_structure: set.unit_structure,
        levels: [...set.levels],
        indicators_complete: set.indicators_complete,
        commune_groups: setNotes.commune_groups ?? null,
        regions: setNotes.structure?.regions ?? [],
        notes: [setNotes.structure?.regions_note, setNotes.structure?.grouping_note, setNotes.gaps, setNotes.indicators, setNotes.transition, setNotes.group_3_source].filter((n): n is string => typeof n === 'string' && n !== ''),
        groups: set.groups.map((g) => ({ number: g.number, name_vi: g.name_vi, name_en: g.name_en, criteria: [...g.criteria] })),
        criteria: set.criteria.map((c) => ({
          number: c.number,
          code: c.code,
          name_vi: c.name_vi,
          name_en: c.name_en,
          group: c.group,
          indicators_complete: c.indicators_complete,
          indicators: c.indicators.map((i) => ({
            code: i.code,
            name_vi: i.name_vi,
            name_en: i.name_en,
            unit: i.unit,
            thresholds: i.thresholds,
            note: indicatorNotes[i.code] ?? null,
            sources: [...i.sources],
          })),
          sources: [...c.sources],
        })),
      };
    });
}

/** Registers GET /api/v1/criteria on the public API. */
export function criteriaRoutes(ctx: ApiContext, app: OpenAPIHono): void {
  // Built on the first request (the set notes are one small query) and kept: the catalogue changes only with a new seed.
  let sets: Promise<Criteria['sets']> | null = null;
  app.openapi(route, async (c) => {
    sets ??= readSetNotes(ctx).then((notes) => criteriaSets(ctx.catalogue, notes));
    const loaded = await sets.catch((error: unknown) => {
      sets = null;
      throw error;
    });
    const latest = ctx.periods.latest();
    cacheFor(c, 'reference');
    return c.json({ current: latest ? (ctx.catalogue.setFor(latest)?.code ?? null) : null, sets: loaded }, 200);
  });
}
