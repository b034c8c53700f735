/** @module Accounts scoped to today's units for the workspace's current-era tests. `user:add` (server/auth/users.ts)
 * resolves a code in the pre-2025 structure until accounts are scoped in a structure (issue #16, item 1): the
 * account is created with a code that also names a unit of that level there, then its `unit_structure` is set
 * to today's here, in the test only, so that the account means today's unit. */
import type { Role } from '../../server/db/schema.ts';
import type { Official, Workspace } from './workspace.ts';

/** Creates an account of `role` scoped to today's unit `unit` (null: admin) and signs it in. */
export async function todayOfficial(ws: Workspace, role: Role, unit: string | null): Promise<Official> {
  const email = await ws.addUser(role, unit);
  await ws.ctx.ndb.db.updateTable('app_user').set({ unit_structure: '2025-07' }).where('email', '=', email).execute();
  return ws.signIn(email);
}
