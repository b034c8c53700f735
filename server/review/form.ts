/** @module The review form of a commune and month: every criterion of the set by group, met or not, with its
 * indicators and note, who saved it and its version. A month without a review starts from the latest
 * earlier review (`prefilled_from`); criteria gained and lost are given versus that previous review. */
import type { z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { isMet, popcount } from '../criterion/mask.ts';
import type { Period } from '../period/period.ts';
import type { Unit } from '../unit/unit-store.ts';
import { GENERAL_NOTE, previousReview, readReview, type ReviewRecord } from './review-record.ts';
import type { ReviewFormSchema } from './schemas.ts';

/** The review form of a commune and month as GET /admin/reviews/{commune}/{period} answers it. */
export type ReviewForm = z.infer<typeof ReviewFormSchema>;

/** The form of `commune` (a unit of the month's structure) for `period`, on `set` (the month's criteria). */
export async function reviewForm(ctx: Pick<ApiContext, 'eras' | 'ndb'>, commune: Unit, period: Period, set: CriteriaSet): Promise<ReviewForm> {
  const db = ctx.ndb.db;
  const units = ctx.eras.unitsOf(commune.structure);
  const ref = (code: string | null) => {
    const unit = code ? units.byCode.get(code) : undefined;
    return unit ? { code: unit.code, name: unit.name } : null;
  };
  const [current, previous] = await Promise.all([readReview(db, commune.structure, commune.code, period), previousReview(db, commune.structure, set.code, commune.code, period)]);
  const shown: Pick<ReviewRecord, 'mask' | 'notes' | 'indicators'> = current ?? previous ?? { mask: 0, notes: {}, indicators: {} };
  const gained: number[] = [];
  const lost: number[] = [];
  // The 2026-2030 set has no groups: its criteria are shown as one.
  const setGroups = set.groups.length ? set.groups : [{ number: 0, name_vi: `Bộ tiêu chí ${set.code}`, name_en: `The ${set.code} criteria`, criteria: set.criteria.map((c) => c.number) }];
  const groups = setGroups.map((g) => ({
    number: g.number,
    name_vi: g.name_vi,
    name_en: g.name_en,
    criteria: set.criteria
      .filter((c) => (set.groups.length ? c.group === g.number : true))
      .map((c) => {
        const met = isMet(shown.mask, c.number);
        const before = previous ? isMet(previous.mask, c.number) : null;
        const change = before === null || before === met ? null : met ? ('gained' as const) : ('lost' as const);
        if (change === 'gained') gained.push(c.number);
        if (change === 'lost') lost.push(c.number);
        return {
          number: c.number,
          code: c.code,
          name_vi: c.name_vi,
          name_en: c.name_en,
          met,
          note: shown.notes[String(c.number)] ?? null,
          indicators: c.indicators.map((i) => ({ code: i.code, name_vi: i.name_vi, name_en: i.name_en, unit: i.unit, value: shown.indicators[i.code] ?? null })),
          previously_met: before,
          change,
        };
      }),
  }));
  return {
    commune: { code: commune.code, name: commune.name, district: ref(commune.district), province: ref(commune.province)!, structure: commune.structure },
    period,
    criteria_set: { code: set.code, decision: set.decision, criteria_count: set.criteria_count },
    exists: current !== null,
    version: current?.version ?? null,
    provenance: current?.provenance ?? null,
    source: current?.source ?? null,
    reviewed_by: current?.reviewedBy ?? null,
    reviewed_at: current?.reviewedAt ?? null,
    prefilled_from: current ? null : (previous?.period ?? null),
    previous: previous ? { period: previous.period, met_count: popcount(previous.mask), provenance: previous.provenance } : null,
    met_count: popcount(shown.mask),
    note: shown.notes[GENERAL_NOTE] ?? null,
    changes: { gained: gained.sort((a, b) => a - b), lost: lost.sort((a, b) => a - b) },
    groups,
  };
}
