/** @module How public answers name their era: the unit structure (so that a reader of `15` knows whether it
 * meant Yên Bái or Lào Cai), the scope (a former district after 1/7/2025 says so), and the check that a
 * criterion or group exists in the period's set. One schema for every route that answers with them. */
import { z } from '@hono/zod-openapi';
import type { Scope } from '../scope/scope.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { ApiError } from '../http/errors.ts';
import type { Era } from './era.ts';

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

/** The structure of an era as answered. */
export function structureJson(era: Era): z.infer<typeof StructureSchema> {
  const s = era.structure;
  return { code: s.code, name_vi: s.name_vi, name_en: s.name_en, valid_from: s.validFrom, valid_to: s.validTo, has_districts: era.hasDistricts };
}

/** A scope as answered. */
export function scopeJson(scope: Scope): z.infer<typeof ScopeSchema> {
  return { level: scope.level, code: scope.unit?.code ?? null, name: scope.unit?.name ?? null };
}

/** 400 when `criterion` or `group` does not exist in the period's criteria set (e.g. criterion 15 in 2026). */
export function checkCriterion(set: CriteriaSet, q: { criterion?: number | undefined; group?: number | undefined }): void {
  if (q.criterion !== undefined && !set.criteria.some((c) => c.number === q.criterion)) {
    throw new ApiError(400, 'invalid_parameter', `Parameter 'criterion' (query): the ${set.code} set has criteria 1-${set.criteria_count}, not ${q.criterion}`, { parameter: 'criterion', criteria_set: set.code });
  }
  if (q.group !== undefined && !set.groups.some((g) => g.number === q.group)) {
    const has = set.groups.length ? `groups 1-${set.groups.length}` : 'no criteria groups';
    throw new ApiError(400, 'invalid_parameter', `Parameter 'group' (query): the ${set.code} set has ${has}, not ${q.group}`, { parameter: 'group', criteria_set: set.code });
  }
}
