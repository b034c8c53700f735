/** @module The illustrative dataset: where no real per-commune criterion status exists, a deterministic (seeded) one
 * that is consistent with the real facts. For every rural commune and month: which of the 19 criteria are met;
 * plus illustrative recognitions (filling the published national and provincial counts) and illustrative
 * special-difficulty listings (filling the published totals of 861/QĐ-TTg). Official facts always win.
 *
 * Rules (each is tested in test/server/seed/generator.test.ts):
 *  1. An official recognition holds all 19 criteria from the month the commune met the standard (December of
 *     its "NTM năm Y" year, or the decision month when earlier) onward; recognised before the first period →
 *     19/19 throughout. Exception: rule 5.
 *  2. Illustrative recognitions fill each province up to a target curve: the national share (end-2020 63%,
 *     reported 2023-12 and 2025-10 figures, the 80% target) shifted by region, or, where targets.csv reports
 *     the province's count at a date, a curve through those counts. Advanced (NC) and model (KM) levels fill
 *     national shares of the recognised: the national counts of national_counts.csv where published (NC 13 % of
 *     the recognised in 2022-06 → 42 % in 2025-06, KM 1.4 % → 12 %), the generator's own curve before them,
 *     and reported NC counts of provinces.
 *  3. Planned communes reach 19/19 within ±3 months of their due period and are recognised after that.
 *  4. Special-difficulty communes are harder: they start lower, gain more slowly and are recognised last.
 *  5. ≈1.5% of recognised communes lose 1-3 criteria for 2-9 months (revocation risk, 18/2022/QĐ-TTg); no
 *     recognition is revoked.
 *  6. Criteria met rise by 0-2 a calendar year (gains at least 6 months apart), rarely drop for a few months,
 *     never exceed 19; a commune with 19/19 is recognised within 12 months (or has an official proposal).
 *  7. ≈2% of commune-months have no review (never the first or last period).
 *  8. Special-difficulty listings: the official ones, plus illustrative KV III listings (2021-06..2025-12) up
 *     to each province's published total, chosen among the hardest communes. */
import type { NewRecognition } from '../facts/recognitions.ts';
import type { NewSpecialDifficulty } from '../facts/special-difficulty.ts';
import type { Facts } from '../facts/index.ts';
import { type Period, monthNumber, periodOf, periodRange } from '../facts/dates.ts';
import type { UnitRecord } from '../../unit/units-index.ts';
import type { UnitStructure } from '../../db/schema.ts';
import { CRITERIA_SET_CODE } from '../facts/criteria.ts';
import { type Random, random, uniform } from './prng.ts';
import {
  KV3_BY_PROVINCE_861,
  KV3_NATIONAL_TOTAL,
  KV3_OTHER_PROVINCES,
  REGION_PARAMETERS,
  regionOf,
} from './regions.ts';
import {
  type Anchor,
  fullCriteriaAnchors,
  interpolate,
  logit,
  nationalAnchors,
  officialShares,
  provinceAnchors,
  sigmoid,
} from './trajectory.ts';
import { readLevelCounts } from '../facts/targets.ts';

/** The generator's name in every illustrative row's `source`, so that a reader can tell which rows it made. */
export const GENERATOR_NAME = 'illustrative generator v1';
/** How many criteria the 2021-2025 set has, the set the generator's history is made for. */
export const CRITERIA_COUNT = 19;
/** The mask of a review meeting all 19 criteria. */
export const FULL_MASK = (1 << CRITERIA_COUNT) - 1;
/** Before the first period: "recognised before 2021". */
export const BEFORE = -1;

/** The `source` text of rows made with `seed`: the generator's name and its seed, enough to make them again. */
export function generatorSource(seed: number): string {
  return `${GENERATOR_NAME}, seed ${seed}`;
}

/** What the generator works from: units, facts, seed and the months to fill. */
export interface GeneratorOptions {
  units: readonly UnitRecord[];
  facts: Facts;
  seed: number;
  firstPeriod: Period;
  lastPeriod: Period;
}

/** Reviews of every rural commune and month, stored compactly: masks[c * periods.length + t], -1 = no review. */
export interface ReviewSeries {
  /** The structure the communes' codes are meant in. */
  structure: UnitStructure;
  communes: string[];
  periods: Period[];
  /** The criteria set of each period's reviews (parallel to `periods`). */
  setCodes: string[];
  masks: Int32Array;
  /** Number of reviews present (masks not -1). */
  count: number;
  /** Per-review notes (JSON text) keyed by c * periods.length + t: the revocation-risk months. */
  notes: Map<number, string>;
}

/** A recognised commune that loses criteria for a while (from, to): the at-risk cases the history holds on purpose. */
export interface RevocationRisk {
  commune: string;
  from: Period;
  to: Period;
  lostCriteria: number[];
}

/** The generator's view of one rural commune (for tests and reports). */
export interface CommunePlan {
  code: string;
  province: string;
  difficulty: number;
  /** Month index the commune counts as recognised from (BEFORE = before the first period), null = not in the data. */
  recognisedAt: number | null;
  recognisedBy: 'official' | 'illustrative' | 'planned' | null;
  /** Month index of the first 19/19 (BEFORE = from the start), null = not in the data. */
  met19At: number | null;
  nangCaoAt: number | null;
  kieuMauAt: number | null;
  planned: boolean;
  proposed: boolean;
}

/** Everything the generator made: reviews, recognitions, listings and the risks, ready for the seed. */
export interface IllustrativeData {
  source: string;
  periods: Period[];
  recognitions: NewRecognition[];
  specialDifficulty: NewSpecialDifficulty[];
  reviews: ReviewSeries;
  risks: RevocationRisk[];
  plans: CommunePlan[];
  /** Per province with reported counts: the anchors used and the figures left out. */
  anchors: Record<string, { anchors: Anchor[]; dropped: Array<{ from: string; reason: string }> }>;
  /** Month index → national target share (for reports). */
  nationalShare: (t: number) => number;
}

// Ease of each criterion (higher = usually met earlier): infrastructure and administration first; income,
// multidimensional poverty, production organisation and environment last (as the provincial reports say).
const CRITERION_EASE = [
  0, // (criteria are 1-based)
  3.0, // 1 Quy hoạch
  1.2, // 2 Giao thông
  1.6, // 3 Thủy lợi và phòng chống thiên tai
  3.0, // 4 Điện
  1.0, // 5 Trường học
  1.2, // 6 Cơ sở vật chất văn hóa
  1.8, // 7 Cơ sở hạ tầng thương mại nông thôn
  2.5, // 8 Thông tin và truyền thông
  1.3, // 9 Nhà ở dân cư
  0.7, // 10 Thu nhập
  0.6, // 11 Nghèo đa chiều
  1.5, // 12 Lao động
  0.9, // 13 Tổ chức sản xuất và phát triển kinh tế nông thôn
  1.6, // 14 Giáo dục và đào tạo
  1.4, // 15 Y tế
  2.0, // 16 Văn hóa
  0.6, // 17 Môi trường và an toàn thực phẩm
  2.5, // 18 Hệ thống chính trị và tiếp cận pháp luật
  2.2, // 19 Quốc phòng và an ninh
];

/** The criteria a recognised commune most often falls below on (income, poverty, environment, production,
 * defence and security, as named in the Lào Cai revocation warning of 104/KH-BCĐ), with weights. */
const RISK_CRITERIA: ReadonlyArray<[number, number]> = [
  [10, 4],
  [11, 4],
  [17, 4],
  [13, 2],
  [19, 2],
  [14, 1],
  [2, 1],
];

/** National shares of advanced (NC) and model (KM) communes among the recognised, by month. */
const NANG_CAO_SHARE = [
  { period: '2020-12', value: 0.08 },
  { period: '2023-12', value: 0.22 },
  { period: '2025-12', value: 0.25 },
];
const KIEU_MAU_SHARE = [
  { period: '2020-12', value: 0.003 },
  { period: '2023-12', value: 0.015 },
  { period: '2025-12', value: 0.03 },
];

const REVOCATION_RISK_SHARE = 0.015;
/** The month undated official recognitions count from (the articles are of ~2018-2019). */
const UNDATED_OFFICIAL = '2018-12';
const MISSING_REVIEW_SHARE = 0.02;
/** The first month of the 2021-2025 special-difficulty list (861/QĐ-TTg of 04/6/2021). */
const FIRST_861_PERIOD = '2021-06';
const LAST_861_PERIOD = '2025-12';
/** Years an illustrative recognition before the first period is dated to, with weights (2011 = start of NTM). */
const EARLY_YEARS: ReadonlyArray<[number, number]> = [
  [2011, 0.3],
  [2012, 0.7],
  [2013, 1.5],
  [2014, 3],
  [2015, 5],
  [2016, 5],
  [2017, 6],
  [2018, 7],
  [2019, 8],
  [2020, 8],
];

interface CommuneState extends CommunePlan {
  index: number;
  district: string;
  /** Month index of the standard / advanced level, not clamped (dates before the first period are kept, so
   * that "a year after the level below" can be checked); undated official records count as of 2018-12. */
  datSince: number | null;
  ncSince: number | null;
}

/** Generates the illustrative history of every rural commune, deterministic for a seed and anchored to the reported
 * figures. */
export function generateIllustrative(options: GeneratorOptions): IllustrativeData {
  const { units, facts, seed, firstPeriod, lastPeriod } = options;
  const source = generatorSource(seed);
  const periods = periodRange(firstPeriod, lastPeriod);
  const T = periods.length;
  const firstMonth = monthNumber(firstPeriod);
  const at = (period: Period) => monthNumber(period) - firstMonth;
  const clampBefore = (t: number) => (t < BEFORE ? BEFORE : t);
  const periodAt = (t: number) => periodOf(firstMonth + t);

  // --- Units -------------------------------------------------------------------------------------------------
  const rural = units
    .filter((unit) => unit.level === 'commune' && unit.rural)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const provinces = [...new Set(rural.map((unit) => unit.province))].sort();
  const communes: CommuneState[] = rural.map((unit, index) => ({
    index,
    code: unit.code,
    province: unit.province,
    district: unit.district ?? '',
    difficulty: 0,
    recognisedAt: null,
    recognisedBy: null,
    met19At: null,
    nangCaoAt: null,
    kieuMauAt: null,
    planned: false,
    proposed: false,
    datSince: null,
    ncSince: null,
  }));
  const byCode = new Map(communes.map((c) => [c.code, c]));
  const byProvince = new Map<string, CommuneState[]>();
  for (const c of communes) {
    const list = byProvince.get(c.province) ?? [];
    list.push(c);
    byProvince.set(c.province, list);
  }

  // --- Official recognitions, proposals, plans ---------------------------------------------------------------
  /** Levels an official council proposal names for a commune: no illustrative recognition at those levels. */
  const proposedLevels = new Map<string, Set<string>>();
  const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
  for (const fact of facts.recognitions.communes) {
    const c = byCode.get(fact.record.unit_code);
    if (!c) continue; // not a rural commune today (e.g. now a thị trấn)
    if (fact.record.status === 'proposed') {
      if (fact.record.level === 'dat_chuan') c.proposed = true;
      const levels = proposedLevels.get(c.code) ?? new Set<string>();
      levels.add(fact.record.level);
      proposedLevels.set(c.code, levels);
      continue;
    }
    // Undated official recognitions (articles of ~2018-2019) count as before the first period (as of 2018-12).
    const since = at(fact.countedFrom ?? UNDATED_OFFICIAL);
    const met = at(fact.metFrom ?? UNDATED_OFFICIAL);
    // A higher level implies the level below about a year earlier.
    const below = fact.record.level === 'dat_chuan' ? 0 : fact.record.level === 'nang_cao' ? 12 : 24;
    c.datSince = earliest(c.datSince, since - below);
    c.recognisedAt = clampBefore(c.datSince!);
    c.met19At = earliest(c.met19At, clampBefore(met - below));
    c.recognisedBy = 'official';
    if (fact.record.level === 'nang_cao') c.ncSince = earliest(c.ncSince, since);
    if (fact.record.level === 'kieu_mau') {
      c.kieuMauAt = earliest(c.kieuMauAt, clampBefore(since));
      c.ncSince = earliest(c.ncSince, since - 12);
    }
    if (c.ncSince !== null) c.nangCaoAt = clampBefore(c.ncSince);
  }
  for (const fact of facts.recognitions.communes) {
    const c = byCode.get(fact.record.unit_code);
    if (c?.proposed && c.recognisedBy === null && fact.record.status === 'proposed' && fact.metFrom) {
      c.met19At = earliest(c.met19At, clampBefore(at(fact.metFrom)));
    }
  }

  // --- Reported province counts (anchors) --------------------------------------------------------------------
  const anchorInfo: IllustrativeData['anchors'] = {};
  const provinceAnchorList = new Map<string, Anchor[]>();
  for (const province of provinces) {
    const found = provinceAnchors(facts.targets, province, firstMonth, BEFORE, T - 1, byProvince.get(province)?.length ?? 0);
    if (found.anchors.length > 0 || found.dropped.length > 0) anchorInfo[province] = found;
    if (found.anchors.length > 0) provinceAnchorList.set(province, found.anchors);
  }

  for (const fact of facts.plannedCommunes.communes) {
    const c = byCode.get(fact.record.commune_code);
    if (!c || c.recognisedBy === 'official') continue; // an official recognition wins over the plan
    const rng = random(seed, 'plan', c.code);
    c.planned = true;
    const met = Math.max(1, at(fact.record.due_period) + rng.int(-3, 3));
    let recognised = met + rng.weighted([3, 3, 2, 1]);
    // Not before the province's last reported count (which the plan's communes were not part of).
    const lastAnchor = provinceAnchorList.get(c.province)?.at(-1);
    if (lastAnchor && recognised <= lastAnchor.t && lastAnchor.t + 1 <= met + 11) recognised = lastAnchor.t + 1;
    c.met19At = met;
    c.recognisedAt = recognised < T ? recognised : null;
    c.datSince = c.recognisedAt;
    c.recognisedBy = c.recognisedAt !== null ? 'planned' : null;
  }

  // --- Difficulty and special-difficulty listings ------------------------------------------------------------
  const districtEffect = new Map<string, number>();
  const listed861 = new Set<string>(); // communes with an official 2021-2025 listing (any class)
  const listedKv3 = new Set<string>();
  const districtsWith861 = new Set<string>();
  const earlierSpecial = new Set<string>(); // listed special-difficulty in 2016-2020 (P135, bãi ngang)
  const firstSpecialPeriod = FIRST_861_PERIOD;
  for (const { record } of facts.specialDifficulty.listings) {
    const c = byCode.get(record.commune_code);
    const current = record.period_to >= firstSpecialPeriod && record.period_from <= lastPeriod;
    if (current) {
      listed861.add(record.commune_code);
      if (c) districtsWith861.add(c.district);
      if (record.special === 1) listedKv3.add(record.commune_code);
    } else if (record.special === 1) {
      earlierSpecial.add(record.commune_code);
    }
  }
  for (const c of communes) {
    const hardness = REGION_PARAMETERS[regionOf(c.province)].hardness;
    let u = districtEffect.get(c.district);
    if (u === undefined) {
      u = uniform(seed, 'district', c.district);
      districtEffect.set(c.district, u);
    }
    const v = uniform(seed, 'commune', c.code);
    let d = hardness + 0.4 * (u - 0.5) + 0.3 * (v - 0.5);
    const w = uniform(seed, 'listed', c.code);
    if (listedKv3.has(c.code)) d = Math.max(d, 0.75 + 0.25 * w);
    else if (earlierSpecial.has(c.code)) d = Math.max(d, 0.6 + 0.3 * w);
    else if (listed861.has(c.code)) d = Math.max(d, 0.45 + 0.2 * w);
    c.difficulty = Math.min(1, Math.max(0, d));
  }

  const specialDifficulty: NewSpecialDifficulty[] = [];
  const kv3Totals = regionThreeTotals(facts, byProvince, provinces);
  for (const province of provinces) {
    const total = kv3Totals.get(province)?.total ?? 0;
    const list = byProvince.get(province) ?? [];
    const official = list.filter((c) => listedKv3.has(c.code)).length;
    const need = total - official;
    if (need <= 0) continue;
    const score = (c: CommuneState) =>
      c.difficulty +
      (districtsWith861.has(c.district) ? 0.3 : 0) +
      (earlierSpecial.has(c.code) ? 0.2 : 0) -
      (c.recognisedBy === 'official' && c.recognisedAt === BEFORE ? 0.4 : 0) -
      (c.planned ? 0.2 : 0) +
      0.1 * uniform(seed, 'kv3', c.code);
    const candidates = list.filter((c) => !listed861.has(c.code)).sort((a, b) => score(b) - score(a) || cmp(a.code, b.code));
    const basis = kv3Totals.get(province)!.basis;
    for (const c of candidates.slice(0, need)) {
      c.difficulty = Math.max(c.difficulty, 0.7 + 0.3 * uniform(seed, 'kv3-hard', c.code));
      specialDifficulty.push({
        commune_code: c.code,
        classification: 'Khu vực III (xã đặc biệt khó khăn) — illustrative',
        special: 1,
        decision: null,
        period_from: firstSpecialPeriod,
        period_to: LAST_861_PERIOD,
        provenance: 'illustrative',
        source_url: null,
        note:
          `Illustrative listing (${source}): the commune names of the 861/QĐ-TTg annex are not in the facts; ` +
          `chosen among the province's hardest communes to reach its total of ${total} region-III communes (${basis}).`,
      });
    }
  }

  // --- Recognition schedule ----------------------------------------------------------------------------------
  const official = officialShares(facts.officialCounts);
  const national = nationalAnchors(facts.targets, firstMonth, official);
  const nationalShare = (t: number) => interpolate(national, t);
  const times: number[] = [];
  for (let t = BEFORE; t < T; t++) times.push(t);
  const provinceCount = new Map(provinces.map((p) => [p, (byProvince.get(p) ?? []).length]));
  const totalRural = communes.length;
  const shift = new Map(
    provinces.map((p) => [p, REGION_PARAMETERS[regionOf(p)].logitShift + 0.7 * (uniform(seed, 'province', p) - 0.5)]),
  );

  // Anchored provinces: through their reported counts (linear between them); before the first and after the
  // last, the national curve with the logit offset the nearest count gives.
  const targetCounts = new Map<string, number[]>();
  for (const [province, anchors] of provinceAnchorList) {
    targetCounts.set(province, times.map((t) => anchoredCurve(anchors, provinceCount.get(province)!, t)));
  }
  function anchoredCurve(anchors: readonly Anchor[], n: number, t: number): number {
    const first = anchors[0]!;
    const last = anchors[anchors.length - 1]!;
    if (t >= first.t && t <= last.t) return interpolate(anchors, t);
    const a = t < first.t ? first : last;
    return n * sigmoid(logit(nationalShare(t)) + logit(a.value / n) - logit(nationalShare(a.t)));
  }
  // Other provinces: the national curve shifted by region, plus one common shift per month so that the
  // national total matches the national share.
  const free = provinces.filter((p) => !provinceAnchorList.has(p));
  for (const p of free) targetCounts.set(p, new Array<number>(times.length).fill(0));
  times.forEach((t, i) => {
    const anchoredSum = [...provinceAnchorList.keys()].reduce((sum, p) => sum + targetCounts.get(p)![i]!, 0);
    const wanted = nationalShare(t) * totalRural - anchoredSum;
    const sumAt = (delta: number) =>
      free.reduce((sum, p) => sum + provinceCount.get(p)! * sigmoid(logit(nationalShare(t)) + shift.get(p)! + delta), 0);
    let lo = -12;
    let hi = 12;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (sumAt(mid) < wanted) lo = mid;
      else hi = mid;
    }
    const delta = (lo + hi) / 2;
    for (const p of free) {
      targetCounts.get(p)![i] = provinceCount.get(p)! * sigmoid(logit(nationalShare(t)) + shift.get(p)! + delta);
    }
  });

  const recognitions: NewRecognition[] = [];
  for (const province of provinces) {
    const list = byProvince.get(province) ?? [];
    const target = targetCounts.get(province)!.map((x) => Math.round(x));
    for (let i = 1; i < target.length; i++) target[i] = Math.max(target[i]!, target[i - 1]!);
    const fixed = times.map((t) => list.filter((c) => c.recognisedAt !== null && c.recognisedAt <= t).length);
    const gap = target.map((n, i) => n - fixed[i]!);
    const anchorTimes = (provinceAnchorList.get(province) ?? []).map((a) => a.t);
    const candidates = list
      .filter((c) => c.recognisedAt === null && !c.planned && !c.proposed)
      .sort((a, b) => key(a) - key(b) || cmp(a.code, b.code));
    function key(c: CommuneState): number {
      return c.difficulty + 0.25 * uniform(seed, 'order', c.code);
    }
    let filled = 0;
    let next = 0;
    times.forEach((t, i) => {
      const horizon = anchorTimes.find((a) => a >= t) ?? T - 1;
      let lowest = Number.POSITIVE_INFINITY;
      for (let j = i; j < times.length && times[j]! <= horizon; j++) lowest = Math.min(lowest, gap[j]!);
      const wanted = Math.max(filled, 0, lowest);
      while (filled < wanted && next < candidates.length) {
        const c = candidates[next++]!;
        c.recognisedAt = t;
        c.recognisedBy = 'illustrative';
        filled++;
      }
    });
  }

  // Illustrative recognitions: when the commune met the standard (a few months before).
  const earlyYears = new Map<CommuneState, number>();
  for (const c of communes) {
    if (c.recognisedBy !== 'illustrative') continue;
    const rng = random(seed, 'recognition', c.code);
    if (c.recognisedAt === BEFORE) {
      c.met19At = BEFORE;
      const year = EARLY_YEARS[rng.weighted(EARLY_YEARS.map(([, w]) => w))]![0];
      earlyYears.set(c, year);
      c.datSince = at(`${year}-12`);
    } else {
      const lag = rng.weighted([3, 3, 3, 2, 2, 1, 1]);
      c.met19At = clampBefore(c.recognisedAt! - lag);
      c.datSince = c.recognisedAt;
    }
  }

  // Reported counts of communes at 19/19: communes recognised within the following year meet the standard
  // from the report's month (official ones first: they are the communes the report counted).
  for (const province of provinces) {
    const list = byProvince.get(province) ?? [];
    for (const anchor of fullCriteriaAnchors(facts.targets, province, firstMonth, 0, T - 1, list.length).anchors) {
      let have = list.filter((c) => c.met19At !== null && c.met19At <= anchor.t).length;
      const movable = list
        .filter(
          (c) =>
            !c.planned &&
            c.met19At !== null &&
            c.met19At > anchor.t &&
            c.recognisedAt !== null &&
            c.recognisedAt <= anchor.t + 11,
        )
        .sort(
          (a, b) =>
            Number(a.recognisedBy !== 'official') - Number(b.recognisedBy !== 'official') ||
            a.met19At! - b.met19At! ||
            cmp(a.code, b.code),
        );
      for (const c of movable) {
        if (have >= anchor.value) break;
        c.met19At = anchor.t;
        have++;
      }
    }
  }

  // The rows of the illustrative (and planned communes') recognitions at the standard level.
  for (const c of communes) {
    if (c.recognisedBy !== 'illustrative' && c.recognisedBy !== 'planned') continue;
    recognitions.push(illustrativeRecognition(c, 'dat_chuan', c.recognisedAt!, earlyYears.get(c) ?? null, c.met19At));
  }

  // Advanced and model levels.
  assignLevels('nang_cao');
  assignLevels('kieu_mau');

  function assignLevels(level: 'nang_cao' | 'kieu_mau'): void {
    // The shares of the recognised: the official national counts where published (national_counts.csv), the
    // generator's own curve before and after them.
    const published = official.filter((o) => o.metric === (level === 'nang_cao' ? 'communes_nang_cao' : 'communes_kieu_mau'));
    const curve = level === 'nang_cao' ? NANG_CAO_SHARE : KIEU_MAU_SHARE;
    const lastPublished = published.at(-1)?.period ?? '';
    const share = [
      ...curve.filter((a) => !published.length || a.period < published[0]!.period).map((a) => ({ t: at(a.period), period: a.period, value: a.value, from: 'generator' })),
      ...published.map((o) => ({ t: at(o.period), period: o.period, value: o.share, from: o.from })),
      ...curve.filter((a) => a.period > lastPublished).map((a) => ({ t: at(a.period), period: a.period, value: Math.max(a.value, published.at(-1)?.share ?? 0), from: 'generator' })),
    ];
    const prerequisite = (c: CommuneState) => (level === 'nang_cao' ? c.datSince : c.ncSince);
    const current = (c: CommuneState) => (level === 'nang_cao' ? c.nangCaoAt : c.kieuMauAt);
    for (const province of provinces) {
      const list = byProvince.get(province) ?? [];
      const anchors = provinceAnchors(facts.targets, province, firstMonth, BEFORE, T - 1, list.length, (fact) => {
        const counts = readLevelCounts(fact.record.value);
        if (level === 'nang_cao') {
          if (counts.nangCao !== null) return counts.nangCao;
          return fact.record.metric.startsWith('communes_nang_cao') ? (fact.record.value_num ?? null) : null;
        }
        return counts.kieuMau;
      }).anchors;
      const recognisedAt = (t: number) => list.filter((c) => c.recognisedAt !== null && c.recognisedAt <= t).length;
      // Ratio to the national share where the province reports its count; 1 elsewhere.
      const ratios: Anchor[] = anchors.map((a) => ({
        ...a,
        value: a.value / Math.max(1e-9, recognisedAt(a.t) * interpolate(share, a.t)),
      }));
      const target = times.map((t) =>
        Math.round(recognisedAt(t) * interpolate(share, t) * (ratios.length > 0 ? interpolate(ratios, t) : 1)),
      );
      for (let i = 1; i < target.length; i++) target[i] = Math.max(target[i]!, target[i - 1]!);
      const fixed = times.map((t) => list.filter((c) => current(c) !== null && current(c)! <= t).length);
      const gap = target.map((n, i) => n - fixed[i]!);
      const anchorTimes = anchors.map((a) => a.t);
      const pool = list
        .filter((c) => current(c) === null && prerequisite(c) !== null && !proposedLevels.get(c.code)?.has(level))
        .sort((a, b) => rank(a) - rank(b) || cmp(a.code, b.code));
      function rank(c: CommuneState): number {
        return c.difficulty + 0.3 * uniform(seed, level, c.code);
      }
      let filled = 0;
      times.forEach((t, i) => {
        const horizon = anchorTimes.find((a) => a >= t) ?? T - 1;
        let lowest = Number.POSITIVE_INFINITY;
        for (let j = i; j < times.length && times[j]! <= horizon; j++) lowest = Math.min(lowest, gap[j]!);
        const wanted = Math.max(filled, 0, lowest);
        if (filled >= wanted) return;
        for (const c of pool) {
          if (filled >= wanted) break;
          if (current(c) !== null) continue;
          const below = prerequisite(c)!;
          // At least a year after the level below (before the first period: in a later year, by the year before).
          const firstYear = Number(firstPeriod.slice(0, 4));
          const belowYear = Number(periodAt(below).slice(0, 4));
          const eligible = t === BEFORE ? belowYear <= firstYear - 2 : below <= t - 12;
          if (!eligible) continue;
          const year = t === BEFORE ? random(seed, level, 'year', c.code).int(belowYear + 1, firstYear - 1) : null;
          const since = t === BEFORE ? at(`${year}-12`) : t;
          if (level === 'nang_cao') {
            c.nangCaoAt = t;
            c.ncSince = since;
          } else {
            c.kieuMauAt = t;
          }
          filled++;
          recognitions.push(illustrativeRecognition(c, level, t, year, null));
        }
      });
    }
  }

  function illustrativeRecognition(
    c: CommuneState,
    level: NewRecognition['level'],
    t: number,
    earlyYearOf: number | null,
    met19: number | null,
  ): NewRecognition {
    // "NTM năm Y" is the year the commune met the standard; the row is dated mid-month of the month it counts from.
    const firstYear = Number(firstPeriod.slice(0, 4));
    let counted: Period;
    let year: number;
    if (t === BEFORE) {
      year = earlyYearOf ?? firstYear - 1;
      counted = `${year}-12`;
    } else {
      counted = periodAt(t);
      if (met19 === null) year = Number(counted.slice(0, 4));
      else if (met19 === BEFORE) year = firstYear - 1;
      else year = Number(periodAt(met19).slice(0, 4));
    }
    return {
      unit_code: c.code,
      unit_level: 'commune',
      level,
      year,
      decision: null,
      decision_date: null,
      effective_period: counted,
      signer: null,
      status: 'recognised',
      revoked_date: null,
      revocation_decision: null,
      revocation_reason: null,
      provenance: 'illustrative',
      source_url: null,
      note: `Illustrative recognition (${source}): not a real decision; counts from ${counted}.`,
    };
  }

  // --- Revocation risk (rule 5) ------------------------------------------------------------------------------
  // Candidates: recognised early enough that a window of a few months fits after recognition.
  const riskStart = (c: CommuneState) => Math.max(c.recognisedAt!, c.met19At ?? BEFORE, 0) + 3;
  const recognisedInData = communes.filter((c) => c.recognisedAt !== null && c.recognisedAt <= T - 10 && riskStart(c) <= T - 3);
  const riskCount = Math.round(REVOCATION_RISK_SHARE * communes.filter((c) => c.recognisedAt !== null).length);
  const riskKey = (c: CommuneState) => uniform(seed, 'risk', c.code) / (c.province === '10' ? 3 : 1);
  const atRisk = [...recognisedInData].sort((a, b) => riskKey(a) - riskKey(b) || cmp(a.code, b.code)).slice(0, riskCount);
  const risks: RevocationRisk[] = [];
  const riskWindows = new Map<number, { from: number; to: number; lost: number }>();
  for (const c of atRisk) {
    const rng = random(seed, 'risk-window', c.code);
    const from = rng.int(riskStart(c), T - 3);
    const to = Math.min(T - 1, from + rng.int(2, 9) - 1);
    const lostCount = rng.weighted([5, 3, 1]) + 1;
    const lost: number[] = [];
    while (lost.length < lostCount) {
      const criterion = RISK_CRITERIA[rng.weighted(RISK_CRITERIA.map(([, w]) => w))]![0];
      if (!lost.includes(criterion)) lost.push(criterion);
    }
    lost.sort((a, b) => a - b);
    let bits = 0;
    for (const n of lost) bits |= 1 << (n - 1);
    riskWindows.set(c.index, { from, to, lost: bits });
    risks.push({ commune: c.code, from: periodAt(from), to: periodAt(to), lostCriteria: lost });
  }

  // --- Monthly reviews ---------------------------------------------------------------------------------------
  const masks = new Int32Array(communes.length * T);
  const notes = new Map<number, string>();
  let count = 0;
  const counts = new Int8Array(T);
  for (const c of communes) {
    const rng = random(seed, 'path', c.code);
    const prefix = criteriaOrder(rng);
    pathOf(c, rng, counts);
    const risk = riskWindows.get(c.index);
    const missing = random(seed, 'missing', c.code);
    for (let t = 0; t < T; t++) {
      const cell = c.index * T + t;
      if (t > 0 && t < T - 1 && missing.chance(MISSING_REVIEW_SHARE)) {
        masks[cell] = -1;
        continue;
      }
      let mask = prefix[counts[t]!]!;
      if (risk && t >= risk.from && t <= risk.to) {
        mask = FULL_MASK & ~risk.lost;
        const lostList: Record<string, string> = {};
        for (let n = 1; n <= CRITERIA_COUNT; n++) {
          if (risk.lost & (1 << (n - 1))) {
            lostList[String(n)] =
              'illustrative: no longer met after recognition (recognition may be revoked, Quyết định 18/2022/QĐ-TTg)';
          }
        }
        notes.set(cell, JSON.stringify(lostList));
      }
      masks[cell] = mask;
      count++;
    }
  }

  /** Weighted order in which a commune meets the criteria (Efraimidis-Spirakis keys); prefix[k] = mask of the first k. */
  function criteriaOrder(rng: Random): Int32Array {
    const keyed: Array<[number, number]> = [];
    for (let n = 1; n <= CRITERIA_COUNT; n++) keyed.push([Math.log(Math.max(rng.next(), 1e-12)) / CRITERION_EASE[n]!, n]);
    keyed.sort((a, b) => b[0] - a[0]);
    const prefix = new Int32Array(CRITERIA_COUNT + 1);
    for (let k = 0; k < CRITERIA_COUNT; k++) prefix[k + 1] = prefix[k]! | (1 << (keyed[k]![1] - 1));
    return prefix;
  }

  /** Criteria met by month (into `out`). */
  function pathOf(c: CommuneState, rng: Random, out: Int8Array): void {
    const desired = Math.round(Math.min(18, Math.max(3, 17.5 - 8 * c.difficulty + 4 * (rng.next() - 0.5))));
    const met = c.met19At;
    if (met !== null && met <= 0) {
      out.fill(CRITERIA_COUNT);
      return;
    }
    if (met !== null) {
      // Scheduled: gains at least 6 months apart, the last one in the month of the first 19/19.
      const maxGains = Math.floor((met - 1) / 6) + 1;
      const gains = Math.min(Math.max(CRITERIA_COUNT - desired, 1), maxGains);
      const spacing = Math.max(6, Math.floor((met - 1) / gains));
      const start = CRITERIA_COUNT - gains;
      const times: number[] = [];
      for (let k = 0; k < gains; k++) times.push(met - k * spacing + (k > 0 ? rng.int(0, Math.min(2, spacing - 6)) : 0));
      for (let t = 0; t < T; t++) {
        let value = start;
        for (const time of times) if (time <= t) value++;
        out[t] = value;
      }
    } else {
      // Unscheduled: 0-2 gains a calendar year, at least 6 months apart; never 19 without recognition.
      let value = desired;
      const gainAt = new Set<number>();
      const firstYear = Number(firstPeriod.slice(0, 4));
      const lastYear = Number(lastPeriod.slice(0, 4));
      const p0 = 0.2 + 0.35 * c.difficulty;
      const p2 = Math.max(0.02, 0.3 - 0.3 * c.difficulty);
      for (let year = firstYear; year <= lastYear; year++) {
        const gains = rng.weighted([p0, 1 - p0 - p2, p2]);
        const base = at(`${year}-01`);
        if (gains === 1) gainAt.add(base + rng.int(0, 11));
        if (gains === 2) {
          const m = rng.int(0, 5);
          gainAt.add(base + m);
          gainAt.add(base + m + 6);
        }
      }
      for (let t = 0; t < T; t++) {
        if (t > 0 && gainAt.has(t) && value < CRITERIA_COUNT - 1) value++;
        out[t] = value;
      }
    }
    // Rarely, a criterion is lost for a few months before the standard is reached.
    const limit = (met ?? T) - 2;
    if (limit >= 6 && rng.chance(0.05)) {
      const from = rng.int(1, limit - 4);
      const to = Math.min(limit - 1, from + rng.int(2, 5) - 1);
      for (let t = from; t <= to; t++) if (out[t]! > 1) out[t] = out[t]! - 1;
    }
  }

  const plans: CommunePlan[] = communes.map((c) => ({
    code: c.code,
    province: c.province,
    difficulty: c.difficulty,
    recognisedAt: c.recognisedAt,
    recognisedBy: c.recognisedBy,
    met19At: c.met19At,
    nangCaoAt: c.nangCaoAt,
    kieuMauAt: c.kieuMauAt,
    planned: c.planned,
    proposed: c.proposed,
  }));

  return {
    source,
    periods,
    recognitions,
    specialDifficulty,
    reviews: { structure: 'pre2025', communes: communes.map((c) => c.code), periods, setCodes: periods.map(() => CRITERIA_SET_CODE), masks, count, notes },
    risks,
    plans,
    anchors: anchorInfo,
    nationalShare,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Region-III totals by province: the facts (targets.csv region_III_communes_861), else the 861/QĐ-TTg summary,
 * else a share of what those leave of the national 1,551 for the other listed provinces.
 */
function regionThreeTotals(
  facts: Facts,
  byProvince: ReadonlyMap<string, readonly CommuneState[]>,
  provinces: readonly string[],
): Map<string, { total: number; basis: string }> {
  const totals = new Map<string, { total: number; basis: string }>();
  for (const fact of facts.targets) {
    const r = fact.record;
    if (r.scope === 'province' && r.scope_code && r.metric === 'region_III_communes_861' && r.value_num != null) {
      totals.set(r.scope_code, { total: r.value_num, basis: `${fact.file} line ${fact.line}` });
    }
  }
  for (const [province, total] of Object.entries(KV3_BY_PROVINCE_861)) {
    if (!totals.has(province)) totals.set(province, { total, basis: '861/QĐ-TTg summary (thuvienphapluat.com)' });
  }
  const listed = [...totals.values()].reduce((sum, x) => sum + x.total, 0);
  const others = provinces.filter((p) => !totals.has(p) && KV3_OTHER_PROVINCES[p] !== undefined);
  const weight = (p: string) => (byProvince.get(p)?.length ?? 0) * KV3_OTHER_PROVINCES[p]!;
  const totalWeight = others.reduce((sum, p) => sum + weight(p), 0);
  const rest = Math.max(0, KV3_NATIONAL_TOTAL - listed);
  for (const p of others) {
    totals.set(p, {
      total: Math.round((rest * weight(p)) / totalWeight),
      basis: `share of the national ${KV3_NATIONAL_TOTAL} not listed by province in the facts`,
    });
  }
  for (const [p, value] of totals) {
    const n = byProvince.get(p)?.length ?? 0;
    if (value.total > Math.floor(0.8 * n)) totals.set(p, { ...value, total: Math.floor(0.8 * n) });
  }
  return totals;
}
