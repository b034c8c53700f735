/** @module "Lượt tiêu chí": the number of criterion completions a plan still needs — over the planned communes not yet
 * meeting every criterion, the sum of their missing criteria. The Lào Cai plan counts it this way (Kế hoạch
 * 104/KH-BCĐ ngày 15/02/2024, ../shared/data/facts/documents/004_508fc914e691d9dd.txt: "Để hoàn thành 19/19
 * tiêu chí nông thôn mới, trong 6 tháng đầu năm các xã cần hoàn thành 11 lượt tiêu chí" for the 4 communes due
 * in 2024-H1; 31 for 2024), though under its provincial criteria set: figures here use the national set. */
import type { PlannedCommune } from './plan.ts';

/** The criterion completions still needed by the planned communes of one due date. */
export interface DueCompletions {
  due: string;
  due_period: string;
  communes: number;
  communes_missing_criteria: number;
  completions: number;
}

/** The completions still needed in all and by due date. */
export interface Completions {
  /** Missing criteria summed over the distinct planned communes (a commune planned twice counts once). */
  total: number;
  communes_missing_criteria: number;
  communes_without_review: number;
  by_due: DueCompletions[];
}

/** Counts the criteria the planned communes still lack ("lượt tiêu chí"), in all and by due date. */
export function criterionCompletions(communes: readonly PlannedCommune[]): Completions {
  const seen = new Set<string>();
  const byDue = new Map<string, DueCompletions>();
  const out: Completions = { total: 0, communes_missing_criteria: 0, communes_without_review: 0, by_due: [] };
  for (const c of communes) {
    const due = byDue.get(c.due) ?? byDue.set(c.due, { due: c.due, due_period: c.due_period, communes: 0, communes_missing_criteria: 0, completions: 0 }).get(c.due)!;
    due.communes++;
    const missing = c.missing?.length ?? 0;
    if (missing > 0) {
      due.communes_missing_criteria++;
      due.completions += missing;
    }
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    if (c.missing === null) out.communes_without_review++;
    else if (missing > 0) {
      out.communes_missing_criteria++;
      out.total += missing;
    }
  }
  out.by_due = [...byDue.values()];
  return out;
}

/** How completions are counted, for the answers that show them. */
export const COMPLETIONS_NOTE =
  'Lượt tiêu chí: the criteria still missing, summed over the planned communes not yet meeting all of them (as Kế hoạch 104/KH-BCĐ of Lào Cai, 15/02/2024, counts them: 11 completions for the 4 communes due in 2024-H1). Counted here on the national criteria set; the provincial plan used its provincial set.';
