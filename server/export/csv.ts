/** @module The status table as CSV: UTF-8 with a byte-order mark (so that Excel reads Vietnamese correctly), CRLF,
 * a first "# …" line with the title, the illustrative-data warning and the attribution, then the header
 * row and one row per commune. Text cells that a spreadsheet would take for a formula are escaped. */
import { stringify } from 'csv-stringify/sync';
import type { ExportTable } from './table.ts';

/** The CSV download's Content-Type (UTF-8 named, for clients that ignore the byte-order mark). */
export const CSV_TYPE = 'text/csv; charset=utf-8';

/** Writes the status table as CSV text (see the module header for the format). */
export function renderCsv(table: ExportTable): string {
  const comment = `# ${table.title}. ${table.warning} ${table.attribution}`;
  return stringify([[comment], table.columns.map((c) => c.header), ...table.rows], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
