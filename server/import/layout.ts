/** @module The two layouts of the monthly review spreadsheet, with Vietnamese headers:
 *   long: one row per commune and criterion: Mã xã, Tên xã, Kỳ báo cáo, Tiêu chí, Đạt, Ghi chú
 *   wide: one row per commune: Mã xã, Tên xã, Kỳ báo cáo, TC01 … TC19, Ghi chú
 * and how a file's header row is recognised (case, spacing and Unicode form do not matter; column order
 * does not matter; Tên xã and Ghi chú may be left out). */
import type { CriteriaSet } from '../criterion/catalogue.ts';

/** The spreadsheet's layouts: one row per commune and criterion (long) or one row per commune (wide). */
export type Layout = 'long' | 'wide';

/** The Vietnamese headers of the non-criterion columns. */
export const H = { commune: 'Mã xã', name: 'Tên xã', period: 'Kỳ báo cáo', criterion: 'Tiêu chí', met: 'Đạt', note: 'Ghi chú' } as const;
/** The long layout's headers, in their template order. */
export const LONG_HEADERS = [H.commune, H.name, H.period, H.criterion, H.met, H.note] as const;

/** The wide layout's header of criterion n: `TC01` … `TC19`. */
export const criterionHeader = (n: number) => `TC${String(n).padStart(2, '0')}`;

/** The headers of a layout for a criteria set, as the template writes them. */
export function headersOf(layout: Layout, set: CriteriaSet): string[] {
  return layout === 'long' ? [...LONG_HEADERS] : [H.commune, H.name, H.period, ...set.criteria.map((c) => criterionHeader(c.number)), H.note];
}

/** A header as the reader compares it: NFC, trimmed, spaces folded, lower case. */
export const normaliseHeader = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Where each field is in a file: column index by field, and for the wide layout by criterion number. */
export interface Columns {
  layout: Layout;
  commune: number;
  name: number | null;
  period: number;
  note: number | null;
  criterion: number | null;
  met: number | null;
  criteria: Map<number, number>;
  headers: string[];
}

/** A header row recognised (the column of each field) or refused with the reason. */
export type HeaderResult = { ok: true; columns: Columns } | { ok: false; message: string };

/** Reads the header row; `maxCriterion` bounds the TCnn columns of the wide layout. */
export function readHeader(cells: readonly string[], maxCriterion: number, set: CriteriaSet): HeaderResult {
  const expected = `expected the long layout (${LONG_HEADERS.join(', ')}) or the wide layout (${headersOf('wide', set).join(', ')})`;
  const index = new Map<string, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const criteria = new Map<number, number>();
  const fields = new Map(Object.values(H).map((h) => [normaliseHeader(h), h]));
  cells.forEach((cell, i) => {
    const key = normaliseHeader(cell);
    if (key === '') return;
    const tc = /^tc\s*0*(\d{1,2})$/.exec(key);
    if (tc && Number(tc[1]) >= 1 && Number(tc[1]) <= maxCriterion) {
      if (criteria.has(Number(tc[1]))) duplicate.push(cell);
      criteria.set(Number(tc[1]), i);
    } else if (fields.has(key)) {
      if (index.has(key)) duplicate.push(cell);
      index.set(key, i);
    } else unknown.push(cell);
  });
  const at = (h: string) => index.get(normaliseHeader(h)) ?? null;
  const long = at(H.criterion) !== null || at(H.met) !== null;
  const layout: Layout = long ? 'long' : 'wide';
  const required: string[] = long ? [H.commune, H.period, H.criterion, H.met] : [H.commune, H.period];
  const missing = required.filter((h) => at(h) === null);
  if (!long && criteria.size === 0) missing.push(`${criterionHeader(1)} … ${criterionHeader(maxCriterion)}`);
  if (long && criteria.size) unknown.push(...[...criteria.keys()].map(criterionHeader));
  const problems = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    unknown.length ? `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}` : '',
    duplicate.length ? `repeated ${duplicate.map((u) => `"${u}"`).join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) return { ok: false, message: `Line 1 (header row): ${problems.join('; ')}; ${expected}` };
  return {
    ok: true,
    columns: { layout, commune: at(H.commune)!, name: at(H.name), period: at(H.period)!, note: at(H.note), criterion: at(H.criterion), met: at(H.met), criteria, headers: [...cells] },
  };
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
