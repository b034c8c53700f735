/** @module Vietnamese for the reasons a target cannot be measured or judged (the `reason` and `on_track_reason` of
 * /summary's targets, written in English by interpret.ts and progress.ts): one pattern per sentence those
 * modules write, with its figures (periods, years, dates) carried over. The panel shows `reason_vi`. */

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** "2024-06" → "tháng 6/2024"; "2025-12-31" → "31/12/2025"; other text unchanged. */
function viDate(text: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) return `${Number(day[3])}/${Number(day[2])}/${day[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  return month ? `tháng ${Number(month[2])}/${month[1]}` : text;
}

const RULES: readonly Rule[] = [
  [/^village \(thôn\) recognitions are not in the data$/, () => 'dữ liệu không có việc công nhận thôn đạt chuẩn'],
  [/^rural income is not in the data$/, () => 'dữ liệu không có thu nhập bình quân ở nông thôn'],
  [/^poverty rates are not in the data$/, () => 'dữ liệu không có tỷ lệ hộ nghèo'],
  [/^district recognitions are recorded only where a source gives them, not for every district$/, () => 'việc công nhận huyện đạt chuẩn chỉ được ghi khi có nguồn, không có cho mọi huyện'],
  [/^leaving special-difficulty status is decided by the list that follows 861\/QĐ-TTg; the data holds the 2021-2025 listings only$/, () => 'việc thoát khỏi diện đặc biệt khó khăn do danh sách kế tiếp Quyết định 861/QĐ-TTg quyết định; dữ liệu chỉ có danh sách giai đoạn 2021-2025'],
  [/^cooperatives \(an indicator of criterion 13\) are not reviewed separately in the data$/, () => 'hợp tác xã (một chỉ tiêu của tiêu chí 13) không được đánh giá riêng trong dữ liệu'],
  [/^a count of criterion completions/, () => 'đây là số lượt tiêu chí do các xã được nêu tên hoàn thành (có thể theo bộ tiêu chí của tỉnh); mục kế hoạch cho biết các tiêu chí còn thiếu của từng xã'],
  [/^a condition on recognised communes, not a figure/, () => 'đây là điều kiện đối với các xã đã đạt chuẩn, không phải một con số; thẻ xã cảnh báo các xã đã đạt chuẩn nay không đạt một tiêu chí'],
  [/^a reporting rule, not a figure$/, () => 'đây là quy định về báo cáo, không phải một con số'],
  [/^no rule maps this metric to the commune statuses$/, () => 'chưa có quy tắc nào tính chỉ tiêu này từ tình trạng các xã'],
  [/^no rule maps this part of the target to the commune statuses$/, () => 'chưa có quy tắc nào tính phần này của chỉ tiêu từ tình trạng các xã'],
  [/^names communes or a condition, not a number; see the commune cards$/, () => 'chỉ tiêu nêu tên xã hoặc một điều kiện, không phải một con số; xem thẻ của từng xã'],
  [/^no number can be read from the value "(.*)"$/, (m) => `không đọc được con số nào từ giá trị “${m[1]}”`],
  [/^the target names no year$/, () => 'chỉ tiêu không nêu năm'],
  [/^no data at (\S+)$/, (m) => `không có số liệu ${viDate(m[1]!)}`],
  [/^the scope has no rural communes with data$/, () => 'khu vực không có xã nào có số liệu'],
  [/^the target's year \((\d{4})\) starts after (\S+)$/, (m) => `năm của chỉ tiêu (${m[1]}) bắt đầu sau ${viDate(m[2]!)}`],
  [/^no data 12 months earlier \((\S+)\)$/, (m) => `không có số liệu 12 tháng trước (${viDate(m[1]!)})`],
  [/^(\S+) is read in another unit structure than the target's \((\S+)\): figures are not compared across the July-2025 reform$/, (m) => `${viDate(m[1]!)} được tính trên đơn vị hành chính khác với đơn vị của chỉ tiêu (${m[2]}): số liệu không được so sánh qua đợt sắp xếp đơn vị hành chính 1/7/2025`],
  [/^12 months earlier \((\S+)\) the communes were scored on another criteria set$/, (m) => `12 tháng trước (${viDate(m[1]!)}) các xã được đánh giá theo bộ tiêu chí khác`],
  [/^every commune met all criteria at (\S+)$/, (m) => `mọi xã đã đạt đủ tiêu chí vào ${viDate(m[1]!)}`],
  [/^the target has no deadline$/, () => 'chỉ tiêu không có thời hạn'],
  [/^the deadline \((\S+)\) is before the first period with data \((\S+)\)$/, (m) => `thời hạn (${viDate(m[1]!)}) trước tháng đầu tiên có số liệu (${viDate(m[2]!)})`],
  [/^the plan starts \((\S+)\) after (\S+)$/, (m) => `kế hoạch bắt đầu (${viDate(m[1]!)}) sau ${viDate(m[2]!)}`],
];

/** The Vietnamese of a reason; a reason no rule knows is returned as it is (English), never dropped. */
export function reasonVi(reason: string | null): string | null {
  if (reason === null) return null;
  for (const [pattern, vi] of RULES) {
    const m = pattern.exec(reason);
    if (m) return vi(m);
  }
  return reason;
}

/** Every English reason the rules know (for the tests: each must have its Vietnamese). */
export const KNOWN_REASON_PATTERNS: readonly RegExp[] = RULES.map(([p]) => p);
