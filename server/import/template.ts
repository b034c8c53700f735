/** @module The downloadable review template (CSV or XLSX, long or wide layout, Vietnamese headers). The month decides
 * the era: its criteria set (TC01 … TC19 to 2026-01, TC01 … TC10 from 2026-02) and its units (today's since
 * 2025-07). Given a province (or district, or former district in today's units), it lists that scope's rural
 * communes for the month with Đạt / Không đạt pre-filled from each commune's latest review on the same set,
 * so that an official edits only what changed. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ApiContext } from '../context/context.ts';
import { inScope } from '../auth/scope.ts';
import { readableScope } from '../auth/workspace-scope.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import type { SessionUser } from '../auth/session.ts';
import { isMet } from '../criterion/mask.ts';
import { latestReviewsAt } from '../db/review-query.ts';
import { CSV_TYPE } from '../export/csv.ts';
import { XLSX_TYPE } from '../export/xlsx.ts';
import { ApiError } from '../http/errors.ts';
import { defaultReviewMonth, reviewableEra } from '../review/calendar.ts';
import { criterionHeader, H, headersOf, type Layout } from './layout.ts';
import { MET_WORDS } from './values.ts';

/** A template ready to send: its body, Content-Type and file name. */
export interface TemplateFile {
  body: Uint8Array | string;
  type: string;
  filename: string;
}

const MET = 'Đạt';
const NOT_MET = 'Không đạt';

/** "2026-01" → "01/2026". */
const monthVi = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** The guide sheet: the month's criteria set (its decision, its TC01 … TCnn), which months each set of the
 * catalogue applies to (from the catalogue, so that the next set needs no edit here), and how to fill the file in. */
function guideOf(set: CriteriaSet, sets: readonly CriteriaSet[], period: string, structure: string): string[] {
  const last = criterionHeader(set.criteria_count);
  const spans = [...sets]
    .sort((a, b) => a.valid_from.localeCompare(b.valid_from))
    .map((s) => `${s.criteria_count} tiêu chí (${s.decision}) ${s.valid_to ? `đến tháng ${monthVi(s.valid_to)}` : `từ tháng ${monthVi(s.valid_from)}`}`)
    .join(', ');
  return [
    `Mẫu rà soát tiêu chí nông thôn mới hằng tháng, kỳ ${period}: ${set.name_vi} (Quyết định ${set.decision}), ${set.criteria_count} tiêu chí.`,
    structure === 'pre2025'
      ? 'Đơn vị hành chính: các xã trước sắp xếp (đến tháng 6/2025).'
      : 'Đơn vị hành chính: các xã sau sắp xếp (từ 1/7/2025, chính quyền địa phương hai cấp); mã xã là mã mới.',
    'Dạng "dài" (long): mỗi dòng một xã và một tiêu chí — Mã xã, Tên xã, Kỳ báo cáo, Tiêu chí, Đạt, Ghi chú.',
    `Dạng "rộng" (wide): mỗi dòng một xã — Mã xã, Tên xã, Kỳ báo cáo, TC01 … ${last}, Ghi chú.`,
    'Mã xã: mã GSO 5 chữ số (ví dụ 23341). Kỳ báo cáo: tháng, viết YYYY-MM hoặc MM/YYYY (ví dụ 2026-03 hoặc 03/2026); không sau tháng hiện tại.',
    `Tiêu chí: số 1-${set.criteria_count} hoặc TC01-${last}. Kỳ báo cáo quyết định bộ tiêu chí: ${spans}; không dùng mẫu của kỳ này cho kỳ khác bộ tiêu chí.`,
    `Đạt: ${MET_WORDS.join(', ')}. Ở dạng rộng, để trống một ô để giữ giá trị hiện có.`,
    'Tiêu chí không có trong tệp giữ giá trị của kỳ rà soát tháng đó, hoặc của kỳ gần nhất trước đó (cùng bộ tiêu chí) nếu tháng chưa có rà soát.',
    'Ghi chú: tối đa 2000 ký tự.',
    'Tải lên với "Thử trước" (dryRun=1) để xem thay đổi và lỗi (dòng, cột); sau đó áp dụng (dryRun=0): cả tệp được ghi trong một giao dịch, hoặc không ghi gì.',
    `Monthly NTM review template for ${period} (${set.code} set, ${set.criteria_count} criteria). Upload it with dryRun=1 to preview changes and errors (line and column), then dryRun=0 to apply the whole file at once.`,
  ];
}

/** Builds the review template for a month, layout and format, pre-filled for the scope's rural communes. */
export async function buildTemplate(
  ctx: ApiContext,
  user: SessionUser,
  q: { format: 'csv' | 'xlsx'; layout: Layout; district?: string | undefined; province?: string | undefined; period?: string | undefined },
): Promise<TemplateFile> {
  // The month decides the era: the units its codes are read in and its criteria set.
  const period = q.period ?? defaultReviewMonth(ctx, new Date(), user.structure);
  const era = reviewableEra(ctx, period);
  const { set, units } = era;
  let codes: readonly string[] = [];
  let label = 'mau';
  if (q.district || q.province) {
    const { scope, sees } = readableScope(ctx, user, q, units);
    if (scope.level === 'province' || scope.level === 'district' || scope.level === 'former_district') {
      if (scope.level !== 'former_district' && !inScope(user, scope.unit)) throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot import reviews of ${scope.unit.name} (${scope.unit.code})`);
    }
    codes = units.ruralCommunes(scope.code, period).filter((code) => sees(units.byCode.get(code)!));
    label = scope.code;
  }
  // Pre-filled from the latest review on the month's set (an earlier set numbers other criteria).
  const latest = await latestReviewsAt(ctx.ndb.db, era.structure.code, period, codes);
  const masks = new Map(latest.filter((r) => r.period >= set.valid_from).map((r) => [r.commune_code, r.met_mask]));
  const value = (code: string, n: number) => {
    const mask = masks.get(code);
    return mask === undefined ? '' : isMet(mask, n) ? MET : NOT_MET;
  };
  const rows: string[][] = [];
  for (const code of codes) {
    const name = units.byCode.get(code)!.name;
    if (q.layout === 'long') for (const c of set.criteria) rows.push([code, name, period, criterionHeader(c.number), value(code, c.number), '']);
    else rows.push([code, name, period, ...set.criteria.map((c) => value(code, c.number)), '']);
  }
  const headers = headersOf(q.layout, set);
  const filename = `ra-soat-ntm_${label}_${period}_${q.layout}.${q.format}`;
  if (q.format === 'csv') return { body: stringify([headers, ...rows], { bom: true, record_delimiter: 'windows', escape_formulas: true }), type: CSV_TYPE, filename };
  return { body: await templateXlsx(headers, rows, guideOf(set, ctx.catalogue.sets, period, era.structure.code)), type: XLSX_TYPE, filename };
}

async function templateXlsx(headers: string[], rows: string[][], guideLines: readonly string[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Map';
  const sheet = workbook.addWorksheet('Rà soát', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((h) => ({
    header: h,
    key: h,
    width: h === H.name ? 28 : h === H.note ? 40 : h === H.met ? 12 : /^TC\d+$/.test(h) ? 10 : 13,
    // Codes and months stay text (Excel would drop the leading zero of 02659 or turn 2024-06 into a date).
    style: h === H.commune || h === H.period ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  sheet.addRows(rows);
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 120;
  guideLines.forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
