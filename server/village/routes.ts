// Workspace routes (stub, being written): a commune's villages (thôn) and how many are NTM / model villages.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { AuthEnv } from '../auth/middleware.ts';

export function villageRoutes(_ctx: ApiContext, _app: OpenAPIHono<AuthEnv>): void {}
