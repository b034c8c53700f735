/** @module The era a dated workspace write belongs to. A recognition is of the unit structure in force on its
 * decision's date and offers the levels of the criteria set in force then; a plan or target is of the structure
 * of its due month. Unlike `EraStore.at` (periods with data), a write may be dated before the first criteria
 * set (a recognition of 2019 keeps the levels of the earliest set) or after the last period with data. */
import type { ApiContext } from '../context/context.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import type { Period } from '../period/period.ts';
import { covers, type Structure } from './structure.ts';

/** The structure and criteria set of a month: the latest structure covering it (the earliest when the month is
 * before every structure), and the set in force (the earliest when the month is before every set). */
export function writeEraOf(ctx: Pick<ApiContext, 'eras' | 'catalogue'>, month: Period): { structure: Structure; set: CriteriaSet | null } {
  const structures = ctx.eras.structures;
  const structure = [...structures].reverse().find((s) => covers(s, month)) ?? structures[0]!;
  const sets = [...ctx.catalogue.sets].sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  const set = ctx.catalogue.setFor(month) ?? (sets[0] && month < sets[0].valid_from ? sets[0] : null);
  return { structure, set };
}
