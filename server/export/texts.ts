/** @module The words of the status export in Vietnamese (default) and English: column headers, cell labels, the
 * title, the illustrative-data warning and the licence/attribution line. */
import type { Provenance } from '../db/schema.ts';
import type { Level } from '../recognition/standing.ts';

/** The languages of the export: Vietnamese (default) and English. */
export type Lang = 'vi' | 'en';
/** The export's languages as a list, for the `lang` parameter's schema. */
export const LANGS = ['vi', 'en'] as const;

/** The export's columns before and after the 19 criteria, by key; criteria columns are `c1` … `c19`. */
export const LEADING_COLUMNS = ['province_code', 'province_name', 'district_code', 'district_name', 'commune_code', 'commune_name', 'period', 'as_of', 'criteria_met'] as const;
/** The columns after the criteria, by key: level, listing, provenance and sources of the row's figures. */
export const TRAILING_COLUMNS = [
  'level',
  'recognition_decision',
  'recognition_provenance',
  'recognition_source',
  'special',
  'special_decision',
  'special_provenance',
  'special_source',
  'review_provenance',
  'review_source',
] as const;
/** A column that every export has, whatever its criteria set. */
export type FixedColumn = (typeof LEADING_COLUMNS)[number] | (typeof TRAILING_COLUMNS)[number];

/** The header of every fixed column in each language. */
export const HEADERS: Record<Lang, Record<FixedColumn, string>> = {
  vi: {
    province_code: 'Mã tỉnh',
    province_name: 'Tên tỉnh',
    district_code: 'Mã huyện',
    district_name: 'Tên huyện',
    commune_code: 'Mã xã',
    commune_name: 'Tên xã',
    period: 'Kỳ',
    as_of: 'Tháng đánh giá',
    criteria_met: 'Số tiêu chí đạt',
    level: 'Mức công nhận',
    recognition_decision: 'Quyết định công nhận',
    recognition_provenance: 'Nguồn gốc công nhận',
    recognition_source: 'Nguồn công nhận',
    special: 'Xã đặc biệt khó khăn',
    special_decision: 'Quyết định ĐBKK',
    special_provenance: 'Nguồn gốc ĐBKK',
    special_source: 'Nguồn ĐBKK',
    review_provenance: 'Nguồn gốc đánh giá',
    review_source: 'Nguồn đánh giá',
  },
  en: {
    province_code: 'Province code',
    province_name: 'Province',
    district_code: 'District code',
    district_name: 'District',
    commune_code: 'Commune code',
    commune_name: 'Commune',
    period: 'Period',
    as_of: 'Review month',
    criteria_met: 'Criteria met',
    level: 'Recognition level',
    recognition_decision: 'Recognition decision',
    recognition_provenance: 'Recognition provenance',
    recognition_source: 'Recognition source',
    special: 'Special-difficulty commune',
    special_decision: 'Special-difficulty listing',
    special_provenance: 'Special-difficulty provenance',
    special_source: 'Special-difficulty source',
    review_provenance: 'Review provenance',
    review_source: 'Review source',
  },
};

/** Header of criterion n's column: "TC1 Quy hoạch" / "C1 Planning". */
export function criterionHeader(lang: Lang, criterion: { number: number; name_vi: string; name_en: string }): string {
  return lang === 'vi' ? `TC${criterion.number} ${criterion.name_vi}` : `C${criterion.number} ${criterion.name_en}`;
}

/** The recognition levels as a cell shows them, in each language. */
export const LEVEL_LABELS: Record<Lang, Record<Level, string>> = {
  vi: { chua_dat: 'Chưa đạt chuẩn', dat_chuan: 'Đạt chuẩn', nang_cao: 'Nâng cao', kieu_mau: 'Kiểu mẫu', hien_dai: 'NTM hiện đại' },
  en: { chua_dat: 'Not yet', dat_chuan: 'Standard', nang_cao: 'Advanced', kieu_mau: 'Model', hien_dai: 'Modern' },
};

/** The words of a yes/no cell in each language. */
export const YES_NO: Record<Lang, { yes: string; no: string }> = {
  vi: { yes: 'Có', no: 'Không' },
  en: { yes: 'yes', no: 'no' },
};

/** How a cell names where its figure comes from (official, illustrative, none) in each language. */
export const PROVENANCE_LABELS: Record<Lang, Record<Provenance | 'none', string>> = {
  vi: { official: 'Chính thức', illustrative: 'Minh hoạ', none: 'Chưa có đánh giá' },
  en: { official: 'official', illustrative: 'illustrative', none: 'no review' },
};

/** What the title, warning and attribution lines are written from: scope, period, criteria set and how many figures
 * are illustrative. */
export interface TextsInput {
  scope: { level: 'province' | 'district'; code: string; name: string; province: { code: string; name: string } };
  period: string;
  set: { code: string; decision: string };
  communes: number;
  illustrative: { reviews: number; levels: number; special: number };
}

/** One line: what the table is (no commas, so that the CSV's first line stays a bare "# …" line). */
export function titleOf(lang: Lang, t: TextsInput): string {
  const scope =
    t.scope.level === 'province'
      ? `${t.scope.name} (${lang === 'vi' ? 'mã' : 'code'} ${t.scope.code})`
      : lang === 'vi'
        ? `${t.scope.name} (mã ${t.scope.code}) thuộc ${t.scope.province.name} (mã ${t.scope.province.code})`
        : `${t.scope.name} (code ${t.scope.code}) in ${t.scope.province.name} (code ${t.scope.province.code})`;
  return lang === 'vi'
    ? `NTM Map – Tình hình xây dựng nông thôn mới theo xã – ${scope} – kỳ ${t.period} – Bộ tiêu chí ${t.set.code} (${t.set.decision}) – ${t.communes} xã`
    : `NTM Map – New Rural Development status by commune – ${scope} – period ${t.period} – criteria set ${t.set.code} (${t.set.decision}) – ${t.communes} communes`;
}

/** The sentence that illustrative figures are the project's and not official, with this table's counts. */
export function warningOf(lang: Lang, t: TextsInput): string {
  const { reviews, levels, special } = t.illustrative;
  return lang === 'vi'
    ? `LƯU Ý: số liệu ghi 'Minh hoạ' do dự án NTM Map tạo ra (theo quy tắc cố định và nhất quán với các dữ kiện đã công bố) vì chưa có bộ dữ liệu công khai về tình trạng hằng tháng của từng xã; đó KHÔNG phải số liệu chính thức. ` +
        `Trong bảng này: đánh giá tiêu chí minh hoạ ${reviews}/${t.communes} xã; mức công nhận minh hoạ ${levels} xã; danh sách xã ĐBKK minh hoạ ${special} xã.`
    : `WARNING: figures marked 'illustrative' are generated by the NTM Map project (deterministic and consistent with the published facts) because no public dataset gives every commune's monthly status; they are NOT official. ` +
        `In this table: illustrative criteria reviews ${reviews} of ${t.communes} communes; illustrative recognition levels ${levels}; illustrative special-difficulty listings ${special}.`;
}

/** Licence and attribution in one line (no commas). */
export function attributionOf(lang: Lang, t: TextsInput): string {
  return lang === 'vi'
    ? `Nguồn và giấy phép: ranh giới theo mã đơn vị hành chính GSO ngày 01/03/2025; censusVN2009 (MIT); dvhcvn (GPL-3.0). ` +
        `Dữ kiện: Quyết định ${t.set.decision} và các quyết định/nguồn trích dẫn trong các cột Nguồn. Mã nguồn NTM Map: giấy phép MIT.`
    : `Sources and licences: boundaries with the GSO administrative codes of 01/03/2025; censusVN2009 (MIT); dvhcvn (GPL-3.0). ` +
        `Facts: Decision ${t.set.decision} and the decisions/sources cited in the source columns. NTM Map code: MIT licence.`;
}

/** Words of the XLSX's sources sheet and of the decision cells. */
export const WORDS: Record<Lang, {
  statusSheet: string;
  sourcesSheet: string;
  item: string;
  content: string;
  title: string;
  scope: string;
  period: string;
  criteriaSet: string;
  communes: string;
  warning: string;
  provenance: string;
  reviews: string;
  levels: string;
  special: string;
  boundaries: string;
  boundariesText: string;
  facts: string;
  factsText: string;
  code: string;
  codeText: string;
  json: string;
  cited: string;
  seeSources: string;
  dated: (decision: string, date: string) => string;
  noDecisionNumber: string;
  illustrativeDecision: string;
  counts: (c: { official: number; illustrative: number; none?: number }) => string;
}> = {
  vi: {
    statusSheet: 'Trạng thái',
    sourcesSheet: 'Nguồn',
    item: 'Mục',
    content: 'Nội dung',
    title: 'Tiêu đề',
    scope: 'Phạm vi',
    period: 'Kỳ',
    criteriaSet: 'Bộ tiêu chí',
    communes: 'Số xã',
    warning: 'LƯU Ý',
    provenance: 'Nguồn gốc số liệu',
    reviews: 'Đánh giá tiêu chí',
    levels: 'Mức công nhận đang có hiệu lực',
    special: 'Xã đặc biệt khó khăn',
    boundaries: 'Ranh giới',
    boundariesText: 'Mã và tên đơn vị hành chính: danh mục GSO ngày 01/03/2025 (qua bộ dữ liệu dvhcvn, giấy phép GPL-3.0). Đường ranh giới xã: gói R censusVN2009 (giấy phép MIT).',
    facts: 'Dữ kiện',
    factsText: 'Các quyết định và trang nguồn được trích dẫn dưới đây và trong từng dòng; số liệu minh hoạ do dự án tạo ra.',
    code: 'Mã nguồn',
    codeText: 'NTM Map, giấy phép MIT.',
    json: 'Cùng số liệu dạng JSON',
    cited: 'Nguồn trích dẫn',
    seeSources: "Chi tiết nguồn và giấy phép: xem trang tính 'Nguồn'.",
    dated: (decision, date) => `${decision} ngày ${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`,
    noDecisionNumber: '(nguồn không nêu số quyết định)',
    illustrativeDecision: '(minh hoạ: không phải quyết định thật)',
    counts: (c) => `chính thức ${c.official}; minh hoạ ${c.illustrative}${c.none !== undefined ? `; chưa có ${c.none}` : ''}`,
  },
  en: {
    statusSheet: 'Status',
    sourcesSheet: 'Sources',
    item: 'Item',
    content: 'Content',
    title: 'Title',
    scope: 'Scope',
    period: 'Period',
    criteriaSet: 'Criteria set',
    communes: 'Communes',
    warning: 'WARNING',
    provenance: 'Provenance',
    reviews: 'Criteria reviews',
    levels: 'Recognition levels in force',
    special: 'Special-difficulty listings',
    boundaries: 'Boundaries',
    boundariesText: 'Administrative codes and names: GSO list of 01/03/2025 (via the dvhcvn dataset, GPL-3.0 licence). Commune lines: R package censusVN2009 (MIT licence).',
    facts: 'Facts',
    factsText: 'The decisions and pages cited below and in each row; illustrative figures are generated by the project.',
    code: 'Code',
    codeText: 'NTM Map, MIT licence.',
    json: 'Same data as JSON',
    cited: 'Cited source',
    seeSources: "Sources and licences in detail: see the 'Sources' sheet.",
    dated: (decision, date) => `${decision} of ${date}`,
    noDecisionNumber: '(decision number not given by the source)',
    illustrativeDecision: '(illustrative: not a real decision)',
    counts: (c) => `official ${c.official}; illustrative ${c.illustrative}${c.none !== undefined ? `; none ${c.none}` : ''}`,
  },
};
