// GET /criteria — being written (registered in server/api/v1.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';

export function criteriaRoutes(_ctx: ApiContext, _app: OpenAPIHono): void {}
