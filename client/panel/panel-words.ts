// Words the panel and the card share: levels, dates, due half-years, what a target measures, why a target
// cannot be measured, and criterion names in the current language.
import type { Level } from '../api/answers.ts';
import { formatNumber, getLang, strings } from '../i18n/i18n.ts';
import type { MeasureKind, Named, RecognitionLevel, TargetProgress } from '../api/answers.ts';

const t = strings({
  vi: {
    chua_dat: 'Chưa đạt chuẩn', dat_chuan: 'Đạt chuẩn NTM', nang_cao: 'NTM nâng cao', kieu_mau: 'NTM kiểu mẫu', hien_dai: 'NTM hiện đại',
    lvl_dat_chuan: 'đạt chuẩn', lvl_nang_cao: 'đạt NTM nâng cao', lvl_kieu_mau: 'đạt NTM kiểu mẫu', lvl_hien_dai: 'đạt NTM hiện đại', orAbove: '{level} trở lên',
    reach_dat_chuan: 'đạt chuẩn NTM', reach_nang_cao: 'đạt chuẩn NTM nâng cao', reach_kieu_mau: 'đạt chuẩn NTM kiểu mẫu', reach_hien_dai: 'đạt chuẩn NTM hiện đại',
    h1: '6 tháng đầu năm {year}', h2: '6 tháng cuối năm {year}', year: 'năm {year}',
    communes_at_level: 'Số xã {level}', share_at_level: 'Tỷ lệ xã {level}', new_communes_at_level: 'Số xã mới {level} trong năm {year}',
    share_min_criteria: 'Tỷ lệ xã đạt từ {min} tiêu chí', share_criteria_met: 'Tỷ lệ xã đạt tiêu chí {list}', average_criteria_met: 'Số tiêu chí đạt bình quân mỗi xã',
    criteria_gain_per_year: 'Số tiêu chí tăng thêm mỗi xã trong 12 tháng',
    u_communes: '{n} xã', u_pct: '{n}%', u_criteria: '{n} tiêu chí', u_rate: '{n} tiêu chí/năm',
  },
  en: {
    chua_dat: 'Not yet standard', dat_chuan: 'NTM standard', nang_cao: 'Advanced NTM', kieu_mau: 'Model NTM', hien_dai: 'Modern NTM',
    lvl_dat_chuan: 'standard', lvl_nang_cao: 'advanced', lvl_kieu_mau: 'model', lvl_hien_dai: 'modern', orAbove: '{level} or above',
    reach_dat_chuan: 'reach the NTM standard', reach_nang_cao: 'reach advanced NTM', reach_kieu_mau: 'reach model NTM', reach_hien_dai: 'reach modern NTM',
    h1: 'the first half of {year}', h2: 'the second half of {year}', year: '{year}',
    communes_at_level: 'Communes at {level}', share_at_level: 'Share of communes at {level}', new_communes_at_level: 'Communes newly at {level} during {year}',
    share_min_criteria: 'Share of communes meeting at least {min} criteria', share_criteria_met: 'Share of communes meeting criteria {list}', average_criteria_met: 'Average criteria met per commune',
    criteria_gain_per_year: 'Criteria gained per commune over 12 months',
    u_communes: '{n} communes', u_pct: '{n}%', u_criteria: '{n} criteria', u_rate: '{n} criteria/year',
  },
});

export const LEVELS: readonly Level[] = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];
/** "Not yet" and a criteria set's levels (null: the 2021-2025 set's, LEVELS). */
export const levelsOf = (setLevels: readonly RecognitionLevel[] | null): readonly Level[] => (setLevels ? ['chua_dat', ...setLevels] : LEVELS);

export const levelName = (level: Level): string => t(level);
/** A level's name inside a sentence: "đạt chuẩn NTM", "NTM nâng cao". */
export const levelInSentence = (level: Level): string => t(level).replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase());
/** What reaching a level means, inside a sentence: "đạt chuẩn NTM", "reach the NTM standard". */
export const reachLevel = (level: RecognitionLevel): string => t(`reach_${level}`);
const levelWord = (level: RecognitionLevel): string => t(`lvl_${level}`);
const levelOrAbove = (level: RecognitionLevel): string => (level === 'kieu_mau' || level === 'hien_dai' ? levelWord(level) : t('orAbove', { level: levelWord(level) }));

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

/** Why a target cannot be measured or judged, in the current language: the API gives each reason in English
 * and in Vietnamese (`reason_vi`, the English again when it has no translation, which is then marked as such). */
export function reasonText(en: string, vi: string | null | undefined): { text: string; lang: 'vi' | 'en' } {
  if (getLang() === 'vi' && vi && vi !== en) return { text: vi, lang: 'vi' };
  return { text: en, lang: 'en' };
}
