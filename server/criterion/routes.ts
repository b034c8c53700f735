/** @module GET /api/v1/criteria: the national criteria catalogue (sets, groups, criteria, indicators with their
 * thresholds where a source gives them, and the sources), from the catalogue held in memory. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import type { Catalogue } from './catalogue.ts';
import { cacheFor } from '../http/cache.ts';
import { type Criteria, CriteriaSchema } from './schemas.ts';

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
