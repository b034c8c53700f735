// Checks an uploaded XLSX before ExcelJS loads it: ExcelJS builds the whole workbook in memory, and
// a small file can describe an enormous sheet (a cell in column XFD of every row; a zip entry that
// inflates a thousandfold) that would exhaust the server's memory. The zip's directory gives each
// entry's inflated size without inflating it (fflate); then the first worksheet's XML is scanned for
// its widest cell reference and its row count. Hand-written: no library bounds a workbook before loading.
import { strFromU8, unzipSync } from 'fflate';
import { ApiError } from '../http/errors.ts';

/** Largest inflated workbook (all entries) and widest column accepted: the templates use 22 columns. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
export const MAX_COLUMNS = 64;

const invalid = (message: string) => new ApiError(400, 'invalid_file', message);

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Throws a 400 for a workbook that is too big once inflated, too wide, or has more than `maxRows` rows. */
export function guardXlsx(bytes: Uint8Array, maxRows: number): void {
  let inflated = 0;
  let sheet: string | null = null;
  try {
    // First pass: sizes only (the filter keeps nothing, so nothing is inflated).
    unzipSync(bytes, {
      filter(file) {
        inflated += file.originalSize;
        if (sheet === null && /^xl\/worksheets\/sheet\d+\.xml$/.test(file.name)) sheet = file.name;
        return false;
      },
    });
  } catch {
    throw invalid('The XLSX workbook cannot be read (not a valid zip file): save it again from Excel, or upload CSV UTF-8');
  }
  if (inflated > MAX_INFLATED_BYTES) throw invalid(`The XLSX workbook is ${Math.round(inflated / 1048576)} MB once unpacked: at most ${MAX_INFLATED_BYTES / 1048576} MB (split the file by district)`);
  if (sheet === null) throw invalid('The XLSX workbook has no worksheet');
  const name: string = sheet;
  const xml = strFromU8(unzipSync(bytes, { filter: (file) => file.name === name })[name]!);
  let widest = 0;
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]{1,3})\d+"/g)) {
    const col = columnNumber(m[1]!);
    if (col > widest) widest = col;
  }
  if (widest > MAX_COLUMNS) throw invalid(`The worksheet has cells up to column ${columnLetters(widest)}: the templates use at most ${MAX_COLUMNS} columns (delete the columns after the last one)`);
  const rows = xml.match(/<row\b/g)?.length ?? 0;
  if (rows > maxRows + 1) throw invalid(`The worksheet has ${rows - 1} rows: at most ${maxRows} rows per file`);
}
