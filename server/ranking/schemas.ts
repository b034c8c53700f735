/** @module The rankings' schema (GET /api/v1/rankings): the provinces of the country or the districts of a
 * province by share recognised. Apart from the route so that the client's types for it come from here. */
import { z } from '@hono/zod-openapi';
import { StructureSchema } from '../era/schemas.ts';
import { ProvenanceCountSchema } from '../target/schemas.ts';

const RankingRowSchema = z
  .object({
    code: z.string().openapi({ example: '089' }),
    name: z.string(),
    communes: z.number().int().openapi({ description: 'Rural communes (xã) with data at the period' }),
    recognised: z.number().int().openapi({ description: 'Communes at a level other than chưa đạt at the period' }),
    share: z.number().min(0).max(1).openapi({ description: 'recognised / communes, 4 decimals' }),
    communes_earlier: z.number().int().nullable(),
    recognised_earlier: z.number().int().nullable(),
    share_earlier: z.number().min(0).max(1).nullable().openapi({ description: 'The share 12 months earlier; null when that month is before the data' }),
    delta: z.number().min(-1).max(1).nullable().openapi({ description: 'share - share_earlier (4 decimals); null when share_earlier is null' }),
    rank: z.number().int().min(1).nullable().openapi({ description: 'Rank by `by`, highest first; ties share a rank (1, 2, 2, 4); null when the value is null' }),
  })
  .openapi('RankingRow');

/** A ranking as answered. */
export const RankingSchema = z
  .object({
    period: z.string(),
    earlier_period: z.string().openapi({ description: 'The month 12 months before `period`' }),
    by: z.enum(['share', 'delta']),
    scope: z.object({ level: z.enum(['country', 'province']), code: z.string().nullable(), name: z.string().nullable() }),
    structure: StructureSchema,
    unit_level: z.enum(['province', 'district', 'former_district']).openapi({ description: 'What the rows are: provinces, or the districts of a province (from 2025-07: its former districts, khu vực huyện cũ)' }),
    rows: z.array(RankingRowSchema).openapi({ description: 'Ranked rows, best first; rows without a rank last' }),
    excluded: z
      .array(z.object({ code: z.string(), name: z.string(), reason: z.string() }))
      .openapi({ description: 'Units not ranked (e.g. urban districts without rural communes)' }),
    provenance: z.object({
      levels: ProvenanceCountSchema.openapi({ description: 'Levels at the period, one per commune: the recognition decision\'s provenance; the review\'s when no decision is recorded' }),
      earlier_levels: ProvenanceCountSchema.nullable().openapi({ description: 'The same 12 months earlier' }),
      note: z.string(),
    }),
  })
  .openapi('Ranking');

