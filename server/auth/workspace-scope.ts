// Scope rules of the workspace's reads and of writes that only some roles may make: which province or
// district a signed-in official may list (their own scope, or a larger one narrowed to what they may see),
// and which roles may record a kind of change at all.
import type { MiddlewareHandler } from 'hono';
import type { ApiContext } from '../api/context.ts';
import { resolveScope, type Scope } from '../api/scope.ts';
import type { Role } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import { type AuthEnv, currentUser } from './middleware.ts';
import { inScope } from './scope.ts';
import type { SessionUser } from './session.ts';

type Scoped = Pick<SessionUser, 'role' | 'unit'>;

export interface ReadScope {
  scope: Scope & { unit: Unit };
  /** Whether the user may see a unit of the scope (all of them unless the scope is wider than the role's). */
  sees(unit: Unit): boolean;
}

/** The province or district of a workspace listing (one of the two is required): 404 unknown, 403 when it
 * neither lies in the user's scope nor contains the user's unit (a district officer asking for their province
 * sees their district only). */
export function readableScope(ctx: ApiContext, user: Scoped, query: { province?: string | undefined; district?: string | undefined }): ReadScope {
  if (query.province === undefined && query.district === undefined) {
    throw new ApiError(400, 'invalid_parameter', "Parameter 'province' (query): required (or 'district')", { parameter: 'province' });
  }
  const scope = resolveScope(ctx, query) as Scope & { unit: Unit };
  if (inScope(user, scope.unit)) return { scope, sees: () => true };
  const own = user.unit ? ctx.units.byCode.get(user.unit) : undefined;
  const contains = own !== undefined && (scope.level === 'province' ? own.province === scope.unit.code : own.district === scope.unit.code);
  if (!contains) throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot see ${scope.unit.name} (${scope.unit.code})`);
  return { scope, sees: (unit) => inScope(user, unit) };
}

/** 403 unless the user's role is one of `roles` (`what` says what the role cannot do). */
export function assertRole(user: Scoped, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot ${what}`);
}

/** Route middleware: 403 unless the user's role is one of `roles`, checked before the request's body is read
 * or validated (a role that may not send a body gets no parsing of it at all). Run after requireUser. */
export function roleGuard(roles: readonly Role[], what: string): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    try {
      assertRole(currentUser(c), roles, what);
    } catch (error) {
      // Answered before the body is read: the connection cannot carry another request (the server drops
      // the rest of the body with it), so tell the client not to reuse it.
      c.header('Connection', 'close');
      throw error;
    }
    await next();
  };
}
