// Workspace routes (stub, being written): targets and planned communes of a province or district.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { AuthEnv } from '../auth/middleware.ts';

export function planAdminRoutes(_ctx: ApiContext, _app: OpenAPIHono<AuthEnv>): void {}
