/** @module The validation messages the API writes (in English, server/recognition/fields.ts, zod schemas) said in
 * Vietnamese next to the field when the workspace is in Vietnamese; anything not known is shown as written. */
import { getLang } from '../../i18n/i18n.ts';

const VI: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^expected a value$/, () => 'Vui lòng nhập.'],
  [/^expected a date as YYYY-MM-DD/, () => 'Vui lòng nhập ngày (ngày/tháng/năm).'],
  [/^not a calendar date$|^no such day$/, () => 'Ngày không tồn tại.'],
  [/^is in the future$/, () => 'Ngày không được sau hôm nay.'],
  [/^expected a date from (\d{4})/, (m) => `Ngày phải từ năm ${m[1]} trở đi.`],
  [/^expected an http\(s\) URL$/, () => 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.'],
  [/^expected at most (\d+) characters$/, (m) => `Tối đa ${m[1]} ký tự.`],
  [/^control characters are not allowed$/, () => 'Có ký tự không hợp lệ.'],
  [/^expected the GSO code of a commune/, () => 'Vui lòng chọn xã hoặc huyện.'],
  [/^expected a 5-digit GSO commune code/, () => 'Vui lòng chọn xã.'],
  [/^expected the GSO code of a province/, () => 'Vui lòng chọn tỉnh hoặc huyện.'],
  [/^expected 0 or more$/, () => 'Phải từ 0 trở lên.'],
  [/^expected at most 2000$/, () => 'Tối đa 2000.'],
  [/^expected the number of .*\(an integer\)$|^expected the number of .* as an integer$/, () => 'Vui lòng nhập một số nguyên.'],
  [/^cannot exceed villages \((\d+)\)$/, (m) => `Không được lớn hơn số thôn (${m[1]}).`],
  [/^cannot exceed ntm_villages \((\d+)\)/, (m) => `Không được lớn hơn số thôn NTM (${m[1]}): thôn kiểu mẫu cũng là thôn NTM.`],
  [/the revocation cannot be dated before the recognition's decision \(([\d-]+)\)/, (m) => `Ngày thu hồi không được trước ngày quyết định công nhận (${m[1]}).`],
  [/is after 'to' \(([\d-]+)\)$/, (m) => `Ngày bắt đầu phải trước hoặc bằng ngày kết thúc (${m[1]}).`],
  [/^Invalid option|^Invalid enum value/, () => 'Vui lòng chọn một giá trị trong danh sách.'],
];

/** A server's field message in the page's language: the API speaks English, so known messages are said again in
 * Vietnamese. */
export function fieldMessage(message: string): string {
  if (getLang() !== 'vi') return message;
  for (const [pattern, say] of VI) {
    const m = message.match(pattern);
    if (m) return say(m);
  }
  return message;
}
