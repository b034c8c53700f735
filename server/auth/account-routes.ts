/** @module PUT /admin/users/{id}/scope: an admin gives an account another role, unit or structure (e.g. an officer of
 * the old district 610 becomes an officer of today's commune 23341 after the reform). Audited as
 * `user.rescope` (before and after); CSRF-checked like every write; the account's open sessions carry on
 * under the new scope at their next request (each request reads the account's scope). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { actorOf } from '../audit/audit.ts';
import { ApiError } from '../http/errors.ts';
import { type AuthEnv, currentUser } from './middleware.ts';
import { RoleSchema, WRITE_SECURITY, workspaceErrors } from './schemas.ts';
import { RescopeSchema, rescopeUser, UserError } from './users.ts';
import { roleGuard } from './workspace-scope.ts';

const ScopeSchema = z.object({ role: RoleSchema, unit: z.string().nullable(), structure: z.string() });

const RescopeBody = RescopeSchema.openapi('Rescope', {
  example: { role: 'commune', unit: '23341', structure: '2025-07' },
  description:
    'The new scope. `structure`: the unit structure `unit` is a code of (pre2025, 2025-07, or "today"); when left out, the code is read among today\'s units ' +
    '(the pre-2025 ones for the district role, which exists only there), and a code whose meaning changed on 1/7/2025 is refused, naming both meanings.',
});

const route = createRoute({
  method: 'put',
  path: '/admin/users/{id}/scope',
  tags: ['Workspace'],
  summary: "Rescope an account (admin)",
  description: "Gives an account another role and unit, in a structure. Audited as `user.rescope`. An admin cannot rescope their own account (another admin does).",
  middleware: [roleGuard(['admin'], 'rescope accounts (admins only)')],
  security: WRITE_SECURITY,
  request: {
    params: z.object({ id: z.string().regex(/^\d{1,9}$/, 'expected an account id').openapi({ param: { name: 'id', in: 'path' }, example: '2' }) }),
    body: { content: { 'application/json': { schema: RescopeBody } }, required: true },
  },
  responses: {
    200: {
      description: 'Rescoped',
      content: { 'application/json': { schema: z.object({ id: z.number().int(), email: z.string(), before: ScopeSchema, after: ScopeSchema.extend({ unit_name: z.string().nullable() }) }) } },
    },
    ...workspaceErrors,
  },
});

/** Registers PUT /admin/users/{id}/scope (an admin changes an account's role, unit or structure) on the workspace
 * app. */
export function accountRoutes(ctx: ApiContext, app: OpenAPIHono<AuthEnv>): void {
  app.openapi(route, async (c) => {
    const admin = currentUser(c);
    const id = Number(c.req.valid('param').id);
    if (id === admin.id) throw new ApiError(400, 'invalid_parameter', "Parameter 'id' (path): you cannot rescope your own account (another admin can)", { parameter: 'id' });
    let change;
    try {
      change = await rescopeUser(ctx.ndb.db, id, c.req.valid('json'), actorOf(admin));
    } catch (error) {
      if (error instanceof UserError) {
        const message = error.message.replace(/^--(\w+)/, (_, field: string) => `Parameter '${field}' (json)`);
        throw new ApiError(400, 'invalid_parameter', message, { parameter: /^--(\w+)/.exec(error.message)?.[1] ?? 'unit' });
      }
      throw error;
    }
    if (!change) throw new ApiError(404, 'not_found', `No account with id ${id}`);
    return c.json(change, 200);
  });
}
