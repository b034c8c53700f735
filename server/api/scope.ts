// Resolves the scope (province or district) and period parameters of a request against the units and the
// periods with data: unknown codes and periods are 404s, a district outside its province a 400.
import { ApiError } from '../http/errors.ts';
import type { Period } from '../period/period.ts';
import type { ApiContext } from './context.ts';
import type { Unit } from '../unit/unit-store.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';

export interface Scope {
  level: 'country' | 'province' | 'district';
  unit: Unit | null;
  /** The code to pass to `units.ruralCommunes()` ('' for the whole country). */
  code: string;
}

export function resolveScope(ctx: ApiContext, query: { province?: string | undefined; district?: string | undefined }): Scope {
  const province = query.province ? ctx.units.byCode.get(query.province) : undefined;
  if (query.province && province?.level !== 'province') throw new ApiError(404, 'not_found', `Unknown province '${query.province}'`, { parameter: 'province' });
  if (query.district) {
    const district = ctx.units.byCode.get(query.district);
    if (district?.level !== 'district') throw new ApiError(404, 'not_found', `Unknown district '${query.district}'`, { parameter: 'district' });
    if (province && district.province !== province.code) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'district' (query): district ${district.code} is in province ${district.province}, not ${province.code}`, { parameter: 'district' });
    }
    return { level: 'district', unit: district, code: district.code };
  }
  if (province) return { level: 'province', unit: province, code: province.code };
  return { level: 'country', unit: null, code: '' };
}

export function resolvePeriod(ctx: ApiContext, period: string | undefined): Period {
  const latest = ctx.periods.latest();
  if (!latest) throw new ApiError(404, 'not_found', 'No period has data yet');
  if (period === undefined) return latest;
  if (!ctx.periods.has(period)) {
    const all = ctx.periods.all();
    throw new ApiError(404, 'not_found', `No data for period '${period}' (periods with data: ${all[0]} to ${latest})`, { parameter: 'period' });
  }
  return period;
}

/** The period (as resolvePeriod) and the criteria set that applies to it (404 when none does). */
export function resolvePeriodAndSet(ctx: ApiContext, period: string | undefined): { period: Period; set: CriteriaSet } {
  const resolved = resolvePeriod(ctx, period);
  const set = ctx.catalogue.setFor(resolved);
  if (!set) throw new ApiError(404, 'not_found', `No criteria set applies to period '${resolved}'`, { parameter: 'period' });
  return { period: resolved, set };
}
