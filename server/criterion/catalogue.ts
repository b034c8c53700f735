/** @module The criteria catalogue held in memory: criteria sets, their groups, criteria and indicators, with
 * sources. Read once at start (a few dozen rows). */
import type { Kysely } from 'kysely';
import type { Database, RecognitionLevel, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';

/** A criterion of a set without criteria groups carries this group number (the column is not nullable). */
export const NO_GROUP = 0;

/** An indicator of a criterion, with its unit, thresholds where a source gives them, and its sources. */
export interface Indicator { code: string; name_vi: string; name_en: string | null; unit: string | null; thresholds: Record<string, string> | string | null; sources: string[] }
/** A criterion of a set; `group` is null in a set without criteria groups (2026-2030). */
export interface Criterion { number: number; code: string; name_vi: string; name_en: string; group: number | null; indicators_complete: boolean; indicators: Indicator[]; sources: string[] }
/** A group of criteria (e.g. "Hạ tầng kinh tế - xã hội") and the criteria numbers in it. */
export interface CriterionGroup { number: number; name_vi: string; name_en: string; criteria: number[] }
/** A national criteria set (2021-2025 or 2026-2030): its decision, months of validity, levels, groups and criteria. */
export interface CriteriaSet {
  code: string;
  name_vi: string;
  name_en: string;
  decision: string;
  decision_date: string | null;
  valid_from: Period;
  valid_to: Period | null;
  criteria_count: number;
  source_url: string;
  /** The structure the set was written for (it also scores the other structure's units in transition months). */
  unit_structure: UnitStructure;
  /** Date the set came into force (YYYY-MM-DD), where known. */
  in_force_date: string | null;
  /** The recognition levels this set defines, lowest first. */
  levels: RecognitionLevel[];
  /** Whether every criterion lists all its indicators; false where the source does not give them. */
  indicators_complete: boolean;
  /** Caveats recorded from the source (what is known and not known of the set). */
  notes: Record<string, unknown>;
  groups: CriterionGroup[];
  criteria: Criterion[];
}

/** Every criteria set in memory, with look-ups by code and by month. */
export interface Catalogue {
  sets: readonly CriteriaSet[];
  /** The set that applies to a period (the latest whose validity covers it). */
  setFor(period: Period): CriteriaSet | null;
}

const json = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

/** Reads the catalogue from the database once at start (a few dozen rows). */
export async function loadCatalogue(db: Kysely<Database>): Promise<Catalogue> {
  const [sets, groups, criteria, indicators] = await Promise.all([
    db.selectFrom('criteria_set').selectAll().orderBy('valid_from').execute(),
    db.selectFrom('criterion_group').selectAll().orderBy('number').execute(),
    db.selectFrom('criterion').selectAll().orderBy('number').execute(),
    db.selectFrom('indicator').selectAll().orderBy('criterion_number').orderBy('code').execute(),
  ]);
  const out: CriteriaSet[] = sets.map((s) => {
    const ofSet = criteria.filter((c) => c.set_code === s.code);
    return {
      code: s.code,
      name_vi: s.name_vi,
      name_en: s.name_en,
      decision: s.decision,
      decision_date: s.decision_date,
      valid_from: s.valid_from,
      valid_to: s.valid_to,
      criteria_count: s.criteria_count,
      source_url: s.source_url,
      unit_structure: s.unit_structure,
      in_force_date: s.in_force_date,
      levels: json<RecognitionLevel[]>(s.levels, ['dat_chuan', 'nang_cao', 'kieu_mau']),
      indicators_complete: ofSet.every((c) => c.indicators_complete === 1),
      notes: json<Record<string, unknown>>(s.notes, {}),
      groups: groups
        .filter((g) => g.set_code === s.code)
        .map((g) => ({ number: g.number, name_vi: g.name_vi, name_en: g.name_en, criteria: ofSet.filter((c) => c.group_number === g.number).map((c) => c.number) })),
      criteria: ofSet.map((c) => ({
        number: c.number,
        code: c.code,
        name_vi: c.name_vi,
        name_en: c.name_en,
        group: c.group_number === NO_GROUP ? null : c.group_number,
        indicators_complete: c.indicators_complete === 1,
        sources: json<string[]>(c.sources, []),
        indicators: indicators
          .filter((i) => i.set_code === s.code && i.criterion_number === c.number)
          .map((i) => ({ code: i.code, name_vi: i.name_vi, name_en: i.name_en, unit: i.unit, thresholds: json<Indicator['thresholds']>(i.thresholds, null), sources: json<string[]>(i.sources, []) })),
      })),
    };
  });
  return catalogueOf(out);
}

/** The catalogue of these sets (ordered by valid_from); also rebuilds it from a copy, in the import's worker. */
export function catalogueOf(sets: readonly CriteriaSet[]): Catalogue {
  return {
    sets,
    setFor: (period) => [...sets].reverse().find((s) => s.valid_from <= period && (s.valid_to === null || period <= s.valid_to)) ?? null,
  };
}
