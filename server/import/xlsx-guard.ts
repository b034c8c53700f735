/** @module Unpacks an uploaded XLSX into only the parts the reader needs (workbook, its relationships, styles, shared
 * strings and the first worksheet), each inflated under one budget counted on the bytes really produced
 * (zip-parts.ts), then checks the worksheet's widest cell reference and its row count. Whatever the zip
 * declares, and however many other sheets it holds, the reader is handed these bounded bytes and nothing
 * else. The scans are hand-written loops over the bytes, linear in their length (a regular expression with a
 * lazy attribute run once took 30 s on 8 KB of `<c <c <c`). */
import { ApiError } from '../http/errors.ts';
import { type InflateBudget, readEntry, ZipError, type ZipEntry, zipEntries } from './zip-parts.ts';

/** Most bytes the kept parts of a workbook may inflate to, all together; the widest column accepted (the templates use 22). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** The widest sheet accepted, in columns: the templates use 22, so a wider file is not one of them. */
export const MAX_COLUMNS = 64;

const invalid = (message: string) => new ApiError(400, 'invalid_file', message);
const NOT_READABLE = 'The XLSX workbook cannot be read (not a valid zip file): save it again from Excel, or upload CSV UTF-8';

/** The parts of a workbook the reader parses, each inflated within the budget. */
export interface BoundedWorkbook {
  workbook: Uint8Array | null;
  workbookRels: Uint8Array | null;
  styles: Uint8Array | null;
  sharedStrings: Uint8Array | null;
  /** The first worksheet (in the workbook's order). */
  sheet: Uint8Array;
  /** Its rows (`<row>` elements) and widest column, as scanned. */
  rows: number;
  columns: number;
}

/** The spreadsheet letters of column n (1 → A, 27 → AA), for messages that name a cell. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
/** A byte that may follow an element's name: space, `>` or `/`. */
const endsName = (b: number | undefined) => isSpace(b) || b === GT || b === 0x2f;

/** The value of attribute `name` in the tag bytes [from, to), or null. Linear in the tag's length. */
function attribute(bytes: Uint8Array, from: number, to: number, name: string): string | null {
  outer: for (let i = from; i + name.length + 2 < to; i++) {
    if (!isSpace(bytes[i])) continue;
    for (let k = 0; k < name.length; k++) if (bytes[i + 1 + k] !== name.charCodeAt(k)) continue outer;
    let j = i + 1 + name.length;
    if (bytes[j] !== 0x3d || bytes[j + 1] !== QUOTE) continue;
    j += 2;
    let value = '';
    // At most 1 KB of it: enough for a reference, an id or a path.
    for (; j < to && bytes[j] !== QUOTE && value.length < 1024; j++) value += String.fromCharCode(bytes[j]!);
    return value;
  }
  return null;
}

/** Calls `visit(from, to)` for each start tag `<name …>` (bytes from `<` to `>`), in order; stops at the first unclosed tag. */
function eachTag(bytes: Uint8Array, name: string, visit: (from: number, to: number) => boolean | void): void {
  const first = name.charCodeAt(0);
  for (let i = bytes.indexOf(LT); i >= 0; i = bytes.indexOf(LT, i + 1)) {
    if (bytes[i + 1] !== first) continue;
    let k = 1;
    while (k < name.length && bytes[i + 1 + k] === name.charCodeAt(k)) k++;
    if (k < name.length || !endsName(bytes[i + 1 + name.length])) continue;
    const end = bytes.indexOf(GT, i);
    if (end < 0) return;
    if (visit(i, end) === false) return;
    i = end;
  }
}

/** Rows (`<row>`) and widest cell reference (`<c r="XFD9">` → 16384) of a worksheet's XML. */
export function scanSheet(xml: Uint8Array): { rows: number; columns: number } {
  let rows = 0;
  eachTag(xml, 'row', () => {
    rows++;
  });
  let columns = 0;
  eachTag(xml, 'c', (from, to) => {
    const ref = attribute(xml, from, to, 'r');
    if (ref === null) return;
    let n = 0;
    for (let k = 0; k < ref.length && k < 4; k++) {
      const code = ref.charCodeAt(k);
      if (code < 65 || code > 90) break;
      n = n * 26 + (code - 64);
    }
    if (n > columns) columns = n;
  });
  return { rows, columns };
}

/** The zip path of the workbook's first sheet: its first `<sheet r:id>` resolved through the workbook's relationships. */
function firstSheetPath(workbook: Uint8Array | null, rels: Uint8Array | null): string | null {
  if (!workbook || !rels) return null;
  let id: string | null = null;
  eachTag(workbook, 'sheet', (from, to) => {
    id = attribute(workbook, from, to, 'r:id');
    return false;
  });
  if (id === null) return null;
  let target: string | null = null;
  eachTag(rels, 'Relationship', (from, to) => {
    if (attribute(rels, from, to, 'Id') !== id) return true;
    target = attribute(rels, from, to, 'Target');
    return false;
  });
  if (target === null) return null;
  const t: string = target;
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`;
}

/** Unpacks the parts the reader needs within MAX_INFLATED_BYTES (counted as inflated) and checks the first
 * worksheet: a 400 for a workbook that is not a zip, too big once inflated, too wide, or longer than `maxRows`. */
export function unpackXlsx(bytes: Uint8Array, maxRows: number): BoundedWorkbook {
  try {
    const entries = zipEntries(bytes);
    const byName = new Map<string, ZipEntry>();
    for (const e of entries) if (!byName.has(e.name)) byName.set(e.name, e);
    const budget: InflateBudget = { used: 0, max: MAX_INFLATED_BYTES };
    const part = (name: string) => {
      const entry = byName.get(name);
      return entry ? readEntry(bytes, entry, budget) : null;
    };
    const workbook = part('xl/workbook.xml');
    const workbookRels = part('xl/_rels/workbook.xml.rels');
    const path = firstSheetPath(workbook, workbookRels) ?? entries.find((e) => /^xl\/worksheets\/sheet\d{1,6}\.xml$/.test(e.name))?.name;
    const sheetEntry = path === undefined ? undefined : byName.get(path);
    if (!sheetEntry) throw invalid('The XLSX workbook has no worksheet');
    // The sheet first: it is what makes a file too big, and the message can then say so.
    const sheet = readEntry(bytes, sheetEntry, budget);
    const { rows, columns } = scanSheet(sheet);
    if (columns > MAX_COLUMNS) throw invalid(`The worksheet has cells up to column ${columnLetters(columns)}: the templates use at most ${MAX_COLUMNS} columns (delete the columns after the last one)`);
    if (rows > maxRows + 1) throw invalid(`The worksheet has ${rows - 1} rows: at most ${maxRows} rows per file`);
    return { workbook, workbookRels, styles: part('xl/styles.xml'), sharedStrings: part('xl/sharedStrings.xml'), sheet, rows, columns };
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    if (error.code === 'too_big') throw invalid(`The XLSX workbook is over ${MAX_INFLATED_BYTES / 1048576} MB once unpacked (its first worksheet, shared strings and styles): split the file by district`);
    if (error.code === 'unsupported') throw invalid('The XLSX workbook uses a compression Excel does not: save it again from Excel, or upload CSV UTF-8');
    throw invalid(NOT_READABLE);
  }
}
