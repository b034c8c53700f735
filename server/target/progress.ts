/** @module Progress against a published target at a period: the value now of each clause the data can measure
 * (from the status tally of the target's own scope), the number it asks for, and whether it is on track.
 *
 * On-track rule (also in the OpenAPI description of /summary):
 *   - deadline passed (period at or after the deadline's month): `reached_by_deadline` — true when the value
 *     at the deadline's month (the latest period with data up to it) meets the target; null when the data
 *     starts after the deadline;
 *   - a yearly rate (criteria gained per year): `rate` — true when the rate over the last 12 months meets it;
 *   - otherwise `straight_line` — true when the value now is at or above a straight line drawn from the value
 *     at the start of the plan (the first month of the criteria set in force at the deadline, 2021-01 for
 *     2021-2025, and no earlier than the first period with data; for "new in year Y": 0 at the end of Y-1)
 *     to the target at its deadline.
 * Every target asks for "at least" its number ("~40%" and "≥80%" alike). */
import { reasonVi } from './reasons-vi.ts';
import type { ApiContext } from '../context/context.ts';
import type { RecognitionLevel, UnitStructure } from '../db/schema.ts';
import { LEVELS } from '../recognition/standing.ts';
import { addMonths, monthNumber, type Period } from '../period/period.ts';
import type { CommuneStatus } from '../status/status-service.ts';
import { type ProvenanceCount, type Tally, atLeast, tallyOf, withAtLeast } from '../summary/tally.ts';
import { type Measure, type MeasureUnit, describeMeasure, interpretTarget } from './interpret.ts';
import type { TargetRecord, TargetScope } from './target-store.ts';

/** A measure as the API shows it. */
export interface MeasureOut {
  kind: Measure['kind'];
  description: string;
  level?: RecognitionLevel;
  year?: number;
  min_criteria?: number;
  criteria?: number[];
}

/** How a target's progress is judged on track: on a straight line to the deadline, reached by the deadline, or at
 * the needed yearly rate. */
export type OnTrackRule = 'straight_line' | 'reached_by_deadline' | 'rate';

/** A target's progress: the measure read, the value now and at the baseline, whether on track and why. */
export interface TargetProgress {
  id: number;
  scope: TargetScope;
  metric: string;
  target: { value: string; number: number | null };
  clause: string | null;
  computable: boolean;
  reason: string | null;
  /** `reason` in Vietnamese. */
  reason_vi: string | null;
  measure: MeasureOut | null;
  unit: MeasureUnit | null;
  value_now: number | null;
  deadline: string | null;
  start: { period: Period; value: number } | null;
  expected_now: number | null;
  value_at_deadline: number | null;
  on_track: boolean | null;
  on_track_rule: OnTrackRule | null;
  on_track_reason: string | null;
  /** `on_track_reason` in Vietnamese. */
  on_track_reason_vi: string | null;
  illustrative: boolean | null;
  inputs: ProvenanceCount | null;
  source: string;
  source_url: string | null;
  note: string | null;
}

type Evaluation = { value: number; inputs: ProvenanceCount } | { value: null; reason: string };

const EPSILON = 1e-9;

/** Evaluates measures on the status tables of the status service (cached per period), in the unit structure
 * the target was set in: a month of another structure has no figure for it (the codes collide across the
 * July-2025 reform, so a province's tally is never read in the other structure's units). */
class Evaluator {
  constructor(private readonly ctx: ApiContext, private readonly structure: UnitStructure) {}

  private async statusesAt(period: Period): Promise<ReadonlyMap<string, CommuneStatus> | null> {
    return this.ctx.periods.has(period) && this.inStructure(period) ? this.ctx.status.at(period) : null;
  }

  /** Whether `period` is read in the target's structure (false for a month no structure covers). */
  private inStructure(period: Period): boolean {
    try {
      return this.ctx.eras.at(period).structure.code === this.structure;
    } catch {
      return false;
    }
  }

  /** Why `period` has no figure for this target: its units are another structure's, or it has no data. */
  private noFigure(period: Period): string {
    return this.ctx.periods.has(period) && !this.inStructure(period)
      ? `${period} is read in another unit structure than the target's (${this.structure}): figures are not compared across the July-2025 reform`
      : `no data at ${period}`;
  }

  async tally(scopeCode: string, period: Period): Promise<Tally | null> {
    const statuses = await this.statusesAt(period);
    return statuses ? tallyOf(this.ctx.eras.at(period).units, statuses, period, scopeCode) : null;
  }

  async evaluate(measure: Measure, scopeCode: string, period: Period): Promise<Evaluation> {
    const tally = await this.tally(scopeCode, period);
    if (!tally) return { value: null, reason: this.noFigure(period) };
    if (tally.communes === 0) return { value: null, reason: 'the scope has no rural communes with data' };
    const share = (n: number) => (100 * n) / tally.communes;
    switch (measure.kind) {
      case 'communes_at_level':
        return { value: atLeast(tally.levels, measure.level), inputs: tally.provenance.levels };
      case 'share_at_level':
        return { value: share(atLeast(tally.levels, measure.level)), inputs: tally.provenance.levels };
      case 'share_min_criteria':
        return { value: share(withAtLeast(tally.byMet, measure.min)), inputs: tally.provenance.reviews };
      case 'share_criteria_met': {
        const mask = measure.criteria.reduce((m, n) => m | (1 << (n - 1)), 0);
        let n = 0;
        for (const s of tally.statuses) if ((s.mask & mask) === mask) n++;
        return { value: share(n), inputs: tally.provenance.reviews };
      }
      case 'average_criteria_met':
        return { value: tally.metSum / tally.communes, inputs: tally.provenance.reviews };
      case 'new_communes_at_level':
        return this.newCommunes(measure, scopeCode, period, tally);
      case 'criteria_gain_per_year':
        return this.gainPerYear(period, tally);
    }
  }

  /** Communes at the level (or above) at the end of the year (or now, within it) less those at the end of
   * the year before (from the recognitions themselves when that month is before the data). */
  private async newCommunes(measure: Extract<Measure, { kind: 'new_communes_at_level' }>, scopeCode: string, period: Period, now: Tally): Promise<Evaluation> {
    const first = `${measure.year}-01`;
    if (period < first) return { value: null, reason: `the target's year (${measure.year}) starts after ${period}` };
    const endPeriod = period < `${measure.year}-12` ? period : `${measure.year}-12`;
    const end = endPeriod === period ? now : await this.tally(scopeCode, endPeriod);
    if (!end) return { value: null, reason: this.noFigure(endPeriod) };
    const baselinePeriod = `${measure.year - 1}-12`;
    // A baseline month with data in the other structure is no baseline: its communes are not these.
    if (this.ctx.periods.has(baselinePeriod) && !this.inStructure(baselinePeriod)) return { value: null, reason: this.noFigure(baselinePeriod) };
    const baseline = await this.tally(scopeCode, baselinePeriod);
    let before: number;
    if (baseline) before = atLeast(baseline.levels, measure.level);
    else {
      const min = LEVELS.indexOf(measure.level);
      // The communes counted are those of the end month, so their codes are read in its structure.
      const structure = this.ctx.eras.at(endPeriod).structure.code;
      before = 0;
      for (const s of end.statuses) if (LEVELS.indexOf(this.ctx.standings.at(structure, s.code, baselinePeriod).level) >= min) before++;
    }
    return { value: atLeast(end.levels, measure.level) - before, inputs: end.provenance.levels };
  }

  private async gainPerYear(period: Period, now: Tally): Promise<Evaluation> {
    const earlierPeriod = addMonths(period, -12);
    const earlier = await this.statusesAt(earlierPeriod);
    if (!earlier) return { value: null, reason: this.ctx.periods.has(earlierPeriod) ? this.noFigure(earlierPeriod) : `no data 12 months earlier (${earlierPeriod})` };
    // Criteria gained are counted within one set: a commune's count of 19 and of 10 are not comparable.
    const set = this.ctx.catalogue.setFor(period);
    if (!set || this.ctx.catalogue.setFor(earlierPeriod)?.code !== set.code) return { value: null, reason: `12 months earlier (${earlierPeriod}) the communes were scored on another criteria set` };
    const all = set.criteria_count;
    const inputs = { official: 0, illustrative: 0 };
    let n = 0;
    let gain = 0;
    for (const s of now.statuses) {
      const e = earlier.get(s.code);
      if (!e || e.met >= all) continue;
      n++;
      gain += s.met - e.met;
      inputs[s.provenance]++;
      inputs[e.provenance]++;
    }
    if (n === 0) return { value: null, reason: `every commune met all criteria at ${earlierPeriod}` };
    return { value: gain / n, inputs };
  }
}

function round(value: number, unit: MeasureUnit): number {
  const digits = unit === 'communes' ? 0 : unit === '%' ? 1 : 2;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function measureOut(m: Measure): MeasureOut {
  const description = describeMeasure(m);
  switch (m.kind) {
    case 'communes_at_level':
    case 'share_at_level':
      return { kind: m.kind, level: m.level, description };
    case 'new_communes_at_level':
      return { kind: m.kind, level: m.level, year: m.year, description };
    case 'share_min_criteria':
      return { kind: m.kind, min_criteria: m.min, description };
    case 'share_criteria_met':
      return { kind: m.kind, criteria: m.criteria, description };
    default:
      return { kind: m.kind, description };
  }
}

/** Progress rows (one per clause) of targets at a period. */
export async function targetProgress(ctx: ApiContext, targets: ReadonlyArray<{ record: TargetRecord; scope: TargetScope }>, period: Period): Promise<TargetProgress[]> {
  const periods = ctx.periods.all();
  const firstData = periods[0]!;
  const out: TargetProgress[] = [];
  for (const { record, scope } of targets) {
    const evaluator = new Evaluator(ctx, record.scope_structure);
    const scopeCode = scope.code ?? '';
    for (const clause of interpretTarget(record)) {
      const row: TargetProgress = {
        id: record.id,
        scope,
        metric: record.metric,
        target: { value: record.value, number: clause.number },
        clause: clause.clause,
        computable: clause.measure !== null,
        reason: clause.reason,
        reason_vi: null,
        measure: clause.measure ? measureOut(clause.measure) : null,
        unit: clause.unit,
        value_now: null,
        deadline: record.deadline,
        start: null,
        expected_now: null,
        value_at_deadline: null,
        on_track: null,
        on_track_rule: null,
        on_track_reason: null,
        on_track_reason_vi: null,
        illustrative: null,
        inputs: null,
        source: record.source,
        source_url: record.source_url,
        note: record.note,
      };
      out.push(row);
      const measure = clause.measure;
      const number = clause.number;
      if (!measure || number === null || !clause.unit) continue;
      const unit = clause.unit;
      const now = await evaluator.evaluate(measure, scopeCode, period);
      if (now.value === null) {
        row.reason = now.reason;
        row.on_track_reason = now.reason;
        continue;
      }
      row.value_now = round(now.value, unit);
      row.inputs = now.inputs;
      row.illustrative = now.inputs.illustrative > 0;
      const deadlineMonth = record.deadline?.slice(0, 7) ?? null;
      if (deadlineMonth === null) {
        row.on_track_reason = 'the target has no deadline';
      } else if (period >= deadlineMonth) {
        row.on_track_rule = 'reached_by_deadline';
        const at = [...periods].reverse().find((p) => p <= deadlineMonth);
        if (at === undefined) {
          row.on_track_reason = `the deadline (${record.deadline}) is before the first period with data (${firstData})`;
          continue;
        }
        const then = at === period ? now : await evaluator.evaluate(measure, scopeCode, at);
        if (then.value === null) {
          row.on_track_reason = then.reason;
          continue;
        }
        row.value_at_deadline = round(then.value, unit);
        row.on_track = then.value >= number - EPSILON;
      } else if (measure.kind === 'criteria_gain_per_year') {
        row.on_track_rule = 'rate';
        row.on_track = now.value >= number - EPSILON;
      } else {
        row.on_track_rule = 'straight_line';
        let start: { period: Period; value: number };
        if (measure.kind === 'new_communes_at_level') {
          start = { period: `${measure.year - 1}-12`, value: 0 };
        } else {
          const programme = ctx.catalogue.setFor(deadlineMonth)?.valid_from ?? firstData;
          const startPeriod = programme > firstData ? programme : firstData;
          if (startPeriod > period) {
            row.on_track_reason = `the plan starts (${startPeriod}) after ${period}`;
            continue;
          }
          const atStart = startPeriod === period ? now : await evaluator.evaluate(measure, scopeCode, startPeriod);
          if (atStart.value === null) {
            row.on_track_reason = atStart.reason;
            continue;
          }
          start = { period: startPeriod, value: atStart.value };
        }
        const span = monthNumber(deadlineMonth) - monthNumber(start.period);
        const elapsed = monthNumber(period) - monthNumber(start.period);
        const expected = start.value >= number ? number : start.value + ((number - start.value) * elapsed) / span;
        row.start = { period: start.period, value: round(start.value, unit) };
        row.expected_now = Math.round(expected * 100) / 100;
        row.on_track = now.value >= expected - EPSILON;
      }
    }
  }
  for (const row of out) {
    row.reason_vi = reasonVi(row.reason);
    row.on_track_reason_vi = reasonVi(row.on_track_reason);
  }
  return out;
}
