// Workspace routes (stub, being written): GET|PUT /admin/reviews/:commune/:period — a commune's monthly review.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { AuthEnv } from '../auth/middleware.ts';

export function reviewAdminRoutes(_ctx: ApiContext, _app: OpenAPIHono<AuthEnv>): void {}
