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
export function reviewableSet(catalogue: Catalogue, period: Period, parameter = 'period', now = new Date()): CriteriaSet {
  const current = currentMonth(now);
  if (period > current) throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': ${period} is after the current month (${current}); a month is reviewed once it has begun`, { parameter });
  const set = catalogue.setFor(period);
  if (!set) {
    const spans = catalogue.sets.map((s) => `${s.code}: ${s.valid_from} to ${s.valid_to ?? 'now'}`).join('; ');
    throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}': no criteria set applies to ${period} (${spans})`, { parameter });
  }
  return set;
}

/** The default month of the workspace lists: the current month, or the last month a criteria set covers. */
export function defaultReviewMonth(catalogue: Catalogue, now = new Date()): Period {
  const current = currentMonth(now);
  if (catalogue.setFor(current)) return current;
  const ends = catalogue.sets.map((s) => s.valid_to).filter((p): p is Period => p !== null && p <= current).sort();
  return ends.at(-1) ?? current;
}
