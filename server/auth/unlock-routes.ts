/** @module POST /admin/sign-in-locks/unlock: an admin lifts the sign-in lock of an account (after too many wrong
 * passwords), e.g. when its owner calls; audited as `user.unlock`. Without it a lock lifts by itself when
 * its oldest counted failure is 15 minutes old. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { actorOf, appendAudit } from '../audit/audit.ts';
import { ApiError } from '../http/errors.ts';
import { type AuthEnv, currentUser } from './middleware.ts';
import { WRITE_SECURITY, workspaceErrors } from './schemas.ts';
import { EmailSchema, findUserByEmail } from './users.ts';
import { roleGuard } from './workspace-scope.ts';

const UnlockSchema = z.object({ email: EmailSchema.openapi({ example: 'can.bo@example.org' }) }).openapi('Unlock');

const unlockRoute = createRoute({
  method: 'post',
  path: '/admin/sign-in-locks/unlock',
  tags: ['Workspace'],
  summary: "Lift an account's sign-in lock (admin)",
  description: 'After 5 wrong passwords in 15 minutes an account is locked for sign-ins from browsers it has not signed in from; the lock lifts by itself when the oldest of those failures is 15 minutes old, or here. Audited as `user.unlock`.',
  middleware: [roleGuard(['admin'], 'unlock accounts (admins only)')],
  security: WRITE_SECURITY,
  request: { body: { content: { 'application/json': { schema: UnlockSchema } }, required: true } },
  responses: {
    200: { description: 'Unlocked (or was not locked)', content: { 'application/json': { schema: z.object({ email: z.string(), was_locked: z.boolean(), locked_seconds_left: z.number().int() }) } } },
    ...workspaceErrors,
  },
});

/** Registers POST /admin/sign-in-locks/unlock (an admin lifts an account's sign-in lock) on the workspace app. */
export function unlockRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(unlockRoute, async (c) => {
    const admin = currentUser(c);
    const { email } = c.req.valid('json');
    const user = await findUserByEmail(ctx.ndb.db, email);
    if (!user) throw new ApiError(404, 'not_found', `No account ${email}`);
    const left = await ctx.throttle.lockedFor(email);
    const wasLocked = await ctx.throttle.unlock(email);
    await appendAudit(ctx.ndb.db, actorOf(admin), { action: 'user.unlock', unit: user.unit_code, entity: 'app_user', entityId: user.id, before: { email, locked_seconds_left: left }, after: { email, locked_seconds_left: 0 } });
    return c.json({ email, was_locked: wasLocked, locked_seconds_left: left }, 200);
  });
}
