/** @module Resolves the scope (province or district) and period parameters of a request against the units and
 * the periods with data: unknown codes and periods are 404s, a district outside its province a 400. Public
 * routes resolve in the era of the requested period (`resolveView`): a code is read in that period's unit
 * structure, and a code that names no unit there is a 404 whose details name what it became (Kon Tum → Quảng
 * Ngãi), never another unit in silence. */
import { ApiError } from '../http/errors.ts';
import type { Period } from '../period/period.ts';
import type { ApiContext } from '../context/context.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import type { Era } from '../era/era.ts';
import type { UnitStructure } from '../db/schema.ts';

/** The area a request is about. `former_district`: a pre-2025 district read in today's structure (its
 * communes are those whose predecessors lay in it). */
export interface Scope {
  level: 'country' | 'province' | 'district' | 'former_district';
  unit: Unit | null;
  /** The code to pass to `units.ruralCommunes()` ('' for the whole country). */
  code: string;
}

/** A unit a code named in another structure became, for a 404's details. */
export interface Successor {
  structure: UnitStructure;
  code: string;
  name: string;
  level: Unit['level'];
}

/** Resolves `province` and `district` in one structure's units (default: the workspace's). */
export function resolveScope(ctx: Pick<ApiContext, 'eras' | 'lineage' | 'units'>, query: { province?: string | undefined; district?: string | undefined }, units: UnitStore = ctx.units): Scope {
  const province = query.province ? units.byCode.get(query.province) : undefined;
  if (query.province && province?.level !== 'province') throw unknownUnit(ctx, units, 'province', query.province);
  if (query.district) {
    const district = units.byCode.get(query.district);
    if (district?.level === 'district') {
      if (province && district.province !== province.code) {
        throw new ApiError(400, 'invalid_parameter', `Parameter 'district' (query): district ${district.code} is in province ${district.province}, not ${province.code}`, { parameter: 'district' });
      }
      return { level: 'district', unit: district, code: district.code };
    }
    const former = ctx.eras.formerDistrict(units.structure, query.district);
    if (!former) throw unknownUnit(ctx, units, 'district', query.district);
    const communes = units.communesOfFormerDistrict(former.code);
    if (province && !communes.some((c) => c.province === province.code)) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'district' (query): no commune of ${province.name} lies in the former district ${former.code} (${former.name})`, { parameter: 'district' });
    }
    return { level: 'former_district', unit: former, code: former.code };
  }
  if (province) return { level: 'province', unit: province, code: province.code };
  return { level: 'country', unit: null, code: '' };
}

/** The 404 for a code with no unit of that level in `units`: names what the code meant in another structure
 * and what that became (or was), so that a reader is told, never shown another unit in silence. */
export function unknownUnit(ctx: Pick<ApiContext, 'eras' | 'lineage'>, units: UnitStore, parameter: 'province' | 'district' | 'commune' | 'code', code: string): ApiError {
  const here = ctx.eras.structure(units.structure);
  for (const s of ctx.eras.structures) {
    if (s.code === units.structure) continue;
    const other = ctx.eras.unitsOf(s.code).byCode.get(code);
    if (!other || (parameter !== 'code' && other.level !== parameter)) continue;
    const successors = relatives(ctx, other, units);
    const names = successors.map((u) => `${u.name} (${u.code})`).join(', ');
    const relation = (s.validFrom ?? '') < (here.validFrom ?? '') ? `since ${here.inForceDate ?? here.validFrom} part of ${names || 'no recorded unit'}` : `before ${s.inForceDate ?? s.validFrom} part of ${names || 'no recorded unit'}`;
    return new ApiError(404, 'not_found', `'${code}' is ${other.name} of the ${s.name_en} structure, not a unit of the ${here.name_en} structure: ${relation}`, {
      parameter,
      structure: units.structure,
      meant_in: s.code,
      unit: { code: other.code, name: other.name, level: other.level },
      successors,
    });
  }
  return new ApiError(404, 'not_found', `Unknown ${parameter === 'code' ? 'commune' : parameter} '${code}' in the ${here.name_en} structure`, { parameter, structure: units.structure });
}

/** The units of `units`' structure that an old unit became, or that a new unit came from, at the same level
 * where the structure has it (a district of old → the communes it became; a province → its provinces). */
export function relatives(ctx: Pick<ApiContext, 'eras' | 'lineage'>, unit: Unit, units: UnitStore): Successor[] {
  const communes: Unit[] = [];
  const old = ctx.eras.unitsOf(unit.structure);
  const within = (u: Unit): Unit[] => (u.level === 'commune' ? [u] : old.children(u.code).flatMap(within));
  for (const c of within(unit)) {
    const links = [...ctx.lineage.successors(unit.structure, c.code).filter((l) => l.newStructure === units.structure).map((l) => l.newCode),
      ...ctx.lineage.predecessors(unit.structure, c.code).filter((l) => l.oldStructure === units.structure).map((l) => l.oldCode)];
    for (const code of links) {
      const u = units.byCode.get(code);
      if (u) communes.push(u);
    }
  }
  const wanted = unit.level === 'commune' ? communes : unit.level === 'province' ? communes.map((c) => units.byCode.get(c.province)!).filter(Boolean) : communes;
  const seen = new Map<string, Successor>();
  for (const u of wanted) seen.set(u.code, { structure: units.structure, code: u.code, name: u.name, level: u.level });
  return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The requested period (default: the latest with data): 404 when it has no data. */
export function resolvePeriod(ctx: Pick<ApiContext, 'periods'>, period: string | undefined): Period {
  const latest = ctx.periods.latest();
  if (!latest) throw new ApiError(404, 'not_found', 'No period has data yet');
  if (period === undefined) return latest;
  if (!ctx.periods.has(period)) {
    const all = ctx.periods.all();
    throw new ApiError(404, 'not_found', `No data for period '${period}' (periods with data: ${all[0]} to ${latest})`, { parameter: 'period' });
  }
  return period;
}

/** The period (as resolvePeriod) and its era: the unit structure its codes are meant in and its criteria set. */
export function resolvePeriodAndEra(ctx: Pick<ApiContext, 'eras' | 'periods'>, period: string | undefined): { period: Period; era: Era } {
  const resolved = resolvePeriod(ctx, period);
  try {
    return { period: resolved, era: ctx.eras.at(resolved) };
  } catch (error) {
    throw new ApiError(404, 'not_found', `${(error as Error).message}`, { parameter: 'period' });
  }
}

/** The period (as resolvePeriod) and the criteria set that applies to it (404 when none does). */
export function resolvePeriodAndSet(ctx: Pick<ApiContext, 'eras' | 'periods'>, period: string | undefined): { period: Period; set: CriteriaSet } {
  const { period: resolved, era } = resolvePeriodAndEra(ctx, period);
  return { period: resolved, set: era.set };
}

/** A public read's period, era and scope: the codes resolved in the period's own structure. */
export function resolveView(ctx: Pick<ApiContext, 'eras' | 'lineage' | 'periods' | 'units'>, query: { province?: string | undefined; district?: string | undefined; period?: string | undefined }): { period: Period; era: Era; set: CriteriaSet; scope: Scope } {
  const { period, era } = resolvePeriodAndEra(ctx, query.period);
  return { period, era, set: era.set, scope: resolveScope(ctx, query, era.units) };
}
