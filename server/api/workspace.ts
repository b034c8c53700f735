/** @module The officials' workspace under /api/v1: sign-in (/auth/…) and every write and private read
 * (/admin/…). Admin routes are for signed-in users only, never cached, CSRF-checked on every
 * state-changing request, and each route checks the user's scope for the unit it touches. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { auditRoutes } from '../audit/workspace-routes.ts';
import { authRoutes } from '../auth/sign-in-routes.ts';
import { unlockRoutes } from '../auth/unlock-routes.ts';
import { accountRoutes } from '../auth/account-routes.ts';
import { type AuthEnv, csrfGuard, loadSession, noStore, requireUser } from '../auth/middleware.ts';
import { CSRF_HEADER } from '../auth/middleware.ts';
import { SESSION_COOKIE } from '../auth/cookie.ts';
import { boardRoutes } from '../board/workspace-routes.ts';
import { sendError } from '../http/errors.ts';
import { validationHook } from '../http/validation.ts';
import { importRoutes } from '../import/workspace-routes.ts';
import { planAdminRoutes } from '../plan/workspace-routes.ts';
import { recognitionAdminRoutes } from '../recognition/workspace-routes.ts';
import { reviewAdminRoutes } from '../review/workspace-routes.ts';
import { villageRoutes } from '../village/workspace-routes.ts';
import { classificationRoutes } from '../classification/workspace-routes.ts';
import type { ApiContext } from '../context/context.ts';

/** Largest request body of an admin route (imports excepted: they take files up to IMPORT_MAX_BYTES). */
export const ADMIN_MAX_BYTES = 1024 * 1024;
/** The largest review spreadsheet an official may upload (8 MiB): about 100,000 long-layout rows, above any
 * province's month, and small enough that a hostile upload cannot exhaust memory. */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024; // 100,000 long-layout rows are about 6 MB

/** Composes the officials' routes (/auth/…, /admin/…) behind the session, CSRF and no-store guards; the public API
 * mounts it. */
export function workspaceApi(ctx: ApiContext): OpenAPIHono<AuthEnv> {
  const app = new OpenAPIHono<AuthEnv>({ defaultHook: validationHook });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /auth/login (named __Host-ntm_session over HTTPS)' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'csrf', { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The csrf_token given at sign-in and by GET /auth/me' });
  authRoutes(ctx, app);

  const tooLarge = (max: number) => bodyLimit({ maxSize: max, onError: (c) => sendError(c, 413, 'too_large', `Request body over ${Math.round(max / 1024)} KB`) });
  app.use('/admin/*', noStore, loadSession(ctx), requireUser, csrfGuard, async (c, next) => {
    const limit = c.req.path.startsWith('/api/v1/admin/imports') ? tooLarge(IMPORT_MAX_BYTES) : tooLarge(ADMIN_MAX_BYTES);
    return limit(c, next);
  });
  reviewAdminRoutes(ctx, app);
  importRoutes(ctx, app);
  recognitionAdminRoutes(ctx, app);
  planAdminRoutes(ctx, app);
  villageRoutes(ctx, app);
  classificationRoutes(ctx, app);
  auditRoutes(ctx, app);
  boardRoutes(ctx, app);
  unlockRoutes(ctx, app);
  accountRoutes(ctx, app);
  return app;
}
