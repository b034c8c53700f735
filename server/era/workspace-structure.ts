/** @module The unit structures the officials' workspace writes in. Every month is written in its own era
 * (`ctx.eras.at(period)`: the structure and criteria set in force on its last day); an account's scope names a
 * unit of one structure (`app_user.unit_structure`), today's by default. This module says which structure is
 * "today's" and how a structure is named in messages to officials. */
import type { UnitStructure } from '../db/schema.ts';
import { currentMonth } from '../review/calendar.ts';
import { covers, type Structure } from './structure.ts';

/**
 * @deprecated The workspace writes every era now: take the structure from `ctx.eras.at(period)` (a write) or
 * from the account (`SessionUser.structure`). Kept so that modules not yet moved to the eras still compile;
 * it names the pre-2025 structure, as `ctx.units` does.
 */
export const WORKSPACE_STRUCTURE: UnitStructure = 'pre2025';

/** The structure in force this month (in Vietnam), or the latest one when none covers it. */
export function currentStructure(structures: readonly Structure[], now = new Date()): Structure {
  const month = currentMonth(now);
  const found = [...structures].reverse().find((s) => covers(s, month)) ?? structures.at(-1);
  if (!found) throw new Error('No unit structure in the database: has it been seeded?');
  return found;
}

/** How a message names a structure: "the pre-2025 units (until 30/6/2025)" or "today's units (since 1/7/2025)". */
export function structureLabel(structure: Pick<Structure, 'code' | 'validFrom' | 'validTo' | 'inForceDate'>): string {
  const dmy = (iso: string) => iso.split('-').reverse().map((p) => p.replace(/^0(?=\d)/, '')).join('/');
  if (structure.validTo !== null) return `the ${structure.code === 'pre2025' ? 'pre-2025' : structure.code} units (to ${structure.validTo})`;
  return `today's units (since ${structure.inForceDate ? dmy(structure.inForceDate) : structure.validFrom ?? 'the start'})`;
}
