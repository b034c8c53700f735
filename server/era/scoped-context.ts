/** @module The API context seen from one unit structure: the same context whose `units` are that structure's,
 * for the workspace's scope helpers (`readableScope`, `resolveScope`), which read a request's codes in
 * `ctx.units`. A write or listing of today's communes resolves its codes among today's units this way, never
 * in the structure the context was loaded for (the codes collide across eras). */
import type { ApiContext } from '../api/context.ts';
import type { UnitStructure } from '../db/schema.ts';

/** `ctx` with the units of `structure`. */
export function contextIn(ctx: ApiContext, structure: UnitStructure): ApiContext {
  const units = ctx.eras.unitsOf(structure);
  return units === ctx.units ? ctx : { ...ctx, units };
}
