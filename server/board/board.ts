/** @module The monthly reporting board of a district or province (what the district sends the province before the
 * 20th, and the province its office): reviews received vs due, criteria gained and lost since last month,
 * recognised communes at revocation risk, progress against targets (the summary's own figures) and the
 * planned communes due this half-year with the criterion completions ("lượt tiêu chí") they still need. */
import type { ApiContext } from '../context/context.ts';
import type { Scope } from '../scope/scope.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { isMet } from '../criterion/mask.ts';
import type { Provenance, RecognitionLevel } from '../db/schema.ts';
import { addMonths, type Period } from '../period/period.ts';
import { plansIn, type PlanStatus } from '../plan/plan.ts';
import { atRiskCommunes } from '../recognition/at-risk.ts';
import type { Level } from '../recognition/standing.ts';
import { scopeSummary } from '../summary/summary.ts';
import type { ProvenanceCount } from '../summary/tally.ts';
import type { TargetProgress } from '../target/progress.ts';
import type { Unit } from '../unit/unit-store.ts';

/** Day of the month by which a district reports the month's reviews to the province. */
export const REPORT_DAY = 20;

/** A unit named on the board: its code and name. */
export interface UnitRef {
  code: string;
  name: string;
}

/** A commune on the board, with the district it belongs to. */
export interface CommuneRef extends UnitRef {
  district: UnitRef | null;
}

/** Reviews received against reviews due for one district of the board's scope. */
export interface ReviewCount {
  code: string;
  name: string;
  due: number;
  received: number;
  missing: number;
}

/** A criterion a commune gained or lost since the month before. */
export interface CriterionChange {
  number: number;
  code: string;
  name_vi: string;
  gained: number;
  lost: number;
  gained_communes: UnitRef[];
  lost_communes: UnitRef[];
}

/** A recognised commune that no longer meets every criterion: what may cost it its recognition, and since when. */
export interface AtRiskCommune extends CommuneRef {
  level: RecognitionLevel;
  recognition: { decision: string | null; decision_date: string | null; provenance: Provenance };
  met: number;
  criteria_total: number;
  /** The criteria at fault, each with the first month of its current run of failing reviews. */
  failing: Array<{ number: number; code: string; name_vi: string; failing_since: Period }>;
  as_of: Period;
  provenance: Provenance;
}

/** A planned commune due this half-year, with its status and the criteria it still lacks. */
export interface BoardPlannedCommune extends CommuneRef {
  due: string;
  due_period: Period;
  target_level: RecognitionLevel;
  plan: string;
  met: number | null;
  criteria_total: number;
  missing: number[] | null;
  /** Criterion completions still needed to reach the target (0 once reached; null without a review). */
  criteria_needed: number | null;
  level: Level;
  status: PlanStatus;
  provenance: Provenance | null;
}

/** The whole monthly board of a district or province: every section the JSON answer and the workbook show. */
export interface Board {
  scope: { level: 'province' | 'district' | 'former_district'; code: string; name: string; province: UnitRef };
  period: Period;
  /** The unit structure of the month (its codes): pre2025 to 2025-06, 2025-07 since. */
  structure: string;
  /** How `reviews.by_district` groups the communes: by district (pre-2025 units), by former district (today's
   * units, on request), or not at all (today's units). */
  grouped_by: 'district' | 'former_district' | null;
  previous_period: Period | null;
  criteria_set: string;
  report_deadline: string;
  summary: { communes: number; recognised: number; share_recognised: number | null; average_met: number | null; levels: Record<Level, number> };
  reviews: { due: number; received: number; missing: number; by_district: ReviewCount[]; missing_communes: CommuneRef[] };
  changes: { previous_period: Period | null; gained: number; lost: number; communes_compared: number; criteria: CriterionChange[] };
  at_risk: AtRiskCommune[];
  targets: TargetProgress[];
  plans: {
    half_year: string;
    from: Period;
    to: Period;
    communes: BoardPlannedCommune[];
    criteria_needed: number;
    counts: Record<PlanStatus, number>;
  };
  provenance: { reviews: ProvenanceCount; levels: ProvenanceCount; illustrative: boolean };
}

/** The half-year a period falls in: "2025-H2", 2025-07 … 2025-12. */
export function halfYearOf(period: Period): { label: string; from: Period; to: Period } {
  const year = period.slice(0, 4);
  const first = Number(period.slice(5, 7)) <= 6;
  return first ? { label: `${year}-H1`, from: `${year}-01`, to: `${year}-06` } : { label: `${year}-H2`, from: `${year}-07`, to: `${year}-12` };
}

/** The board of `scope` (resolved in the month's units) for `period`, on `set`. `byFormerDistrict`: in today's
 * units (no districts), group the reviews by the former district(s) each commune's predecessors lay in. */
export async function boardOf(ctx: ApiContext, scope: Scope & { unit: Unit }, period: Period, set: CriteriaSet, options: { byFormerDistrict?: boolean } = {}): Promise<Board> {
  const era = ctx.eras.at(period);
  const units = era.units;
  const unit = scope.unit;
  const ref = (u: Unit): UnitRef => ({ code: u.code, name: u.name });
  // The units with districts (the pre-2025 ones) name the former districts of today's communes.
  const withDistricts = ctx.eras.structures.find((s) => s.levels.includes('district'));
  const oldUnits = withDistricts ? ctx.eras.unitsOf(withDistricts.code) : null;
  const formerDistrict = (code: string): Unit | undefined => oldUnits?.byCode.get(code);
  const groupFormer = !era.hasDistricts && options.byFormerDistrict === true;
  const communeRef = (code: string): CommuneRef => {
    const u = units.byCode.get(code)!;
    const d = u.district ? units.byCode.get(u.district) : groupFormer && u.formerDistricts[0] ? formerDistrict(u.formerDistricts[0]) : undefined;
    return { code: u.code, name: u.name, district: d ? ref(d) : null };
  };
  const due = units.ruralCommunes(scope.code, period);
  const province = units.byCode.get(scope.level === 'former_district' ? (due[0] ? units.byCode.get(due[0])!.province : unit.province) : unit.province) ?? unit;
  const previousCandidate = addMonths(period, -1);
  const previous = ctx.periods.has(previousCandidate) ? previousCandidate : null;

  const [summary, statuses, before, plans, officialRows] = await Promise.all([
    scopeSummary(ctx, ctx.eras.at(period), scope, period),
    ctx.status.at(period),
    previous ? ctx.status.at(previous) : Promise.resolve(null),
    plansIn(ctx, scope, period, set, era.structure.code),
    ctx.ndb.db.selectFrom('review').select('commune_code').where('period', '=', period).where('structure', '=', era.structure.code).where('provenance', '=', 'official').execute(),
  ]);

  // Reviews received (official, this month) vs due (every rural commune in scope), per district.
  const official = new Set(officialRows.map((r) => r.commune_code));
  let districts: Unit[];
  if (era.hasDistricts) districts = scope.level === 'province' ? units.children(unit.code).filter((d) => d.level === 'district') : [unit];
  else if (groupFormer) {
    const codes = [...new Set(due.flatMap((c) => units.byCode.get(c)!.formerDistricts))].sort();
    districts = codes.map(formerDistrict).filter((d): d is Unit => d !== undefined);
  } else districts = [];
  const inScopeDue = new Set(due);
  const by_district = districts
    .map((d): ReviewCount => {
      // A former district's communes, those of this scope (a former district may have gone to two provinces).
      const list = units.ruralCommunes(d.code, period).filter((c) => inScopeDue.has(c));
      const received = list.filter((c) => official.has(c)).length;
      return { code: d.code, name: d.name, due: list.length, received, missing: list.length - received };
    })
    .filter((d) => d.due > 0);
  const missingCommunes = due.filter((c) => !official.has(c)).map(communeRef);
  const received = due.length - missingCommunes.length;

  // Criteria gained and lost since last month.
  const changes: Board['changes'] = { previous_period: previous, gained: 0, lost: 0, communes_compared: 0, criteria: [] };
  const changeOf = new Map<number, CriterionChange>(
    set.criteria.map((c) => [c.number, { number: c.number, code: c.code, name_vi: c.name_vi, gained: 0, lost: 0, gained_communes: [], lost_communes: [] }]),
  );
  const allBits = set.criteria.reduce((m, c) => m | (1 << (c.number - 1)), 0);
  for (const code of due) {
    const now = statuses.get(code);
    if (!now) continue;
    const then = before?.get(code);
    if (!then) continue;
    changes.communes_compared++;
    const gained = now.mask & ~then.mask & allBits;
    const lost = then.mask & ~now.mask & allBits;
    if (gained === 0 && lost === 0) continue;
    const u = units.byCode.get(code)!;
    for (const c of changeOf.values()) {
      if (isMet(gained, c.number)) {
        c.gained++;
        c.gained_communes.push(ref(u));
      } else if (isMet(lost, c.number)) {
        c.lost++;
        c.lost_communes.push(ref(u));
      }
    }
  }
  changes.criteria = [...changeOf.values()];
  for (const c of changes.criteria) {
    changes.gained += c.gained;
    changes.lost += c.lost;
  }

  // Recognised communes now failing a criterion (the recognitions' own rule, Quyết định 18/2022/QĐ-TTg).
  const criterionOf = new Map(set.criteria.map((c) => [c.number, c]));
  const at_risk = (await atRiskCommunes(ctx, due, period, set)).map(
    (r): AtRiskCommune => ({
      ...communeRef(r.code),
      level: r.level,
      recognition: { decision: r.recognition.decision, decision_date: r.recognition.decisionDate, provenance: r.recognition.provenance },
      met: r.met,
      criteria_total: set.criteria_count,
      failing: r.criteria.map((c) => ({ number: c.number, code: criterionOf.get(c.number)?.code ?? String(c.number), name_vi: criterionOf.get(c.number)?.name_vi ?? '', failing_since: c.failing_since })),
      as_of: r.review_period,
      provenance: r.review_provenance,
    }),
  );

  // Planned communes due this half-year, and those due earlier that have not reached their target yet.
  const half = halfYearOf(period);
  const counts: Record<PlanStatus, number> = { reached: 0, on_track: 0, late: 0 };
  const planned = plans.communes
    .filter((p) => p.due_period <= half.to && (p.due_period >= half.from || p.status !== 'reached'))
    .map((p): BoardPlannedCommune => {
      counts[p.status]++;
      return {
        code: p.code,
        name: p.name,
        district: p.district,
        due: p.due,
        due_period: p.due_period,
        target_level: p.target_level,
        plan: p.plan,
        met: p.met,
        criteria_total: p.criteria_total,
        missing: p.missing,
        criteria_needed: p.status === 'reached' ? 0 : (p.missing?.length ?? null),
        level: p.level,
        status: p.status,
        provenance: p.provenance,
      };
    });

  const provenance = { reviews: summary.provenance.reviews, levels: summary.provenance.levels };
  const illustrative =
    provenance.reviews.illustrative > 0 || provenance.levels.illustrative > 0 || summary.targets.some((t) => t.illustrative === true) || planned.some((p) => p.provenance === 'illustrative');
  return {
    scope: { level: scope.level === 'province' ? 'province' : scope.level === 'former_district' ? 'former_district' : 'district', code: unit.code, name: unit.name, province: ref(province) },
    period,
    structure: era.structure.code,
    grouped_by: era.hasDistricts ? 'district' : groupFormer ? 'former_district' : null,
    previous_period: previous,
    criteria_set: set.code,
    report_deadline: `${period}-${REPORT_DAY}`,
    summary: { communes: summary.communes, recognised: summary.recognised, share_recognised: summary.share_recognised, average_met: summary.average_met, levels: summary.levels },
    reviews: { due: due.length, received, missing: missingCommunes.length, by_district, missing_communes: missingCommunes },
    changes,
    at_risk,
    targets: summary.targets,
    plans: { half_year: half.label, from: half.from, to: half.to, communes: planned, criteria_needed: planned.reduce((n, p) => n + (p.criteria_needed ?? 0), 0), counts },
    provenance: { ...provenance, illustrative },
  };
}
