/** @module A unit's changes inside its structure (e.g. the Đồng Nai xã that became phường on 30/04/2026) and
 * the one rule that reads them: a month belongs to the state in force on its last day. Shared by the unit store
 * (public answers), the seed (which writes `unit.changes`) and the illustrative generator (which scores a commune
 * only while it is a xã), so that the three can never disagree on when a change takes effect. */
import { lastDayOf, type Period } from '../period/period.ts';
import { isRuralCommuneType, type UnitRecord } from './units-index.ts';

/** What a unit was before a change inside its structure, until the day `until` (YYYY-MM-DD). */
export interface UnitChange {
  until: string;
  type: string;
  name: string;
  rural: boolean;
}

/** A unit's state today and its earlier states, oldest first. */
export interface Changing {
  type: string;
  name: string;
  rural: boolean;
  changes: readonly UnitChange[];
}

/** The type, name and whether a unit was scored on the last day of `period`. */
export function unitAt(unit: Changing, period: Period): { type: string; name: string; rural: boolean } {
  const day = lastDayOf(period);
  const earlier = unit.changes.find((c) => day <= c.until);
  return earlier ?? { type: unit.type, name: unit.name, rural: unit.rural };
}

/** The changes of a unit as the boundary build's units index records them (its `earlier` state, if any). */
export function changesOf(record: UnitRecord): UnitChange[] {
  const e = record.earlier;
  return e ? [{ until: e.until, type: e.type, name: e.name, rural: isRuralCommuneType(e.type) }] : [];
}
