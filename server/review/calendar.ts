/** @module The review calendar: today's date and month in Vietnam (UTC+7, no daylight saving), the months an
 * official may review (not after the current month, in the era of the month: its unit structure and criteria
 * set) and the reporting deadline of a month.
 *
 * Deadline. The provincial documents ask for a monthly review of every criterion of every commune and a
 * monthly progress report "before the 20th":
 *   - UBND tỉnh Kon Tum, letter /UBND-NNTN (2019) implementing Thông báo 980-TB/TU:
 *     "Hằng tháng, tổ chức rà soát, đánh giá kết quả thực hiện từng tiêu chí"
 *     (shared/data/facts/documents/001_33fcdae276d93d12.txt);
 *   - UBND tỉnh Kon Tum, Văn bản 2327/UBND-NNTN (07/7/2021): "hằng tháng (trước ngày 20) tổng hợp báo cáo
 *     tiến độ, kết quả thực hiện" (documents/000_02d5224d216f49b8.txt).
 * Neither says "of the following month" ("tháng sau"): the report of month M is made within M, before the
 * 20th of M itself. (This matches the general rule for monthly administrative reports, Nghị định
 * 09/2019/NĐ-CP Art. 12: a monthly report covers the 15th of the previous month to the 14th of the
 * reported month.) So the deadline of month M is the 20th of M, and it has passed once that day is over
 * in Vietnam. */
import { ApiError } from '../http/errors.ts';
import type { CriteriaSet, Catalogue } from '../criterion/catalogue.ts';
import type { Period } from '../period/period.ts';
import { type Era, EraError, type EraStore } from '../era/era.ts';
import type { UnitStructure } from '../db/schema.ts';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
/** The day of the month by which a month's reviews are due at the province. */
export const DEADLINE_DAY = 20;
/** A `now` after every month: checks a month's era without the "not after the current month" rule. */
export const FAR_FUTURE = new Date('9000-01-01T00:00:00Z');
/** The reporting rule DEADLINE_DAY comes from, with its source, for the answers that show a deadline. */
export const DEADLINE_RULE = 'Reviews of a month are reported to the province before the 20th of that month (Văn bản 2327/UBND-NNTN, UBND tỉnh Kon Tum, 07/7/2021: "hằng tháng (trước ngày 20)")';

/** Today in Vietnam, YYYY-MM-DD. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current month in Vietnam, YYYY-MM. */
export function currentMonth(now = new Date()): Period {
  return todayInVietnam(now).slice(0, 7);
}

/** A month's reporting deadline: its date, whether it has passed, and the rule. */
export interface Deadline {
  date: string;
  passed: boolean;
  rule: string;
}

/** The deadline of a month's reviews, as of `now` in Vietnam. */
export function deadlineOf(period: Period, now = new Date()): Deadline {
  const date = `${period}-${String(DEADLINE_DAY)}`;
  return { date, passed: todayInVietnam(now) > date, rule: DEADLINE_RULE };
}

/** What the workspace needs to place a month in its era. */
export interface EraLookup {
  eras: EraStore;
  catalogue: Catalogue;
}

/**
 * The era an official may review `period` in: its unit structure (whose codes the review's commune is read
 * in) and its criteria set, as `eras.at(period)` says (19 criteria to 2026-01, on the pre-2025 units to 2025-06
 * and on today's from 2025-07; the 10 criteria of 2026-2030 from 2026-02). 400 naming `parameter` when the
 * month is after the current month, when no set applies to it, or when the set scores units this database
 * does not hold (a database seeded without today's units cannot take 2026-2030 reviews).
 */
export function reviewableEra(ctx: EraLookup, period: Period, parameter = 'period', now = new Date()): Era {
  const current = currentMonth(now);
  if (period > current) throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': ${period} is after the current month (${current}); a month is reviewed once it has begun`, { parameter });
  const spans = () => ctx.catalogue.sets.map((s) => `${s.code}: ${s.valid_from} to ${s.valid_to ?? 'now'}`).join('; ');
  let era: Era;
  try {
    era = ctx.eras.at(period);
  } catch (error) {
    if (!(error instanceof EraError)) throw error;
    throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': no criteria set applies to ${period} (the sets: ${spans()})`, { parameter });
  }
  if (!ctx.eras.structures.some((s) => s.code === era.set.unit_structure)) {
    throw new ApiError(
      400,
      'invalid_parameter',
      `Parameter '${parameter}': ${period} is reviewed on the ${era.set.code} criteria, which score the units of ${era.set.unit_structure}; this database holds no such units (seed today's units, docs/eras.md)`,
      { parameter },
    );
  }
  return era;
}

/** The criteria set of `period` (as reviewableEra). */
export function reviewableSet(catalogue: Catalogue, period: Period, parameter = 'period', now = new Date(), eras?: EraStore): CriteriaSet {
  if (!eras) {
    const set = catalogue.setFor(period);
    if (!set) throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': no criteria set applies to ${period}`, { parameter });
    return set;
  }
  return reviewableEra({ eras, catalogue }, period, parameter, now).set;
}

/** The set a month is reviewed against, or null (none applies, or it scores units the database lacks). */
export function workspaceSetFor(ctx: EraLookup, period: Period): CriteriaSet | null {
  try {
    return reviewableEra(ctx, period, 'period', FAR_FUTURE).set;
  } catch {
    return null;
  }
}

/** The default month of the workspace lists: the current month, or the last month a structure (of `structure`,
 * when given: an account's) and a criteria set cover. */
export function defaultReviewMonth(ctx: EraLookup, now = new Date(), structure?: UnitStructure): Period {
  const current = currentMonth(now);
  const own = structure ? ctx.eras.structures.find((s) => s.code === structure) : undefined;
  const last = own?.validTo && own.validTo < current ? own.validTo : current;
  if (workspaceSetFor(ctx, last)) return last;
  const ends = ctx.catalogue.sets.map((s) => s.valid_to).filter((p): p is Period => p !== null && p <= last).sort();
  return ends.at(-1) ?? last;
}
