/** @module Accounts scoped to today's units for the workspace's current-era tests: the unit's code is read in
 * the 2025-07 structure, whatever it meant before 1/7/2025 (as `user:add --structure 2025-07`). */
import type { Role } from '../../server/db/schema.ts';
import type { Official, Workspace } from './workspace.ts';

/** Creates an account of `role` scoped to today's unit `unit` (null: admin) and signs it in. */
export async function todayOfficial(ws: Workspace, role: Role, unit: string | null): Promise<Official> {
  return ws.signIn(await ws.addUser(role, unit, undefined, '2025-07'));
}
