/** @module Which units a role may write: admin everything; province, district and commune officers their unit and
 * everything under it, in the structure their scope is of. A scope names a unit of one structure (the eras
 * reuse codes: 23362 is not the same commune before and after 1/7/2025), so an officer of the pre-2025
 * units reads and corrects the history, and never writes today's units, and the other way round. The district
 * role exists only in the pre-2025 structure. Checked on the server for every write (the client's hiding is a
 * courtesy). */
import { ApiError } from '../http/errors.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import type { SessionUser } from './session.ts';

type Scoped = Pick<SessionUser, 'role' | 'unit' | 'structure'>;

/** Whether the user's scope holds `unit` (a unit of another structure than the scope's never does, but for an admin). */
export function inScope(user: Scoped, unit: Unit): boolean {
  if (user.role === 'admin') return true;
  if (unit.structure !== user.structure) return false;
  switch (user.role) {
    case 'province':
      return unit.province === user.unit;
    case 'district':
      return unit.level !== 'province' && unit.district === user.unit;
    case 'commune':
      return unit.code === user.unit;
  }
}

/** How a message names the user's scope: "district officer of 610 (pre-2025 units)". */
export function scopeLabel(user: Scoped): string {
  return `${user.role}${user.unit ? ` of ${user.unit}` : ''}${user.role === 'admin' ? '' : `, ${user.structure === 'pre2025' ? 'pre-2025 units' : `units of ${user.structure}`}`}`;
}

/** Why a unit of another structure than the user's scope cannot be written, for a 403's message. */
export function otherStructureReason(user: Scoped, unit: Pick<Unit, 'structure' | 'name' | 'code'>): string {
  const mine = user.structure === 'pre2025' ? 'the pre-2025 units (up to 2025-06)' : `today's units (since ${user.structure})`;
  const theirs = unit.structure === 'pre2025' ? 'a unit of the pre-2025 structure (months up to 2025-06)' : `a unit of today's structure (months since ${unit.structure}, e.g. a 2026 review)`;
  return (
    `Your account (${scopeLabel(user)}) is scoped to ${mine}: it reads and corrects that structure's records only, and ${unit.name} (${unit.code}) is ${theirs}. ` +
    'Codes were reused on 1/7/2025, so a scope never carries across; ask an admin to rescope your account (PUT /api/v1/admin/users/{id}/scope)'
  );
}

/** The unit, when the user may write it: 404 for an unknown code, 403 outside the user's scope (naming the structure when that is why). */
export function writableUnit(units: UnitStore, user: Scoped, code: string): Unit {
  const unit = units.byCode.get(code);
  if (!unit) throw new ApiError(404, 'not_found', `No unit with code ${code}${units.structure === 'pre2025' ? ' among the pre-2025 units' : ` among today's units (${units.structure})`}`);
  if (!inScope(user, unit)) {
    if (user.role !== 'admin' && unit.structure !== user.structure) throw new ApiError(403, 'forbidden', otherStructureReason(user, unit), { reason: 'other_structure', structure: unit.structure, your_structure: user.structure });
    throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot change ${unit.name} (${code})`);
  }
  return unit;
}

/** The level of unit each role is attached to. */
export const ROLE_UNIT_LEVEL = { admin: null, province: 'province', district: 'district', commune: 'commune' } as const;
