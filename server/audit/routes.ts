// Workspace routes (stub, being written): GET /admin/audit — the audit trail, filtered by unit and date.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { AuthEnv } from '../auth/middleware.ts';

export function auditRoutes(_ctx: ApiContext, _app: OpenAPIHono<AuthEnv>): void {}
