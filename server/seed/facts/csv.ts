/** @module Reading the facts files: a CSV with a header row, each row validated by a zod schema. Every problem is a
 * FactsError whose one-line message names the file, the line (1-based, the header is line 1) and the column. */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/** A facts file is wrong: `message` is one line, e.g.
 * `recognitions.csv line 14, column commune_code: expected a 5-digit GSO code, got "2352"`. */
export class FactsError extends Error {
  override name = 'FactsError';
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
    readonly column: string | null = null,
  ) {
    super(message);
  }
}

/** Where a value sits in a facts file, for error messages. */
export interface FactsLocation {
  file: string; // base name, e.g. "recognitions.csv"
  line: number | null;
  column: string | null;
}

/** A facts error at a file, line and column, with the reason: the seed stops with it. */
export function factsError(at: FactsLocation, reason: string): FactsError {
  const where = [at.line !== null ? `line ${at.line}` : null, at.column !== null ? `column ${at.column}` : null]
    .filter((part) => part !== null)
    .join(', ');
  const message = `${at.file}${where ? ` ${where}` : ''}: ${oneLine(reason)}`;
  return new FactsError(message, at.file, at.line, at.column);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The value as it appears in the source, for "got …" in messages (shortened when long). */
export function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(short);
}

/** One validated CSV row and the line it starts on. */
export interface CsvRow<T> {
  line: number;
  value: T;
  /** A FactsError located at this row and `column` (to throw). */
  error(column: string, reason: string): FactsError;
}

/** Reads `file` in `dir` (a CSV with a header row), validates every row with `schema` (an object schema keyed by
 * column names) and returns the rows with their line numbers. Missing columns, malformed CSV and invalid values
 * throw a FactsError. Blank lines are ignored. */
export function readFactsCsv<S extends z.ZodObject>(dir: string, file: string, schema: S): CsvRow<z.output<S>>[] {
  const name = basename(file);
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw factsError({ file: name, line: null, column: null }, `cannot read ${path}: ${(error as Error).message}`);
  }
  return parseFactsCsv(name, text, schema);
}

interface ParsedRecord {
  record: Record<string, string>;
  info: { lines: number; empty_lines: number };
}

/** As readFactsCsv, from text already read (`name` is the file name used in messages). */
export function parseFactsCsv<S extends z.ZodObject>(name: string, text: string, schema: S): CsvRow<z.output<S>>[] {
  const at = (line: number | null, column: string | null = null): FactsLocation => ({ file: name, line, column });
  let header: string[] = [];
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((column) => column.trim());
        return header;
      },
      info: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const err = error as Error & { lines?: number };
    throw factsError(at(typeof err.lines === 'number' ? err.lines : null), `not a valid CSV file: ${err.message}`);
  }
  const required = Object.keys(schema.shape);
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw factsError(at(1), `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
  const rows: CsvRow<z.output<S>>[] = [];
  let previousEnd = 1; // the header's line
  let previousEmpty = 0;
  for (const { record, info } of records) {
    // info.lines is the line the record ends on; it starts after the previous record and any blank lines.
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const column = issue.path.length > 0 ? String(issue.path[0]) : null;
      const raw = column !== null ? record[column] : undefined;
      const reason = raw !== undefined ? `${issue.message}, got ${shown(raw)}` : issue.message;
      throw factsError(at(line, column), reason);
    }
    rows.push({
      line,
      value: result.data,
      error(column: string, reason: string): FactsError {
        return factsError(at(line, column), reason);
      },
    });
  }
  return rows;
}

// Column schemas shared by the loaders. Values are trimmed; messages say what was expected (the loader adds "got …").

/** A cell's text, trimmed. */
export const text = z.string().trim();
/** A cell that must not be empty. */
export const requiredText = z.string().trim().min(1, { error: 'expected a value' });
/** A commune's 5-digit GSO code. */
export const communeCode = z.string().trim().regex(/^\d{5}$/, { error: 'expected a 5-digit GSO code' });
/** A commune's 5-digit GSO code, or nothing. */
export const communeCodeOrEmpty = z
  .string()
  .trim()
  .regex(/^(\d{5})?$/, { error: 'expected a 5-digit GSO code' });
/** A district's 3-digit GSO code, or nothing. */
export const districtCodeOrEmpty = z
  .string()
  .trim()
  .regex(/^(\d{3})?$/, { error: 'expected a 3-digit GSO code' });
/** A district's 3-digit GSO code. */
export const districtCode = z.string().trim().regex(/^\d{3}$/, { error: 'expected a 3-digit GSO code' });
/** A province's 2-digit GSO code. */
export const provinceCode = z.string().trim().regex(/^\d{2}$/, { error: 'expected a 2-digit GSO code' });
/** A year 19xx or 20xx, or nothing. */
export const yearOrEmpty = z
  .string()
  .trim()
  .regex(/^((19|20)\d{2})?$/, { error: 'expected a year like 2019 (or nothing)' });
/** An http(s) URL. */
export const url = z
  .string()
  .trim()
  .regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL' });
/** A recognition level of 2021-2025. */
export const level = z.enum(['dat_chuan', 'nang_cao', 'kieu_mau'], {
  error: 'expected dat_chuan, nang_cao or kieu_mau',
});

/** Empty text → null. */
export function orNull(value: string): string | null {
  return value === '' ? null : value;
}
