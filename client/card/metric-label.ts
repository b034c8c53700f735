// What a published target or reported figure counts, in words, from the metric key the data stores
// ("target_share_communes_ntm_2025_(KH 104/KH-BCĐ)" → "Tỷ lệ xã đạt chuẩn NTM (2025, KH 104/KH-BCĐ)").
// Keys without a wording here are shown as written, marked as English.
import { getLang } from '../i18n/i18n.ts';

const WORDS: Record<string, [vi: string, en: string]> = {
  '': ['Chỉ tiêu', 'Target'],
  end: ['Chỉ tiêu đến cuối năm', 'Target by the end of'],
  '2016_2020_register': ['Đăng ký đạt chuẩn giai đoạn 2016–2020', 'Registered to reach the standard in 2016–2020'],
  ntm: ['Số xã đạt chuẩn NTM', 'Communes at the NTM standard'],
  communes_ntm: ['Số xã đạt chuẩn NTM', 'Communes at the NTM standard'],
  communes_ntm_recognised: ['Số xã được công nhận đạt chuẩn NTM', 'Communes recognised at the NTM standard'],
  new_communes_ntm: ['Số xã mới đạt chuẩn NTM', 'Communes newly at the NTM standard'],
  share_communes_ntm: ['Tỷ lệ xã đạt chuẩn NTM', 'Share of communes at the NTM standard'],
  nang_cao: ['Số xã đạt NTM nâng cao', 'Communes at advanced NTM'],
  communes_nang_cao: ['Số xã đạt NTM nâng cao', 'Communes at advanced NTM'],
  share_communes_nang_cao: ['Tỷ lệ xã đạt NTM nâng cao', 'Share of communes at advanced NTM'],
  communes_kieu_mau: ['Số xã đạt NTM kiểu mẫu', 'Communes at model NTM'],
  share_communes_kieu_mau: ['Tỷ lệ xã đạt NTM kiểu mẫu', 'Share of communes at model NTM'],
  communes_19_of_19: ['Số xã đạt đủ 19 tiêu chí', 'Communes meeting all 19 criteria'],
  avg_criteria_per_commune: ['Số tiêu chí đạt bình quân mỗi xã', 'Average criteria met per commune'],
  share_communes_15_criteria: ['Tỷ lệ xã đạt từ 15 tiêu chí', 'Share of communes meeting 15 criteria or more'],
  share_communes_group_18_19: ['Tỷ lệ xã đạt 18–19 tiêu chí', 'Share of communes meeting 18–19 criteria'],
  no_commune_below_criteria: ['Không còn xã dưới số tiêu chí tối thiểu', 'No commune below the minimum criteria'],
  criteria_gain_per_commune_per_year: ['Số tiêu chí tăng thêm mỗi xã mỗi năm', 'Criteria gained per commune per year'],
  criteria_to_complete: ['Số tiêu chí cần hoàn thành', 'Criteria still to complete'],
  criteria_to_complete_h1: ['Số tiêu chí cần hoàn thành trong 6 tháng đầu năm', 'Criteria to complete in the first half-year'],
  criteria_to_complete_recognised_communes: ['Số tiêu chí xã đã công nhận cần hoàn thiện', 'Criteria recognised communes must complete'],
  criteria_remaining_12_communes: ['Số tiêu chí còn thiếu của 12 xã', 'Criteria still missing in 12 communes'],
  districts_ntm: ['Số huyện đạt chuẩn NTM', 'Districts at the NTM standard'],
  share_districts_ntm: ['Tỷ lệ huyện đạt chuẩn NTM', 'Share of districts at the NTM standard'],
  district_criteria_met: ['Số tiêu chí huyện NTM đạt', 'District NTM criteria met'],
  monthly_progress_report_day: ['Hạn báo cáo tiến độ hằng tháng (ngày)', 'Monthly progress report due (day of month)'],
  revocation_warning: ['Cảnh báo thu hồi công nhận', 'Warning of revocation'],
  p135_communes: ['Số xã thuộc Chương trình 135', 'Communes in Programme 135'],
  region_III_communes_861: ['Số xã khu vực III (Quyết định 861)', 'Region III communes (Decision 861)'],
  region_III_communes_p135: ['Số xã khu vực III thuộc Chương trình 135', 'Region III communes in Programme 135'],
  region_communes_582: ['Số xã theo Quyết định 582', 'Communes listed by Decision 582'],
  communes_in_ethnic_minority_mountain_area: ['Số xã vùng đồng bào dân tộc thiểu số và miền núi', 'Communes in ethnic-minority and mountain areas'],
  communes_in_programme: ['Số xã thuộc Chương trình', 'Communes in the programme'],
  model_village_per_ntm_commune: ['Số thôn kiểu mẫu mỗi xã NTM', 'Model villages per NTM commune'],
  rural_income_multiple_vs_2020: ['Thu nhập người dân nông thôn so với năm 2020 (lần)', 'Rural income as a multiple of 2020'],
  share_communes_with_cooperative: ['Tỷ lệ xã có hợp tác xã', 'Share of communes with a cooperative'],
  share_special_difficulty_exit: ['Tỷ lệ xã thoát diện đặc biệt khó khăn', 'Share of communes leaving the special-difficulty list'],
  share_thon_ntm_in_dbkk_communes: ['Tỷ lệ thôn đạt chuẩn NTM ở xã đặc biệt khó khăn', 'Share of villages at NTM in special-difficulty communes'],
  share_thon_ntm_per_commune: ['Tỷ lệ thôn đạt chuẩn NTM mỗi xã', 'Share of villages at NTM per commune'],
  thon_dac_biet_kho_khan: ['Số thôn đặc biệt khó khăn', 'Special-difficulty villages'],
  thon_dtts_ntm: ['Số thôn vùng đồng bào dân tộc thiểu số đạt chuẩn NTM', 'Ethnic-minority villages at NTM'],
  thon_ntm_and_kieu_mau: ['Số thôn đạt chuẩn NTM và thôn kiểu mẫu', 'Villages at NTM and model villages'],
};

/** The metric in words, with the year(s) and the plan its key names; `lang` is the language of `text`. */
export function metricLabel(metric: string): { text: string; lang: 'vi' | 'en' } {
  const plan = /_\(([^()]*)\)$/.exec(metric)?.[1] ?? null;
  let base = metric.replace(/_\(([^()]*)\)$/, '').replace(/^target_/, '');
  // A year that is part of the wording ("…_vs_2020") stays in the key.
  const years = WORDS[base] ? null : (/(?:^|_)((?:19|20)\d\d(?:_(?:19|20)\d\d)?)$/.exec(base)?.[1] ?? null);
  if (years) base = base.slice(0, base.length - years.length).replace(/_$/, '');
  const words = WORDS[base];
  const extra = [years?.replace('_', '–'), plan?.replace(/_/g, ' ')].filter(Boolean).join(', ');
  const lang = getLang();
  if (!words) return { text: metric.replace(/^target_/, '').replace(/_\(([^()]*)\)$/, ' ($1)').replace(/_/g, ' '), lang: 'en' };
  return { text: `${words[lang === 'en' ? 1 : 0]}${extra ? ` (${extra})` : ''}`, lang };
}
