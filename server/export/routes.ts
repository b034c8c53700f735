// GET /export.csv and /export.xlsx — being written (registered in server/api/v1.ts).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';

export function exportRoutes(_ctx: ApiContext, _app: OpenAPIHono): void {}
