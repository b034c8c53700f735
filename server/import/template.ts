// The downloadable review template (CSV or XLSX, long or wide layout, Vietnamese headers). Given a
// district or province, it lists that scope's rural communes for the month with Đạt / Không đạt
// pre-filled from each commune's latest review, so that an official edits only what changed.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ApiContext } from '../api/context.ts';
import { resolveScope } from '../api/scope.ts';
import { inScope } from '../auth/scope.ts';
import type { SessionUser } from '../auth/session.ts';
import { isMet } from '../criterion/mask.ts';
import { latestReviewsAt } from '../db/review-query.ts';
import { CSV_TYPE } from '../export/csv.ts';
import { XLSX_TYPE } from '../export/xlsx.ts';
import { ApiError } from '../http/errors.ts';
import { defaultReviewMonth, reviewableSet } from '../review/calendar.ts';
import { criterionHeader, H, headersOf, type Layout } from './layout.ts';
import { MET_WORDS } from './values.ts';
import { WORKSPACE_STRUCTURE } from '../era/workspace-structure.ts';

export interface TemplateFile {
  body: Uint8Array | string;
  type: string;
  filename: string;
}

const MET = 'Đạt';
const NOT_MET = 'Không đạt';

const GUIDE = [
  'Mẫu rà soát tiêu chí nông thôn mới hằng tháng (Bộ tiêu chí quốc gia về xã NTM giai đoạn 2021-2025, Quyết định 318/QĐ-TTg).',
  'Dạng "dài" (long): mỗi dòng một xã và một tiêu chí — Mã xã, Tên xã, Kỳ báo cáo, Tiêu chí, Đạt, Ghi chú.',
  'Dạng "rộng" (wide): mỗi dòng một xã — Mã xã, Tên xã, Kỳ báo cáo, TC01 … TC19, Ghi chú.',
  'Mã xã: mã GSO 5 chữ số (ví dụ 23362). Kỳ báo cáo: tháng, viết YYYY-MM hoặc MM/YYYY (ví dụ 2024-06 hoặc 06/2024); không sau tháng hiện tại.',
  'Tiêu chí: số 1-19 hoặc TC01-TC19.',
  `Đạt: ${MET_WORDS.join(', ')}. Ở dạng rộng, để trống một ô để giữ giá trị hiện có.`,
  'Tiêu chí không có trong tệp giữ giá trị của kỳ rà soát tháng đó, hoặc của kỳ gần nhất trước đó nếu tháng chưa có rà soát.',
  'Ghi chú: tối đa 2000 ký tự.',
  'Tải lên với "Thử trước" (dryRun=1) để xem thay đổi và lỗi (dòng, cột); sau đó áp dụng (dryRun=0): cả tệp được ghi trong một giao dịch, hoặc không ghi gì.',
  'Monthly NTM review template. Upload it with dryRun=1 to preview changes and errors (line and column), then dryRun=0 to apply the whole file at once.',
];

export async function buildTemplate(
  ctx: ApiContext,
  user: SessionUser,
  q: { format: 'csv' | 'xlsx'; layout: Layout; district?: string | undefined; province?: string | undefined; period?: string | undefined },
): Promise<TemplateFile> {
  const period = q.period ?? defaultReviewMonth(ctx.catalogue);
  const set = reviewableSet(ctx.catalogue, period, 'period', new Date(), ctx.eras);
  let codes: readonly string[] = [];
  let label = 'mau';
  if (q.district || q.province) {
    const scope = resolveScope(ctx, q).unit!;
    if (!inScope(user, scope)) throw new ApiError(403, 'forbidden', `Your role (${user.role}${user.unit ? ` of ${user.unit}` : ''}) cannot import reviews of ${scope.name} (${scope.code})`);
    codes = ctx.units.ruralCommunes(scope.code);
    label = scope.code;
  }
  const masks = new Map((await latestReviewsAt(ctx.ndb.db, WORKSPACE_STRUCTURE, period, codes)).map((r) => [r.commune_code, r.met_mask]));
  const value = (code: string, n: number) => {
    const mask = masks.get(code);
    return mask === undefined ? '' : isMet(mask, n) ? MET : NOT_MET;
  };
  const rows: string[][] = [];
  for (const code of codes) {
    const name = ctx.units.byCode.get(code)!.name;
    if (q.layout === 'long') for (const c of set.criteria) rows.push([code, name, period, criterionHeader(c.number), value(code, c.number), '']);
    else rows.push([code, name, period, ...set.criteria.map((c) => value(code, c.number)), '']);
  }
  const headers = headersOf(q.layout, set);
  const filename = `ra-soat-ntm_${label}_${period}_${q.layout}.${q.format}`;
  if (q.format === 'csv') return { body: stringify([headers, ...rows], { bom: true, record_delimiter: 'windows', escape_formulas: true }), type: CSV_TYPE, filename };
  return { body: await templateXlsx(headers, rows), type: XLSX_TYPE, filename };
}

async function templateXlsx(headers: string[], rows: string[][]): Promise<Uint8Array> {
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
  GUIDE.forEach((line, i) => {
    guide.getCell(i + 1, 1).value = line;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
