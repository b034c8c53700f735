/** @module Revocation risk: a commune recognised at a period whose review no longer meets every criterion of the set
 * (a recognition can be revoked when a commune falls below the standard, Quyết định 18/2022/QĐ-TTg). The
 * one rule used by the commune card, the plans and the workspace's at-risk list; the list also says since
 * which month each criterion at fault has been failing. */
import type { ApiContext } from '../context/context.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { isMet } from '../criterion/mask.ts';
import type { Provenance, RecognitionLevel, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import type { Level, RecognitionRecord } from './standing.ts';

/** The rule behind "at risk": what allows a recognition to be revoked, with its decision, for the answers that flag
 * it. */
export const REVOCATION_RULE =
  'A recognised commune that no longer meets every criterion can have its recognition revoked (Quyết định 18/2022/QĐ-TTg of 02/8/2022); the Lào Cai plan (Kế hoạch 104/KH-BCĐ, 15/02/2024) asks such communes to complete the criteria at fault before revocation.';

/** Numbers of the criteria of `set` not met in `mask`. */
export function failingCriteria(set: CriteriaSet, mask: number): number[] {
  return set.criteria.filter((c) => !isMet(mask, c.number)).map((c) => c.number);
}

/** The criteria at fault when a commune at `level` is at risk of revocation, else null. */
export function atRiskCriteria(level: Level, failing: readonly number[] | null): readonly number[] | null {
  return level !== 'chua_dat' && failing !== null && failing.length > 0 ? failing : null;
}

/** A recognised commune that no longer meets every criterion, with the criteria at fault. */
export interface AtRiskCommune {
  code: string;
  level: RecognitionLevel;
  recognition: RecognitionRecord;
  met: number;
  review_period: Period;
  review_provenance: Provenance;
  /** The criteria at fault, each with the first month of its current run of failing reviews. */
  criteria: Array<{ number: number; failing_since: Period }>;
}

/** Whether a recognition was made under `set`: the set in force in its first month is `set`, or no set covers
 * that month (a recognition from before the first set is judged by the first, as before 2026). A recognition
 * under another set (a today's commune recognised in 2025 on the 19 criteria) is not judged against `set`'s
 * criteria: no rule this project could read says whether it must qualify again under 51/2025/QĐ-TTg. */
export function recognisedUnder(ctx: Pick<ApiContext, 'catalogue'>, r: RecognitionRecord, set: CriteriaSet): boolean {
  const month = r.effectivePeriod ?? r.decisionDate?.slice(0, 7) ?? null;
  const under = month ? ctx.catalogue.setFor(month) : null;
  return under === null || under.code === set.code;
}

/** The communes of `codes` (codes of the period's unit structure) at risk at `period`, in the order of `codes`:
 * those whose recognition in force was made under `set` (recognisedUnder) and whose latest review fails a criterion. */
export async function atRiskCommunes(ctx: Pick<ApiContext, 'catalogue' | 'eras' | 'ndb' | 'standings' | 'status'>, codes: readonly string[], period: Period, set: CriteriaSet): Promise<AtRiskCommune[]> {
  const structure = ctx.eras.at(period).structure.code;
  const statuses = await ctx.status.at(period);
  const found: Array<Omit<AtRiskCommune, 'criteria'> & { failing: readonly number[] }> = [];
  for (const code of codes) {
    const s = statuses.get(code);
    if (!s) continue;
    const standing = ctx.standings.at(structure, code, period);
    const failing = atRiskCriteria(standing.level, failingCriteria(set, s.mask));
    if (!failing || !standing.recognition || !recognisedUnder(ctx, standing.recognition, set)) continue;
    found.push({ code, level: standing.recognition.level, recognition: standing.recognition, met: s.met, review_period: s.asOf, review_provenance: s.provenance, failing });
  }
  const since = await failingSince(ctx, structure, found, period, set);
  return found.map(({ failing, ...rest }) => ({ ...rest, criteria: failing.map((n) => ({ number: n, failing_since: since.get(`${rest.code}:${n}`) ?? rest.review_period })) }));
}

/** For each commune and criterion at fault: the earliest review month of the unbroken run of reviews (latest
 * first, same criteria set, up to `period`) in which the criterion is not met. */
async function failingSince(ctx: Pick<ApiContext, 'ndb'>, structure: UnitStructure, communes: ReadonlyArray<{ code: string; failing: readonly number[] }>, period: Period, set: CriteriaSet): Promise<Map<string, Period>> {
  const out = new Map<string, Period>();
  for (let i = 0; i < communes.length; i += 500) {
    const batch = communes.slice(i, i + 500);
    const rows = await ctx.ndb.db
      .selectFrom('review')
      .select(['commune_code', 'period', 'met_mask'])
      .where('structure', '=', structure)
      .where('commune_code', 'in', batch.map((c) => c.code))
      .where('period', '<=', period)
      .where('set_code', '=', set.code)
      .orderBy('commune_code')
      .orderBy('period', 'desc')
      .execute();
    const byCommune = new Map<string, Array<{ period: string; met_mask: number }>>();
    for (const r of rows) (byCommune.get(r.commune_code) ?? byCommune.set(r.commune_code, []).get(r.commune_code)!).push(r);
    for (const c of batch) {
      for (const n of c.failing) {
        let first: Period | undefined;
        for (const r of byCommune.get(c.code) ?? []) {
          if (isMet(r.met_mask, n)) break;
          first = r.period;
        }
        if (first) out.set(`${c.code}:${n}`, first);
      }
    }
  }
  return out;
}
