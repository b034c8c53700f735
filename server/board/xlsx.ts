/** @module The monthly reporting board as an Excel workbook for the provincial office (exceljs): one sheet per
 * section, Vietnamese headers. Every sheet starts with a title row (unit, period, and "số liệu minh họa"
 * when any figure is illustrative), a note row, then the header row (frozen) and the data. */
import ExcelJS from 'exceljs';
import { LEVEL_LABELS, PROVENANCE_LABELS } from '../export/texts.ts';
import { XLSX_TYPE } from '../export/xlsx.ts';
import type { Board } from './board.ts';

export { XLSX_TYPE };

/** Row of the column headers on every sheet (title and note rows above it). */
export const BOARD_HEADER_ROW = 3;

/** The workbook's sheet names in Vietnamese, one per section of the board. */
export const SHEET_NAMES = {
  overview: 'Tổng hợp',
  reviews: 'Tiến độ đánh giá',
  missing: 'Xã chưa nộp',
  changes: 'Tăng giảm tiêu chí',
  atRisk: 'Nguy cơ thu hồi',
  targets: 'Mục tiêu',
  plans: 'Xã kế hoạch',
} as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
const WARNING_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };
const LEVELS = LEVEL_LABELS.vi;
const PROVENANCE = PROVENANCE_LABELS.vi;
const STATUS = { reached: 'Đã đạt', on_track: 'Đúng tiến độ', late: 'Chậm' } as const;

const month = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;
const day = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'Có' : 'Không');

/** The title row of every sheet: "Báo cáo tháng 06/2025 – Tỉnh Kon Tum (62) – số liệu minh họa". */
export function boardTitle(board: Board): string {
  const unit =
    board.scope.level === 'district'
      ? `${board.scope.name} (${board.scope.code}), ${board.scope.province.name}`
      : board.scope.level === 'former_district'
        ? `xã thuộc ${board.scope.name} cũ (${board.scope.code}), ${board.scope.province.name}`
        : `${board.scope.name} (${board.scope.code})`;
  return `Báo cáo tháng ${month(board.period)} – ${unit}${board.provenance.illustrative ? ' – số liệu minh họa' : ''}`;
}

function noteOf(board: Board): string {
  return board.provenance.illustrative
    ? 'Số liệu minh họa: phần số liệu đánh dấu "Minh hoạ" do dự án NTM Map tạo ra (có tính quy luật, khớp với số liệu đã công bố) vì chưa có số liệu đánh giá hằng tháng công khai của từng xã; không phải số liệu chính thức.'
    : 'Số liệu chính thức do cán bộ nhập qua hệ thống.';
}

type Value = string | number | null;

function addSheet(workbook: ExcelJS.Workbook, board: Board, name: string, columns: Array<{ header: string; width: number }>, rows: Value[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: BOARD_HEADER_ROW }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const span = Math.max(columns.length, 6);
  const title = sheet.getCell(1, 1);
  title.value = boardTitle(board);
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, span);
  const note = sheet.getCell(2, 1);
  note.value = noteOf(board);
  note.alignment = { wrapText: true, vertical: 'top' };
  if (board.provenance.illustrative) {
    note.font = WARNING_FONT;
    note.fill = WARNING_FILL;
  }
  sheet.mergeCells(2, 1, 2, span);
  sheet.getRow(2).height = 32;
  const header = sheet.getRow(BOARD_HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

const bold = (sheet: ExcelJS.Worksheet) => (sheet.lastRow!.font = { bold: true });

/** Writes the board as an XLSX workbook for the provincial office (one sheet per section). */
export async function renderBoardXlsx(board: Board): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NTM Map';
  workbook.title = boardTitle(board);

  const { reviews, changes, plans } = board;
  // Today's units have no districts: grouped by former district on request ("huyện cũ"), else by none.
  const huyen = board.grouped_by === 'former_district' ? 'huyện cũ' : 'huyện';
  addSheet(workbook, board, SHEET_NAMES.overview, [{ header: 'Nội dung', width: 48 }, { header: 'Giá trị', width: 60 }], [
    ['Đơn vị', `${board.scope.name} (${board.scope.code})`],
    ['Tỉnh', `${board.scope.province.name} (${board.scope.province.code})`],
    ['Kỳ báo cáo', month(board.period)],
    ['Hạn báo cáo', day(board.report_deadline)],
    ['Bộ tiêu chí', board.criteria_set],
    ['Số xã phải đánh giá', reviews.due],
    ['Số xã đã nộp đánh giá (chính thức)', reviews.received],
    ['Số xã chưa nộp', reviews.missing],
    ['Số xã đạt chuẩn trở lên', board.summary.recognised],
    ['Số tiêu chí bình quân/xã', board.summary.average_met],
    [`Lượt tiêu chí tăng so với tháng ${changes.previous_period ? month(changes.previous_period) : '(không có số liệu)'}`, changes.gained],
    ['Lượt tiêu chí giảm', changes.lost],
    ['Số xã có nguy cơ bị thu hồi công nhận', board.at_risk.length],
    [`Số xã kế hoạch đến hạn (${plans.half_year})`, plans.communes.length],
    ['Lượt tiêu chí cần hoàn thành', plans.criteria_needed],
    ['Nguồn số liệu: đánh giá tiêu chí', `chính thức ${board.provenance.reviews.official}; minh hoạ ${board.provenance.reviews.illustrative}`],
    ['Nguồn số liệu: mức công nhận', `chính thức ${board.provenance.levels.official}; minh hoạ ${board.provenance.levels.illustrative}`],
  ]);

  const reviewSheet = addSheet(
    workbook,
    board,
    SHEET_NAMES.reviews,
    [{ header: `Mã ${huyen}`, width: 10 }, { header: `Tên ${huyen}`, width: 30 }, { header: 'Số xã phải nộp', width: 14 }, { header: 'Số xã đã nộp', width: 14 }, { header: 'Số xã chưa nộp', width: 14 }],
    reviews.by_district.map((d) => [d.code, d.name, d.due, d.received, d.missing]),
  );
  reviewSheet.addRow(['', 'Tổng cộng', reviews.due, reviews.received, reviews.missing]);
  bold(reviewSheet);

  addSheet(
    workbook,
    board,
    SHEET_NAMES.missing,
    [{ header: 'Mã xã', width: 10 }, { header: 'Tên xã', width: 30 }, { header: `Mã ${huyen}`, width: 10 }, { header: `Tên ${huyen}`, width: 30 }],
    reviews.missing_communes.map((c) => [c.code, c.name, c.district?.code ?? null, c.district?.name ?? null]),
  );

  const changeSheet = addSheet(
    workbook,
    board,
    SHEET_NAMES.changes,
    [
      { header: 'Tiêu chí số', width: 10 },
      { header: 'Tên tiêu chí', width: 36 },
      { header: 'Số xã đạt thêm', width: 12 },
      { header: 'Số xã không còn đạt', width: 12 },
      { header: 'Xã đạt thêm', width: 50 },
      { header: 'Xã không còn đạt', width: 50 },
    ],
    changes.criteria.map((c) => [c.number, c.name_vi, c.gained, c.lost, c.gained_communes.map((u) => u.name).join(', '), c.lost_communes.map((u) => u.name).join(', ')]),
  );
  changeSheet.addRow(['', 'Tổng cộng', changes.gained, changes.lost, '', '']);
  bold(changeSheet);

  addSheet(
    workbook,
    board,
    SHEET_NAMES.atRisk,
    [
      { header: 'Mã xã', width: 10 },
      { header: 'Tên xã', width: 28 },
      { header: 'Huyện', width: 24 },
      { header: 'Mức công nhận', width: 16 },
      { header: 'Quyết định công nhận', width: 28 },
      { header: 'Số tiêu chí đạt', width: 12 },
      { header: 'Tiêu chí không đạt', width: 50 },
      { header: 'Nguồn số liệu', width: 14 },
    ],
    board.at_risk.map((c) => [
      c.code,
      c.name,
      c.district?.name ?? null,
      LEVELS[c.level],
      [c.recognition.decision, c.recognition.decision_date ? day(c.recognition.decision_date) : null].filter(Boolean).join(' ngày ') || null,
      c.met,
      c.failing.map((f) => `${f.number}. ${f.name_vi} (từ ${month(f.failing_since)})`).join('; '),
      PROVENANCE[c.provenance],
    ]),
  );

  addSheet(
    workbook,
    board,
    SHEET_NAMES.targets,
    [
      { header: 'Chỉ tiêu', width: 34 },
      { header: 'Của', width: 20 },
      { header: 'Mục tiêu', width: 20 },
      { header: 'Nội dung', width: 18 },
      { header: 'Hiện đạt', width: 10 },
      { header: 'Cần đạt hiện nay', width: 12 },
      { header: 'Hạn', width: 12 },
      { header: 'Đúng tiến độ', width: 10 },
      { header: 'Ghi chú', width: 50 },
      { header: 'Nguồn', width: 40 },
    ],
    board.targets.map((t) => [
      t.measure?.description ?? t.metric,
      t.scope.name,
      t.target.value,
      t.clause,
      t.value_now,
      t.expected_now,
      t.deadline ? day(t.deadline) : null,
      yesNo(t.on_track),
      t.on_track_reason_vi ?? t.reason_vi ?? t.on_track_reason ?? t.reason,
      t.source,
    ]),
  );

  const planSheet = addSheet(
    workbook,
    board,
    SHEET_NAMES.plans,
    [
      { header: 'Mã xã', width: 10 },
      { header: 'Tên xã', width: 28 },
      { header: 'Huyện', width: 24 },
      { header: 'Hạn', width: 10 },
      { header: 'Mức phấn đấu', width: 14 },
      { header: 'Số tiêu chí đạt', width: 12 },
      { header: 'Tiêu chí còn thiếu', width: 30 },
      { header: 'Lượt tiêu chí cần hoàn thành', width: 14 },
      { header: 'Tình trạng', width: 14 },
      { header: 'Nguồn số liệu', width: 14 },
    ],
    plans.communes.map((p) => [
      p.code,
      p.name,
      p.district?.name ?? null,
      p.due,
      LEVELS[p.target_level],
      p.met,
      p.missing?.join(', ') ?? null,
      p.criteria_needed,
      STATUS[p.status],
      p.provenance ? PROVENANCE[p.provenance] : PROVENANCE.none,
    ]),
  );
  planSheet.addRow(['', 'Tổng cộng', '', '', '', '', '', plans.criteria_needed, '', '']);
  bold(planSheet);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
