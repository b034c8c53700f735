/** @module Schemas of a commune's village counts (thôn, NTM villages, model villages): the workspace form's body, the
 * workspace's answer with the province's village targets, and the part the public commune card shows. */
import { z } from '@hono/zod-openapi';

const count = (name: string) =>
  z
    .number({ error: `expected the number of ${name} (an integer)` })
    .int(`expected the number of ${name} as an integer`)
    .min(0, 'expected 0 or more')
    .max(2000, 'expected at most 2000');

/** PUT body. A model village (thôn kiểu mẫu) is an NTM village first, so model ≤ NTM ≤ villages. */
export const VillageCountsBody = z
  .object({
    villages: count('villages (thôn) of the commune'),
    ntm_villages: count('villages recognised as NTM villages'),
    model_villages: count('villages recognised as model villages'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.ntm_villages > v.villages) ctx.addIssue({ code: 'custom', path: ['ntm_villages'], message: `cannot exceed villages (${v.villages})` });
    if (v.model_villages > v.ntm_villages) {
      ctx.addIssue({ code: 'custom', path: ['model_villages'], message: `cannot exceed ntm_villages (${v.ntm_villages}): a model village is an NTM village` });
    }
  })
  .openapi('VillageCountsInput', { example: { villages: 12, ntm_villages: 5, model_villages: 2 } });

const shares = {
  ntm_share: z.number().nullable().openapi({ description: 'NTM villages as % of villages (one decimal); null when the commune has no village' }),
  model_share: z.number().nullable().openapi({ description: 'Model villages as % of villages (one decimal); null when the commune has no village' }),
};

/** OpenAPI schema of a card's villages: the counts and shares officials entered. */
export const CardVillagesSchema = z.object({
  villages: z.number().int(),
  ntm_villages: z.number().int(),
  model_villages: z.number().int().openapi({ description: 'Model villages (thôn kiểu mẫu), counted among the NTM villages' }),
  ...shares,
  provenance: z.literal('official').openapi({ description: 'Entered by officials in the workspace' }),
  updated_at: z.string().openapi({ description: 'When officials last entered the counts (ISO 8601)' }),
});

const RequirementSchema = z.object({
  ntm_share_min: z.number().nullable().openapi({ description: 'Least share of NTM villages, %' }),
  model_share_min: z.number().nullable().openapi({ description: 'Least share of model villages, %' }),
  model_villages_min: z.number().nullable().openapi({ description: 'Least number of model villages' }),
  applies_to: z.enum(['every_commune', 'recognised_commune', 'special_difficulty_commune']),
});

/** OpenAPI schema of a village target and whether the commune meets it. */
export const VillageTargetSchema = z.object({
  id: z.number().int(),
  scope: z.enum(['national', 'province', 'district', 'commune']),
  scope_code: z.string().nullable(),
  metric: z.string().openapi({ example: 'target_share_thon_ntm_per_commune' }),
  value: z.string().openapi({ example: '>=30% of villages NTM and >=20% model villages in every commune' }),
  deadline: z.string().nullable(),
  source: z.string(),
  source_url: z.string().nullable(),
  note: z.string().nullable(),
  requirement: RequirementSchema.nullable().openapi({ description: 'What the target asks of one commune, where it can be read (null: not per commune)' }),
  applies: z.boolean().openapi({ description: 'Whether the requirement applies to this commune now (e.g. only to recognised or special-difficulty communes)' }),
  met: z.boolean().nullable().openapi({ description: 'Whether the commune\'s counts meet it (null without counts, without a requirement, or when it does not apply)' }),
});

/** OpenAPI schema of GET and PUT /admin/villages/{commune}: the counts, shares and targets. */
export const VillageCountsSchema = z
  .object({
    structure: z.string().openapi({ description: 'The unit structure the commune code is meant in' }),
    commune: z.object({ code: z.string(), name: z.string(), district: z.string().nullable(), province: z.string() }),
    counts: z
      .object({
        villages: z.number().int(),
        ntm_villages: z.number().int(),
        model_villages: z.number().int(),
        ...shares,
        provenance: z.literal('official'),
        updated_by: z.string(),
        updated_at: z.string(),
      })
      .nullable()
      .openapi({ description: 'The counts entered; null when never entered' }),
    changed: z.boolean().optional().openapi({ description: 'PUT only: whether the counts differ from those stored before' }),
    targets: z.array(VillageTargetSchema).openapi({ description: 'Village targets of the commune\'s province, district or the country (e.g. Lào Cai: ≥30% NTM and ≥20% model villages per commune, Kế hoạch 104/KH-BCĐ)' }),
  })
  .openapi('VillageCounts');
