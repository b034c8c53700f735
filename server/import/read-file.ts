/** @module Reads an uploaded spreadsheet into rows of text cells with their line numbers: CSV in UTF-8 (with or
 * without a byte-order mark; comma, semicolon or tab separated, as Excel saves it in either locale) or
 * the first worksheet of an XLSX workbook. Cells become text as the official sees them (dates as YYYY-MM). */
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { Readable } from 'node:stream';
import { ApiError } from '../http/errors.ts';
import { MAX_COLUMNS, unpackXlsx } from './xlsx-guard.ts';

/** The upload formats the import reads. */
export type FileFormat = 'csv' | 'xlsx';

/** One data row: its line in the file and its cells as text. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** An uploaded sheet as rows of text: its header row and data rows. */
export interface Sheet {
  format: FileFormat;
  rows: SheetRow[];
}

/** Most rows a file may have (a whole province's month in the long layout is about 19 × 300). */
export const MAX_ROWS = 100_000;

const invalid = (message: string) => new ApiError(400, 'invalid_file', message);

/** The format of an upload from its first bytes (a ZIP is XLSX, anything else CSV); an .xls name that is no ZIP is refused. */
export function formatOf(bytes: Uint8Array, filename: string): FileFormat {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip) return 'xlsx';
  if (/\.xlsx?$/i.test(filename)) throw invalid(`${filename} is not an XLSX workbook (an .xls file from old Excel versions: save it as .xlsx or CSV UTF-8)`);
  return 'csv';
}

/** Reads an upload's first sheet into rows of text (see the module header for what is accepted). */
export async function readSheet(bytes: Uint8Array, filename: string): Promise<Sheet> {
  const format = formatOf(bytes, filename);
  const rows = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  const data = rows.filter((r) => r.cells.some((c) => c !== ''));
  if (data.length === 0) throw invalid(`${filename} has no rows: expected a header row and one row per commune (and criterion)`);
  if (data.length > MAX_ROWS + 1) throw invalid(`${filename} has ${data.length - 1} rows: at most ${MAX_ROWS} rows per file`);
  return { format, rows: data };
}

function readCsv(bytes: Uint8Array): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid('The file is not UTF-8 text: save it as "CSV UTF-8" (or as XLSX)');
  }
  if (text.includes('\u0000')) throw invalid('The file is binary, not CSV text: upload a CSV (UTF-8) or an XLSX file');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  let records: Array<{ record: string[]; raw: string }>;
  try {
    // Bounded: rows past the limit are not parsed (the row count check below then refuses the file), and
    // a record longer than any real row (a 19 MB line of commas) stops the parser early.
    records = parse(text, { delimiter, raw: true, relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: false, to_line: MAX_ROWS + 2, max_record_size: 64 * 1024 }) as unknown as Array<{ record: string[]; raw: string }>;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw invalid(`The CSV cannot be read${e.lines ? ` at line ${e.lines}` : ''}: ${e.message.replace(/^Invalid Record Length: /, '')}`);
  }
  if (records.length >= MAX_ROWS + 2) throw invalid(`The file has more than ${MAX_ROWS + 1} lines: at most ${MAX_ROWS} rows per file`);
  const rows: SheetRow[] = [];
  let line = 1;
  for (const { record, raw } of records) {
    if (record.length > 64) throw invalid(`Line ${line} has ${record.length} columns: the templates use at most 64`);
    rows.push({ line, cells: record.map((c) => c.normalize('NFC')) });
    // `raw` may end with the record's own line break (LF files): only the breaks inside the record count.
    line += (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0) + 1;
  }
  return rows;
}

/** Minimal parts for a workbook that lacks them: the streaming reader then reads the sheet at once (instead of
 * through a temporary file) and finds the workbook's properties it looks up for dates. */
const EMPTY_WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><workbookPr/><sheets/></workbook>';
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const EMPTY_STRINGS = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

function* chunks(bytes: Uint8Array, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.byteLength; i += size) yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(size, bytes.byteLength - i));
}

async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const parts = unpackXlsx(bytes, MAX_ROWS);
  // The reader gets a new, stored (uncompressed) zip of the bounded parts only, in the order it wants them
  // (workbook, relationships, styles and shared strings before the sheet); it streams the sheet row by row.
  const zip = zipSync(
    {
      'xl/workbook.xml': parts.workbook ?? strToU8(EMPTY_WORKBOOK),
      'xl/_rels/workbook.xml.rels': parts.workbookRels ?? strToU8(EMPTY_RELS),
      ...(parts.styles ? { 'xl/styles.xml': parts.styles } : {}),
      'xl/sharedStrings.xml': parts.sharedStrings ?? strToU8(EMPTY_STRINGS),
      'xl/worksheets/sheet1.xml': parts.sheet,
    },
    { level: 0 },
  );
  const rows: SheetRow[] = [];
  try {
    // In 64 KB pieces: the reader parses each piece it is given into one batch of events and rows, so one
    // piece of 60 MB would hold the whole sheet's rows at once (9 KB per row).
    // Loaded when a workbook passed the checks: a worker starts without it, and a refused file never waits for it.
    const { default: Excel } = await import('exceljs');
    const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(chunks(zip, 64 * 1024)), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // number formats: which numbers are dates
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      let last = 0;
      for await (const row of sheet) {
        const line = Number.isFinite(row.number) && row.number > last ? row.number : last + 1;
        last = line;
        if (rows.length > MAX_ROWS + 1) break; // the scan counted the rows already: belt and braces
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col <= MAX_COLUMNS) cells[col - 1] = cellText(cell.value);
        });
        if (cells.length) rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
      }
      break; // the first worksheet only (the only one handed over)
    }
  } catch (error) {
    // ExcelJS's messages are its internals ("Cannot read properties of undefined"): log them, say what to do.
    console.error(`[import] XLSX not readable: ${(error as Error).message}`);
    throw invalid('The XLSX workbook cannot be read: save it again from Excel (as .xlsx), or upload CSV UTF-8');
  }
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  if (typeof value === 'string') return value.trim().normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim().normalize('NFC');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
