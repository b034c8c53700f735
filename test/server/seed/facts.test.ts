// The facts loaders on the real vendored files, and their errors on broken copies.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadCriteria } from '../../../server/seed/facts/criteria.ts';
import { FactsError, parseFactsCsv } from '../../../server/seed/facts/csv.ts';
import { parseSourceDate } from '../../../server/seed/facts/dates.ts';
import { FACTS_FILES, loadFacts } from '../../../server/seed/facts/index.ts';
import { duePeriod } from '../../../server/plan/due.ts';
import { criteriaSetLabel } from '../../../server/seed/facts/reported-criteria.ts';
import { listingPeriods, specialFlag } from '../../../server/seed/facts/special-difficulty.ts';
import { readLevelCounts } from '../../../server/seed/facts/targets.ts';
import { readValueNumber } from '../../../server/target/value-number.ts';
import { indexUnits, normaliseName, resolveUnitName } from '../../../server/seed/facts/units.ts';
import { FACTS_DIR, gsoUnits } from './units-fixture.ts';

const units = gsoUnits();
const facts = loadFacts(FACTS_DIR, units);

describe('facts loaders on the vendored files', () => {
  it('reads every row of every file (3 special-difficulty rows without a 2025 code are skipped)', () => {
    expect(facts.recognitions.communes).toHaveLength(136);
    expect(facts.recognitions.districts).toHaveLength(6);
    expect(facts.specialDifficulty.listings).toHaveLength(153);
    expect(facts.specialDifficulty.skipped).toBe(3);
    expect(facts.targets).toHaveLength(66 + 20);
    expect(facts.plannedCommunes.communes).toHaveLength(22);
    expect(facts.reportedCriteria.reports).toHaveLength(28);
    expect(facts.skipped).toEqual({
      'recognitions.csv': 0,
      'special_difficulty_communes.csv': 3,
      'planned_communes.csv': 0,
      'criteria_counts.csv': 0,
    });
    expect(facts.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps Hà Mòn (23521): recognised 2013 by 06/QĐ-BCĐ of 17/01/2013, with its source', () => {
    const haMon = facts.recognitions.communes.find(
      (f) => f.record.unit_code === '23521' && f.record.level === 'dat_chuan',
    )!;
    expect(haMon.line).toBe(2);
    expect(haMon.record).toMatchObject({
      unit_level: 'commune',
      year: 2013,
      decision: '06/QĐ-BCĐ',
      decision_date: '2013-01-17',
      status: 'recognised',
      provenance: 'official',
      source_url: 'https://nongthonmoi.hatinh.gov.vn/Tin-tuc-nong-thon-moi/Cong-nhan-xa-Nong-thon-moi-dau-tien-o-Tay-Nguyen-12494.html',
    });
    expect(haMon.countedFrom).toBe('2013-01');
  });

  it('maps the messy recognition values', () => {
    const all = facts.recognitions.communes;
    // every row keeps its source URL
    expect(all.every((f) => f.record.source_url?.startsWith('http'))).toBe(true);
    // council proposals are not decisions
    const proposed = all.filter((f) => f.record.status === 'proposed');
    expect(proposed).toHaveLength(23);
    expect(proposed[0]!.record.note).toMatch(/council proposal, not a recognition decision/);
    // a month-only decision date: no decision_date, the month kept as the counting month and in the note
    const namMon = all.find((f) => f.record.unit_code === '02881')!;
    expect(namMon.record.decision_date).toBeNull();
    expect(namMon.countedFrom).toBe('2021-03');
    expect(namMon.metFrom).toBe('2020-12'); // "NTM năm 2020"
    expect(namMon.record.note).toMatch(/2021-03 in the source \(day not given\)/);
    // a year inferred by the compiler: the date kept, the inference noted
    const dakUi = all.find((f) => f.record.unit_code === '23509')!;
    expect(dakUi.record.decision_date).toBe('2023-04-12');
    expect(dakUi.record.note).toMatch(/year inferred/);
    // recognised_by: a date hint (YYYY-MM) used when there is no decision date
    const muongHoa = all.find((f) => f.record.unit_code === '03037')!;
    expect(muongHoa.record.year).toBe(2023);
    expect(muongHoa.countedFrom).toBe('2024-08');
    expect(muongHoa.metFrom).toBe('2023-12');
    const doanKet = all.find((f) => f.record.unit_code === '23329')!;
    expect(doanKet.record.year).toBeNull();
    expect(doanKet.countedFrom).toBe('2019-05');
    // undated: no month at all
    expect(all.find((f) => f.record.unit_code === '20984')!.countedFrom).toBeNull();
  });

  it('loads districts.csv as district recognitions', () => {
    const districts = facts.recognitions.districts;
    expect(districts.every((f) => f.record.unit_level === 'district' && f.record.level === 'dat_chuan')).toBe(true);
    const phuNinh = districts.find((f) => f.record.unit_code === '518')!;
    expect(phuNinh.record).toMatchObject({ year: 2015, decision: null, signer: 'Thủ tướng Chính phủ' });
    expect(phuNinh.record.note).toMatch(/number not in source/);
    expect(districts.find((f) => f.record.unit_code === '503')!.record.note).toMatch(/sources conflict/);
  });

  it('flags special-difficulty classifications and dates their periods', () => {
    const byClass = new Map(facts.specialDifficulty.listings.map((f) => [f.record.classification, f.record]));
    expect(byClass.get('Khu vực III (xã đặc biệt khó khăn)')).toMatchObject({ special: 1, period_from: '2021-06', period_to: '2025-12' });
    expect(byClass.get('Khu vực I')).toMatchObject({ special: 0 });
    expect(byClass.get('Khu vực II')).toMatchObject({ special: 0 });
    expect(byClass.get('xã ĐBKK/biên giới/ATK diện đầu tư Chương trình 135')).toMatchObject({
      special: 1,
      period_from: '2017-06',
      period_to: '2020-12',
    });
    expect(byClass.get('xã đặc biệt khó khăn vùng bãi ngang ven biển và hải đảo')).toMatchObject({
      special: 1,
      period_from: '2016-01',
      period_to: '2020-12',
    });
    expect(specialFlag('something else')).toBeNull();
    expect(listingPeriods('2021-2025', '861/QĐ-TTg (04/6/2021)')).toEqual({ from: '2021-06', to: '2025-12' });
  });

  it('reads targets with their scope codes, numbers and kinds', () => {
    const find = (metric: string, value: string) =>
      facts.targets.find((f) => f.record.metric === metric && f.record.value === value)!.record;
    expect(find('communes_ntm', '6370/8167 (~78%)')).toMatchObject({ scope: 'national', scope_code: null, value_num: 6370, kind: 'reported', deadline: '2023-12-31' });
    expect(find('communes_ntm_recognised', '36')).toMatchObject({ scope_code: '62', kind: 'reported', deadline: '2022-11-30' });
    expect(find('communes_ntm_recognised', '62/127')).toMatchObject({ scope_code: '10', value_num: 62, deadline: '2024-02-15' });
    expect(find('communes_ntm_recognised', '123/193 (63.7%)')).toMatchObject({ scope_code: '49', value_num: 123 });
    expect(find('target_communes_ntm', '>=60')).toMatchObject({ scope_code: '62', value_num: 60, kind: 'target' });
    expect(find('communes_ntm', '7/10')).toMatchObject({ scope: 'district', scope_code: '615' });
    expect(find('target_ntm', 'Q2/2024')).toMatchObject({ scope: 'commune', scope_code: '02956', value_num: null });
    // a commune target given as a due year: the year is the deadline, not a value
    const muongHoa = facts.targets.find((f) => f.record.metric === 'target_ntm' && f.record.scope_code === '03037')!.record;
    expect(muongHoa).toMatchObject({ value: '2024', value_num: null, deadline: '2024-12-31', kind: 'target' });
    expect(muongHoa.note).toMatch(/^stated 2024-05-19/);
    // a target named for its year is due at that year's end
    expect(find('target_share_communes_ntm_2020', '30%')).toMatchObject({ deadline: '2020-12-31', note: 'stated 2017-11-14' });
    expect(facts.targets.every((f) => f.record.source.length > 0)).toBe(true);
  });

  it('reads planned communes and reported criteria counts', () => {
    const vinhYen = facts.plannedCommunes.communes.find((f) => f.record.commune_code === '02956')!.record;
    expect(vinhYen).toMatchObject({ target_level: 'dat_chuan', due: '2024-H1', due_period: '2024-06' });
    expect(new Set(facts.plannedCommunes.communes.map((f) => f.record.due_period))).toEqual(new Set(['2024-06', '2024-12', '2025-12']));
    const reports = facts.reportedCriteria.reports.map((f) => f.record);
    expect(reports.find((r) => r.commune_code === '02956')).toMatchObject({ criteria_met: 17, criteria_total: 19, criteria_set: '2021-2025 national set' });
    expect(reports.find((r) => r.commune_code === '23521')).toMatchObject({ criteria_met: 10, criteria_total: 10, criteria_set: 'NC set' });
    expect(reports.find((r) => r.commune_code === '23416')).toMatchObject({ criteria_met: 7, criteria_set: '2016-2020 national set' });
  });

  it('builds the 2021-2025 criteria catalogue from criteria.json', () => {
    const catalogue = loadCriteria(FACTS_DIR);
    expect(catalogue.set).toMatchObject({
      code: '2021-2025',
      decision: '318/QĐ-TTg',
      decision_date: '2022-03-08',
      valid_from: '2021-01',
      valid_to: '2026-01',
      unit_structure: 'pre2025',
      criteria_count: 19,
    });
    const notes = JSON.parse(catalogue.set.notes!);
    expect(notes.valid_from).toMatch(/Illustrative reviews before 2022-03 are expressed against this set/);
    expect(notes.structure.grouping_note).toMatch(/conflict/);
    expect(notes.gaps).toBeTruthy();
    expect(catalogue.groups).toHaveLength(5);
    expect(catalogue.criteria).toHaveLength(19);
    expect(catalogue.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(catalogue.criteria.find((c) => c.number === 19)).toMatchObject({ group_number: 5, code: 'TC19' });
    const tc3 = catalogue.indicators.filter((i) => i.criterion_number === 3);
    expect(tc3.map((i) => i.code)).toEqual(['3.1', '3.2']);
    expect(JSON.parse(tc3[0]!.thresholds!)).toEqual({ chung: '≥80%' });
    expect(tc3[0]!.unit).toBe('%');
    expect(catalogue.indicators.find((i) => i.code === '14.1')).toBeTruthy();
    expect(notes.indicator_notes['3.1']).toMatch(/order listed/);
  });
});

describe('value readers', () => {
  it('reads a single number where there is one', () => {
    expect(readValueNumber('84/127')).toBe(84);
    expect(readValueNumber('>=80%')).toBe(80);
    expect(readValueNumber('12.02')).toBe(12.02);
    expect(readValueNumber('6370/8167 (~78%)')).toBe(6370);
    expect(readValueNumber('~40%')).toBe(40);
    expect(readValueNumber('19 (18 recognised)')).toBe(19);
    expect(readValueNumber('1-2')).toBeNull();
    expect(readValueNumber('72 NTM, 10 NC')).toBeNull();
    expect(readValueNumber('Q2/2024')).toBeNull();
    expect(readLevelCounts('118/194 (10 NC, 1 KM)')).toEqual({ nangCao: 10, kieuMau: 1 });
  });

  it('parses the source dates', () => {
    expect(parseSourceDate('[2023]-04-12')).toMatchObject({ year: 2023, month: 4, day: 12, yearInferred: true });
    expect(parseSourceDate('~2020-12')).toMatchObject({ year: 2020, month: 12, approximate: true });
    expect(parseSourceDate('<=2020')).toMatchObject({ year: 2020, month: null, atLatest: true });
    expect(parseSourceDate('~2016-2017')).toMatchObject({ year: 2017, range: true });
    expect(parseSourceDate('')).toBeNull();
    expect(parseSourceDate('undated', { allowUndated: true })).toBeNull();
    expect(() => parseSourceDate('2013-02-30')).toThrow(/day between 01 and 28/);
    expect(() => parseSourceDate('2021-13')).toThrow(/month/);
    expect(() => parseSourceDate('soon')).toThrow(/expected a date/);
  });

  it('maps due half-years and criteria set labels', () => {
    expect(duePeriod('2024-H1')).toBe('2024-06');
    expect(duePeriod('2024-H2')).toBe('2024-12');
    expect(duePeriod('2025')).toBe('2025-12');
    expect(criteriaSetLabel('NC set', '', '2024-03')).toBe('NC set');
    expect(criteriaSetLabel(undefined, '', '2019-03-14')).toBe('2016-2020 national set');
    expect(criteriaSetLabel(undefined, '', '2023-12')).toBe('2021-2025 national set');
  });

  it('resolves unit names without diacritics or type words', () => {
    const lookup = indexUnits(units);
    expect(normaliseName('Huyện Đắk Hà')).toBe(normaliseName('Đăk Hà'));
    const ok = (level: 'province' | 'district' | 'commune', name: string) => {
      const found = resolveUnitName(lookup, level, name);
      return 'unit' in found ? found.unit.code : found.reason;
    };
    expect(ok('province', 'Kon Tum')).toBe('62');
    expect(ok('district', 'Đăk Hà (Kon Tum)')).toBe('615');
    expect(ok('commune', 'Xã Mường Hoa (TX Sa Pa, Lào Cai)')).toBe('03037');
    expect(ok('commune', 'Xã Đồng Tuyển (TP Lào Cai)')).toBe('02662');
    expect(ok('commune', 'Xã Nowhere (Bảo Yên, Lào Cai)')).toMatch(/no commune named/);
  });
});

describe('errors name the file, the line and the column', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the facts with `file`'s line `line` (1-based) edited. */
  function brokenCopy(file: string, line: number, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-facts-'));
    dirs.push(dir);
    cpSync(FACTS_DIR, dir, { recursive: true });
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    const edited = edit(lines[line - 1]!);
    expect(edited).not.toBe(lines[line - 1]);
    lines[line - 1] = edited;
    writeFileSync(join(dir, file), lines.join('\n'));
    return dir;
  }

  function errorOf(dir: string): FactsError {
    try {
      loadFacts(dir, units);
    } catch (error) {
      expect(error).toBeInstanceOf(FactsError);
      return error as FactsError;
    }
    throw new Error('expected a FactsError');
  }

  it('a malformed code', () => {
    const error = errorOf(brokenCopy('recognitions.csv', 14, (l) => l.replace(',23524,', ',2352,')));
    expect(error.message).toBe('recognitions.csv line 14, column commune_code: expected a 5-digit GSO code, got "2352"');
    expect([error.file, error.line, error.column]).toEqual(['recognitions.csv', 14, 'commune_code']);
  });

  it('an unknown code', () => {
    const error = errorOf(brokenCopy('special_difficulty_communes.csv', 107, (l) => l.replace(',20749,', ',99999,')));
    expect(error.message).toBe(
      'special_difficulty_communes.csv line 107, column commune_code: unknown commune code "99999" (not in the GSO unit list)',
    );
  });

  it('a bad date', () => {
    const error = errorOf(brokenCopy('recognitions.csv', 2, (l) => l.replace(',2013-01-17,', ',2013-02-30,')));
    expect(error.message).toBe(
      'recognitions.csv line 2, column decision_date: expected a day between 01 and 28 for 2013-02, got "2013-02-30"',
    );
  });

  it('a bad value in other files', () => {
    expect(errorOf(brokenCopy('planned_communes.csv', 3, (l) => l.replace(',2024-H1,', ',2024-H3,'))).message).toBe(
      'planned_communes.csv line 3, column due: expected a due year or half-year like 2025, 2024-H1 or 2024-H2, got "2024-H3"',
    );
    expect(errorOf(brokenCopy('targets.csv', 20, (l) => l.replace('Kon Tum', 'Kontum City'))).message).toMatch(
      /^targets\.csv line 20, column scope_name: no province named "Kontum City"/,
    );
    expect(errorOf(brokenCopy('criteria_counts.csv', 2, (l) => l.replace(',7/19,', ',seven,'))).message).toMatch(
      /^criteria_counts\.csv line 2, column criteria_met: expected criteria met like 17\/19/,
    );
    expect(errorOf(brokenCopy('districts.csv', 2, (l) => l.replace(',518,', ',999,'))).message).toBe(
      'districts.csv line 2, column district_code: unknown district code "999" (not in the GSO unit list)',
    );
    expect(errorOf(brokenCopy('recognitions.csv', 5, (l) => l.replace(',614,', ',616,'))).message).toMatch(
      /^recognitions\.csv line 5, column district_code: commune 23488 \(Xã Đắk Ruồng\) is in district 614, got "616"/,
    );
  });

  it('a missing column and a broken catalogue', () => {
    expect(errorOf(brokenCopy('recognitions.csv', 1, (l) => l.replace('commune_code', 'code'))).message).toBe(
      'recognitions.csv line 1: missing column "commune_code"',
    );
    const error = errorOf(brokenCopy('criteria.json', 1, (l) => `${l}x`));
    expect(error.message).toMatch(/^criteria\.json: cannot read the criteria catalogue/);
  });

  it('counts lines through quoted line breaks and blank lines', () => {
    const schema = z.object({ code: z.string().regex(/^\d{5}$/, { error: 'expected a 5-digit GSO code' }), note: z.string() });
    const text = 'code,note\n12345,"two\nlines"\n\n23456,ok\n2345,bad\n';
    expect(() => parseFactsCsv('x.csv', text, schema)).toThrow('x.csv line 6, column code: expected a 5-digit GSO code, got "2345"');
  });

  it('lists the files it hashes', () => {
    expect(FACTS_FILES).toHaveLength(10);
  });
});
