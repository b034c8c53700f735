/** @module How public answers name their era: the unit structure (so that a reader of `15` knows whether it
 * meant Yên Bái or Lào Cai), the scope (a former district after 1/7/2025 says so), and the check that a
 * criterion or group exists in the period's set. The schemas they fill are in `schemas.ts`. */
import { z } from '@hono/zod-openapi';
import type { Scope } from '../scope/scope.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { ApiError } from '../http/errors.ts';
import type { Era } from './era.ts';
import type { ScopeSchema, StructureSchema } from './schemas.ts';

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
