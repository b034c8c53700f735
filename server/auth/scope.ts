// Which units a role may write: admin everything; province, district and commune officers their unit
// and everything under it. Checked on the server for every write (the client's hiding is a courtesy).
import { ApiError } from '../http/errors.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import type { SessionUser } from './session.ts';

type Scoped = Pick<SessionUser, 'role' | 'unit'>;

export function inScope(user: Scoped, unit: Unit): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'province':
      return unit.province === user.unit;
    case 'district':
      return unit.level !== 'province' && unit.district === user.unit;
    case 'commune':
      return unit.code === user.unit;
  }
}

/** The unit, when the user may write it: 404 for an unknown code, 403 outside the user's scope. */
export function writableUnit(units: UnitStore, user: Scoped, code: string): Unit {
  const unit = units.byCode.get(code);
  if (!unit) throw new ApiError(404, 'not_found', `No unit with code ${code}`);
  if (!inScope(user, unit)) throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot change ${unit.name} (${code})`);
  return unit;
}

/** The level of unit each role is attached to. */
export const ROLE_UNIT_LEVEL = { admin: null, province: 'province', district: 'district', commune: 'commune' } as const;
