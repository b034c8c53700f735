/** @module The recognition trajectory the illustrative data follows: the national share of recognised communes by
 * month (published figures, interpolated), and per province either the national curve shifted by region or,
 * where the facts report a province's count at a date, a curve through those counts. */
import { type Period, monthNumber, periodAtLatest } from '../facts/dates.ts';
import type { TargetFact } from '../facts/targets.ts';

/** Share of communes recognised at the end of the 2016-2020 phase (national reports: ~62-63%, 5,167 of ~8,300
 * communes). Not in the facts files; the anchor the 2021-2025 trajectory starts from. */
export const NATIONAL_SHARE_END_2020 = 0.63;

/** A point a province's curve must pass: the share recognised at a month, from a reported figure. */
export interface Anchor {
  /** Month index relative to the first generated period (-1 = the month before it). */
  t: number;
  period: Period;
  value: number;
  /** Where it comes from, for reports: "targets.csv line 24". */
  from: string;
}

/** The log-odds of a share, where the curves are interpolated. */
export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
}

/** The share of log-odds x (logit's inverse). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Linear interpolation through anchors (sorted by t), flat beyond both ends. */
export function interpolate(anchors: readonly Anchor[], t: number): number {
  if (anchors.length === 0) return Number.NaN;
  const first = anchors[0]!;
  const last = anchors[anchors.length - 1]!;
  if (t <= first.t) return first.value;
  if (t >= last.t) return last.value;
  for (let i = 1; i < anchors.length; i++) {
    const a = anchors[i - 1]!;
    const b = anchors[i]!;
    if (t <= b.t) return a.value + ((b.value - a.value) * (t - a.t)) / (b.t - a.t);
  }
  return last.value;
}

/** A share written as "6370/8167 (~78%)" or "79.3%" / ">=80%". */
function shareOf(value: string, valueNum: number | null): number | null {
  const fraction = /^\s*(\d+)\s*\/\s*(\d+)/.exec(value);
  if (fraction) return Number(fraction[1]) / Number(fraction[2]);
  if (valueNum !== null && value.includes('%')) return valueNum / 100;
  return null;
}

/**
 * National anchors (share of communes recognised): the end of 2020, every national figure the facts report
 * (communes_ntm "6370/8167", share_communes_ntm "79.3%"), and the 2025 target (≥80%) at its deadline when it
 * is later than the reported figures.
 */
export function nationalAnchors(targets: readonly TargetFact[], firstMonth: number, official: readonly OfficialShare[] = []): Anchor[] {
  const at = (period: Period) => monthNumber(period) - firstMonth;
  const anchors: Anchor[] = [
    { t: at('2020-12'), period: '2020-12', value: NATIONAL_SHARE_END_2020, from: 'national reports, end of 2020' },
  ];
  const where = (fact: TargetFact) => `${fact.file} line ${fact.line}`;
  for (const fact of targets) {
    const r = fact.record;
    if (r.scope !== 'national' || r.kind !== 'reported' || fact.asOf === null) continue;
    if (r.metric !== 'communes_ntm' && r.metric !== 'share_communes_ntm') continue;
    const share = shareOf(r.value, r.value_num ?? null);
    if (share === null) continue;
    const period = periodAtLatest(fact.asOf);
    anchors.push({ t: at(period), period, value: share, from: where(fact) });
  }
  // The national counts (national_counts.csv) are the figures the map is checked against: at their months they
  // replace any other reported share.
  for (const o of official) {
    if (o.metric !== 'communes_ntm') continue;
    const i = anchors.findIndex((a) => a.period === o.period);
    if (i !== -1) anchors.splice(i, 1);
    anchors.push({ t: at(o.period), period: o.period, value: o.share, from: o.from });
  }
  anchors.sort((a, b) => a.t - b.t);
  const target = targets.find(
    (fact) => fact.record.scope === 'national' && fact.record.metric === 'target_share_communes_ntm_2025',
  );
  const last = anchors[anchors.length - 1]!;
  if (target?.record.deadline && target.record.value_num != null) {
    const period = target.record.deadline.slice(0, 7);
    const value = Math.max(target.record.value_num / 100, last.value);
    if (at(period) > last.t) anchors.push({ t: at(period), period, value, from: where(target) });
  }
  return anchors;
}

/** A national share an official source published (national_counts.csv, pre-2025 structure): communes_ntm as a
 * share of all communes in the programme; communes_nang_cao and communes_kieu_mau as shares of the NTM communes. */
export interface OfficialShare {
  metric: 'communes_ntm' | 'communes_nang_cao' | 'communes_kieu_mau';
  period: Period;
  share: number;
  from: string;
}

/** The national shares of national_counts.csv the generator calibrates to. */
export function officialShares(counts: ReadonlyArray<{ scope: string; structure?: string | undefined; as_of: string; metric: string; value?: number | null | undefined; denominator?: number | null | undefined; source_url?: string | null | undefined }>): OfficialShare[] {
  const national = counts.filter((c) => c.scope === 'national' && (c.structure ?? 'pre2025') === 'pre2025');
  const out: OfficialShare[] = [];
  for (const c of national) {
    if (c.value === null || c.value === undefined) continue;
    const from = `national_counts.csv ${c.as_of} ${c.metric}`;
    if (c.metric === 'communes_ntm' && c.denominator) out.push({ metric: 'communes_ntm', period: c.as_of, share: c.value / c.denominator, from });
    if (c.metric === 'communes_nang_cao' || c.metric === 'communes_kieu_mau') {
      const ntm = national.find((n) => n.as_of === c.as_of && n.metric === 'communes_ntm')?.value;
      if (ntm) out.push({ metric: c.metric, period: c.as_of, share: c.value / ntm, from });
    }
  }
  return out;
}

/** The metrics that report how many communes of a province are recognised. */
const COUNT_METRICS = new Set(['communes_ntm_recognised', 'communes_ntm']);

/** A province's anchors and the reported figures left out, with why. */
export interface ProvinceAnchors {
  anchors: Anchor[];
  /** Reported figures not used, with the reason (for the seed report). */
  dropped: Array<{ from: string; reason: string }>;
}

/**
 * A province's reported counts of recognised communes, as anchors inside [tMin, tMax]. A figure dated to the
 * month is placed at its month; a figure dated only by year at June of that year, unless the same year has a
 * figure dated to the month or a different year-only figure (then the year-only figures are dropped as
 * ambiguous). Figures lower than an earlier kept figure are dropped (different denominators).
 */
export function provinceAnchors(
  targets: readonly TargetFact[],
  provinceCode: string,
  firstMonth: number,
  tMin: number,
  tMax: number,
  communes: number,
  pick: (fact: TargetFact) => number | null = (fact) =>
    COUNT_METRICS.has(fact.record.metric) ? (fact.record.value_num ?? null) : null,
): ProvinceAnchors {
  const dropped: ProvinceAnchors['dropped'] = [];
  const monthly: Anchor[] = [];
  const yearly = new Map<number, Array<Anchor & { denominator: number | null }>>();
  for (const fact of targets) {
    const r = fact.record;
    if (r.scope !== 'province' || r.scope_code !== provinceCode || r.kind !== 'reported') continue;
    const value = pick(fact);
    if (value === null || fact.asOf === null) continue;
    const from = `${fact.file} line ${fact.line}`;
    if (fact.asOf.range) {
      dropped.push({ from, reason: 'dated by a range of years' });
      continue;
    }
    if (fact.asOf.month !== null) {
      const period = periodAtLatest(fact.asOf);
      monthly.push({ t: monthNumber(period) - firstMonth, period, value, from });
    } else {
      const period = `${fact.asOf.year}-06`;
      const list = yearly.get(fact.asOf.year) ?? [];
      const denominator = /^\s*\d+\s*\/\s*(\d+)/.exec(r.value)?.[1];
      list.push({ t: monthNumber(period) - firstMonth, period, value, from, denominator: denominator ? Number(denominator) : null });
      yearly.set(fact.asOf.year, list);
    }
  }
  const anchors = [...monthly];
  for (const [year, list] of yearly) {
    const values = new Set(list.map((a) => a.value));
    if (monthly.some((a) => a.period.startsWith(`${year}-`))) {
      for (const a of list) dropped.push({ from: a.from, reason: `dated ${year} only; a figure dated to the month exists` });
    } else if (values.size > 1) {
      // Conflicting figures of one year: keep the one counted out of a total nearest to today's number of
      // rural communes (the totals changed as communes became wards); drop all when none gives its total.
      const withTotal = list.filter((a) => a.denominator !== null);
      const best = withTotal.sort(
        (a, b) => Math.abs(a.denominator! - communes) - Math.abs(b.denominator! - communes),
      )[0];
      for (const a of list) {
        if (a === best) continue;
        const reason = best
          ? `dated ${year} only; conflicts with ${best.from}, whose total (${best.denominator}) is nearer today's ${communes} rural communes`
          : `dated ${year} only; conflicts with another ${year} figure`;
        dropped.push({ from: a.from, reason });
      }
      if (best) anchors.push(best);
    } else {
      anchors.push(list[0]!);
    }
  }
  anchors.sort((a, b) => a.t - b.t);
  const kept: Anchor[] = [];
  for (const anchor of anchors) {
    if (anchor.t < tMin || anchor.t > tMax) continue; // outside the generated months: not dropped, just not used
    const previous = kept[kept.length - 1];
    if (previous && anchor.t === previous.t) {
      if (anchor.value !== previous.value) dropped.push({ from: anchor.from, reason: `same month as ${previous.from}` });
      continue;
    }
    if (previous && anchor.value < previous.value) {
      dropped.push({ from: anchor.from, reason: `lower than the earlier figure of ${previous.from}` });
      continue;
    }
    kept.push(anchor);
  }
  return { anchors: kept, dropped };
}


/**
 * Reported numbers of a province's communes meeting all 19 criteria: the metric communes_19_of_19, or a
 * recognised-count row whose note says "38 xã 19/19" (Kon Tum, 11/2022: 36 recognised, 38 at 19/19).
 */
export function fullCriteriaAnchors(
  targets: readonly TargetFact[],
  provinceCode: string,
  firstMonth: number,
  tMin: number,
  tMax: number,
  communes: number,
): ProvinceAnchors {
  return provinceAnchors(targets, provinceCode, firstMonth, tMin, tMax, communes, (fact) => {
    if (fact.record.metric === 'communes_19_of_19') return fact.record.value_num ?? null;
    if (!COUNT_METRICS.has(fact.record.metric)) return null;
    const inNote = /(?<!\d)(\d+)\s*xã\s*19\s*\/\s*19/.exec(fact.record.note ?? '');
    return inNote ? Number(inNote[1]) : null;
  });
}
