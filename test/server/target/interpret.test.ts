// Reading published targets into measurable clauses. Values and metric names are those of the vendored
// facts (data/sources/facts/targets.csv and plan_targets.csv); every target of the facts must read into
// at least one clause that either has a measure or says why not.
import { describe, expect, it } from 'vitest';
import { readBuildManifest, readUnitsIndex, structureBuildDir } from '../../../scripts/boundary/build.ts';
import { BUILD_DIR, DEFAULT_FACTS_DIR } from '../../../server/config/paths.ts';
import { loadTargets } from '../../../server/seed/facts/targets.ts';
import { indexUnits } from '../../../server/seed/facts/units.ts';
import { interpretTarget, metricBase, splitClauses, type TargetInput } from '../../../server/target/interpret.ts';

const target = (metric: string, value: string, value_num: number | null, deadline: string | null = '2025-12-31'): TargetInput => ({ metric, value, value_num, deadline });

describe('interpretTarget', () => {
  it('reads a count of recognised communes: Lào Cai 84 of 127 by 2025 (Kế hoạch 104/KH-BCĐ)', () => {
    expect(interpretTarget(target('target_communes_ntm', '84/127', 84))).toEqual([
      { clause: null, measure: { kind: 'communes_at_level', level: 'dat_chuan' }, number: 84, unit: 'communes', reason: null },
    ]);
    expect(interpretTarget(target('target_communes_ntm_2025_(KH 104/KH-BCĐ)', '84/127', 84))[0]!.measure).toEqual({ kind: 'communes_at_level', level: 'dat_chuan' });
  });

  it('reads Kon Tum\'s 2025 targets (3299/CTr-UBND): ≥60 communes, 20 advanced, 6 model, 100% with ≥15 criteria', () => {
    expect(interpretTarget(target('target_communes_ntm', '>=60', 60))[0]).toMatchObject({ measure: { kind: 'communes_at_level', level: 'dat_chuan' }, number: 60 });
    expect(interpretTarget(target('target_communes_nang_cao', '20', 20))[0]).toMatchObject({ measure: { kind: 'communes_at_level', level: 'nang_cao' }, number: 20 });
    expect(interpretTarget(target('target_communes_kieu_mau', '6', 6))[0]).toMatchObject({ measure: { kind: 'communes_at_level', level: 'kieu_mau' }, number: 6 });
    expect(interpretTarget(target('target_share_communes_15_criteria', '100%', 100))[0]).toMatchObject({ measure: { kind: 'share_min_criteria', min: 15 }, number: 100, unit: '%' });
    expect(interpretTarget(target('target_criteria_gain_per_commune_per_year', '1-2', null))[0]).toMatchObject({ measure: { kind: 'criteria_gain_per_year' }, number: 1 });
    expect(interpretTarget(target('target_new_communes_ntm_2021', '8', 8, '2021-12-31'))[0]).toMatchObject({ measure: { kind: 'new_communes_at_level', level: 'dat_chuan', year: 2021 }, number: 8 });
    expect(interpretTarget(target('target_share_communes_group_18_19', '100%', 100, '2019-12-31'))[0]).toMatchObject({ measure: { kind: 'share_criteria_met', criteria: [18, 19] } });
  });

  it('reads the national targets (263/QĐ-TTg, NQ 25/2021/QH15) as shares, and "no commune below 15" as 100% with ≥15', () => {
    expect(interpretTarget(target('target_share_communes_ntm_2025', '>=80%', 80))[0]).toMatchObject({ measure: { kind: 'share_at_level', level: 'dat_chuan' }, number: 80, unit: '%' });
    expect(interpretTarget(target('target_share_communes_nang_cao_2025', '~40%', 40))[0]).toMatchObject({ measure: { kind: 'share_at_level', level: 'nang_cao' }, number: 40 });
    expect(interpretTarget(target('target_share_communes_kieu_mau_2025', '>=10%', 10))[0]).toMatchObject({ measure: { kind: 'share_at_level', level: 'kieu_mau' }, number: 10 });
    expect(interpretTarget(target('target_no_commune_below_criteria', '15', 15))[0]).toMatchObject({ measure: { kind: 'share_min_criteria', min: 15 }, number: 100 });
  });

  it('splits a list-like target into clauses and says why the others cannot be measured', () => {
    const clauses = interpretTarget(target('target_2025_(2020_plan)', '3 huyện NTM; 60% xã NTM; 5% NC/KM; no xã <10 criteria; avg 16.5; income 40 tr; poverty 10%', null));
    expect(clauses.map((c) => c.clause)).toEqual(['3 huyện NTM', '60% xã NTM', '5% NC/KM', 'no xã <10 criteria', 'avg 16.5', 'income 40 tr', 'poverty 10%']);
    expect(clauses.map((c) => c.measure?.kind ?? null)).toEqual([null, 'share_at_level', 'share_at_level', 'share_min_criteria', 'average_criteria_met', null, null]);
    expect(clauses[2]).toMatchObject({ measure: { level: 'nang_cao' }, number: 5 });
    for (const c of clauses.filter((c) => !c.measure)) expect(c.reason).toBeTruthy();

    const lists = interpretTarget(target('target_communes_ntm_2025_(KH 2021-2025)', '94/127 (20 NC, 9 KM); 4 district units (Bảo Thắng, Văn Bàn, Bảo Yên, TP Lào Cai); 90 thôn KM; 110 thôn NTM', null));
    expect(lists.filter((c) => c.measure).map((c) => [c.measure!.kind, 'level' in c.measure! ? c.measure.level : null, c.number])).toEqual([
      ['communes_at_level', 'dat_chuan', 94],
      ['communes_at_level', 'nang_cao', 20],
      ['communes_at_level', 'kieu_mau', 9],
    ]);
    expect(lists.filter((c) => !c.measure).map((c) => c.reason)).toEqual([expect.stringMatching(/district/), expect.stringMatching(/village/), expect.stringMatching(/village/)]);

    const yearly = interpretTarget(target('target_2024', '+10 NTM, +5 NC, +48 thôn NTM, +36 thôn KM; avg >13; none <10; income ~42 tr', null, '2024-12-31'));
    expect(yearly[0]).toMatchObject({ clause: '+10 NTM', measure: { kind: 'new_communes_at_level', level: 'dat_chuan', year: 2024 }, number: 10 });
    expect(yearly[1]).toMatchObject({ clause: '+5 NC', measure: { kind: 'new_communes_at_level', level: 'nang_cao', year: 2024 }, number: 5 });
  });

  it('lists targets the data cannot measure with a reason', () => {
    for (const [metric, value, reason] of [
      ['target_share_thon_ntm_in_dbkk_communes', '60%', /village/],
      ['target_rural_income_multiple_vs_2020', '>=1.5', /income/],
      ['target_share_districts_ntm_2025', '>=50%', /district/],
      ['criteria_to_complete_h1_2024', '11', /completions/],
      ['monthly_progress_report_day', '20', /reporting rule/],
      ['some_new_metric', '12', /no rule/],
    ] as const) {
      const [clause] = interpretTarget(target(metric, value, 1));
      expect(clause!.measure).toBeNull();
      expect(clause!.reason).toMatch(reason);
    }
  });

  it('strips plan suffixes and years from metric names, and splits only outside parentheses', () => {
    expect(metricBase('target_communes_ntm_2025_(kh 104/kh-bcđ)')).toEqual({ base: 'target_communes_ntm', year: 2025 });
    expect(metricBase('target_share_communes_15_criteria')).toEqual({ base: 'target_share_communes_15_criteria', year: null });
    expect(splitClauses('a (b, c); d, e')).toEqual(['a (b, c)', 'd', 'e']);
  });

  it('reads every target of the vendored facts into clauses that have a measure or a reason', () => {
    const pre2025 = structureBuildDir(BUILD_DIR, 'pre2025');
    if (!readBuildManifest(pre2025)) throw new Error(`no boundary build in ${pre2025}`);
    const facts = loadTargets(DEFAULT_FACTS_DIR, indexUnits(readUnitsIndex(pre2025).units)).filter((f) => f.record.kind === 'target');
    expect(facts.length).toBeGreaterThan(0);
    let measured = 0;
    for (const { record } of facts) {
      const clauses = interpretTarget({ metric: record.metric, value: record.value, value_num: record.value_num ?? null, deadline: record.deadline ?? null });
      expect(clauses.length).toBeGreaterThan(0);
      for (const c of clauses) {
        expect(c.measure !== null || (c.reason ?? '') !== '').toBe(true);
        if (c.measure) {
          measured++;
          expect(c.number).not.toBeNull();
          expect(c.unit).not.toBeNull();
        }
      }
    }
    expect(measured).toBeGreaterThan(10);
  });
});
