/** @module Checks every row of an uploaded review spreadsheet and gathers its values by commune and month. Every
 * problem is reported with its line and column (never only the first one): unknown or non-rural commune,
 * commune outside the official's scope, bad or future month, month outside the criteria set, unknown
 * criterion, a value that is not met / not met, a note too long, a commune + criterion + month given twice.
 * The month decides the era: its commune codes are read in the month's unit structure (a code of the other
 * era is refused, saying where it belongs) and its criteria are the month's set (a 19-criteria row or column
 * for a month of the 10 criteria of 2026-2030 is refused). */
import { inScope } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import type { Catalogue, CriteriaSet } from '../criterion/catalogue.ts';
import type { Unit } from '../unit/unit-store.ts';
import type { UnitStructure } from '../db/schema.ts';
import { covers } from '../era/structure.ts';
import { ApiError } from '../http/errors.ts';
import type { Period } from '../period/period.ts';
import { currentMonth } from '../review/calendar.ts';
import { GENERAL_NOTE } from '../review/review-record.ts';
import { NOTE_MAX } from '../review/schemas.ts';
import { columnLetter, criterionHeader, H, type Layout, readHeader } from './layout.ts';
import type { Sheet } from './read-file.ts';
import { MET_WORDS, readCommuneCode, readCriterion, readMet, readPeriod } from './values.ts';

/** One problem of an uploaded file: its line, column and header, the value found and what is wrong. */
export interface ImportIssue {
  line: number;
  column: string | null;
  header: string | null;
  value: string;
  message: string;
}

/** What the file says of one commune's month. */
export interface ReviewInput {
  /** The unit structure the commune code is of (the month's). */
  structure: UnitStructure;
  commune: string;
  period: Period;
  set: CriteriaSet;
  lines: number[];
  /** Criteria the file gives: met or not. */
  met: Map<number, boolean>;
  /** Notes the file gives, by criterion number (or GENERAL_NOTE). */
  notes: Map<string, string>;
}

/** An uploaded file checked: its layout, row count, the reviews it gives and every problem found. */
export interface ValidatedFile {
  layout: Layout;
  rows: number;
  reviews: ReviewInput[];
  errors: ImportIssue[];
  /** Lines naming communes outside the official's scope (the whole import is refused with 403). */
  outOfScope: ImportIssue[];
}

/** The communes of one unit structure, and the months it applies to. */
export interface CheckStructure {
  code: UnitStructure;
  validFrom: Period | null;
  validTo: Period | null;
  byCode: ReadonlyMap<string, Unit>;
}

/** What the checks read: the communes of each structure and the criteria sets (the import worker's copy). */
export interface CheckContext {
  /** Oldest first. */
  structures: readonly CheckStructure[];
  catalogue: Catalogue;
}

/** The structures' communes as the checks read them. */
export function checkContextOf(structures: ReadonlyArray<Omit<CheckStructure, 'byCode'>>, communes: readonly Unit[], catalogue: Catalogue): CheckContext {
  return {
    structures: structures.map((s) => ({ ...s, byCode: new Map(communes.filter((u) => u.structure === s.code).map((u) => [u.code, u])) })),
    catalogue,
  };
}

const unitsName = (code: UnitStructure) => (code === 'pre2025' ? 'the pre-2025 communes (months up to 2025-06)' : `today's communes (months since ${code})`);

/** The set of a month, when the database holds the units it scores (a pre-2025-only database takes no 2026-2030 reviews). */
function setOf(ctx: CheckContext, period: Period): CriteriaSet | null {
  const set = ctx.catalogue.setFor(period);
  return set && ctx.structures.some((s) => s.code === set.unit_structure) ? set : null;
}

/** Checks every row of a sheet against the month's era, the catalogue and the user's scope (see the module header). */
export function validateSheet(ctx: CheckContext, user: Pick<SessionUser, 'role' | 'unit' | 'structure'>, sheet: Sheet, now = new Date()): ValidatedFile {
  const [header, ...rows] = sheet.rows;
  const latestSet = ctx.catalogue.sets.at(-1);
  if (!latestSet) throw new ApiError(400, 'invalid_file', 'No criteria set is loaded');
  const maxCriterion = Math.max(...ctx.catalogue.sets.map((s) => s.criteria_count));
  const head = readHeader(header!.cells, maxCriterion, latestSet);
  if (!head.ok) throw new ApiError(400, 'invalid_file', head.message, { errors: [{ line: header!.line, column: null, header: null, value: header!.cells.join(', ').slice(0, 300), message: head.message }] });
  const cols = head.columns;
  if (rows.length === 0) throw new ApiError(400, 'invalid_file', 'The file has a header row but no data rows: add one row per commune (and criterion)', { errors: [], error_count: 0, truncated: false });
  const errors: ImportIssue[] = [];
  const outOfScope: ImportIssue[] = [];
  const reviews = new Map<string, ReviewInput>();
  const seen = new Map<string, number>();
  const current = currentMonth(now);
  const issue = (line: number, col: number | null, message: string, cells: readonly string[]): ImportIssue => ({
    line,
    column: col === null ? null : columnLetter(col),
    header: col === null ? null : (cols.headers[col] ?? null),
    value: col === null ? '' : (cells[col] ?? '').slice(0, 200),
    message,
  });

  const spans = ctx.catalogue.sets.map((s) => `${s.code}: ${s.valid_from} to ${s.valid_to ?? 'now'}`).join('; ');
  const latestStructure = ctx.structures.at(-1)!;
  for (const { line, cells } of rows) {
    const cell = (col: number | null) => (col === null ? '' : (cells[col] ?? '').trim());
    const fail = (col: number | null, message: string) => errors.push(issue(line, col, message, cells));
    // month: it decides the structure the commune code is read in, and the criteria
    const periodText = cell(cols.period);
    const period = readPeriod(periodText);
    const structure = period ? ([...ctx.structures].reverse().find((s) => covers(s, period)) ?? null) : null;
    const set = period && structure ? setOf(ctx, period) : null;
    const periodOk = Boolean(period && period <= current && set);
    // commune
    const codeText = cell(cols.commune);
    const code = readCommuneCode(codeText);
    const units = structure ?? latestStructure;
    const unit = code ? units.byCode.get(code) : undefined;
    let communeOk = false;
    if (!codeText) fail(cols.commune, `${H.commune} is empty`);
    else if (!code || !unit || unit.level !== 'commune') {
      const elsewhere = code ? ctx.structures.filter((s) => s !== units).map((s) => [s, s.byCode.get(code)] as const).find(([, u]) => u?.level === 'commune') : undefined;
      if (elsewhere && structure) fail(cols.commune, `${code} is ${elsewhere[1]!.name} of ${unitsName(elsewhere[0].code)}, not one of ${unitsName(structure.code)}: ${period} is reviewed on the latter (the codes were reused on 1/7/2025); give the code of the commune in ${period}`);
      else fail(cols.commune, `unknown commune code "${codeText}"`);
    } else if (!unit.rural) fail(cols.commune, `${unit.name} (${code}) is not a rural commune (xã): the NTM criteria apply to xã only`);
    else if (!periodOk) communeOk = false; // the month's error says why; the scope is checked once the month is right
    else if (!inScope(user, unit)) {
      const why = user.role !== 'admin' && user.structure !== unit.structure ? ` (your account is scoped to ${unitsName(user.structure)}; ${period} is a month of ${unitsName(unit.structure)})` : '';
      outOfScope.push(issue(line, cols.commune, `${unit.name} (${code}) is outside your scope${why}`, cells));
    } else communeOk = true;
    if (!periodText) fail(cols.period, `${H.period} is empty: write the month as YYYY-MM or MM/YYYY`);
    else if (!period) fail(cols.period, `"${periodText}" is not a month: write it as YYYY-MM or MM/YYYY, e.g. 2024-06 or 06/2024`);
    else if (period > current) fail(cols.period, `${period} is after the current month (${current})`);
    else if (!set) fail(cols.period, `no criteria set applies to ${period} (the sets: ${spans}${structure ? '' : '; no unit structure covers it'})`);
    // A wide file with columns of a larger set (TC11 … TC19 of 2021-2025) for a month of a smaller one: its
    // TC01 … TC10 mean other criteria, so the row is refused whole (once, at the first such column).
    if (set && cols.layout === 'wide') {
      const extra = [...cols.criteria].find(([number]) => !set.criteria.some((c) => c.number === number));
      if (extra) {
        fail(extra[1], `column ${cols.headers[extra[1]]} is not a criterion of ${period}: the month is reviewed on the ${set.criteria_count} criteria of the ${set.code} set (${set.decision}), TC01 … ${criterionHeader(set.criteria_count)}; this file has the columns of another set: download the template of ${period}`);
        continue;
      }
    }
    // criteria and values
    const given: Array<[number, boolean, string | null]> = [];
    const noteText = cell(cols.note);
    if (noteText.length > NOTE_MAX) fail(cols.note, `${H.note} is ${noteText.length} characters: at most ${NOTE_MAX}`);
    const note = noteText && noteText.length <= NOTE_MAX ? noteText : null;
    if (cols.layout === 'long') {
      const criterionText = cell(cols.criterion);
      const number = readCriterion(criterionText);
      const metText = cell(cols.met);
      const met = readMet(metText);
      if (!criterionText) fail(cols.criterion, `${H.criterion} is empty`);
      else if (number === undefined || (set && !set.criteria.some((c) => c.number === number)) || number < 1) {
        fail(cols.criterion, `unknown criterion "${criterionText}"${set ? `: the ${set.code} set has criteria 1 to ${set.criteria_count} (TC01 … TC${String(set.criteria_count).padStart(2, '0')})` : ''}`);
      }
      if (!metText) fail(cols.met, `${H.met} is empty: write ${MET_WORDS.join(', ')} (or delete the row to keep the current value)`);
      else if (met === undefined) fail(cols.met, `"${metText}" is not a value of ${H.met}: write ${MET_WORDS.join(', ')}`);
      if (number !== undefined && met !== undefined) given.push([number, met, note]);
    } else {
      for (const [number, col] of cols.criteria) {
        const text = cell(col);
        if (!text) continue; // empty: keep the current value
        const met = readMet(text);
        if (met === undefined) fail(col, `"${text}" is not a value of ${cols.headers[col]}: write ${MET_WORDS.join(', ')}, or leave it empty to keep the current value`);
        else if (set && !set.criteria.some((c) => c.number === number)) fail(col, `criterion ${number} is not in the ${set.code} set`);
        else given.push([number, met, null]);
      }
    }
    if (!communeOk || !period || !set || !structure) continue;
    // duplicates and gathering
    const key = `${code}/${period}`;
    let review = reviews.get(key);
    if (!review) reviews.set(key, (review = { structure: structure.code, commune: code!, period, set, lines: [], met: new Map(), notes: new Map() }));
    review.lines.push(line);
    if (cols.layout === 'wide') {
      const first = seen.get(key);
      if (first !== undefined) fail(cols.commune, `commune ${code} and month ${period} are already on line ${first}`);
      else seen.set(key, line);
      for (const [number, met] of given) review.met.set(number, met);
      if (note) review.notes.set(GENERAL_NOTE, note);
      continue;
    }
    for (const [number, met, n] of given) {
      const first = seen.get(`${key}/${number}`);
      if (first !== undefined) {
        fail(cols.criterion, `commune ${code}, criterion ${number} and month ${period} are already on line ${first}`);
        continue;
      }
      seen.set(`${key}/${number}`, line);
      review.met.set(number, met);
      if (n) review.notes.set(String(number), n);
    }
  }
  return { layout: cols.layout, rows: rows.length, reviews: [...reviews.values()], errors, outOfScope };
}
