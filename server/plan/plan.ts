/** @module The communes a provincial plan names as due to reach a level by a half-year or year, with where each
 * stands at a period: criteria met and still missing, level in force, and whether it reached the target in
 * time.
 *
 * Status rule: `reached` when the level in force is the target level or above, or — for a đạt chuẩn
 * target — every criterion of the set is met (awaiting recognition); otherwise `late` once the period is
 * after the due period (the last month of the due half-year or year), else `on_track`. */
import type { Selectable } from 'kysely';
import type { ApiContext } from '../context/context.ts';
import type { Scope } from '../scope/scope.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import type { PlannedCommuneTable, Provenance, RecognitionLevel } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import { atRiskCriteria, failingCriteria, recognisedUnder } from '../recognition/at-risk.ts';
import { LEVELS, type Level } from '../recognition/standing.ts';
import type { ProvenanceCount } from '../summary/tally.ts';
import { communeTargets } from '../target/target-store.ts';
import type { UnitStructure } from '../db/schema.ts';
import type { UnitStore } from '../unit/unit-store.ts';
import type { CommuneStatus } from '../status/status-service.ts';

/** Where a planned commune stands: reached its level, on track, or late. */
export type PlanStatus = 'reached' | 'on_track' | 'late';

/** A planned commune with its target, due date, latest status and what it still lacks. */
export interface PlannedCommune {
  /** The planned_commune record. */
  id: number;
  code: string;
  name: string;
  district: { code: string; name: string } | null;
  due: string;
  due_period: Period;
  target_level: RecognitionLevel;
  plan: string;
  source: string;
  note: string | null;
  met: number | null;
  criteria_total: number;
  missing: number[] | null;
  as_of: Period | null;
  provenance: Provenance | null;
  level: Level;
  level_provenance: Provenance | null;
  recognition: { level: RecognitionLevel; decision: string | null; decision_date: string | null; provenance: Provenance; source_url: string | null } | null;
  recognised: boolean;
  all_criteria_met: boolean;
  /** Recognised but failing a criterion now (recognition can be revoked, Quyết định 18/2022/QĐ-TTg). */
  at_risk: boolean;
  reached_by: 'recognition' | 'criteria' | null;
  status: PlanStatus;
  targets: Array<{ metric: string; value: string; deadline: string | null; source: string; source_url: string | null; note: string | null }>;
}

/** The planned communes of one due date, counted by status. */
export interface DueSummary {
  due: string;
  due_period: Period;
  communes: number;
  reached: number;
  on_track: number;
  late: number;
}

/** The plans of a scope at a period: the communes, their counts by status and by due date, and provenance. */
export interface Plans {
  communes: PlannedCommune[];
  counts: Record<PlanStatus, number>;
  dues: DueSummary[];
  provenance: { reviews: ProvenanceCount; levels: ProvenanceCount };
}

/** Where a planned commune stands at a period, from its level and criteria met against its target level and due
 * month. */
export function planStatus(input: { level: Level; targetLevel: RecognitionLevel; met: number | null; total: number; period: Period; duePeriod: Period }): { status: PlanStatus; reachedBy: 'recognition' | 'criteria' | null } {
  if (LEVELS.indexOf(input.level) >= LEVELS.indexOf(input.targetLevel)) return { status: 'reached', reachedBy: 'recognition' };
  if (input.targetLevel === 'dat_chuan' && input.met !== null && input.met >= input.total) return { status: 'reached', reachedBy: 'criteria' };
  return { status: input.period > input.duePeriod ? 'late' : 'on_track', reachedBy: null };
}

/** The planned communes of a province or district (a small table: filtered here by the units in memory). */
async function plannedIn(ctx: Pick<ApiContext, 'ndb'>, scope: Scope, units: UnitStore): Promise<Array<Selectable<PlannedCommuneTable>>> {
  const rows = await ctx.ndb.db.selectFrom('planned_commune').selectAll().where('structure', '=', units.structure).orderBy('due_period').orderBy('due').orderBy('commune_code').orderBy('id').execute();
  return rows.filter((r) => {
    const unit = units.byCode.get(r.commune_code);
    if (unit === undefined) return false;
    if (scope.level === 'province') return unit.province === scope.code;
    return scope.level === 'former_district' ? unit.formerDistricts.includes(scope.code) : unit.district === scope.code;
  });
}

/** The planned communes of a scope of `structure` (default: the period's) with their standing at `period`. */
export async function plansIn(ctx: Pick<ApiContext, 'catalogue' | 'eras' | 'ndb' | 'standings' | 'status'>, scope: Scope, period: Period, set: CriteriaSet, structure: UnitStructure = ctx.eras.at(period).structure.code): Promise<Plans> {
  const units = ctx.eras.unitsOf(structure);
  // Statuses of another structure's month would be other units under the same codes: none is read then.
  const sameEra = ctx.eras.at(period).structure.code === structure;
  const [rows, statuses] = await Promise.all([plannedIn(ctx, scope, units), sameEra ? ctx.status.at(period) : new Map<string, CommuneStatus>()]);
  const targets = await communeTargets(ctx.ndb.db, [...new Set(rows.map((r) => r.commune_code))]);
  const total = set.criteria_count;
  const counts: Record<PlanStatus, number> = { reached: 0, on_track: 0, late: 0 };
  const dues = new Map<string, DueSummary>();
  const provenance = { reviews: { official: 0, illustrative: 0 }, levels: { official: 0, illustrative: 0 } };
  const communes = rows.map((r): PlannedCommune => {
    const unit = units.byCode.get(r.commune_code)!;
    const district = unit.district ? units.byCode.get(unit.district) : undefined;
    const s = statuses.get(r.commune_code);
    const standing = ctx.standings.at(structure, r.commune_code, period);
    const met = s ? s.met : null;
    const { status, reachedBy } = planStatus({ level: standing.level, targetLevel: r.target_level, met, total, period, duePeriod: r.due_period });
    counts[status]++;
    const due = dues.get(r.due) ?? dues.set(r.due, { due: r.due, due_period: r.due_period, communes: 0, reached: 0, on_track: 0, late: 0 }).get(r.due)!;
    due.communes++;
    due[status]++;
    if (s) provenance.reviews[s.provenance]++;
    const levelProvenance = standing.recognition?.provenance ?? s?.provenance ?? null;
    if (levelProvenance) provenance.levels[levelProvenance]++;
    const missing = s ? failingCriteria(set, s.mask) : null;
    return {
      id: r.id,
      code: unit.code,
      name: unit.name,
      district: district ? { code: district.code, name: district.name } : null,
      due: r.due,
      due_period: r.due_period,
      target_level: r.target_level,
      plan: r.plan,
      source: r.source,
      note: r.note,
      met,
      criteria_total: total,
      missing,
      as_of: s && s.asOf !== period ? s.asOf : null,
      provenance: s?.provenance ?? null,
      level: standing.level,
      level_provenance: levelProvenance,
      recognition: standing.recognition
        ? {
            level: standing.recognition.level,
            decision: standing.recognition.decision,
            decision_date: standing.recognition.decisionDate,
            provenance: standing.recognition.provenance,
            source_url: standing.recognition.sourceUrl,
          }
        : null,
      recognised: standing.level !== 'chua_dat',
      all_criteria_met: met !== null && met >= total,
      at_risk: standing.recognition !== null && recognisedUnder(ctx, standing.recognition, set) && atRiskCriteria(standing.level, missing) !== null,
      reached_by: reachedBy,
      status,
      targets: (targets.get(r.commune_code) ?? []).map((t) => ({
        metric: t.metric,
        value: t.value,
        deadline: t.deadline,
        source: t.source,
        source_url: t.source_url,
        note: t.note,
      })),
    };
  });
  return { communes, counts, dues: [...dues.values()], provenance };
}
