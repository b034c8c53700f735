/** @module The monthly review list of a district (or province, or one commune): each rural commune with this
 * month's official review done (by whom, when) or missing, and the reporting deadline of the month. */
import type { z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import type { Period } from '../period/period.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import { deadlineOf } from './calendar.ts';
import type { ReviewListSchema } from './schemas.ts';

/** The list of a scope's reviews for a month as GET /admin/reviews answers it. */
export type ReviewList = z.infer<typeof ReviewListSchema>;

/** The list of `scope` (a unit of `units`, the month's structure; or a former district with the `only` communes the user sees) for `period`. */
export async function reviewList(ctx: Pick<ApiContext, 'eras' | 'ndb'>, units: UnitStore, scope: Pick<Unit, 'level' | 'code' | 'name'> & { rural?: boolean }, period: Period, only?: readonly string[], now = new Date()): Promise<ReviewList> {
  const scored = only ? units.ruralCommunes(scope.code, period).filter((c) => only.includes(c)) : units.ruralCommunes(scope.code, period);
  const codes = scope.level === 'commune' ? (scope.rural ? [scope.code] : []) : scored;
  const wanted = new Set(codes);
  // One range scan of the index (period, commune_code), filtered here (a province has a few hundred communes).
  const rows = (
    await ctx.ndb.db
      .selectFrom('review')
      .select(['commune_code', 'version', 'provenance', 'met_count', 'reviewed_by', 'reviewed_at'])
      .where('period', '=', period)
      .where('structure', '=', units.structure)
      .execute()
  ).filter((r) => wanted.has(r.commune_code));
  const byCode = new Map(rows.map((r) => [r.commune_code, r]));
  const communes = codes.map((code) => {
    const unit = units.byCode.get(code)!;
    const r = byCode.get(code);
    return {
      code,
      name: unit.name,
      district: unit.district ?? (unit.formerDistricts.length ? unit.formerDistricts.join(', ') : null),
      status: r?.provenance === 'official' ? ('done' as const) : ('missing' as const),
      review: r ? { version: Number(r.version), provenance: r.provenance, met_count: Number(r.met_count), reviewed_by: r.reviewed_by, reviewed_at: r.reviewed_at } : null,
    };
  });
  const done = communes.filter((c) => c.status === 'done').length;
  return {
    scope: { level: scope.level, code: scope.code, name: scope.name },
    period,
    structure: units.structure,
    criteria_set: ctx.eras.at(period).set.code,
    criteria_count: ctx.eras.at(period).set.criteria_count,
    deadline: deadlineOf(period, now),
    counts: { communes: communes.length, done, missing: communes.length - done },
    communes,
  };
}
