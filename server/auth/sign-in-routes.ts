/** @module POST /auth/login, POST /auth/logout, GET /auth/me: sign-in with e-mail and password into a session
 * cookie (cookie.ts: HttpOnly, SameSite=Lax, Secure and __Host- over HTTPS; a new session at every sign-in), throttled per
 * account and per address; sign-out of this session or of every session of the account. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { clearSessionCookie, readDeviceCookie, readSessionCookie, writeDeviceCookie, writeSessionCookie } from './cookie.ts';
import type { ApiContext } from '../context/context.ts';
import { ApiError, sendError } from '../http/errors.ts';
import { currentStructure } from '../era/workspace-structure.ts';
import { assertSameOrigin, type AuthEnv, clientAddress, csrfGuard, currentUser, loadSession, noStore } from './middleware.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { addressKey, createCheckLimiter } from './throttle.ts';
import { SESSION_SECURITY, SignedInSchema, WRITE_SECURITY, workspaceErrors } from './schemas.ts';
import { createSession, endAllSessions, endSession, SESSION_HOURS, sessionIdOf, type SessionUser } from './session.ts';
import { findUserByEmail } from './users.ts';

const LoginSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(3).max(254).openapi({ example: 'can.bo@example.org' }),
    password: z.string().min(1).max(1024),
  })
  .openapi('Login');

const LogoutSchema = z.object({ everywhere: z.boolean().optional().openapi({ description: 'End every session of the account (all devices)' }) }).openapi('Logout');

const tooMany = { description: 'Too many failed sign-ins for this account or address: Retry-After says how long to wait', content: { 'application/json': { schema: workspaceErrors[401].content['application/json'].schema } } };

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Workspace'],
  summary: 'Sign in (sets the session cookie)',
  request: { body: { content: { 'application/json': { schema: LoginSchema } }, required: true } },
  responses: { 200: { description: 'Signed in', content: { 'application/json': { schema: SignedInSchema } } }, 400: workspaceErrors[400], 401: workspaceErrors[401], 403: workspaceErrors[403], 429: tooMany, 503: { description: 'Too many sign-ins in progress on the server: Retry-After says when to try again', content: tooMany.content } },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Workspace'],
  summary: 'Sign out (this session, or everywhere)',
  security: WRITE_SECURITY,
  request: { body: { content: { 'application/json': { schema: LogoutSchema } }, required: false } },
  responses: { 200: { description: 'Signed out', content: { 'application/json': { schema: z.object({ ended: z.number().int().openapi({ description: 'Sessions ended' }) }) } } }, 401: workspaceErrors[401], 403: workspaceErrors[403] },
});

const meRoute = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['Workspace'],
  summary: 'The signed-in official, their scope and the CSRF token',
  security: SESSION_SECURITY,
  responses: { 200: { description: 'Signed in', content: { 'application/json': { schema: SignedInSchema } } }, 401: workspaceErrors[401] },
});

function signedIn(ctx: ApiContext, user: Omit<SessionUser, 'session'>, session: { csrfToken: string; expiresAt: string }): z.infer<typeof SignedInSchema> {
  const structure = ctx.eras.structure(user.structure);
  const unit = user.unit ? ctx.eras.unitsOf(user.structure).byCode.get(user.unit) : undefined;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      unit: unit ? { code: unit.code, name: unit.name, level: unit.level } : null,
      structure: { code: structure.code, name_vi: structure.name_vi, name_en: structure.name_en, valid_from: structure.validFrom, valid_to: structure.validTo, has_districts: structure.levels.includes('district'), current: structure.code === currentStructure(ctx.eras.structures).code },
    },
    csrf_token: session.csrfToken,
    expires_at: session.expiresAt,
  };
}


/** Registers POST /auth/login, POST /auth/logout and GET /auth/me on the workspace app. */
export function authRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  const passwordChecks = createCheckLimiter();
  app.use('/auth/*', noStore, bodyLimit({ maxSize: 16 * 1024, onError: (c) => sendError(c, 413, 'too_large', 'Request body over 16 KB') }), loadSession(ctx));
  app.use('/auth/logout', csrfGuard);

  app.openapi(loginRoute, async (c) => {
    assertSameOrigin(c);
    const { email, password } = c.req.valid('json');
    const address = clientAddress(c);
    // The account's own browser (its device cookie, or a live session of this account) has a budget of its
    // own: a flood of wrong passwords from elsewhere locks the account for others, not for its owner.
    const device = readDeviceCookie(c);
    const session = c.get('user');
    const known = (await ctx.throttle.knowsDevice(email, device)) ? device! : session && session.email === email ? `session:${session.session.id}` : null;
    const attempt = await ctx.throttle.begin(email, address, Date.now(), known);
    if ('wait' in attempt) {
      c.header('Retry-After', String(attempt.wait));
      return sendError(c, 429, 'too_many_attempts', `Too many sign-in attempts: try again in ${attempt.wait < 60 ? `${attempt.wait} s` : `${Math.ceil(attempt.wait / 60)} min`}`) as never;
    }
    let user;
    let ok: boolean | null = false;
    try {
      user = await findUserByEmail(ctx.ndb.db, email);
      const hash = user?.password_hash ?? (await DUMMY_HASH);
      const rank = await ctx.throttle.addressFailures(address);
      const checked = passwordChecks(() => verifyPassword(password, hash), addressKey(address), rank);
      if (checked === null) {
        ok = null;
        c.header('Retry-After', '5');
        return sendError(c, 503, 'busy', 'Too many sign-ins at this moment: try again in a few seconds') as never;
      }
      ok = (await checked) && user !== undefined && user.disabled !== 1;
    } finally {
      await attempt.finish(ok);
    }
    if (!ok || !user) throw new ApiError(401, 'invalid_credentials', 'E-mail or password is wrong');
    // A new session at every sign-in (a session id planted before sign-in is worth nothing); the old one ends.
    const previous = readSessionCookie(c);
    if (previous) await endSession(ctx.ndb.db, sessionIdOf(previous));
    const created = await createSession(ctx.ndb.db, user.id, { address, userAgent: c.req.header('User-Agent') ?? null });
    writeSessionCookie(c, created.token, SESSION_HOURS * 3600);
    if (!(await ctx.throttle.knowsDevice(user.email, device))) writeDeviceCookie(c, await ctx.throttle.rememberDevice(user.email));
    return c.json(signedIn(ctx, { id: user.id, email: user.email, name: user.name, role: user.role, unit: user.unit_code, structure: user.unit_structure }, created), 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const user = currentUser(c);
    const body = c.req.header('Content-Type')?.includes('json') ? c.req.valid('json') : {};
    const ended = body?.everywhere ? await endAllSessions(ctx.ndb.db, user.id) : (await endSession(ctx.ndb.db, user.session.id), 1);
    clearSessionCookie(c);
    return c.json({ ended }, 200);
  });

  app.openapi(meRoute, (c) => {
    const user = currentUser(c);
    return c.json(signedIn(ctx, user, user.session), 200);
  });
}
