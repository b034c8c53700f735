/** @module The commune card: everything the app and the officials see about one commune at a period — names and
 * parents, recognitions, special-difficulty listings, every criterion of the set that applies with its
 * indicators, the monthly history, the plans naming it, the targets that apply, `at_risk`, and its villages
 * (thôn: how many are NTM / model villages) as officials entered them.
 * Reads the commune's reviews (one range of the unique index (commune_code, period)), its plans, targets
 * and reported counts from the database; units, the catalogue and the standings from memory. */
import type { Selectable } from 'kysely';
import type { ApiContext } from '../context/context.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { isMet } from '../criterion/mask.ts';
import type { PlannedCommuneTable, ReviewTable, TargetTable, UnitStructure } from '../db/schema.ts';
import type { Era } from '../era/era.ts';
import { structureJson } from '../era/era-json.ts';
import { classificationOf } from '../classification/classification.ts';
import { LINEAGE_NOTE, lineageOnCard } from './lineage-card.ts';
import type { Period } from '../period/period.ts';
import { atRiskCriteria, failingCriteria, recognisedUnder } from '../recognition/at-risk.ts';
import { recognitionJson } from '../recognition/recognition-json.ts';
import { LEVELS, type Level } from '../recognition/standing.ts';
import { villageCountOf, villagesOnCard } from '../village/village-store.ts';
import type { Unit } from '../unit/unit-store.ts';
import { unitAt } from '../unit/unit-change.ts';
import type { CommuneCard, IllustrativePart } from './schema.ts';

type ReviewRow = Pick<Selectable<ReviewTable>, 'period' | 'set_code' | 'met_mask' | 'met_count' | 'indicators' | 'notes' | 'provenance' | 'source' | 'reviewed_at'>;

/** Why a phường or thị trấn has no criteria on its card: the NTM criteria apply to rural communes only. */
export const NOT_SCORED_NOTE =
  'Phường and thị trấn are urban units: the national NTM criteria apply only to rural communes (xã), so this unit is shown but not scored and its card has no criteria.';
/** What `at_risk` on a card means and the decision that allows a recognition to be revoked. */
export const AT_RISK_NOTE =
  'Recognised at this period but not meeting every criterion in the latest review: a recognition can be revoked when a commune no longer meets the standard (Quyết định 18/2022/QĐ-TTg).';

/** Why a criterion's indicators show no values: no source gives them per commune. */
export const INDICATORS_UNKNOWN_NOTE =
  'The 47 indicators of the 2026-2030 criteria (Quyết định 51/2025/QĐ-TTg) and their thresholds by commune group are not yet published in any source this project could read; the criteria are shown without them.';

const SCOPE_ORDER: Record<Selectable<TargetTable>['scope'], number> = { commune: 0, district: 1, province: 2, national: 3 };

/** The card of a commune (a unit of level `commune`) at a period that has data. */
export async function communeCard(ctx: Pick<ApiContext, 'catalogue' | 'eras' | 'lineage' | 'ndb' | 'standings' | 'status'>, era: Era, unit: Unit, period: Period): Promise<CommuneCard> {
  const db = ctx.ndb.db;
  const structure = era.structure.code;
  const state = unitAt(unit, period);
  const scored = state.rural;
  const [reviews, plans, targets, reported, villages] = await Promise.all([
    scored ? reviewsUpTo(ctx, structure, unit.code, period) : [],
    db.selectFrom('planned_commune').selectAll().where('structure', '=', structure).where('commune_code', '=', unit.code).orderBy('due_period').orderBy('id').execute(),
    // NTM targets are about rural communes: none applies to a phường or thị trấn.
    scored ? targetsFor(ctx, structure, unit) : [],
    db.selectFrom('reported_criteria').selectAll().where('structure', '=', structure).where('commune_code', '=', unit.code).orderBy('id').execute(),
    scored ? villageCountOf(db, structure, unit.code) : null,
  ]);

  const district = unit.district ? era.units.byCode.get(unit.district) : undefined;
  const province = era.units.byCode.get(unit.province);
  const standing = ctx.standings.at(structure, unit.code, period);
  const set = scored ? era.set : null;
  const shown = reviews.at(-1) ?? null;
  // A review of another criteria set (e.g. carried across a change of set) says nothing about this set's criteria.
  const mask = shown && set && shown.set_code === set.code ? shown.met_mask : null;
  const failed = set && mask !== null ? failingCriteria(set, mask) : null;
  // The workspace's rule: only a recognition made under the period's set is judged against its criteria.
  const risk = standing.recognition && set && recognisedUnder(ctx, standing.recognition, set) ? atRiskCriteria(standing.level, failed) : null;

  const recognitions = ctx.standings.recognitionsOf(structure, unit.code).filter((r) => r.unitLevel === 'commune');
  const listings = ctx.standings.listingsOf(structure, unit.code);
  // An official khu vực in force replaces the other listings (the illustrative stand-in) at the period.
  const inForceListings = ctx.standings.listingsInForce(structure, unit.code, period);
  const lineage = await lineageOnCard(ctx, era, unit);
  const classification = scored ? await classificationOf(ctx, structure, unit.code, period) : null;

  // A review's own set (the FK to criteria_set), which may differ from the period's after a change of set.
  const setCount = (code: string, met: number) => ctx.catalogue.sets.find((s) => s.code === code)?.criteria_count ?? set?.criteria_count ?? Math.max(met, 1);

  const parts: IllustrativePart[] = [];
  if (shown?.provenance === 'illustrative') parts.push('review');
  if (reviews.some((r) => r.provenance === 'illustrative')) parts.push('history');
  if (recognitions.some((r) => r.provenance === 'illustrative')) parts.push('recognitions');
  if (listings.some((l) => l.provenance === 'illustrative')) parts.push('special_difficulty');

  const card: CommuneCard = {
    code: unit.code,
    name: state.name,
    type: state.type,
    structure: structureJson(era),
    former_districts: unit.formerDistricts.flatMap((code) => {
      const d = ctx.eras.formerDistrict(era.structure.code, code);
      return d ? [{ code: d.code, name: d.name, type: d.type }] : [];
    }),
    predecessors: lineage.predecessors,
    successors: lineage.successors,
    lineage_note: lineage.predecessors.length || lineage.successors.length ? LINEAGE_NOTE : null,
    classification,
    district: district ? { code: district.code, name: district.name, type: district.type } : null,
    province: { code: unit.province, name: province?.name ?? unit.province, type: province?.type ?? 'Tỉnh' },
    scored,
    scored_note: scored ? null : NOT_SCORED_NOTE,
    period,
    level: standing.level,
    level_provenance: standing.recognition?.provenance ?? null,
    level_recognition_id: standing.recognition?.id ?? null,
    recognitions: recognitions.map((r) => recognitionJson(r, period)),
    special: standing.special,
    special_difficulty: listings.map((l) => ({
      classification: l.classification,
      special: l.special,
      decision: l.decision,
      period_from: l.periodFrom,
      period_to: l.periodTo,
      in_force: inForceListings.includes(l),
      provenance: l.provenance,
      source_url: l.sourceUrl,
      note: l.note,
    })),
    criteria_set: set
      ? { code: set.code, name_vi: set.name_vi, name_en: set.name_en, decision: set.decision, source_url: set.source_url, criteria_count: set.criteria_count, levels: [...set.levels], indicators_complete: set.indicators_complete, indicators_note: set.indicators_complete ? null : INDICATORS_UNKNOWN_NOTE }
      : null,
    review: shown
      ? {
          period: shown.period,
          criteria_set: shown.set_code,
          met: shown.met_count,
          total: setCount(shown.set_code, shown.met_count),
          provenance: shown.provenance,
          source: shown.source,
          reviewed_at: shown.reviewed_at,
        }
      : null,
    groups: set ? groupsOf(set, mask, shown) : [],
    history: reviews.map((r) => ({ period: r.period, met: r.met_count, criteria_set: r.set_code, total: setCount(r.set_code, r.met_count), provenance: r.provenance })),
    plans: plans.map((p) => planOf(ctx, structure, unit.code, p, period, set, reviews, failed)),
    targets: targets
      .sort((a, b) => SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] || (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.id - b.id)
      .map((t) => ({
        scope: t.scope,
        scope_code: t.scope_code,
        metric: t.metric,
        value: t.value,
        value_num: t.value_num,
        kind: t.kind,
        deadline: t.deadline,
        source: t.source,
        source_url: t.source_url,
        note: t.note,
      })),
    reported_criteria: reported.map((r) => ({
      criteria_met: r.criteria_met,
      criteria_total: r.criteria_total,
      criteria_set: r.criteria_set,
      as_of: r.as_of,
      source_url: r.source_url,
      note: r.note,
    })),
    at_risk: standing.recognition && risk ? { criteria: [...risk], level: standing.recognition.level, note: AT_RISK_NOTE } : null,
    villages: villages ? villagesOnCard(villages) : null,
    illustrative: parts.length > 0,
    illustrative_parts: parts,
    provenance_note: provenanceNote(parts, scored),
  };
  if (shown && shown.period !== period) card.as_of = shown.period;
  return card;
}

/** The commune's reviews up to the period, oldest first: one range of the unique index (commune_code, period). */
function reviewsUpTo(ctx: Pick<ApiContext, 'ndb'>, structure: UnitStructure, code: string, period: Period): Promise<ReviewRow[]> {
  return ctx.ndb.db
    .selectFrom('review')
    .select(['period', 'set_code', 'met_mask', 'met_count', 'indicators', 'notes', 'provenance', 'source', 'reviewed_at'])
    .where('structure', '=', structure)
    .where('commune_code', '=', code)
    .where('period', '<=', period)
    .orderBy('period')
    .execute();
}

/** Targets and reported figures of the country, the commune's province and district, and the commune itself. */
function targetsFor(ctx: Pick<ApiContext, 'ndb'>, structure: UnitStructure, unit: Unit): Promise<Array<Selectable<TargetTable>>> {
  return ctx.ndb.db
    .selectFrom('target')
    .selectAll()
    .where('scope_structure', '=', structure)
    .where((eb) =>
      eb.or([
        eb('scope', '=', 'national'),
        eb.and([eb('scope', '=', 'province'), eb('scope_code', '=', unit.province)]),
        ...(unit.district ? [eb.and([eb('scope', '=', 'district'), eb('scope_code', '=', unit.district)])] : []),
        eb.and([eb('scope', '=', 'commune'), eb('scope_code', '=', unit.code)]),
      ]),
    )
    .orderBy('id')
    .execute();
}

function groupsOf(set: CriteriaSet, mask: number | null, shown: ReviewRow | null): CommuneCard['groups'] {
  const values = mask === null ? {} : parseObject(shown?.indicators ?? null);
  const notes = mask === null ? {} : parseObject(shown?.notes ?? null);
  const byNumber = new Map(set.criteria.map((c) => [c.number, c]));
  // A set without criteria groups (2026-2030) is shown as one group, numbered 0, holding every criterion.
  const groups = set.groups.length ? set.groups : [{ number: 0, name_vi: 'Các tiêu chí (bộ tiêu chí không chia nhóm)', name_en: 'Criteria (the set has no groups)', criteria: set.criteria.map((c) => c.number) }];
  return groups.map((g) => {
    const criteria = g.criteria.flatMap((n) => byNumber.get(n) ?? []);
    return {
      number: g.number,
      name_vi: g.name_vi,
      name_en: g.name_en,
      met: mask === null ? null : criteria.filter((c) => isMet(mask, c.number)).length,
      total: criteria.length,
      criteria: criteria.map((c) => {
        const note = notes[String(c.number)];
        return {
          number: c.number,
          code: c.code,
          name_vi: c.name_vi,
          name_en: c.name_en,
          met: mask === null ? null : isMet(mask, c.number),
          note: typeof note === 'string' ? note : null,
          indicators_complete: c.indicators_complete,
          indicators: c.indicators.map((i) => {
            const value = values[i.code];
            return {
              code: i.code,
              name_vi: i.name_vi,
              name_en: i.name_en,
              unit: i.unit,
              thresholds: i.thresholds,
              value: typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : null,
            };
          }),
          sources: [...c.sources],
        };
      }),
    };
  });
}

function planOf(
  ctx: Pick<ApiContext, 'standings'>,
  structure: UnitStructure,
  code: string,
  p: Selectable<PlannedCommuneTable>,
  period: Period,
  set: CriteriaSet | null,
  reviews: readonly ReviewRow[],
  failed: number[] | null,
): CommuneCard['plans'][number] {
  const duePassed = period > p.due_period;
  let reached: Period | null = null;
  let reachedByDue: boolean;
  if (p.target_level === 'dat_chuan') {
    const full = set ? fullMask(set) : null;
    reached = reviews.find((r) => set && r.set_code === set.code && (r.met_mask & full!) === full)?.period ?? null;
    reachedByDue = reached !== null && reached <= p.due_period;
  } else {
    // No review records the advanced/model criteria: the target counts as reached when recognised at that level.
    const atDue: Level = ctx.standings.at(structure, code, p.due_period).level;
    reachedByDue = LEVELS.indexOf(atDue) >= LEVELS.indexOf(p.target_level);
  }
  return {
    target_level: p.target_level,
    due: p.due,
    due_period: p.due_period,
    plan: p.plan,
    source: p.source,
    note: p.note,
    due_passed: duePassed,
    reached_period: reached,
    on_track: !duePassed || reachedByDue,
    missing_criteria: failed,
  };
}

function fullMask(set: CriteriaSet): number {
  return set.criteria.reduce((m, c) => m | (1 << (c.number - 1)), 0);
}

/** A review's JSON object column (indicator values, notes); anything else reads as empty. */
function parseObject(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const PART_TEXT: Record<IllustrativePart, string> = {
  review: 'the criteria status shown',
  history: 'the monthly history of criteria met',
  recognitions: 'the recognition records marked illustrative',
  special_difficulty: 'the special-difficulty listings marked illustrative',
};

function provenanceNote(parts: readonly IllustrativePart[], scored: boolean): string {
  const official = scored
    ? 'Recognitions and listings marked official, plans, targets and reported counts come from the cited official sources.'
    : 'Recognitions and listings marked official, plans and targets come from the cited official sources.';
  if (parts.length === 0) return `Nothing on this card is illustrative. ${official}`;
  const list = parts.map((p) => PART_TEXT[p]);
  const joined = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
  return `Illustrative (generated by the project because no public dataset gives every commune's monthly status; not official): ${joined}. ${official}`;
}
