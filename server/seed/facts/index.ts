/** @module All facts files loaded and validated together, with a content hash of the files read. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRecord } from '../../unit/units-index.ts';
import type { Insertable } from 'kysely';
import type { OfficialCountTable, TargetTable } from '../../db/schema.ts';
import { type CriteriaCatalogue, loadCriteria } from './criteria.ts';
import { loadLaterSets } from './criteria-2026.ts';
import { loadNationalCounts, loadTargets2030 } from './national-counts.ts';
import { factsError } from './csv.ts';
import { type PlannedCommuneFacts, loadPlannedCommunes } from './plans.ts';
import { type RecognitionFacts, loadRecognitions } from './recognitions.ts';
import { type ReportedCriteriaFacts, loadReportedCriteria } from './reported-criteria.ts';
import { type SpecialDifficultyFacts, loadSpecialDifficulty } from './special-difficulty.ts';
import { type TargetFact, loadTargets } from './targets.ts';
import { type UnitLookup, indexUnits } from './units.ts';

/** The facts files read, in a fixed order (their hash is over this order). */
export const FACTS_FILES = [
  'criteria.json',
  'recognitions.csv',
  'districts.csv',
  'special_difficulty_communes.csv',
  'targets.csv',
  'plan_targets.csv',
  'planned_communes.csv',
  'criteria_counts.csv',
  'national_counts.csv',
  'targets_2030.csv',
] as const;

/** Every facts file loaded and validated, ready for the seed. */
export interface Facts {
  catalogue: CriteriaCatalogue;
  /** The sets after 2021-2025 (2026-2030), as far as a source gives them. */
  laterSets: CriteriaCatalogue[];
  /** Figures official sources published for the country and some provinces, in the structure of their date. */
  officialCounts: Insertable<OfficialCountTable>[];
  /** The national targets for 2030 (today's structure). */
  targets2030: Insertable<TargetTable>[];
  recognitions: RecognitionFacts;
  specialDifficulty: SpecialDifficultyFacts;
  targets: TargetFact[];
  plannedCommunes: PlannedCommuneFacts;
  reportedCriteria: ReportedCriteriaFacts;
  /** Rows skipped because the source has no 2025 GSO code for them, by file. */
  skipped: Record<string, number>;
  /** sha256 over the files' bytes (in FACTS_FILES order, each prefixed by its name). */
  sha256: string;
}

/** The SHA-256 over every facts file, stored in the seeded database's metadata to tell which facts it was seeded from. */
export function factsSha256(dir: string): string {
  const hash = createHash('sha256');
  for (const file of FACTS_FILES) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, file));
    } catch (error) {
      throw factsError({ file, line: null, column: null }, `cannot read ${join(dir, file)}: ${(error as Error).message}`);
    }
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Loads and validates every facts file of `dir` against the units; throws a FactsError on the first problem. */
export function loadFacts(dir: string, units: readonly UnitRecord[] | UnitLookup): Facts {
  const lookup = 'byCode' in units ? units : indexUnits(units);
  const sha256 = factsSha256(dir);
  const catalogue = loadCriteria(dir);
  const recognitions = loadRecognitions(dir, lookup);
  const specialDifficulty = loadSpecialDifficulty(dir, lookup);
  const targets = loadTargets(dir, lookup);
  const plannedCommunes = loadPlannedCommunes(dir, lookup);
  const reportedCriteria = loadReportedCriteria(dir, lookup);
  return {
    catalogue,
    laterSets: loadLaterSets(dir),
    officialCounts: loadNationalCounts(dir),
    targets2030: loadTargets2030(dir),
    recognitions,
    specialDifficulty,
    targets,
    plannedCommunes,
    reportedCriteria,
    skipped: {
      'recognitions.csv': recognitions.skipped,
      'special_difficulty_communes.csv': specialDifficulty.skipped,
      'planned_communes.csv': plannedCommunes.skipped,
      'criteria_counts.csv': reportedCriteria.skipped,
    },
    sha256,
  };
}
