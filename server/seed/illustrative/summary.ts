/** @module What the illustrative data adds up to: national shares by year, provincial counts against the reported
 * figures, criteria met by special-difficulty status. For the seed report and the generator's tests. */
import { popcount } from '../../criterion/mask.ts';
import type { Facts } from '../facts/index.ts';
import { monthNumber, periodAtLatest, periodOf } from '../facts/dates.ts';
import { BEFORE, CRITERIA_COUNT, type IllustrativeData } from './generator.ts';
import { fullCriteriaAnchors } from './trajectory.ts';

/** A reported figure set against what the generator made for the same province and month. */
export interface ProvinceCheck {
  province: string;
  metric: string;
  period: string;
  reported: number;
  generated: number;
  from: string;
}

/** What the seed reports about the generated history: national shares by year and the check of each reported
 * figure. */
export interface GeneratorSummary {
  /** End of each year (and of the year before the first period): share of rural communes recognised, and the
   * shares of advanced (NC) and model (KM) communes among the recognised. */
  byYear: Array<{ period: string; recognised: number; share: number; nangCaoShare: number; kieuMauShare: number }>;
  /** Reported province figures against the generated ones (recognised counts and 19/19 counts). */
  provinces: ProvinceCheck[];
  meanMet: { special: number; other: number; specialMonths: number; otherMonths: number };
  reviews: number;
  missingReviews: number;
  illustrativeRecognitions: number;
  illustrativeSpecialDifficulty: number;
  revocationRisks: number;
}

export { popcount };

/** Month indices at which each rural commune is listed special-difficulty (official or illustrative). */
export function specialMonths(data: IllustrativeData, facts: Facts): Map<string, Uint8Array> {
  const T = data.periods.length;
  const first = data.periods[0]!;
  const out = new Map<string, Uint8Array>();
  const listings = [
    ...facts.specialDifficulty.listings.map((l) => l.record),
    ...data.specialDifficulty,
  ].filter((l) => l.special === 1);
  for (const l of listings) {
    const from = Math.max(0, monthNumber(l.period_from) - monthNumber(first));
    const to = Math.min(T - 1, monthNumber(l.period_to) - monthNumber(first));
    if (from > to) continue;
    let flags = out.get(l.commune_code);
    if (!flags) {
      flags = new Uint8Array(T);
      out.set(l.commune_code, flags);
    }
    for (let t = from; t <= to; t++) flags[t] = 1;
  }
  return out;
}

/** Summarises generated data against the facts, for the seed's report. */
export function summarise(data: IllustrativeData, facts: Facts): GeneratorSummary {
  const { plans, periods, reviews } = data;
  const T = periods.length;
  const firstMonth = monthNumber(periods[0]!);
  const n = plans.length;
  const byYear: GeneratorSummary['byYear'] = [];
  const decembers = [BEFORE, ...periods.map((p, t) => (p.endsWith('-12') ? t : null)).filter((t) => t !== null)];
  for (const t of decembers) {
    const recognised = plans.filter((p) => p.recognisedAt !== null && p.recognisedAt <= t).length;
    const nc = plans.filter((p) => p.nangCaoAt !== null && p.nangCaoAt <= t).length;
    const km = plans.filter((p) => p.kieuMauAt !== null && p.kieuMauAt <= t).length;
    byYear.push({
      period: t === BEFORE ? periodOf(firstMonth - 1) : periods[t]!,
      recognised,
      share: recognised / n,
      nangCaoShare: recognised ? nc / recognised : 0,
      kieuMauShare: recognised ? km / recognised : 0,
    });
  }

  const index = new Map(reviews.communes.map((code, i) => [code, i]));
  const provinces: ProvinceCheck[] = [];
  const provinceCodes = [...new Set(plans.map((p) => p.province))].sort();
  const atFull = (province: string, t: number) =>
    plans.filter((p) => {
      if (p.province !== province) return false;
      const c = index.get(p.code)!;
      for (let k = Math.max(0, t); k >= 0; k--) {
        const mask = reviews.masks[c * T + k]!;
        if (mask !== -1) return popcount(mask) === CRITERIA_COUNT; // the latest review at or before the month
      }
      return false;
    }).length;
  for (const province of provinceCodes) {
    const n = plans.filter((p) => p.province === province).length;
    const found = fullCriteriaAnchors(facts.targets, province, firstMonth, BEFORE, T - 1, n);
    for (const a of found.anchors) {
      provinces.push({ province, metric: 'communes_19_of_19', period: a.period, reported: a.value, generated: atFull(province, a.t), from: a.from });
    }
  }
  for (const fact of facts.targets) {
    const r = fact.record;
    if (r.scope !== 'province' || r.kind !== 'reported' || !r.scope_code || fact.asOf === null || r.value_num == null) continue;
    if (r.metric !== 'communes_ntm_recognised' && r.metric !== 'communes_ntm') continue;
    const period = fact.asOf.month !== null ? periodAtLatest(fact.asOf) : `${fact.asOf.year}-06`;
    const t = monthNumber(period) - firstMonth;
    if (t < BEFORE || t >= T) continue;
    const generated = plans.filter((p) => p.province === r.scope_code && p.recognisedAt !== null && p.recognisedAt <= t).length;
    provinces.push({
      province: r.scope_code,
      metric: r.metric,
      period,
      reported: r.value_num,
      generated,
      from: `${fact.file} line ${fact.line}`,
    });
  }

  const special = specialMonths(data, facts);
  let sumSpecial = 0;
  let nSpecial = 0;
  let sumOther = 0;
  let nOther = 0;
  let missing = 0;
  reviews.communes.forEach((code, c) => {
    const flags = special.get(code);
    for (let t = 0; t < T; t++) {
      const mask = reviews.masks[c * T + t]!;
      if (mask === -1) {
        missing++;
        continue;
      }
      const met = popcount(mask);
      if (flags?.[t]) {
        sumSpecial += met;
        nSpecial++;
      } else {
        sumOther += met;
        nOther++;
      }
    }
  });
  return {
    byYear,
    provinces,
    meanMet: { special: sumSpecial / nSpecial, other: sumOther / nOther, specialMonths: nSpecial, otherMonths: nOther },
    reviews: reviews.count,
    missingReviews: missing,
    illustrativeRecognitions: data.recognitions.length,
    illustrativeSpecialDifficulty: data.specialDifficulty.length,
    revocationRisks: data.risks.length,
  };
}
