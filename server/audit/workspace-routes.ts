/** @module Workspace route GET /admin/audit: the audit trail, newest first, filtered by unit, date, action and
 * actor, a page at a time. Read-only: no route edits or deletes an entry (the trail is append-only). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { type AuthEnv, currentUser } from '../auth/middleware.ts';
import { SESSION_SECURITY, workspaceErrors } from '../auth/schemas.ts';
import { AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, readAuditTrail } from './trail.ts';
import { AuditPageSchema } from './schemas.ts';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const DateParam = (name: 'from' | 'to', example: string, description: string) =>
  z
    .string()
    .regex(DATE, 'expected a date as YYYY-MM-DD, e.g. 2025-06-20')
    .refine(isRealDate, 'no such day')
    .optional()
    .openapi({ param: { name, in: 'query' }, example, description });

const AuditQuery = z.object({
  unit: z
    .string()
    .regex(/^(\d{2}|\d{3}|\d{5})$/, 'expected a GSO code: 2 digits (province), 3 (district) or 5 (commune)')
    .optional()
    .openapi({ param: { name: 'unit', in: 'query' }, example: '62', description: 'Only entries about this unit and the units under it (403 outside your scope)' }),
  from: DateParam('from', '2021-01-01', 'First day (YYYY-MM-DD, inclusive; days in Vietnam time, UTC+7)'),
  to: DateParam('to', '2030-12-31', 'Last day (YYYY-MM-DD, inclusive; days in Vietnam time, UTC+7); not before `from`'),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, "expected an action name such as 'review.save'")
    .max(64)
    .optional()
    .openapi({ param: { name: 'action', in: 'query' }, example: 'user.create', description: 'Only entries of this action (e.g. review.save, import.apply, recognition.create, user.create)' }),
  actor: z
    .string()
    .min(1)
    .max(254)
    .optional()
    .openapi({ param: { name: 'actor', in: 'query' }, example: 'cli:test', description: 'Only entries made by this official (e-mail) or command (cli:<command>)' }),
  limit: z.coerce
    .number()
    .int('expected a whole number')
    .min(1)
    .max(AUDIT_PAGE_MAX)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, example: 50, description: `Entries per page (1-${AUDIT_PAGE_MAX}, default ${AUDIT_PAGE_DEFAULT})` }),
  before: z.coerce
    .number()
    .int('expected a whole number')
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .openapi({ param: { name: 'before', in: 'query' }, example: 1000000, description: 'Only entries with an id below this: the `next_before` of the previous page' }),
});

const route = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags: ['Workspace'],
  summary: 'The audit trail: who changed what, when, before and after',
  description:
    'Every change made through the workspace or a command (reviews, imports, recognitions, targets, accounts) appends one entry. ' +
    'Admins see every entry; province, district and commune officers the entries about their unit and the units under it ' +
    '(entries about no unit are for admins only). Newest first, keyset pagination on the entry id (`before`). The trail is ' +
    'append-only: no route edits or deletes an entry.',
  security: SESSION_SECURITY,
  request: { query: AuditQuery },
  responses: {
    200: { description: 'A page of entries', content: { 'application/json': { schema: AuditPageSchema } } },
    ...workspaceErrors,
  },
});

/** Registers GET /admin/audit on the workspace app. */
export function auditRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(route, async (c) => {
    const user = currentUser(c);
    const page = await readAuditTrail(ctx, user, c.req.valid('query'));
    return c.json(page, 200);
  });
}
