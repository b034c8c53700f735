/** @module The illustrative data of today's structure (2025-07 onward), derived from the pre-2025 illustrative
 * data through the crosswalk, deterministically (same seed, same data), every record labelled illustrative.
 *
 * Rules (each tested in test/server/seed/reform.test.ts):
 *  1. 2025-07 … 2026-01 (19 criteria of 318/QĐ-TTg on today's communes): a criterion is met when the
 *     predecessors that met it in their last review (at or before 2025-06) carry at least half the predecessors'
 *     weight; a predecessor that went whole into the commune weighs 1, one split among k successors 1/k (the
 *     crosswalk gives no area or population shares, so the split is even). The derived status holds through the
 *     transition months. A commune whose predecessors had no review (all urban) has none in these months.
 *  2. From 2026-02 (10 criteria of 51/2025/QĐ-TTg, a tougher set): each criterion is met from a month drawn per
 *     commune and criterion, and stays met. A commune's readiness is its 19-criteria share in 2026-01, lowered for
 *     khu vực II and III; about a fifth to two thirds of the criteria are met at the start, and by 2030-12 about
 *     the 65 % of communes meeting all ten that QĐ 417/QĐ-BNNMT targets would be reached.
 *  3. Khu vực (QĐ 60/QĐ-BDTTG, 2026-2030, from 2026-01): the official counts of national_counts.csv (824 III,
 *     259 II, 250 I nationally; the provinces whose khu vực III count is read in a source) are filled with the
 *     hardest xã: those whose predecessors were special-difficulty communes, then the lowest readiness in the
 *     regions of the ethnic-minority and mountainous area. Nhóm 3 = khu vực II and III; nhóm 1 (peri-urban) the
 *     xã of the six centrally-run cities outside nhóm 3; nhóm 2 the rest. No per-commune list was readable:
 *     every record is illustrative and says so.
 *  4. Khu vực III communes are listed special-difficulty from 2026-01.
 *  5. A commune meeting all ten criteria three months running is recognised đạt chuẩn under 51/2025 from the
 *     next month (illustrative). No NTM hiện đại recognition is generated (a pilot, none found). Nothing of a
 *     predecessor's recognition is carried over: no rule was found that says it would be. */
import type { Insertable } from 'kysely';
import type { CommuneClassificationTable, OfficialCountTable, RecognitionTable, SpecialDifficultyTable, UnitLineageTable } from '../../db/schema.ts';
import { type Period, monthNumber, periodRange } from '../../period/period.ts';
import type { UnitRecord } from '../../unit/units-index.ts';
import { changesOf, unitAt } from '../../unit/unit-change.ts';
import type { ReviewSeries } from './generator.ts';
import { popcount } from './summary.ts';
import { uniform } from './prng.ts';
import { regionOf } from './regions.ts';

/** The name in the `source` of rows the reform stage made (today's units from 2025-07). */
export const REFORM_GENERATOR = 'illustrative generator v1, reform stage';
/** First period of today's structure and of the 2026-2030 set. */
export const TODAY_FROM = '2025-07';
/** First period of the 2026-2030 criteria set (Quyết định 51/2025/QĐ-TTg in force 15/02/2026). */
export const SET_2026_FROM = '2026-02';
/** When the 2026-2030 khu vực lists (QĐ 60/QĐ-BDTTG, 29/01/2026) apply. */
export const KHU_VUC_FROM = '2026-01';
const KHU_VUC_DECISION = '60/QĐ-BDTTG';
const KHU_VUC_SOURCE = 'https://vietnamnet.vn/mien-nui-phia-bac-van-dan-dau-ca-nuoc-ve-dia-ban-dac-biet-kho-khan-2487756.html';
const ILLUSTRATIVE_NOTE = 'Illustrative: no per-commune list of QĐ 60/QĐ-BDTTG was readable; the published counts are filled with the hardest communes (see docs/eras.md).';

/** Regions of the ethnic-minority and mountainous area, where khu vực are assigned. */
const MOUNTAIN_REGIONS = new Set(['Trung du và miền núi phía Bắc', 'Tây Nguyên']);

/** What the reform stage works from: the pre-2025 history and listings, today's units, the lineage, the official
 * counts, both criteria sets, the seed and the last month to fill. */
export interface ReformOptions {
  seed: number;
  lastPeriod: Period;
  oldSeries: ReviewSeries;
  /** Old communes listed special-difficulty at 2025-06 (official or illustrative). */
  oldSpecial: ReadonlySet<string>;
  newUnits: readonly UnitRecord[];
  lineage: readonly Insertable<UnitLineageTable>[];
  officialCounts: readonly Insertable<OfficialCountTable>[];
  sets: { old: { code: string; count: number }; today: { code: string; count: number } };
}

/** What the reform stage made: today's communes' reviews, recognitions, classifications and listings. */
export interface ReformData {
  source: string;
  reviews: ReviewSeries;
  classifications: Insertable<CommuneClassificationTable>[];
  specialDifficulty: Insertable<SpecialDifficultyTable>[];
  recognitions: Insertable<RecognitionTable>[];
}

/** Whether a 2025-07 unit is a xã on the last day of `period` (the Đồng Nai units that became phường on 30/04/2026). */
const ruralAt = (unit: UnitRecord, period: Period): boolean => unitAt({ ...unit, changes: changesOf(unit) }, period).rural;

/** Carries the illustrative history into today's units from 2025-07 (merged communes from their predecessors) and
 * on to the 2026-2030 set. */
export function generateReform(o: ReformOptions): ReformData {
  const source = `${REFORM_GENERATOR}, seed ${o.seed}`;
  const periods = o.lastPeriod >= TODAY_FROM ? periodRange(TODAY_FROM, o.lastPeriod) : [];
  const communes = o.newUnits.filter((u) => u.level === 'commune' && (u.rural || u.earlier?.type === 'Xã'));
  const T = periods.length;

  // Each old commune's last mask (at or before 2025-06) and its number of successors.
  const oldT = o.oldSeries.periods.length;
  const lastMask = new Map<string, number>();
  o.oldSeries.communes.forEach((code, c) => {
    for (let t = oldT - 1; t >= 0; t--) {
      const m = o.oldSeries.masks[c * oldT + t]!;
      if (m !== -1 && o.oldSeries.periods[t]! <= '2025-06') {
        lastMask.set(code, m);
        break;
      }
    }
  });
  const successors = new Map<string, number>();
  const preds = new Map<string, Array<{ code: string; full: boolean }>>();
  for (const l of o.lineage) {
    successors.set(l.old_code, (successors.get(l.old_code) ?? 0) + 1);
    (preds.get(l.new_code) ?? preds.set(l.new_code, []).get(l.new_code)!).push({ code: l.old_code, full: l.link === 'full' });
  }

  // Rule 1: the transition mask of each new commune.
  const oldCount = o.sets.old.count;
  const transition = new Map<string, number>();
  const specialShare = new Map<string, number>();
  for (const u of communes) {
    let total = 0;
    let special = 0;
    const met = new Array<number>(oldCount).fill(0);
    for (const p of preds.get(u.code) ?? []) {
      const w = 1 / (successors.get(p.code) ?? 1);
      if (o.oldSpecial.has(p.code)) special += w;
      const mask = lastMask.get(p.code);
      if (mask === undefined) continue;
      total += w;
      for (let i = 0; i < oldCount; i++) if (mask & (1 << i)) met[i]! += w;
    }
    const all = (preds.get(u.code) ?? []).reduce((s, p) => s + 1 / (successors.get(p.code) ?? 1), 0);
    specialShare.set(u.code, all ? special / all : 0);
    if (total === 0) continue;
    let mask = 0;
    for (let i = 0; i < oldCount; i++) if (met[i]! >= total / 2) mask |= 1 << i;
    transition.set(u.code, mask);
  }

  // Rule 3: khu vực and groups.
  const readiness = (code: string) => (transition.has(code) ? popcount(transition.get(code)!) / oldCount : 0.5);
  const kv = assignKhuVuc(o, communes, readiness, specialShare);
  const classifications: Insertable<CommuneClassificationTable>[] = [];
  const recordedAt = `${KHU_VUC_FROM}-29T00:00:00.000Z`;
  const centralCities = new Set(o.newUnits.filter((u) => u.level === 'province' && u.type === 'Thành phố Trung ương').map((u) => u.code));
  for (const u of communes) {
    const k = kv.get(u.code);
    const base = { structure: '2025-07' as const, commune_code: u.code, decision_date: null, period_from: KHU_VUC_FROM, period_to: null, provenance: 'illustrative' as const, source_url: null, recorded_by: null, recorded_at: recordedAt };
    if (k) classifications.push({ ...base, kind: 'khu_vuc', value: k, decision: KHU_VUC_DECISION, note: ILLUSTRATIVE_NOTE });
    const group = k === 'II' || k === 'III' ? '3' : centralCities.has(u.province) ? '1' : '2';
    classifications.push({ ...base, kind: 'group', value: group, decision: '51/2025/QĐ-TTg', note: 'Illustrative: nhóm 3 = khu vực II and III; nhóm 1 (peri-urban) stands for the xã of the centrally-run cities; no official list of groups was found.' });
  }
  const specialDifficulty: Insertable<SpecialDifficultyTable>[] = [...kv].filter(([, k]) => k === 'III').map(([code]) => ({
    structure: '2025-07',
    commune_code: code,
    classification: 'Khu vực III (xã đặc biệt khó khăn, QĐ 60/QĐ-BDTTG)',
    special: 1,
    decision: KHU_VUC_DECISION,
    period_from: KHU_VUC_FROM,
    period_to: '2030-12',
    provenance: 'illustrative',
    source_url: KHU_VUC_SOURCE,
    note: ILLUSTRATIVE_NOTE,
  }));

  // Rules 1 and 2: the review series.
  const newCount = o.sets.today.count;
  const start = monthNumber(SET_2026_FROM);
  const masks = new Int32Array(communes.length * T).fill(-1);
  let count = 0;
  const recognitions: Insertable<RecognitionTable>[] = [];
  communes.forEach((u, c) => {
    const k = kv.get(u.code);
    const r = Math.max(0, readiness(u.code) - (k === 'III' ? 0.35 : k === 'II' ? 0.2 : 0));
    // The month offset (from 2026-02) each criterion is met from; Infinity: not by the end of the horizon.
    const metFrom = Array.from({ length: newCount }, (_, i) => {
      if (uniform(o.seed, 'reform-start', u.code, i) < 0.2 + 0.45 * r) return 0;
      if (uniform(o.seed, 'reform-reach', u.code, i) >= 0.92 + 0.075 * r) return Infinity;
      return 1 + Math.floor(uniform(o.seed, 'reform-month', u.code, i) * 58);
    });
    let allSince: number | null = null;
    periods.forEach((p, t) => {
      if (!ruralAt(u, p)) return;
      let mask: number;
      if (p < SET_2026_FROM) {
        const m = transition.get(u.code);
        if (m === undefined) return;
        mask = m;
      } else {
        const offset = monthNumber(p) - start;
        mask = 0;
        for (let i = 0; i < newCount; i++) if (metFrom[i]! <= offset) mask |= 1 << i;
        if (popcount(mask) === newCount) allSince ??= monthNumber(p);
      }
      masks[c * T + t] = mask;
      count++;
    });
    // Rule 5.
    if (allSince !== null && allSince + 3 <= monthNumber(o.lastPeriod)) {
      const eff = periods.find((p) => monthNumber(p) === allSince! + 3)!;
      recognitions.push({
        structure: '2025-07', unit_code: u.code, unit_level: 'commune', level: 'dat_chuan', year: Number(eff.slice(0, 4)), decision: null,
        decision_date: null, effective_period: eff, signer: null, status: 'recognised', revoked_date: null, revocation_decision: null,
        revocation_reason: null, provenance: 'illustrative', source_url: null, note: 'Illustrative recognition under 51/2025/QĐ-TTg (all ten criteria met three months running).', decision_key: null,
      });
    }
  });

  return {
    source,
    reviews: {
      structure: '2025-07',
      communes: communes.map((u) => u.code),
      periods,
      setCodes: periods.map((p) => (p < SET_2026_FROM ? o.sets.old.code : o.sets.today.code)),
      masks,
      count,
      notes: new Map(),
    },
    classifications,
    specialDifficulty,
    recognitions,
  };
}

/** Rule 3: khu vực I-III for the hardest xã, to the published counts. */
function assignKhuVuc(o: ReformOptions, communes: readonly UnitRecord[], readiness: (code: string) => number, specialShare: ReadonlyMap<string, number>): Map<string, string> {
  const read = o.officialCounts.filter((r) => r.structure === '2025-07' && r.verified === 'read' && r.value !== null && r.value !== undefined);
  const national = (metric: string) => Number(read.find((r) => r.scope === 'national' && r.metric === metric)?.value ?? 0);
  const provinceIII = new Map(read.filter((r) => r.scope === 'province' && r.metric === 'communes_khu_vuc_iii').map((r) => [r.code, Number(r.value)]));
  const xa = communes.filter((u) => ruralAt(u, KHU_VUC_FROM));
  const hardness = (u: UnitRecord) =>
    2 * (specialShare.get(u.code) ?? 0) + (MOUNTAIN_REGIONS.has(regionOf(u.province)) ? 1 : 0) + (1 - readiness(u.code)) + 0.01 * uniform(o.seed, 'kv', u.code);
  const byHardness = [...xa].sort((a, b) => hardness(b) - hardness(a) || a.code.localeCompare(b.code));
  const out = new Map<string, string>();
  // Provinces whose khu vực III count a source gives: exactly that many, their hardest xã.
  for (const [province, n] of provinceIII) {
    for (const u of byHardness.filter((x) => x.province === province).slice(0, n)) out.set(u.code, 'III');
  }
  const fill = (value: string, n: number) => {
    let have = [...out.values()].filter((v) => v === value).length;
    for (const u of byHardness) {
      if (have >= n) break;
      if (out.has(u.code) || (value === 'III' && provinceIII.has(u.province))) continue;
      out.set(u.code, value);
      have++;
    }
  };
  fill('III', national('communes_khu_vuc_iii'));
  fill('II', national('communes_khu_vuc_ii'));
  fill('I', national('communes_khu_vuc_i'));
  return out;
}
