/** @module Provinces by the 7 socio-economic regions that 318/QĐ-TTg sets thresholds by, and the parameters the
 * illustrative generator draws from them. Province codes are GSO codes of the pre-2025 structure. */

/** The seven socio-economic regions, whose recognition rates differ and shape each province's illustrative curve. */
export type Region =
  | 'Trung du miền núi phía Bắc'
  | 'Đồng bằng sông Hồng'
  | 'Bắc Trung Bộ'
  | 'Duyên hải Nam Trung Bộ'
  | 'Tây Nguyên'
  | 'Đông Nam Bộ'
  | 'Đồng bằng sông Cửu Long';

const REGION_PROVINCES: Record<Region, readonly string[]> = {
  'Trung du miền núi phía Bắc': ['02', '04', '06', '08', '10', '11', '12', '14', '15', '17', '19', '20', '24', '25'],
  'Đồng bằng sông Hồng': ['01', '22', '26', '27', '30', '31', '33', '34', '35', '36', '37'],
  'Bắc Trung Bộ': ['38', '40', '42', '44', '45', '46'],
  'Duyên hải Nam Trung Bộ': ['48', '49', '51', '52', '54', '56', '58', '60'],
  'Tây Nguyên': ['62', '64', '66', '67', '68'],
  'Đông Nam Bộ': ['70', '72', '74', '75', '77', '79'],
  'Đồng bằng sông Cửu Long': ['80', '82', '83', '84', '86', '87', '89', '91', '92', '93', '94', '95', '96'],
};

const REGION_OF = new Map<string, Region>();
for (const [region, codes] of Object.entries(REGION_PROVINCES) as Array<[Region, readonly string[]]>) {
  for (const code of codes) REGION_OF.set(code, region);
}

/** The region of a province (by its pre-2025 GSO code). */
export function regionOf(provinceCode: string): Region {
  return REGION_OF.get(provinceCode) ?? 'Đồng bằng sông Hồng';
}

/**
 * How far a region's share of recognised communes sits from the national share (a shift on the logit scale)
 * and how hard its communes are on average (0 easy … 1 hard). Illustrative orders of magnitude: the delta
 * provinces were first to finish the programme, the northern mountains and the Central Highlands last.
 */
export const REGION_PARAMETERS: Record<Region, { logitShift: number; hardness: number }> = {
  'Đồng bằng sông Hồng': { logitShift: 1.9, hardness: 0.1 },
  'Đông Nam Bộ': { logitShift: 1.0, hardness: 0.2 },
  'Đồng bằng sông Cửu Long': { logitShift: 0.35, hardness: 0.35 },
  'Bắc Trung Bộ': { logitShift: 0.45, hardness: 0.4 },
  'Duyên hải Nam Trung Bộ': { logitShift: 0.1, hardness: 0.45 },
  'Tây Nguyên': { logitShift: -0.8, hardness: 0.65 },
  'Trung du miền núi phía Bắc': { logitShift: -1.0, hardness: 0.75 },
};

/** National number of region-III (special-difficulty) communes in 861/QĐ-TTg (04/6/2021). */
export const KV3_NATIONAL_TOTAL = 1551;

/**
 * Region-III communes by province as the 861/QĐ-TTg summary lists them (the page SOURCES.md cites:
 * https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/36001/phe-duyet-danh-sach-xa-dac-biet-kho-khan-giai-doan-2021-2025
 * "1.551 xã đặc biệt khó khăn phân bố tại 39 tỉnh", first 15 provinces). Province totals in the facts files
 * (targets.csv, metric region_III_communes_861) take precedence.
 */
export const KV3_BY_PROVINCE_861: Readonly<Record<string, number>> = {
  '02': 133, // Hà Giang
  '04': 126, // Cao Bằng
  '06': 67, // Bắc Kạn
  '08': 50, // Tuyên Quang
  '10': 70, // Lào Cai
  '15': 59, // Yên Bái
  '19': 15, // Thái Nguyên
  '20': 88, // Lạng Sơn
  '24': 28, // Bắc Giang
  '25': 26, // Phú Thọ
  '11': 94, // Điện Biên
  '12': 58, // Lai Châu
  '14': 126, // Sơn La
  '17': 59, // Hòa Bình
  '38': 21, // Thanh Hóa
};

/**
 * The other provinces with region-III communes (39 in all): ethnic-minority and mountainous areas of the
 * central provinces, the Central Highlands, the south-east uplands and the Khmer areas of the Mekong delta.
 * They share what the listed totals leave of the national total, in proportion to rural communes × weight.
 */
export const KV3_OTHER_PROVINCES: Readonly<Record<string, number>> = {
  '22': 0.15, // Quảng Ninh
  '40': 0.45, // Nghệ An
  '42': 0.1, // Hà Tĩnh
  '44': 0.25, // Quảng Bình
  '45': 0.3, // Quảng Trị
  '46': 0.25, // Thừa Thiên Huế
  '49': 0.45, // Quảng Nam (its total is in the facts)
  '51': 0.45, // Quảng Ngãi
  '52': 0.2, // Bình Định
  '54': 0.25, // Phú Yên
  '56': 0.2, // Khánh Hòa
  '58': 0.35, // Ninh Thuận
  '60': 0.1, // Bình Thuận
  '62': 0.55, // Kon Tum
  '64': 0.5, // Gia Lai
  '66': 0.35, // Đắk Lắk
  '67': 0.35, // Đắk Nông
  '68': 0.25, // Lâm Đồng
  '70': 0.2, // Bình Phước
  '84': 0.15, // Trà Vinh
  '94': 0.15, // Sóc Trăng
  '91': 0.03, // Kiên Giang
  '89': 0.05, // An Giang
  '75': 0.03, // Đồng Nai
};
