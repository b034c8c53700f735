// Words the panel and the card share: levels, dates, due half-years, what a target measures, why a target
// cannot be measured, and criterion names in the current language.
import type { Level } from '../api/status.ts';
import { formatNumber, getLang, strings } from '../i18n/i18n.ts';
import type { MeasureKind, Named, RecognitionLevel, TargetProgress } from './api.ts';

const t = strings({
  vi: {
    chua_dat: 'Chưa đạt chuẩn', dat_chuan: 'Đạt chuẩn NTM', nang_cao: 'NTM nâng cao', kieu_mau: 'NTM kiểu mẫu',
    lvl_dat_chuan: 'đạt chuẩn', lvl_nang_cao: 'đạt NTM nâng cao', lvl_kieu_mau: 'đạt NTM kiểu mẫu', orAbove: '{level} trở lên',
    reach_dat_chuan: 'đạt chuẩn NTM', reach_nang_cao: 'đạt chuẩn NTM nâng cao', reach_kieu_mau: 'đạt chuẩn NTM kiểu mẫu',
    h1: '6 tháng đầu năm {year}', h2: '6 tháng cuối năm {year}', year: 'năm {year}',
    communes_at_level: 'Số xã {level}', share_at_level: 'Tỷ lệ xã {level}', new_communes_at_level: 'Số xã mới {level} trong năm {year}',
    share_min_criteria: 'Tỷ lệ xã đạt từ {min} tiêu chí', share_criteria_met: 'Tỷ lệ xã đạt tiêu chí {list}', average_criteria_met: 'Số tiêu chí đạt bình quân mỗi xã',
    criteria_gain_per_year: 'Số tiêu chí tăng thêm mỗi xã trong 12 tháng',
    u_communes: '{n} xã', u_pct: '{n}%', u_criteria: '{n} tiêu chí', u_rate: '{n} tiêu chí/năm',
    r_village: 'không có số liệu công nhận thôn', r_income: 'không có số liệu thu nhập', r_poverty: 'không có số liệu tỷ lệ nghèo',
    r_district: 'chỉ có số liệu công nhận cấp huyện ở nơi có nguồn', r_special: 'việc ra khỏi diện đặc biệt khó khăn do danh sách sau 861/QĐ-TTg quyết định',
    r_coop: 'hợp tác xã (một chỉ tiêu của tiêu chí 13) không được đánh giá riêng', r_completions: 'đếm lượt tiêu chí cần hoàn thành của các xã được nêu tên; xem từng xã trong kế hoạch',
    r_condition: 'là điều kiện với các xã đã đạt chuẩn, không phải số liệu; thẻ xã cảnh báo xã đã đạt chuẩn nhưng không còn đạt tiêu chí',
    r_report: 'là quy định về báo cáo, không phải số liệu', r_nodeadline: 'mục tiêu không có thời hạn', r_nodata: 'chưa có số liệu cho thời điểm này',
    r_names: 'nêu tên xã hoặc điều kiện, không phải con số; xem thẻ từng xã', r_norule: 'chưa có cách đo mục tiêu này từ số liệu các xã',
  },
  en: {
    chua_dat: 'Not yet standard', dat_chuan: 'NTM standard', nang_cao: 'Advanced NTM', kieu_mau: 'Model NTM',
    lvl_dat_chuan: 'standard', lvl_nang_cao: 'advanced', lvl_kieu_mau: 'model', orAbove: '{level} or above',
    reach_dat_chuan: 'reach the NTM standard', reach_nang_cao: 'reach advanced NTM', reach_kieu_mau: 'reach model NTM',
    h1: 'the first half of {year}', h2: 'the second half of {year}', year: '{year}',
    communes_at_level: 'Communes at {level}', share_at_level: 'Share of communes at {level}', new_communes_at_level: 'Communes newly at {level} during {year}',
    share_min_criteria: 'Share of communes meeting at least {min} criteria', share_criteria_met: 'Share of communes meeting criteria {list}', average_criteria_met: 'Average criteria met per commune',
    criteria_gain_per_year: 'Criteria gained per commune over 12 months',
    u_communes: '{n} communes', u_pct: '{n}%', u_criteria: '{n} criteria', u_rate: '{n} criteria/year',
    r_village: 'village (thôn) recognitions are not in the data', r_income: 'rural income is not in the data', r_poverty: 'poverty rates are not in the data',
    r_district: 'district recognitions are recorded only where a source gives them', r_special: 'leaving special-difficulty status is decided by the list after 861/QĐ-TTg',
    r_coop: 'cooperatives (an indicator of criterion 13) are not reviewed separately', r_completions: 'a count of criterion completions by named communes; see each planned commune',
    r_condition: 'a condition on recognised communes, not a figure; commune cards warn when a recognised commune fails a criterion',
    r_report: 'a reporting rule, not a figure', r_nodeadline: 'the target has no deadline', r_nodata: 'no data for this period yet',
    r_names: 'names communes or a condition, not a number; see the commune cards', r_norule: 'no rule measures this target from the communes\' data',
  },
});

export const LEVELS: readonly Level[] = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];
/** The recognition-level colours of the map (YlGnBu), so that the panel's bars read like the map. */
export const LEVEL_COLORS: Record<Level, string> = { chua_dat: '#ffffcc', dat_chuan: '#a1dab4', nang_cao: '#41b6c4', kieu_mau: '#225ea8' };
/** The criteria-met colours of the map (PuBu): <10, 10-14, 15-18, 19. */
export const BIN_COLORS = ['#f1eef6', '#bdc9e1', '#74a9cf', '#0570b0'];

export const levelName = (level: Level): string => t(level);
/** A level's name inside a sentence: "đạt chuẩn NTM", "NTM nâng cao". */
export const levelInSentence = (level: Level): string => t(level).replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase());
/** What reaching a level means, inside a sentence: "đạt chuẩn NTM", "reach the NTM standard". */
export const reachLevel = (level: RecognitionLevel): string => t(`reach_${level}`);
const levelWord = (level: RecognitionLevel): string => t(`lvl_${level}`);
const levelOrAbove = (level: RecognitionLevel): string => (level === 'kieu_mau' ? levelWord(level) : t('orAbove', { level: levelWord(level) }));

/** A catalogue entry's name in the current language. */
export const nameOf = (x: { name_vi: string; name_en: string | null }): string => (getLang() === 'en' && x.name_en ? x.name_en : x.name_vi);

/** "12, 13" → "12 Lao động, 13 Tổ chức sản xuất…" from a list of named criteria. */
export function criteriaNames(numbers: readonly number[], catalogue: ReadonlyArray<Named>): string {
  return numbers.map((n) => {
    const c = catalogue.find((x) => x.number === n);
    return c ? `${n}. ${nameOf(c)}` : String(n);
  }).join('; ');
}

/** "2013-01-17" → "17/01/2013" or "17 Jan 2013". */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  if (getLang() === 'vi') return `${m[3]}/${m[2]}/${m[1]}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
}

/** "2024-H1" → "6 tháng đầu năm 2024"; "2025" → "năm 2025". */
export function formatDue(due: string): string {
  const m = /^(\d{4})(?:-H([12]))?$/.exec(due);
  if (!m) return due;
  return t(m[2] === '1' ? 'h1' : m[2] === '2' ? 'h2' : 'year', { year: m[1]! });
}

/** What a target measures, in the current language. */
export function measureLabel(target: TargetProgress): string {
  const m = target.measure;
  if (!m) return target.clause ?? target.target.value;
  const level = m.level ? levelOrAbove(m.level) : '';
  const key: MeasureKind = m.kind;
  return t(key, { level, year: String(m.year ?? ''), min: m.min_criteria ?? '', list: (m.criteria ?? []).join(', ') });
}

/** A target's number in its unit: "84 xã", "60%", "16,5 tiêu chí". */
export function formatInUnit(value: number, unit: TargetProgress['unit']): string {
  const n = formatNumber(value, { maximumFractionDigits: unit === 'communes' ? 0 : 1 });
  switch (unit) {
    case 'communes': return t('u_communes', { n });
    case '%': return t('u_pct', { n });
    case 'criteria': return t('u_criteria', { n });
    case 'criteria/year': return t('u_rate', { n });
    default: return n;
  }
}

const REASONS: ReadonlyArray<[RegExp, Parameters<typeof t>[0]]> = [
  [/village|thôn/, 'r_village'],
  [/income/, 'r_income'],
  [/poverty/, 'r_poverty'],
  [/special-difficulty/, 'r_special'],
  [/district/, 'r_district'],
  [/cooperative/, 'r_coop'],
  [/criterion completions/, 'r_completions'],
  [/condition on recognised/, 'r_condition'],
  [/reporting rule/, 'r_report'],
  [/no deadline/, 'r_nodeadline'],
  [/^no data/, 'r_nodata'],
  [/names communes/, 'r_names'],
  [/no rule/, 'r_norule'],
];

/** Why a target cannot be measured, in the current language; the API's own words (English) when unknown. */
export function reasonText(reason: string): { text: string; lang: 'vi' | 'en' } {
  const hit = REASONS.find(([re]) => re.test(reason));
  if (hit) return { text: t(hit[1]), lang: getLang() };
  return { text: reason, lang: 'en' };
}
