// The monthly review list of a district (or province, or one commune): each rural commune with this
// month's official review done (by whom, when) or missing, and the reporting deadline of the month.
import type { z } from '@hono/zod-openapi';
import type { ApiContext } from '../api/context.ts';
import type { Period } from '../period/period.ts';
import type { Unit } from '../unit/unit-store.ts';
import { deadlineOf } from './calendar.ts';
import type { ReviewListSchema } from './schemas.ts';
import { WORKSPACE_STRUCTURE } from '../era/workspace-structure.ts';

export type ReviewList = z.infer<typeof ReviewListSchema>;

export async function reviewList(ctx: ApiContext, scope: Unit, period: Period, now = new Date()): Promise<ReviewList> {
  const codes = scope.level === 'commune' ? (scope.rural ? [scope.code] : []) : ctx.units.ruralCommunes(scope.code);
  const wanted = new Set(codes);
  // One range scan of the index (period, commune_code), filtered here (a province has a few hundred communes).
  const rows = (
    await ctx.ndb.db
      .selectFrom('review')
      .select(['commune_code', 'version', 'provenance', 'met_count', 'reviewed_by', 'reviewed_at'])
      .where('period', '=', period)
      .where('structure', '=', WORKSPACE_STRUCTURE)
      .execute()
  ).filter((r) => wanted.has(r.commune_code));
  const byCode = new Map(rows.map((r) => [r.commune_code, r]));
  const communes = codes.map((code) => {
    const unit = ctx.units.byCode.get(code)!;
    const r = byCode.get(code);
    return {
      code,
      name: unit.name,
      district: unit.district,
      status: r?.provenance === 'official' ? ('done' as const) : ('missing' as const),
      review: r ? { version: Number(r.version), provenance: r.provenance, met_count: Number(r.met_count), reviewed_by: r.reviewed_by, reviewed_at: r.reviewed_at } : null,
    };
  });
  const done = communes.filter((c) => c.status === 'done').length;
  return {
    scope: { level: scope.level, code: scope.code, name: scope.name },
    period,
    deadline: deadlineOf(period, now),
    counts: { communes: communes.length, done, missing: communes.length - done },
    communes,
  };
}
