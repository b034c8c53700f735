/** @module The schemas of how public answers name their era: the unit structure (so that a reader of `15`
 * knows whether it meant Yên Bái or Lào Cai) and the scope (a former district after 1/7/2025 says so). Apart
 * from `era-json.ts`, which fills them, so that the client can take their types without the server's code. */
import { z } from '@hono/zod-openapi';

/** The structure a response's codes are meant in. */
export const StructureSchema = z
  .object({
    code: z.enum(['pre2025', '2025-07']).openapi({ description: 'pre2025: 63 provinces > 696 districts > communes (until 2025-06); 2025-07: 34 provinces > 3,321 communes, no districts (from 2025-07)' }),
    name_vi: z.string(),
    name_en: z.string(),
    valid_from: z.string().nullable().openapi({ description: 'First period of the structure (null: since before the first period with data)' }),
    valid_to: z.string().nullable().openapi({ description: 'Last period; null: in force' }),
    has_districts: z.boolean().openapi({ description: 'false from 2025-07: `district` then filters by former district (the districts the communes\' predecessors lay in)' }),
  })
  .openapi('UnitStructure');

/** The scope of an answer. */
export const ScopeSchema = z.object({
  level: z.enum(['country', 'province', 'district', 'former_district']).openapi({ description: 'former_district: a pre-2025 district in a period of today\'s structure (khu vực huyện cũ): the communes whose predecessors lay in it' }),
  code: z.string().nullable(),
  name: z.string().nullable(),
});

