/** @module The values an official writes in the review spreadsheet, read leniently but never guessed: a commune
 * code (Excel drops leading zeros: 2659 is 02659), a month (2024-06, 06/2024, 6/2024, Tháng 6/2024), a
 * criterion (1, 01, TC01, Tiêu chí 1) and met / not met (Đạt, Không đạt, 1, 0, x, có, không, …). */
import type { Period } from '../period/period.ts';

/** The words of a "met" cell as the template's guide lists them (readMet ignores accents and case). */
export const MET_WORDS = ['Đạt', 'Không đạt', '1', '0', 'x', 'có', 'không'] as const;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const MET = new Set(['dat', '1', 'x', 'co', 'yes', 'y', 'true', 'met', 'v', '✓', 'da dat']);
const NOT_MET = new Set(['khong dat', 'chua dat', '0', 'khong', 'no', 'n', 'false', 'not met', '-']);

/** true / false, or undefined when the text is not a met value. */
export function readMet(text: string): boolean | undefined {
  const key = fold(text);
  if (MET.has(key)) return true;
  if (NOT_MET.has(key)) return false;
  return undefined;
}

/** A 5-digit commune code from a cell (a leading apostrophe or a lost leading zero forgiven), or undefined. */
export function readCommuneCode(text: string): string | undefined {
  const t = text.trim().replace(/^'/, '');
  return /^\d{1,5}$/.test(t) ? t.padStart(5, '0') : undefined;
}

/** A month from a cell (YYYY-MM, MM/YYYY, "tháng 6 năm 2024"; accents and case ignored), or undefined. */
export function readPeriod(text: string): Period | undefined {
  const t = fold(text).replace(/^(thang|ky|month)\s*/, '');
  let year: number;
  let month: number;
  let m = /^(\d{4})[-/.](\d{1,2})$/.exec(t);
  if (m) [year, month] = [Number(m[1]), Number(m[2])];
  else if ((m = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(t)) || (m = /^(\d{1,2}) nam (\d{4})$/.exec(t))) [year, month] = [Number(m[2]), Number(m[1])];
  else return undefined;
  if (month < 1 || month > 12 || year < 1900 || year > 2999) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A criterion number from a cell (`TC05`, `5`, `Tiêu chí 5`, with or without its name after), or undefined. */
export function readCriterion(text: string): number | undefined {
  const m = /^(?:tc|tieu chi)?\s*0*(\d{1,2})(?:\s*[.:\-–)].*)?$/.exec(fold(text));
  return m ? Number(m[1]) : undefined;
}
