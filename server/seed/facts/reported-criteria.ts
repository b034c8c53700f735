/** @module criteria_counts.csv: how many criteria a public source reported a named commune to meet, at a date
 * ("17/19", "18/19 (NC set)"). */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { ReportedCriteriaTable } from '../../db/schema.ts';
import { communeCodeOrEmpty, orNull, readFactsCsv, requiredText, text, url } from './csv.ts';
import { communeRows, type UnitLookup } from './units.ts';

/** A row of reported criteria counts as the seed inserts it. */
export type NewReportedCriteria = Insertable<ReportedCriteriaTable>;

/** One unit's reported criteria count at a date, from a cited source. */
export interface ReportedCriteriaFact {
  file: string;
  line: number;
  record: NewReportedCriteria;
}

/** The reported criteria counts, ready for the seed. */
export interface ReportedCriteriaFacts {
  reports: ReportedCriteriaFact[];
  skipped: number;
}

const CRITERIA_MET = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*(?:\(([^)]+)\))?$/;

const Row = z.object({
  commune: text,
  criteria_met: z
    .string()
    .trim()
    .regex(CRITERIA_MET, { error: 'expected criteria met like 17/19 or "18/19 (NC set)"' }),
  as_of: requiredText,
  source_url: url,
  commune_code: communeCodeOrEmpty,
  note: text,
});

/**
 * The criteria set a count refers to: the label in brackets ("NC set"), else the set a note names
 * ("2016-2020 national set"), else the national set in force at the date (2016-2020 before 2022, when
 * 318/QĐ-TTg of 08/3/2022 took over; 2021-2025 after).
 */
export function criteriaSetLabel(bracket: string | undefined, note: string, asOf: string): string {
  if (bracket) return bracket.trim();
  const named = /(\d{4}-\d{4} national set)/.exec(note);
  if (named) return named[1]!;
  const years = [...asOf.matchAll(/(\d{4})/g)].map((m) => Number(m[1]));
  const year = years.length > 0 ? Math.max(...years) : null;
  if (year !== null && year < 2022) return '2016-2020 national set';
  return '2021-2025 national set';
}

/** Loads and validates reported-criteria.csv against the units. */
export function loadReportedCriteria(dir: string, units: UnitLookup): ReportedCriteriaFacts {
  const file = 'criteria_counts.csv';
  const reports: ReportedCriteriaFact[] = [];
  const { rows, skipped } = communeRows(readFactsCsv(dir, file, Row), units);
  for (const { row, v } of rows) {
    const [, met, total, bracket] = CRITERIA_MET.exec(v.criteria_met)!;
    if (Number(met) > Number(total)) {
      throw row.error('criteria_met', `expected criteria met not above the total, got ${JSON.stringify(v.criteria_met)}`);
    }
    reports.push({
      file,
      line: row.line,
      record: {
        commune_code: v.commune_code,
        criteria_met: Number(met),
        criteria_total: Number(total),
        criteria_set: criteriaSetLabel(bracket, v.note, v.as_of),
        as_of: v.as_of,
        source_url: v.source_url,
        note: orNull(v.note),
      },
    });
  }
  return { reports, skipped };
}
