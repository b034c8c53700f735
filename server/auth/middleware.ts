/** @module Request guards of the workspace: the session from the cookie, "signed in" (401), and CSRF on every
 * state-changing request (403): the Origin (or Sec-Fetch-Site) must be this server, and the session's
 * token must come back in the X-CSRF-Token header. The cookie is SameSite=Lax besides. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type { ApiContext } from '../context/context.ts';
import { ApiError } from '../http/errors.ts';
import { readSessionCookie } from './cookie.ts';
import { findSession, type SessionUser } from './session.ts';
import { cacheFor } from '../http/cache.ts';

/** The Hono environment of the workspace's routes: the signed-in user (or null) set by the session middleware. */
export type AuthEnv = { Variables: { user: SessionUser | null } };
/** The header a state-changing request must carry the session's CSRF token in. */
export const CSRF_HEADER = 'X-CSRF-Token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the session cookie into `c.get('user')` (null when absent, expired or forged). */
export function loadSession(ctx: Pick<ApiContext, 'ndb'>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = readSessionCookie(c);
    c.set('user', token ? await findSession(ctx.ndb.db, token) : null);
    await next();
  };
}

/** The signed-in user, or a 401. */
export function currentUser(c: Context<AuthEnv>): SessionUser {
  const user = c.get('user');
  if (!user) throw new ApiError(401, 'not_signed_in', 'Sign in first (POST /api/v1/auth/login); the session may have expired');
  return user;
}

/** Refuses a state-changing request that another site could have sent. */
export function assertSameOrigin(c: Context): void {
  const origin = c.req.header('Origin');
  const host = c.req.header('Host') ?? new URL(c.req.url).host;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = origin === 'null' ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host) throw new ApiError(403, 'csrf', `Refused: a request from ${origin} cannot change data on ${host}`);
  }
  const site = c.req.header('Sec-Fetch-Site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') throw new ApiError(403, 'csrf', `Refused: a ${site} request cannot change data`);
}

/** For unsafe methods: same origin and the session's CSRF token in X-CSRF-Token. Run after requireUser. */
export const csrfGuard: MiddlewareHandler<AuthEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    assertSameOrigin(c);
    const user = currentUser(c);
    const given = Buffer.from(c.req.header(CSRF_HEADER) ?? '');
    const expected = Buffer.from(user.session.csrfToken);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError(403, 'csrf', `Refused: missing or wrong ${CSRF_HEADER} header (it is given at sign-in and by GET /api/v1/auth/me)`);
    }
  }
  await next();
};

/** Refuses a request without a signed-in user (401) before any handler of the workspace reads it. */
export const requireUser: MiddlewareHandler<AuthEnv> = async (c, next) => {
  currentUser(c);
  await next();
};

/** Workspace responses are personal: never stored by a browser, proxy or the server's response cache. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  cacheFor(c, 'never');
  c.header('Vary', 'Cookie', { append: true });
};

/** The network address of the request (for throttling and the session record); "local" in-process.
 * Behind a trusted reverse proxy (NTM_TRUST_PROXY=1, validated at start), the right-most X-Forwarded-For. */
export function clientAddress(c: Context): string {
  if (process.env.NTM_TRUST_PROXY === '1') {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').map((s) => s.trim()).filter(Boolean).at(-1);
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
