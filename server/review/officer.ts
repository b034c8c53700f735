/** @module How a saved review names who made it: the official's role and unit ("district officer of Huyện Đắk
 * Glei (610)"), for the review's `source` and messages. */
import type { SessionUser } from '../auth/session.ts';
import type { UnitStore } from '../unit/unit-store.ts';

/** Names the official who saved a review ("district officer of Huyện Đắk Glei (610)", "national administrator"). */
export function officerLabel(units: UnitStore, user: Pick<SessionUser, 'role' | 'unit'>): string {
  if (user.role === 'admin' || !user.unit) return 'national administrator';
  const unit = units.byCode.get(user.unit);
  return `${user.role} officer of ${unit ? `${unit.name} (${unit.code})` : user.unit}`;
}
