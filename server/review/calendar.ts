// The review calendar: today's date and month in Vietnam (UTC+7, no daylight saving), the months an
// official may review (not after the current month, inside the criteria set's validity) and the
// reporting deadline of a month.
//
// Deadline. The provincial documents ask for a monthly review of every criterion of every commune and a
// monthly progress report "before the 20th":
//   - UBND tỉnh Kon Tum, letter /UBND-NNTN (2019) implementing Thông báo 980-TB/TU:
//     "Hằng tháng, tổ chức rà soát, đánh giá kết quả thực hiện từng tiêu chí"
//     (shared/data/facts/documents/001_33fcdae276d93d12.txt);
//   - UBND tỉnh Kon Tum, Văn bản 2327/UBND-NNTN (07/7/2021): "hằng tháng (trước ngày 20) tổng hợp báo cáo
//     tiến độ, kết quả thực hiện" (documents/000_02d5224d216f49b8.txt).
// Neither says "of the following month" ("tháng sau"): the report of month M is made within M, before the
// 20th of M itself. (This matches the general rule for monthly administrative reports, Nghị định
// 09/2019/NĐ-CP Art. 12: a monthly report covers the 15th of the previous month to the 14th of the
// reported month.) So the deadline of month M is the 20th of M, and it has passed once that day is over
// in Vietnam.
import { ApiError } from '../http/errors.ts';
import type { CriteriaSet, Catalogue } from '../criterion/catalogue.ts';
import type { Period } from '../period/period.ts';
import type { EraStore } from '../era/era.ts';
import { WORKSPACE_STRUCTURE } from '../era/workspace-structure.ts';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DEADLINE_DAY = 20;
export const DEADLINE_RULE = 'Reviews of a month are reported to the province before the 20th of that month (Văn bản 2327/UBND-NNTN, UBND tỉnh Kon Tum, 07/7/2021: "hằng tháng (trước ngày 20)")';

/** Today in Vietnam, YYYY-MM-DD. */
export function todayInVietnam(now = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current month in Vietnam, YYYY-MM. */
export function currentMonth(now = new Date()): Period {
  return todayInVietnam(now).slice(0, 7);
}

export interface Deadline {
  date: string;
  passed: boolean;
  rule: string;
}

export function deadlineOf(period: Period, now = new Date()): Deadline {
  const date = `${period}-${String(DEADLINE_DAY)}`;
  return { date, passed: todayInVietnam(now) > date, rule: DEADLINE_RULE };
}

/**
 * The criteria set an official may review `period` against: 400 naming `parameter` when the month is
 * after the current month or no set applies to it.
 */
export function reviewableSet(catalogue: Catalogue, period: Period, parameter = 'period', now = new Date(), eras?: EraStore): CriteriaSet {
  const current = currentMonth(now);
  if (period > current) throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': ${period} is after the current month (${current}); a month is reviewed once it has begun`, { parameter });
  const set = workspaceSetFor(catalogue, period);
  if (!set) {
    const spans = workspaceSets(catalogue).map((s) => `${s.code}: ${s.valid_from} to ${s.valid_to ?? 'now'}`).join('; ');
    throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': no criteria set applies to ${period} in the workspace, which records the pre-2025 communes on the ${spans} criteria (today's communes and the 2026-2030 criteria come to the workspace in a later release)`, { parameter });
  }
  // A month of today's structure is never written against the old units' codes (the eras reuse codes).
  if (eras && eras.at(period).structure.code !== WORKSPACE_STRUCTURE) {
    throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': ${period} is a month of today's communes (since 1/7/2025); the workspace still records the pre-2025 communes, up to 2025-06`, { parameter });
  }
  return set;
}

/** The criteria sets written for the structure the workspace records (2021-2025 for the pre-2025 units). */
function workspaceSets(catalogue: Catalogue): CriteriaSet[] {
  return catalogue.sets.filter((s) => s.unit_structure === WORKSPACE_STRUCTURE);
}

/** The set an official may review `period` against in the workspace, or null (a set of another structure, or none). */
export function workspaceSetFor(catalogue: Catalogue, period: Period): CriteriaSet | null {
  const set = catalogue.setFor(period);
  return set && set.unit_structure === WORKSPACE_STRUCTURE ? set : null;
}

/** The default month of the workspace lists: the current month, or the last month a criteria set covers. */
export function defaultReviewMonth(catalogue: Catalogue, now = new Date()): Period {
  const current = currentMonth(now);
  if (workspaceSetFor(catalogue, current)) return current;
  const ends = workspaceSets(catalogue).map((s) => s.valid_to).filter((p): p is Period => p !== null && p <= current).sort();
  return ends.at(-1) ?? current;
}
