/** @module recognitions.csv (communes) and districts.csv (districts): recognition decisions as the sources give them.
 * Each record keeps its source URL and decision; the months derived from its messy dates are kept beside it
 * for the illustrative generator (countedFrom / metFrom). */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { RecognitionLevel, RecognitionTable } from '../../db/schema.ts';
import {
  type CsvRow,
  communeCodeOrEmpty,
  districtCode,
  districtCodeOrEmpty,
  level,
  orNull,
  readFactsCsv,
  text,
  url,
  yearOrEmpty,
} from './csv.ts';
import { type Period, type SourceDate, fullDate, monthNumber, parseSourceDate, periodAtLatest } from './dates.ts';
import { communeRows, type UnitLookup } from './units.ts';

/** A recognition's row as the seed inserts it. */
export type NewRecognition = Insertable<RecognitionTable>;

/** One recognition decision of recognitions.csv. */
export interface RecognitionFact {
  file: string;
  line: number;
  record: NewRecognition;
  /** The first month the recognition is known to be in force: the decision's month, else the "recognised by"
   * date the source gives, else December of the recognition year; null when the source dates it not at all. */
  countedFrom: Period | null;
  /** The first month the unit is known to meet the standard: December of the "NTM năm Y" year when that is
   * earlier than countedFrom (decisions for year Y are often signed early in Y+1), else countedFrom. */
  metFrom: Period | null;
}

/** The recognitions of recognitions.csv, with the counts the seed reports. */
export interface RecognitionFacts {
  communes: RecognitionFact[];
  districts: RecognitionFact[];
  /** Rows without a commune code in the source (no 2025 GSO match), skipped. */
  skipped: number;
}

const RecognitionRow = z.object({
  commune: text,
  level,
  year: yearOrEmpty,
  decision: text,
  source_url: url,
  commune_code: communeCodeOrEmpty,
  district_code: districtCodeOrEmpty,
  decision_date: text,
  status: z.enum(['recognised', 'proposed_by_provincial_council'], {
    error: 'expected recognised or proposed_by_provincial_council',
  }),
  recognised_by: text,
  note: text,
});

const DistrictRow = z.object({
  district: text,
  district_code: districtCode,
  level: z.string().trim().min(1, { error: 'expected a level' }),
  year: yearOrEmpty,
  decision: text,
  source_url: url,
  status: z.enum(['recognised', 'recognised (conflicting)'], {
    error: 'expected recognised or "recognised (conflicting)"',
  }),
  note: text,
});

function date(row: CsvRow<unknown>, column: string, value: string): SourceDate | null {
  try {
    return parseSourceDate(value);
  } catch (error) {
    throw row.error(column, `${(error as Error).message}, got ${JSON.stringify(value)}`);
  }
}

function earlier(a: Period | null, b: Period | null): Period | null {
  if (a === null) return b;
  if (b === null) return a;
  return monthNumber(a) <= monthNumber(b) ? a : b;
}

function joinNotes(parts: Array<string | null | undefined>): string | null {
  const kept = parts.map((part) => part?.trim()).filter((part): part is string => !!part);
  return kept.length > 0 ? kept.join(' | ') : null;
}

/** Decision date → the table's decision_date plus notes on partial or inferred dates. */
function decisionDates(row: CsvRow<unknown>, column: string, raw: string) {
  const parsed = date(row, column, raw);
  const notes: string[] = [];
  if (parsed?.yearInferred) notes.push(`decision date ${raw} in the source: year inferred from context`);
  if (parsed && parsed.day === null) notes.push(`decision dated ${raw} in the source (day not given)`);
  if (parsed?.approximate || parsed?.atLatest || parsed?.range) notes.push(`decision date approximate: ${raw}`);
  return { decisionDate: fullDate(parsed), decisionMonth: parsed ? periodAtLatest(parsed) : null, notes };
}

/** Loads and validates recognitions.csv against the units. */
export function loadRecognitions(dir: string, units: UnitLookup): RecognitionFacts {
  const file = 'recognitions.csv';
  const communes: RecognitionFact[] = [];
  const { rows, skipped } = communeRows(readFactsCsv(dir, file, RecognitionRow), units);
  for (const { row, v, unit } of rows) {
    const year = v.year === '' ? null : Number(v.year);
    const decision = decisionDates(row, 'decision_date', v.decision_date);
    const recognisedBy = date(row, 'recognised_by', v.recognised_by);
    const recognisedByMonth = recognisedBy ? periodAtLatest(recognisedBy) : null;
    const yearEnd = year !== null ? `${year}-12` : null;
    const countedFrom = decision.decisionMonth ?? recognisedByMonth ?? yearEnd;
    const proposed = v.status === 'proposed_by_provincial_council';
    const record: NewRecognition = {
      unit_code: v.commune_code,
      unit_level: 'commune',
      level: v.level,
      year,
      decision: orNull(v.decision),
      decision_date: decision.decisionDate,
      effective_period: countedFrom,
      signer: null,
      status: proposed ? 'proposed' : 'recognised',
      revoked_date: null,
      revocation_decision: null,
      revocation_reason: null,
      provenance: 'official',
      source_url: v.source_url,
      note: joinNotes([
        proposed ? 'provincial appraisal council proposal, not a recognition decision' : null,
        ...decision.notes,
        recognisedBy ? `recognised by ${v.recognised_by} at the latest (date from the source)` : null,
        v.commune !== '' && v.commune !== unit.name.replace(/^Xã /, '') ? `source name: ${v.commune}` : null,
        v.note,
      ]),
    };
    communes.push({ file, line: row.line, record, countedFrom, metFrom: earlier(countedFrom, yearEnd) });
  }
  return { communes, districts: loadDistrictRecognitions(dir, units), skipped };
}

/** The district-level wording → the recognition level (a thị xã/thành phố "completes the NTM task"; both count
 * as the standard level; the wording is kept in the note). */
function districtLevel(wording: string): RecognitionLevel | null {
  const w = wording.toLowerCase();
  if (w.includes('nâng cao')) return 'nang_cao';
  if (w.includes('kiểu mẫu')) return 'kieu_mau';
  if (w.includes('đạt chuẩn') || w.includes('hoàn thành nhiệm vụ')) return 'dat_chuan';
  return null;
}

function loadDistrictRecognitions(dir: string, units: UnitLookup): RecognitionFact[] {
  const file = 'districts.csv';
  const out: RecognitionFact[] = [];
  for (const row of readFactsCsv(dir, file, DistrictRow)) {
    const v = row.value;
    const unit = units.byCode.get(v.district_code);
    if (!unit || unit.level !== 'district') {
      throw row.error('district_code', `unknown district code ${JSON.stringify(v.district_code)} (not in the GSO unit list)`);
    }
    const recognitionLevel = districtLevel(v.level);
    if (recognitionLevel === null) {
      throw row.error('level', `expected a wording with "đạt chuẩn", "hoàn thành nhiệm vụ", "nâng cao" or "kiểu mẫu", got ${JSON.stringify(v.level)}`);
    }
    const year = v.year === '' ? null : Number(v.year);
    // "Thủ tướng Chính phủ (number not in source)": who decided, without a number.
    const hasNumber = /\d/.test(v.decision);
    const signer = !hasNumber && v.decision !== ''
      ? v.decision.replace(/\(number not in source\)/i, '').replace(/^Quyết định của\s+/i, '').trim()
      : null;
    const record: NewRecognition = {
      unit_code: v.district_code,
      unit_level: 'district',
      level: recognitionLevel,
      year,
      decision: hasNumber ? v.decision : null,
      decision_date: null,
      effective_period: year !== null ? `${year}-12` : null,
      signer: signer === '' ? null : signer,
      status: 'recognised',
      revoked_date: null,
      revocation_decision: null,
      revocation_reason: null,
      provenance: 'official',
      source_url: v.source_url,
      note: joinNotes([
        `level as the source words it: ${v.level}`,
        v.status === 'recognised (conflicting)' ? 'sources conflict on this recognition' : null,
        !hasNumber && v.decision !== '' ? `decision: ${v.decision}` : null,
        v.note,
      ]),
    };
    const countedFrom = year !== null ? `${year}-12` : null;
    out.push({ file, line: row.line, record, countedFrom, metFrom: countedFrom });
  }
  return out;
}
