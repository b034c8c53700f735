/** @module Scope rules of the workspace's reads and of writes that only some roles may make: which province or
 * district a signed-in official may list (their own scope, or a larger one narrowed to what they may see),
 * and which roles may record a kind of change at all. */
import type { MiddlewareHandler } from 'hono';
import type { ApiContext } from '../context/context.ts';
import { resolveScope, type Scope } from '../scope/scope.ts';
import type { Role } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import { type AuthEnv, currentUser } from './middleware.ts';
import { inScope, otherStructureReason } from './scope.ts';
import type { SessionUser } from './session.ts';

type Scoped = Pick<SessionUser, 'role' | 'unit' | 'structure'>;

/** What a signed-in official asked to list, narrowed to what they may see: a province or district code, or the
 * whole country. */
export interface ReadScope {
  scope: Scope & { unit: Unit };
  /** Whether the user may see a unit of the scope (all of them unless the scope is wider than the role's). */
  sees(unit: Unit): boolean;
}

/** The province or district of a workspace listing (one of the two is required), read in `units` (a period's
 * structure; default: the pre-2025 units): 404 unknown, 403 when it neither lies in the user's scope nor
 * contains the user's unit (a district officer asking for their province sees their district only), or when
 * it is of another structure than the user's scope (the message says why). A former district read in today's
 * structure is seen through its communes. */
export function readableScope(ctx: Pick<ApiContext, 'eras' | 'lineage' | 'units'>, user: Scoped, query: { province?: string | undefined; district?: string | undefined }, units: UnitStore = ctx.units): ReadScope {
  if (query.province === undefined && query.district === undefined) {
    throw new ApiError(400, 'invalid_parameter', "Parameter 'province' (query): required (or 'district')", { parameter: 'province' });
  }
  const scope = resolveScope(ctx, query, units) as Scope & { unit: Unit };
  if (scope.level === 'former_district') {
    const communes = units.communesOfFormerDistrict(scope.code);
    const seen = communes.filter((c) => inScope(user, c));
    if (seen.length === communes.length) return { scope, sees: () => true };
    if (seen.length) return { scope, sees: (unit) => inScope(user, unit) };
    if (user.role !== 'admin' && user.structure !== units.structure && communes[0]) throw new ApiError(403, 'forbidden', otherStructureReason(user, communes[0]));
    throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot see the communes of the former district ${scope.unit.name} (${scope.unit.code})`);
  }
  if (inScope(user, scope.unit)) return { scope, sees: () => true };
  if (user.role !== 'admin' && user.structure !== scope.unit.structure) throw new ApiError(403, 'forbidden', otherStructureReason(user, scope.unit));
  const own = user.unit ? units.byCode.get(user.unit) : undefined;
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
