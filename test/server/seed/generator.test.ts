// The illustrative generator on the real units and facts: its rules 1-8, determinism and speed.
import { describe, expect, it } from 'vitest';
import { monthNumber } from '../../../server/seed/facts/dates.ts';
import { loadFacts } from '../../../server/seed/facts/index.ts';
import {
  BEFORE,
  FULL_MASK,
  generateIllustrative,
  generatorSource,
} from '../../../server/seed/illustrative/generator.ts';
import { regionOf } from '../../../server/seed/illustrative/regions.ts';
import { popcount, specialMonths, summarise } from '../../../server/seed/illustrative/summary.ts';
import { FACTS_DIR, gsoUnits } from './units-fixture.ts';

const SEED = 20210101;
const units = gsoUnits();
const facts = loadFacts(FACTS_DIR, units);
const started = performance.now();
const data = generateIllustrative({ units, facts, seed: SEED, firstPeriod: '2021-01', lastPeriod: '2025-12' });
const generationMs = performance.now() - started;
const summary = summarise(data, facts);

const { periods, reviews, plans } = data;
const T = periods.length;
const FIRST = monthNumber('2021-01');
const idx = (period: string) => monthNumber(period) - FIRST;
const communeIndex = new Map(reviews.communes.map((code, i) => [code, i]));
const planOf = new Map(plans.map((p) => [p.code, p]));
const rural = new Set(reviews.communes);
const maskAt = (code: string, t: number) => reviews.masks[communeIndex.get(code)! * T + t]!;
const risks = new Map(data.risks.map((r) => [r.commune, { from: idx(r.from), to: idx(r.to), lost: r.lostCriteria }]));
const inRisk = (code: string, t: number) => {
  const r = risks.get(code);
  return r !== undefined && t >= r.from && t <= r.to;
};
const proposed = new Set(facts.recognitions.communes.filter((f) => f.record.status === 'proposed').map((f) => f.record.unit_code));

/** The month a commune counts as recognised from, read back from the recognition rows (official facts and
 * illustrative rows): BEFORE for earlier months, null when not recognised in the data. */
function recognisedFromRows(): Map<string, number> {
  const out = new Map<string, number>();
  const put = (code: string, t: number) => {
    if (!rural.has(code)) return;
    const clamped = Math.max(BEFORE, t);
    out.set(code, Math.min(out.get(code) ?? Number.POSITIVE_INFINITY, clamped));
  };
  for (const f of facts.recognitions.communes) {
    if (f.record.status !== 'recognised') continue;
    const below = f.record.level === 'dat_chuan' ? 0 : f.record.level === 'nang_cao' ? 12 : 24;
    put(f.record.unit_code, idx(f.countedFrom ?? '2018-12') - below);
  }
  for (const r of data.recognitions) {
    if (r.level === 'dat_chuan') put(r.unit_code, idx(r.effective_period!));
  }
  return out;
}
const recognisedFrom = recognisedFromRows();

describe('illustrative generator', () => {
  // Its speed is a benchmark's figure (the seed's time in npm run bench:foundation), not a test's.
  it('covers every rural commune (~7,700) for the 60 months of 2021-2025', () => {
    console.log(`[generator] ${reviews.communes.length} rural communes × ${T} months generated in ${generationMs.toFixed(0)} ms`);
    expect(reviews.communes.length).toBeGreaterThan(7600);
    expect(T).toBe(60);
  });

  it('is deterministic: the same seed gives identical output, another seed different output', () => {
    const again = generateIllustrative({ units, facts, seed: SEED, firstPeriod: '2021-01', lastPeriod: '2025-12' });
    expect(Buffer.from(again.reviews.masks.buffer).equals(Buffer.from(reviews.masks.buffer))).toBe(true);
    expect(again.recognitions).toEqual(data.recognitions);
    expect(again.specialDifficulty).toEqual(data.specialDifficulty);
    expect(again.risks).toEqual(data.risks);
    expect([...again.reviews.notes]).toEqual([...reviews.notes]);
    const other = generateIllustrative({ units, facts, seed: 7, firstPeriod: '2021-01', lastPeriod: '2025-12' });
    expect(Buffer.from(other.reviews.masks.buffer).equals(Buffer.from(reviews.masks.buffer))).toBe(false);
    expect(other.source).toBe(generatorSource(7));
  });

  it('rule 1: an official recognition holds 19/19 from its month on (recognised before 2021: from 2021-01)', () => {
    let checked = 0;
    const failures: string[] = [];
    const full = (code: string, t: number) => {
      const mask = maskAt(code, t);
      if (mask === -1 || inRisk(code, t)) return;
      checked++;
      if (mask !== FULL_MASK) failures.push(`${code} ${periods[t]}: ${popcount(mask)}/19`);
    };
    for (const f of facts.recognitions.communes) {
      if (f.record.status !== 'recognised' || !rural.has(f.record.unit_code)) continue;
      const code = f.record.unit_code;
      // The brief's rule: the decision month, else December of the year, else the "recognised by" month.
      const decisionMonth = f.record.decision_date ? f.record.decision_date.slice(0, 7) : null;
      const stated = decisionMonth ?? (f.record.year !== null ? `${f.record.year}-12` : f.countedFrom);
      const from = stated === null ? 0 : Math.max(0, idx(stated));
      // What the generator promises (no later than the stated month): the month the standard was met.
      const met = f.metFrom === null ? 0 : Math.max(0, idx(f.metFrom) - (f.record.level === 'dat_chuan' ? 0 : 12));
      expect(met).toBeLessThanOrEqual(from);
      for (let t = met; t < T; t++) full(code, t);
    }
    expect(checked).toBeGreaterThan(5000);
    // Recognised before 2021 (official or illustrative): 19/19 from the first month.
    let early = 0;
    for (const [code, t] of recognisedFrom) {
      if (t !== BEFORE) continue;
      early++;
      for (let k = 0; k < T; k++) full(code, k);
    }
    expect(early).toBeGreaterThan(4000);
    // Illustrative recognitions too: 19/19 from the month they count from.
    for (const r of data.recognitions) {
      const from = Math.max(0, idx(r.effective_period!));
      for (let t = from; t < T; t++) full(r.unit_code, t);
    }
    expect(failures).toEqual([]);
  });

  it('rule 2: national shares follow the published trajectory', () => {
    const n = reviews.communes.length;
    const shareAt = (period: string) => {
      const t = idx(period);
      return [...recognisedFrom.values()].filter((from) => from <= t).length / n;
    };
    const byYear = Object.fromEntries(summary.byYear.map((y) => [y.period.slice(0, 4), y]));
    console.log(
      '[generator] national share recognised by December: ' +
        summary.byYear
          .map((y) => `${y.period.slice(0, 4)} ${(100 * y.share).toFixed(1)}% (NC ${(100 * y.nangCaoShare).toFixed(1)}%, KM ${(100 * y.kieuMauShare).toFixed(1)}% of recognised)`)
          .join('; '),
    );
    // read back from the rows, the shares agree with the generator's own view
    for (const y of summary.byYear) expect(Math.abs(shareAt(y.period) - y.share)).toBeLessThan(0.001);
    expect(byYear['2020']!.share).toBeCloseTo(0.63, 2);
    expect(Math.abs(byYear['2023']!.share - 6370 / 8167)).toBeLessThan(0.01);
    expect(byYear['2025']!.share).toBeGreaterThanOrEqual(0.79);
    expect(byYear['2025']!.share).toBeLessThan(0.82);
    for (let y = 2021; y <= 2025; y++) expect(byYear[String(y)]!.share).toBeGreaterThan(byYear[String(y - 1)]!.share);
    // Nâng cao and kiểu mẫu follow the national counts (national_counts.csv, 2025-06: 2,567 and 743 of 6,084
    // NTM communes, i.e. 42 % and 12 % of the recognised), held after the last published month.
    expect(byYear['2025']!.nangCaoShare).toBeGreaterThanOrEqual(0.40);
    expect(byYear['2025']!.nangCaoShare).toBeLessThanOrEqual(0.45);
    expect(byYear['2025']!.kieuMauShare).toBeGreaterThan(0.11);
    expect(byYear['2025']!.kieuMauShare).toBeLessThan(0.14);
  });

  it('rule 2: province counts match the figures targets.csv reports', () => {
    for (const check of summary.provinces) {
      console.log(`[generator] province ${check.province} ${check.metric} ${check.period}: reported ${check.reported}, generated ${check.generated} (${check.from})`);
    }
    const get = (province: string, metric: string, period: string, reported: number) =>
      summary.provinces.find((c) => c.province === province && c.metric === metric && c.period === period && c.reported === reported)!.generated;
    expect(get('62', 'communes_ntm_recognised', '2022-11', 36)).toBe(36);
    expect(get('62', 'communes_19_of_19', '2022-11', 38)).toBe(38);
    expect(get('62', 'communes_ntm_recognised', '2022-03', 35)).toBe(35);
    expect(get('10', 'communes_ntm_recognised', '2024-02', 62)).toBe(62);
    expect(get('10', 'communes_ntm_recognised', '2024-08', 63)).toBe(63);
    expect(get('10', 'communes_ntm_recognised', '2021-03', 61)).toBe(61);
    // 118 (2022) + 6 recognised on 9/8/2023 = 124; the source's 123/193 counts one commune fewer
    expect(Math.abs(get('49', 'communes_ntm_recognised', '2023-08', 123) - 123)).toBeLessThanOrEqual(1);
    expect(get('49', 'communes_ntm_recognised', '2022-06', 118)).toBe(118);
    // every figure dated to the month is met within one commune
    const used = new Set(Object.values(data.anchors).flatMap((a) => a.anchors.map((x) => x.from)));
    for (const check of summary.provinces) {
      if (used.has(check.from)) expect(Math.abs(check.generated - check.reported), check.from).toBeLessThanOrEqual(1);
    }
  });

  it('rule 2: illustrative recognitions fill the gap, never replace official ones', () => {
    const official = new Set(facts.recognitions.communes.filter((f) => f.record.status === 'recognised').map((f) => f.record.unit_code));
    for (const r of data.recognitions) {
      expect(r).toMatchObject({ provenance: 'illustrative', decision: null, source_url: null, status: 'recognised', unit_level: 'commune', revoked_date: null });
      expect(rural.has(r.unit_code)).toBe(true);
      if (r.level === 'dat_chuan') expect(official.has(r.unit_code)).toBe(false);
    }
    // at most one row per commune and level; NC after the standard, KM after NC, each a year apart
    const rows = new Map<string, Map<string, string>>();
    for (const f of facts.recognitions.communes) {
      if (f.record.status === 'recognised' && f.countedFrom) {
        const m = rows.get(f.record.unit_code) ?? new Map();
        if (!m.has(f.record.level)) m.set(f.record.level, f.countedFrom);
        rows.set(f.record.unit_code, m);
      }
    }
    for (const r of data.recognitions) {
      const m = rows.get(r.unit_code) ?? new Map<string, string>();
      expect(m.has(r.level), `${r.unit_code} ${r.level}`).toBe(false);
      m.set(r.level, r.effective_period!);
      rows.set(r.unit_code, m);
    }
    for (const r of data.recognitions) {
      const m = rows.get(r.unit_code)!;
      const below = r.level === 'nang_cao' ? m.get('dat_chuan') : r.level === 'kieu_mau' ? m.get('nang_cao') : undefined;
      if (r.level !== 'dat_chuan' && below) {
        expect(monthNumber(r.effective_period!) - monthNumber(below), `${r.unit_code} ${r.level}`).toBeGreaterThanOrEqual(12);
      }
    }
  });

  it('rule 3: planned communes reach 19/19 within ±3 months of their due period and are not recognised before', () => {
    let checked = 0;
    for (const f of facts.plannedCommunes.communes) {
      const code = f.record.commune_code;
      const plan = planOf.get(code)!;
      if (plan.recognisedBy === 'official') {
        // Mường Hoa: recognised "NTM năm 2023" after the plan listed it for 2024-H1 (SOURCES.md caveat 3)
        expect(code).toBe('03037');
        continue;
      }
      const due = idx(f.record.due_period);
      expect(plan.met19At, code).not.toBeNull();
      expect(Math.abs(plan.met19At! - due), code).toBeLessThanOrEqual(3);
      for (let t = 0; t < T; t++) {
        const mask = maskAt(code, t);
        if (mask === -1 || inRisk(code, t)) continue;
        expect(popcount(mask) === 19, `${code} ${periods[t]}`).toBe(t >= plan.met19At!);
      }
      const recognised = recognisedFrom.get(code);
      if (recognised !== undefined) expect(recognised).toBeGreaterThanOrEqual(plan.met19At!);
      expect(data.recognitions.filter((r) => r.unit_code === code && idx(r.effective_period!) < due - 3)).toEqual([]);
      checked++;
    }
    expect(checked).toBe(21);
  });

  it('rule 4: special-difficulty communes score clearly lower', () => {
    const { special, other, specialMonths: sm, otherMonths } = summary.meanMet;
    console.log(`[generator] mean criteria met: special-difficulty ${special.toFixed(2)} (${sm} commune-months), other ${other.toFixed(2)} (${otherMonths})`);
    expect(sm).toBeGreaterThan(50_000);
    expect(special).toBeLessThan(other - 3);
    // also among communes not recognised by the end
    const flags = specialMonths(data, facts);
    let s = 0;
    let ns = 0;
    let o = 0;
    let no = 0;
    for (const code of reviews.communes) {
      if (recognisedFrom.has(code)) continue;
      const mask = maskAt(code, T - 1);
      if (mask === -1) continue;
      if (flags.get(code)?.[T - 1]) {
        s += popcount(mask);
        ns++;
      } else {
        o += popcount(mask);
        no++;
      }
    }
    expect(s / ns).toBeLessThan(o / no - 1);
  });

  it('rule 5: ~1-2% of recognised communes fall below standard for some months; nothing is revoked', () => {
    const recognisedByEnd = [...recognisedFrom.values()].length;
    console.log(`[generator] revocation-risk cases: ${data.risks.length} of ${recognisedByEnd} recognised`);
    expect(data.risks.length / recognisedByEnd).toBeGreaterThanOrEqual(0.01);
    expect(data.risks.length / recognisedByEnd).toBeLessThanOrEqual(0.02);
    for (const risk of data.risks) {
      const from = idx(risk.from);
      const to = idx(risk.to);
      expect(recognisedFrom.get(risk.commune)!).toBeLessThan(from);
      expect(risk.lostCriteria.length).toBeGreaterThanOrEqual(1);
      expect(risk.lostCriteria.length).toBeLessThanOrEqual(3);
      expect(to - from + 1).toBeGreaterThanOrEqual(1);
      expect(to - from + 1).toBeLessThanOrEqual(9);
      for (let t = from; t <= to; t++) {
        const mask = maskAt(risk.commune, t);
        if (mask === -1) continue;
        expect(popcount(mask)).toBe(19 - risk.lostCriteria.length);
        for (const n of risk.lostCriteria) expect(mask & (1 << (n - 1))).toBe(0);
        expect(JSON.parse(reviews.notes.get(communeIndex.get(risk.commune)! * T + t)!)).toHaveProperty(String(risk.lostCriteria[0]));
      }
      for (let t = to + 1; t < T; t++) {
        const mask = maskAt(risk.commune, t);
        if (mask !== -1) expect(mask).toBe(FULL_MASK);
      }
    }
    expect(data.recognitions.every((r) => r.revoked_date === null && r.revocation_decision === null)).toBe(true);
  });

  it('rule 6: criteria met move plausibly and 19/19 leads to recognition within 12 months', () => {
    let decreases = 0;
    let steps = 0;
    const failures: string[] = [];
    for (const code of reviews.communes) {
      let previous: number | null = null;
      let best = -1; // the most criteria met so far: a gain is a new high (a regain after a loss is not)
      let bestAtYearStart = -1;
      let currentYear = '';
      const neverRecognised = !recognisedFrom.has(code);
      const scheduled = planOf.get(code)!.planned || proposed.has(code);
      for (let t = 0; t < T; t++) {
        const mask = maskAt(code, t);
        if (mask === -1) continue;
        if ((mask & ~FULL_MASK) !== 0) failures.push(`${code} ${periods[t]}: bits above criterion 19`);
        const met = popcount(mask);
        if (previous !== null && !inRisk(code, t) && !inRisk(code, t - 1)) {
          steps++;
          if (met < previous) decreases++;
          if (met - previous > 2) failures.push(`${code} ${periods[t]}: +${met - previous} from one review to the next`);
        }
        if (neverRecognised) {
          const year = periods[t]!.slice(0, 4);
          if (year !== currentYear) {
            currentYear = year;
            bestAtYearStart = best < 0 ? met : best;
          }
          best = Math.max(best, met);
          if (best - bestAtYearStart > 2) failures.push(`${code}: ${best - bestAtYearStart} criteria gained in ${year}`);
          // no 19/19 without a recognition, a plan or a proposal
          if (!scheduled && met === 19) failures.push(`${code} ${periods[t]}: 19/19 and never recognised`);
        }
        previous = met;
        // 19/19 → recognised by then or within 12 months (or an official proposal, or after the data ends)
        if (met === 19 && !inRisk(code, t)) {
          const recognised = recognisedFrom.get(code);
          const ok = (recognised !== undefined && recognised <= t + 12) || proposed.has(code) || t + 12 > T - 1;
          if (!ok) failures.push(`${code} ${periods[t]}: 19/19, not recognised within 12 months`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    console.log(`[generator] month-to-month decreases outside revocation-risk windows: ${decreases} of ${steps}`);
    expect(decreases / steps).toBeLessThan(0.005);
    expect(decreases).toBeGreaterThan(0); // "rarely a loss", not never
  });

  it('rule 7: ~2% of commune-months are missing, never the first or the last month', () => {
    const missing = summary.missingReviews / (reviews.communes.length * T);
    console.log(`[generator] reviews ${reviews.count}, missing commune-months ${summary.missingReviews} (${(100 * missing).toFixed(2)}%)`);
    expect(missing).toBeGreaterThan(0.015);
    expect(missing).toBeLessThan(0.025);
    for (const code of reviews.communes) {
      expect(maskAt(code, 0)).not.toBe(-1);
      expect(maskAt(code, T - 1)).not.toBe(-1);
    }
    expect(reviews.count + summary.missingReviews).toBe(reviews.communes.length * T);
  });

  it('rule 8: special-difficulty listings: official ones kept, illustrative KV III up to the published totals', () => {
    const kv3ByProvince = new Map<string, number>();
    const unitOf = new Map(units.map((u) => [u.code, u]));
    const official861 = new Set(
      facts.specialDifficulty.listings.filter((f) => f.record.period_to >= '2021-06').map((f) => f.record.commune_code),
    );
    for (const l of data.specialDifficulty) {
      expect(l).toMatchObject({
        classification: 'Khu vực III (xã đặc biệt khó khăn) — illustrative',
        special: 1,
        decision: null,
        period_from: '2021-06',
        period_to: '2025-12',
        provenance: 'illustrative',
        source_url: null,
      });
      expect(official861.has(l.commune_code)).toBe(false);
      expect(rural.has(l.commune_code)).toBe(true);
    }
    const kv3 = [
      ...facts.specialDifficulty.listings.map((f) => f.record).filter((r) => r.special === 1 && r.period_to >= '2021-06'),
      ...data.specialDifficulty,
    ];
    expect(new Set(kv3.map((r) => r.commune_code)).size).toBe(kv3.length);
    for (const r of kv3) {
      const province = unitOf.get(r.commune_code)!.province;
      kv3ByProvince.set(province, (kv3ByProvince.get(province) ?? 0) + 1);
    }
    const total = kv3.length;
    console.log(`[generator] KV III communes 2021-2025: ${total} (official ${total - data.specialDifficulty.length}); Quảng Nam ${kv3ByProvince.get('49')}, Lào Cai ${kv3ByProvince.get('10')}, Kon Tum ${kv3ByProvince.get('62')}`);
    expect(kv3ByProvince.get('49')).toBe(58);
    expect(kv3ByProvince.get('10')).toBe(70);
    expect(total).toBeGreaterThanOrEqual(1450);
    expect(total).toBeLessThanOrEqual(1600);
    // more likely in the mountains: a larger share of the northern mountain communes than of the delta's
    const shareIn = (region: string) => {
      const communes = reviews.communes.filter((code) => regionOf(unitOf.get(code)!.province) === region);
      return communes.filter((code) => kv3.some((r) => r.commune_code === code)).length / communes.length;
    };
    expect(shareIn('Trung du miền núi phía Bắc')).toBeGreaterThan(0.3);
    expect(shareIn('Đồng bằng sông Hồng')).toBeLessThan(0.02);
    // the Kon Tum P135 communes of 2017-2020 are mostly KV III again
    const p135 = facts.specialDifficulty.listings.filter((f) => f.record.decision?.startsWith('900/')).map((f) => f.record.commune_code);
    const kontumP135 = p135.filter((code) => unitOf.get(code)!.province === '62' && rural.has(code));
    const again = kontumP135.filter((code) => kv3.some((r) => r.commune_code === code)).length;
    expect(again / kontumP135.length).toBeGreaterThan(0.5);
  });
});
