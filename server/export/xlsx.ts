/** @module The status table as an Excel workbook (exceljs). Sheet 1: a title row, a warning row (illustrative data,
 * red on yellow, impossible to miss), an attribution row, the header row (all four frozen, with filters)
 * and one row per commune; codes stay text, counts and criteria are numbers. Sheet 2 ("Nguồn" / "Sources"):
 * scope, period, provenance counts, licences and every cited source. */
import ExcelJS from 'exceljs';
import type { Cell, ExportColumn, ExportTable } from './table.ts';
import { PROVENANCE_LABELS, WORDS } from './texts.ts';

/** The XLSX download's Content-Type. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER_ROW = 4;
const HEADER_LINES = 4;
const LINE_HEIGHT = 15; // points per line of 11-pt text
/** Characters the merged title/warning cells span: about a laptop screen's width of columns. */
const BANNER_WIDTH = 150;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const WARNING_FILL = solid('FFFFEB9C');
const WARNING_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' }, size: 11 };
const HEADER_FILL = solid('FFD9E1F2');
const ILLUSTRATIVE_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C5700' } };
const ILLUSTRATIVE_FILL = solid('FFFFF2CC');

/** Writes the status table as an XLSX workbook (see the module header for its sheets). */
export async function renderXlsx(table: ExportTable): Promise<Uint8Array<ArrayBuffer>> {
  const words = WORDS[table.lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Map';
  workbook.title = table.title;
  workbook.subject = table.warning;
  workbook.description = `${table.warning} ${table.attribution}`;
  workbook.keywords = 'nông thôn mới; NTM; new rural development; Vietnam';

  const sheet = workbook.addWorksheet(words.statusSheet, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
  });
  const widths = table.columns.map((column, i) => widthOf(column, table.rows, i));
  sheet.columns = table.columns.map((column, i) => ({ key: column.key, width: widths[i]! }));

  // Title, warning and attribution rows, merged over about a screen's width of columns.
  let bannerColumns = 0;
  for (let used = 0; bannerColumns < widths.length && used < BANNER_WIDTH; bannerColumns++) used += widths[bannerColumns]!;
  const bannerWidth = widths.slice(0, bannerColumns).reduce((a, b) => a + b, 0);
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, fill?: ExcelJS.Fill) => {
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (fill) cell.fill = fill;
    sheet.mergeCells(row, 1, row, bannerColumns);
    sheet.getRow(row).height = linesOf(text, bannerWidth * (font.bold ? 0.9 : 1)) * LINE_HEIGHT * ((font.size ?? 11) / 11) + 4;
  };
  banner(1, table.title, { bold: true, size: 13 });
  banner(2, table.warning, WARNING_FONT, WARNING_FILL);
  banner(3, `${table.attribution} ${words.seeSources}`, { italic: true, size: 10, color: { argb: 'FF404040' } });

  const header = sheet.getRow(HEADER_ROW);
  header.values = table.columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.height = Math.max(...table.columns.map((c, i) => linesOf(c.header, widths[i]! - 1))) * LINE_HEIGHT + 4;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
  });

  const illustrative = PROVENANCE_LABELS[table.lang].illustrative;
  const sources = table.columns.flatMap((c, i) => (c.kind === 'source' ? [i] : []));
  const provenance = table.columns.flatMap((c, i) => (c.kind === 'provenance' ? [i] : []));
  for (const values of table.rows) {
    const row = sheet.addRow(values);
    for (const i of provenance) {
      if (values[i] !== illustrative) continue;
      const cell = row.getCell(i + 1);
      cell.font = ILLUSTRATIVE_FONT;
      cell.fill = ILLUSTRATIVE_FILL;
    }
    for (const i of sources) {
      const value = values[i];
      if (typeof value === 'string' && /^https?:\/\//.test(value)) row.getCell(i + 1).value = { text: value, hyperlink: value };
    }
  }

  const flags = table.columns.flatMap((c, i) => (c.kind === 'flag' ? [i + 1] : []));
  const lastRow = HEADER_ROW + table.rows.length;
  for (const i of [...flags, table.columns.findIndex((c) => c.kind === 'count') + 1]) sheet.getColumn(i).alignment = { horizontal: 'center' };
  if (flags.length && table.rows.length) {
    const ref = `${columnLetter(flags[0]!)}${HEADER_ROW + 1}:${columnLetter(flags.at(-1)!)}${lastRow}`;
    sheet.addConditionalFormatting({
      ref,
      rules: [{ type: 'cellIs', operator: 'equal', formulae: ['0'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }],
    });
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: table.columns.length } };

  addSourcesSheet(workbook, table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSourcesSheet(workbook: ExcelJS.Workbook, table: ExportTable): void {
  const words = WORDS[table.lang];
  const sheet = workbook.addWorksheet(words.sourcesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [{ width: 34 }, { width: 110 }];
  const head = sheet.addRow([words.item, words.content]);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));
  const item = (label: string, value: string, style?: { font?: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill }) => {
    const row = sheet.addRow([label, value]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).font = { bold: true, ...style?.font };
    if (style?.font) row.getCell(2).font = style.font;
    if (style?.fill) row.eachCell((cell) => (cell.fill = style.fill!));
    if (/^https?:\/\//.test(value)) row.getCell(2).value = { text: value, hyperlink: value };
    row.height = linesOf(value, 105) * LINE_HEIGHT + 2;
  };
  const { counts } = table;
  item(words.title, table.title);
  item(words.warning, table.warning, { font: WARNING_FONT, fill: WARNING_FILL });
  const { scope } = table;
  item(words.scope, scope.level === 'province' ? `${scope.name} (${scope.code})` : `${scope.name} (${scope.code}) – ${scope.province.name} (${scope.province.code})`);
  item(words.period, table.period);
  item(words.criteriaSet, `${table.set.code}: ${table.lang === 'vi' ? table.set.name_vi : table.set.name_en} (${table.set.decision})`);
  item(words.communes, String(counts.communes));
  item(`${words.provenance}: ${words.reviews}`, words.counts(counts.reviews));
  item(`${words.provenance}: ${words.levels}`, words.counts(counts.levels));
  item(`${words.provenance}: ${words.special}`, words.counts(counts.special));
  item(words.boundaries, words.boundariesText);
  item(words.facts, words.factsText);
  item(words.code, words.codeText);
  item(words.json, table.jsonPath);
  for (const source of table.sources) item(`${words.cited}: ${source.label}`, source.source);
}

/** Column width in characters: the longest value, within bounds by kind, and wide enough for the header to
 * wrap in at most HEADER_LINES lines. */
function widthOf(column: ExportColumn, rows: readonly Cell[][], index: number): number {
  let width: number;
  if (column.kind === 'flag') width = 8;
  else {
    let longest = Math.max(...column.header.split(' ').map((w) => w.length));
    for (const row of rows) {
      const value = row[index];
      if (value !== null && value !== undefined) longest = Math.max(longest, String(value).length);
    }
    width = Math.min(column.kind === 'source' || column.kind === 'text' ? 40 : 24, Math.max(10, longest + 2));
  }
  while (linesOf(column.header, width - 1) > HEADER_LINES) width++;
  return width;
}

/** Lines a text needs when wrapped at `width` characters (word wrap, roughly). */
function linesOf(text: string, width: number): number {
  const w = Math.max(1, Math.floor(width));
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const need = used ? used + 1 + word.length : word.length;
    if (need <= w) {
      used = need;
      continue;
    }
    if (used) lines++;
    const extra = Math.floor(Math.max(0, word.length - 1) / w); // a word longer than a line breaks
    lines += extra;
    used = word.length - extra * w;
  }
  return lines;
}

function columnLetter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
