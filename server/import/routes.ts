// Workspace routes (stub, being written): POST /admin/imports — a district's or province's monthly review from CSV/XLSX.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { AuthEnv } from '../auth/middleware.ts';

export function importRoutes(_ctx: ApiContext, _app: OpenAPIHono<AuthEnv>): void {}
