// The public API across the July-2025 reform, on the databases seeded with both eras: each period is read in
// its own unit structure and criteria set, codes that changed meaning resolve to the right unit in each era,
// a code that names no unit is a 404 naming what it became, and the illustrative data matches the published
// national figures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUnitsIndex, structureBuildDir } from '../../../scripts/boundary/build.ts';
import { BUILD_DIR, DEFAULT_FACTS_DIR } from '../../../server/config/paths.ts';
import { type ErrorBody, getJson, seededApis } from '../../support/api.ts';
import { TODAY_LAST_PERIOD } from '../../support/eras.ts';

interface Status {
  period: string;
  criteria_set: string;
  criteria_count: number;
  structure: { code: string; has_districts: boolean };
  scope: { level: string; code: string | null; name: string | null };
  units: { communes: number; rural: number };
  communes: Array<{ code: string; met: number; level: string; special: boolean }>;
}
interface Card {
  code: string;
  name: string;
  structure: { code: string };
  predecessors: Array<{ code: string; name: string; link: string; province: { code: string; name: string } | null; last_period: string; last_status: { met: number; total: number | null; level: string } | null }>;
  successors: Array<{ code: string; name: string; since: string | null }>;
  criteria_set: { code: string; criteria_count: number; levels: string[]; indicators_complete: boolean; indicators_note: string | null } | null;
  classification: { group: { value: string; provenance: string } | null; khu_vuc: { value: string; provenance: string } | null } | null;
}

const today = readUnitsIndex(structureBuildDir(BUILD_DIR, '2025-07')).units;
const old = readUnitsIndex(structureBuildDir(BUILD_DIR, 'pre2025')).units;
const todayXaNow = today.filter((u) => u.level === 'commune' && u.rural).map((u) => u.code);
const todayXaJuly = today.filter((u) => u.level === 'commune' && (u.rural || u.earlier?.type === 'Xã')).map((u) => u.code);
const oldXa = old.filter((u) => u.level === 'commune' && u.rural).map((u) => u.code);

describe.each(seededApis('today'))('the API across the reform on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    api = await open();
  });
  afterAll(async () => {
    await api.close();
  });
  const status = async (query: string) => {
    const { res, body } = await getJson<Status>(api.request, `/api/v1/status${query}`);
    expect(res.status).toBe(200);
    return body;
  };

  it('answers the latest period with today\'s communes and the 10 criteria of 51/2025/QĐ-TTg', async () => {
    const s = await status('');
    expect(s).toMatchObject({ period: TODAY_LAST_PERIOD, criteria_set: '2026-2030', criteria_count: 10, structure: { code: '2025-07', has_districts: false } });
    expect(s.units).toEqual({ communes: 3321, rural: todayXaNow.length });
    expect(new Set(s.communes.map((c) => c.code))).toEqual(new Set(todayXaNow));
    expect(Math.max(...s.communes.map((c) => c.met))).toBeLessThanOrEqual(10);
    expect(new Set(s.communes.map((c) => c.level))).not.toContain('nang_cao');
  });

  it('answers 2025-09 with today\'s communes on the 19 criteria, and 2024-06 with the old communes', async () => {
    const transition = await status('?period=2025-09');
    expect(transition).toMatchObject({ criteria_set: '2021-2025', criteria_count: 19, structure: { code: '2025-07' } });
    expect(transition.units.rural).toBe(todayXaJuly.length);
    expect(transition.communes.every((c) => todayXaJuly.includes(c.code))).toBe(true);
    expect(transition.communes.length).toBeGreaterThan(todayXaJuly.length * 0.99);
    const before = await status('?period=2024-06');
    expect(before).toMatchObject({ criteria_set: '2021-2025', criteria_count: 19, structure: { code: 'pre2025', has_districts: true } });
    expect(before.units.rural).toBe(oldXa.length);
  });

  it('resolves 00004 and province 15 to the unit of each era', async () => {
    const now = await getJson<Card>(api.request, '/api/v1/communes/00004');
    expect(now.body).toMatchObject({ code: '00004', name: 'Phường Ba Đình', structure: { code: '2025-07' } });
    expect(now.body.predecessors.map((p) => p.code)).toContain('00004');
    expect(now.body.predecessors.find((p) => p.code === '00004')).toMatchObject({ name: 'Phường Trúc Bạch', last_period: '2025-06' });
    const then = await getJson<Card>(api.request, '/api/v1/communes/00004?period=2024-06');
    expect(then.body).toMatchObject({ code: '00004', name: 'Phường Trúc Bạch', structure: { code: 'pre2025' } });
    expect(then.body.successors).toEqual([expect.objectContaining({ code: '00004', name: 'Phường Ba Đình', since: '2025-07-01' })]);
    expect((await status('?province=15')).scope.name).toBe('Tỉnh Lào Cai');
    expect((await status('?province=15&period=2024-06')).scope.name).toBe('Tỉnh Yên Bái');
  });

  it('refuses province=62 in 2026 with a 404 naming Quảng Ngãi, never another unit', async () => {
    const { res, body } = await getJson<ErrorBody & { error: { details: { structure: string; successors: Array<{ code: string; name: string }> } } }>(api.request, '/api/v1/status?province=62');
    expect(res.status).toBe(404);
    expect(body.error.message).toMatch(/Kon Tum.*Quảng Ngãi/);
    expect(body.error.details).toMatchObject({ structure: '2025-07', successors: [{ code: '51', name: 'Tỉnh Quảng Ngãi' }] });
    expect((await status('?province=62&period=2024-06')).scope.name).toBe('Tỉnh Kon Tum');
  });

  it('filters a 2025-07 period by former district, and says so', async () => {
    const s = await status('?province=51&district=610');
    expect(s.scope).toEqual({ level: 'former_district', code: '610', name: 'Huyện Đắk Glei' });
    expect(s.communes.length).toBeGreaterThan(0);
    const inProvince51 = new Set(today.filter((u) => u.province === '51').map((u) => u.code));
    expect(s.communes.every((c) => inProvince51.has(c.code))).toBe(true);
    const other = await getJson<ErrorBody>(api.request, '/api/v1/status?province=01&district=610');
    expect(other.res.status).toBe(400);
  });

  it('gives a new commune\'s predecessors with their 2025-06 status, and says the indicators are unknown', async () => {
    const commune = today.find((u) => u.level === 'commune' && u.rural && u.province === '51')!;
    const { body } = await getJson<Card>(api.request, `/api/v1/communes/${commune.code}`);
    expect(body.predecessors.length).toBeGreaterThan(0);
    const june = await status('?period=2025-06');
    for (const p of body.predecessors) {
      const was = june.communes.find((c) => c.code === p.code);
      if (was) expect(p.last_status).toMatchObject({ met: was.met, total: 19, level: was.level });
      // Its old province, for a link that opens it in the old units (today's Quảng Ngãi was Quảng Ngãi and Kon Tum).
      expect(['51', '62']).toContain(p.province?.code);
    }
    expect(body.criteria_set).toMatchObject({ code: '2026-2030', criteria_count: 10, levels: ['dat_chuan', 'hien_dai'], indicators_complete: false });
    expect(body.criteria_set!.indicators_note).toMatch(/47 indicators/);
    expect(body.classification?.group).toMatchObject({ provenance: 'illustrative' });
  });

  it('says which criteria set each month of a today\'s commune\'s history was scored on: 19 to 2026-01, 10 from 2026-02', async () => {
    const commune = today.find((u) => u.level === 'commune' && u.rural && u.province === '51')!;
    const { body } = await getJson<{ history: Array<{ period: string; met: number; criteria_set: string; total: number }> }>(api.request, `/api/v1/communes/${commune.code}`);
    const before = body.history.filter((p) => p.period < '2026-02');
    const after = body.history.filter((p) => p.period >= '2026-02');
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(body.history[0]!.period).toBe('2025-07');
    for (const p of before) expect(p, p.period).toMatchObject({ criteria_set: '2021-2025', total: 19 });
    for (const p of after) expect(p, p.period).toMatchObject({ criteria_set: '2026-2030', total: 10 });
    for (const p of body.history) expect(p.met).toBeLessThanOrEqual(p.total);
  });

  it('refuses a criterion or a group that the period\'s set does not have', async () => {
    expect((await getJson<ErrorBody>(api.request, '/api/v1/status?criterion=15')).res.status).toBe(400);
    expect((await getJson<ErrorBody>(api.request, '/api/v1/status?group=1')).res.status).toBe(400);
    expect((await getJson<ErrorBody>(api.request, '/api/v1/status?criterion=15&period=2025-06')).res.status).toBe(200);
  });

  it('scores the Đồng Nai xã that became phường on 30/04/2026 until then, not after', async () => {
    const changed = today.filter((u) => u.earlier?.type === 'Xã').map((u) => u.code);
    expect(changed).toHaveLength(10);
    const march = new Set((await status('?period=2026-03')).communes.map((c) => c.code));
    const may = new Set((await status('?period=2026-05')).communes.map((c) => c.code));
    expect(changed.every((c) => march.has(c))).toBe(true);
    expect(changed.some((c) => may.has(c))).toBe(false);
  });

  it('hatches the khu vực III communes of 2026-2030 to the published counts', async () => {
    const s = await status('?period=2026-02');
    expect(s.communes.filter((c) => c.special).length).toBe(824);
    const caoBang = await status('?period=2026-02&province=04');
    expect(caoBang.communes.filter((c) => c.special).length).toBe(53);
    const transition = await status('?period=2025-09');
    expect(transition.communes.filter((c) => c.special).length).toBe(0);
  });

  it('matches every official national share of national_counts.csv within 1 percentage point', async () => {
    const rows = parse(readFileSync(join(DEFAULT_FACTS_DIR, 'national_counts.csv')), { columns: true }) as Array<Record<string, string>>;
    const official = rows.filter((r) => r.scope === 'national' && r.structure === 'pre2025' && ['communes_ntm', 'communes_nang_cao', 'communes_kieu_mau'].includes(r.metric!));
    expect(official.length).toBeGreaterThanOrEqual(10);
    const atLeast: Record<string, string[]> = { communes_ntm: ['dat_chuan', 'nang_cao', 'kieu_mau'], communes_nang_cao: ['nang_cao', 'kieu_mau'], communes_kieu_mau: ['kieu_mau'] };
    for (const r of official) {
      const denominator = Number(r.denominator || rows.find((n) => n.as_of === r.as_of && n.metric === 'communes_ntm')!.denominator);
      const s = await status(`?period=${r.as_of}`);
      const mapShare = s.communes.filter((c) => atLeast[r.metric!]!.includes(c.level)).length / s.communes.length;
      expect(Math.abs(mapShare - Number(r.value) / denominator), `${r.metric} at ${r.as_of}`).toBeLessThanOrEqual(0.01);
    }
    const { body } = await getJson<{ official: Array<{ metric: string; as_of: string; source_url: string | null; map: unknown }> }>(api.request, '/api/v1/summary?period=2025-06');
    expect(body.official.find((o) => o.metric === 'communes_ntm' && o.as_of === '2025-06')).toMatchObject({ source_url: expect.stringMatching(/^https:/), map: expect.any(Object) });
  });

  it('lists today\'s provinces and a province\'s communes, or the old units at an old period', async () => {
    const provinces = await getJson<{ structure: { code: string }; count: number; level: string }>(api.request, '/api/v1/units');
    expect(provinces.body).toMatchObject({ structure: { code: '2025-07' }, level: 'province', count: 34 });
    const quangNgai = await getJson<{ level: string; count: number; units: Array<{ code: string; former_districts: string[] }> }>(api.request, '/api/v1/units?parent=51');
    expect(quangNgai.body).toMatchObject({ level: 'commune', count: today.filter((u) => u.level === 'commune' && u.province === '51').length });
    expect(quangNgai.body.units.some((u) => u.former_districts.includes('610'))).toBe(true);
    const old = await getJson<{ structure: { code: string }; count: number }>(api.request, '/api/v1/units?period=2024-06');
    expect(old.body).toMatchObject({ structure: { code: 'pre2025' }, count: 63 });
    expect((await getJson<ErrorBody>(api.request, '/api/v1/units?parent=62')).res.status).toBe(404);
  });

  it('finds today\'s units first, and an old name with what it became', async () => {
    const { body } = await getJson<{ results: Array<{ code: string; name: string; structure: string; successors: Array<{ code: string; name: string; since: string | null }> }> }>(api.request, '/api/v1/search?q=kon%20tum&limit=20');
    const kinds = body.results.map((r) => r.structure);
    expect(kinds.indexOf('pre2025')).toBeGreaterThan(-1);
    expect(kinds.slice(kinds.indexOf('pre2025')).every((k) => k === 'pre2025')).toBe(true);
    expect(body.results.find((r) => r.structure === 'pre2025' && r.code === '62')).toMatchObject({ name: 'Tỉnh Kon Tum', successors: [{ code: '51', name: 'Tỉnh Quảng Ngãi', since: '2025-07-01' }] });
    const trucBach = await getJson<{ results: Array<{ code: string; structure: string; successors: Array<{ code: string; name: string }> }> }>(api.request, '/api/v1/search?q=truc%20bach');
    expect(trucBach.body.results.find((r) => r.code === '00004' && r.structure === 'pre2025')?.successors).toEqual([expect.objectContaining({ code: '00004', name: 'Phường Ba Đình' })]);
  });

  it('ranks the 34 provinces, and a province\'s former districts, with no change across the reform', async () => {
    type Ranking = { unit_level: string; structure: { code: string }; rows: Array<{ code: string; delta: number | null }>; excluded: unknown[] };
    const country = await getJson<Ranking>(api.request, '/api/v1/rankings');
    expect(country.body.structure.code).toBe('2025-07');
    expect(country.body.rows.length + country.body.excluded.length).toBe(34);
    const quangNgai = await getJson<Ranking>(api.request, '/api/v1/rankings?province=51');
    expect(quangNgai.body.unit_level).toBe('former_district');
    expect(quangNgai.body.rows.map((r) => r.code)).toContain('610');
    // 2026-03 a year earlier is 2025-03, of the old units: no change is computed across the reform.
    const march = await getJson<Ranking>(api.request, '/api/v1/rankings?period=2026-03');
    expect(march.body.rows.every((r) => r.delta === null)).toBe(true);
  });

  it('lists the periods in runs of one era, with the reform and the new criteria between them', async () => {
    const { body } = await getJson<{ ranges: Array<{ from: string; to: string; structure: string; criteria_set: string }>; reforms: Array<{ date: string; first_period: string; kind: string; code: string }> }>(api.request, '/api/v1/periods');
    expect(body.ranges.map((r) => [r.from, r.to, r.structure, r.criteria_set])).toEqual([
      ['2021-01', '2025-06', 'pre2025', '2021-2025'],
      ['2025-07', '2026-01', '2025-07', '2021-2025'],
      ['2026-02', TODAY_LAST_PERIOD, '2025-07', '2026-2030'],
    ]);
    expect(body.reforms.map((r) => [r.date, r.first_period, r.kind, r.code])).toEqual([
      ['2025-07-01', '2025-07', 'structure', '2025-07'],
      ['2026-02-15', '2026-02', 'criteria_set', '2026-2030'],
    ]);
  });

  it('lists both criteria sets, the current one first known as 2026-2030', async () => {
    const { body } = await getJson<{ current: string; sets: Array<{ code: string; levels: string[]; indicators_complete: boolean; criteria: unknown[]; groups: unknown[] }> }>(api.request, '/api/v1/criteria');
    expect(body.current).toBe('2026-2030');
    expect(body.sets.map((s) => [s.code, s.criteria.length, s.groups.length, s.levels])).toEqual([
      ['2021-2025', 19, 5, ['dat_chuan', 'nang_cao', 'kieu_mau']],
      ['2026-2030', 10, 0, ['dat_chuan', 'hien_dai']],
    ]);
  });
});
