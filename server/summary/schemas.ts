/** @module The summary's schemas (GET /api/v1/summary): a scope's figures at a period, the official figures
 * beside the map's own. Apart from the route so that the client's types for them come from here. */
import { z } from '@hono/zod-openapi';
import { ILLUSTRATIVE_NOTE } from '../http/schemas.ts';
import { ScopeSchema, StructureSchema } from '../era/schemas.ts';
import { ON_TRACK_RULE, ProvenanceCountSchema, TargetProgressSchema } from '../target/schemas.ts';

/** One official figure and the map's own. */
export const OfficialFigureSchema = z.object({
  metric: z.string().openapi({ example: 'communes_ntm' }),
  as_of: z.string().openapi({ example: '2025-06' }),
  value: z.number().nullable(),
  value_text: z.string().openapi({ description: 'As the source writes it' }),
  denominator: z.number().nullable(),
  share: z.number().nullable().openapi({ description: 'value / denominator (for counts without a denominator of their own: / the communes_ntm denominator of the same month)' }),
  source_url: z.string().nullable(),
  verified: z.enum(['read', 'secondary']).openapi({ description: 'read: read in the source; secondary: quoted by another source, use with care' }),
  note: z.string().nullable(),
  map: z
    .object({ period: z.string(), value: z.number(), denominator: z.number(), share: z.number().nullable() })
    .nullable()
    .openapi({ description: 'The map\'s own figure for the same metric and month (null when the map has no such figure or no data that month)' }),
});
/** An official figure as answered. */
export type OfficialFigure = z.infer<typeof OfficialFigureSchema>;

const share = (description: string) => z.number().min(0).max(1).nullable().openapi({ description: `${description} (0-1; null when there are no communes)` });

const GroupSummarySchema = z
  .object({
    communes: z.number().int(),
    average_met: z.number().nullable().openapi({ description: 'Average criteria met' }),
    recognised: z.number().int().openapi({ description: 'Communes at a level other than chưa đạt' }),
    share_recognised: share('Share of the communes recognised'),
  })
  .openapi('CommuneGroupSummary');

/** A scope's summary at a period. */
export const SummarySchema = z
  .object({
    period: z.string(),
    criteria_set: z.string().openapi({ example: '2021-2025' }),
    criteria_count: z.number().int(),
    structure: StructureSchema,
    scope: ScopeSchema,
    communes: z.number().int().openapi({ description: 'Rural communes (xã) with a review at or before the period' }),
    carried: z.number().int().openapi({ description: 'Communes counted with an earlier review (no review in the period)' }),
    levels: z
      .object({ chua_dat: z.number().int(), dat_chuan: z.number().int(), nang_cao: z.number().int(), kieu_mau: z.number().int(), hien_dai: z.number().int() })
      .openapi({ description: 'Communes by recognition level in force (each commune counted once, at its highest level; only the period\'s set\'s levels can be non-zero: nâng cao and kiểu mẫu until 2026-01, NTM hiện đại from 2026-02)' }),
    recognised: z.number().int().openapi({ description: 'Communes at a level other than chưa đạt' }),
    share_recognised: share('Share of the communes recognised'),
    average_met: z.number().nullable().openapi({ description: 'Average criteria met per commune' }),
    bins: z
      .array(z.object({ label: z.string().openapi({ example: '10-14' }), min: z.number().int(), max: z.number().int(), communes: z.number().int() }))
      .openapi({ description: 'Communes by criteria met, bins derived from the set\'s count (19: <10, 10-14, 15-18, 19; 10: <5, 5-7, 8-9, 10); they add up to `communes`' }),
    criteria: z
      .array(
        z.object({
          number: z.number().int(),
          code: z.string(),
          name_vi: z.string(),
          name_en: z.string(),
          group: z.number().int().nullable(),
          communes_met: z.number().int(),
          rate: share('Share of the communes meeting the criterion'),
        }),
      )
      .openapi({ description: 'Every criterion of the set with the communes meeting it' }),
    most_missing: z
      .array(
        z.object({
          number: z.number().int(),
          code: z.string(),
          name_vi: z.string(),
          name_en: z.string(),
          communes_missing: z.number().int(),
          share_missing: z.number().min(0).max(1),
        }),
      )
      .openapi({ description: 'The criteria most often not met (up to 5, most missing first)' }),
    special_difficulty: z
      .object({ special: GroupSummarySchema, other: GroupSummarySchema })
      .openapi({ description: 'Communes listed special-difficulty (xã đặc biệt khó khăn) at the period vs the others' }),
    targets: z.array(TargetProgressSchema),
    official: z.array(OfficialFigureSchema).openapi({ description: 'Official figures published for this scope at or before the period (national_counts.csv), each beside the map\'s own figure at the same month' }),
    provenance: z
      .object({
        reviews: ProvenanceCountSchema.openapi({ description: 'Reviews behind the criteria figures, one per commune' }),
        levels: ProvenanceCountSchema.openapi({ description: 'Levels, one per commune: the recognition decision\'s provenance; the review\'s when no decision is recorded (chưa đạt)' }),
        special: ProvenanceCountSchema.openapi({ description: 'Special-difficulty flags, one per commune: the listing\'s provenance; the review\'s when the commune is not listed' }),
        note: z.string(),
      })
      .openapi({ description: 'Official vs illustrative inputs of the figures' }),
  })
  .openapi('Summary');

