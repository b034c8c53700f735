/** @module Sessions in the database: the cookie holds a random token, the table only its SHA-256, so a copy of
 * the database opens no session. Each session has its own CSRF token and an absolute expiry. */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role, UnitStructure } from '../db/schema.ts';

/** How long a session lasts from sign-in, whatever its use: an absolute expiry, so that a stolen cookie does not
 * live on. */
export const SESSION_HOURS = 12;

/** The signed-in official a request acts for. */
export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
  /** GSO code of the role's unit; null for admin (the whole country). */
  unit: string | null;
  /** The unit structure `unit` is a code of (an admin's: today's structure, which writes anywhere). */
  structure: UnitStructure;
  session: { id: string; csrfToken: string; expiresAt: string };
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session for a user: stores the token's hash, its CSRF token and expiry, and returns the token for the
 * cookie. */
export async function createSession(db: Kysely<Database>, userId: number, client: { address: string | null; userAgent: string | null }, now = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
  await db.deleteFrom('session').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('session')
    .values({ id: digest(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt, address: client.address, user_agent: client.userAgent?.slice(0, 300) ?? null })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The user of a live session (not expired, account not disabled), or null. */
export async function findSession(db: Kysely<Database>, token: string, now = new Date()): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select(['app_user.id', 'app_user.email', 'app_user.name', 'app_user.role', 'app_user.unit_code', 'app_user.unit_structure', 'app_user.disabled', 'session.id as session_id', 'session.csrf_token', 'session.expires_at'])
    .where('session.id', '=', digest(token))
    .executeTakeFirst();
  if (!row || row.disabled === 1 || row.expires_at <= now.toISOString()) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, unit: row.unit_code, structure: row.unit_structure, session: { id: row.session_id, csrfToken: row.csrf_token, expiresAt: row.expires_at } };
}

/** Ends one session (sign-out) by deleting its row, so that its cookie opens nothing afterwards. */
export async function endSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', sessionId).execute();
}

/** Signs a user out everywhere; returns how many sessions ended. */
export async function endAllSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The token's digest as stored (to end the session a cookie names). */
export function sessionIdOf(token: string): string {
  return digest(token);
}
