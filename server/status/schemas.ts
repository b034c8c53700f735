/** @module The status answer's schema (GET /api/v1/status): one rural commune a row, no geometry. Apart from
 * the route so that the client's types for it come from here (type-only imports, nothing in the bundle). */
import { z } from '@hono/zod-openapi';
import { LevelSchema, ProvenanceSchema } from '../http/schemas.ts';
import { ScopeSchema, StructureSchema } from '../era/schemas.ts';

/** One rural commune of a status table. */
export const CommuneStatusSchema = z.object({
  code: z.string().openapi({ example: '23362' }),
  met: z.number().int().min(0).openapi({ description: 'Criteria met (0 to the criteria set\'s count: 19 until 2026-01, 10 from 2026-02)' }),
  level: LevelSchema,
  special: z.boolean().openapi({ description: 'Listed as a special-difficulty commune at the period' }),
  provenance: ProvenanceSchema.openapi({ description: 'Provenance of the review behind `met` and `value`' }),
  as_of: z.string().optional().openapi({ description: 'Present when the commune had no review in the period: the month of the review shown' }),
  value: z.number().optional().openapi({ description: 'With `criterion`: 1 met, 0 not met. With `group`: share of the group\'s criteria met (0-1)' }),
});

/** The status table of a scope at a period. */
export const StatusSchema = z
  .object({
    period: z.string(),
    criteria_set: z.string().openapi({ example: '2026-2030' }),
    criteria_count: z.number().int().openapi({ description: 'Criteria of the set (the most `met` can be)', example: 10 }),
    structure: StructureSchema,
    scope: ScopeSchema,
    criterion: z.number().int().nullable(),
    group: z.number().int().nullable(),
    provenance: z.object({
      reviews: z.object({ official: z.number().int(), illustrative: z.number().int() }),
      levels: z.object({ official: z.number().int(), illustrative: z.number().int() }),
      special: z.object({ official: z.number().int(), illustrative: z.number().int() }),
      note: z.string(),
    }),
    carried: z.number().int().openapi({ description: 'Communes shown with an earlier review (no review in the period)' }),
    units: z.object({ communes: z.number().int(), rural: z.number().int() }).openapi({ description: 'Communes of the scope: all (xã, phường, thị trấn) and rural (xã, scored); rural communes missing from `communes` have no review' }),
    communes: z.array(CommuneStatusSchema),
  })
  .openapi('Status');
