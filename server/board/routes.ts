// Workspace routes (stub, being written): GET /admin/board — the monthly report of a district or province.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { AuthEnv } from '../auth/middleware.ts';

export function boardRoutes(_ctx: ApiContext, _app: OpenAPIHono<AuthEnv>): void {}
