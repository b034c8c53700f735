// GET /api/v1/summary on the seeded whole-country databases: every expected figure is derived here from the
// status service, the units and the `target` table (literals only from the official sources).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { isMet } from '../../../server/criterion/mask.ts';
import { monthNumber } from '../../../server/period/period.ts';
import type { CommuneStatus } from '../../../server/status/status-service.ts';
import { SummarySchema } from '../../../server/summary/schemas.ts';
import { getJson, seededApis, expectApiError } from '../../support/api.ts';

interface TargetRow {
  id: number;
  scope: { level: string; code: string | null; name: string };
  metric: string;
  target: { value: string; number: number | null };
  clause: string | null;
  computable: boolean;
  reason: string | null;
  reason_vi: string | null;
  measure: { kind: string; level?: string; min_criteria?: number } | null;
  unit: string | null;
  value_now: number | null;
  deadline: string | null;
  start: { period: string; value: number } | null;
  expected_now: number | null;
  value_at_deadline: number | null;
  on_track: boolean | null;
  on_track_rule: string | null;
  on_track_reason: string | null;
  on_track_reason_vi: string | null;
  illustrative: boolean | null;
  inputs: { official: number; illustrative: number } | null;
  source: string;
  source_url: string | null;
}
interface GroupSummary { communes: number; average_met: number | null; recognised: number; share_recognised: number | null }
interface Summary {
  period: string;
  scope: { level: string; code: string | null; name: string | null };
  communes: number;
  carried: number;
  levels: Record<'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau', number>;
  recognised: number;
  share_recognised: number | null;
  average_met: number | null;
  bins: Array<{ label: string; min: number; max: number; communes: number }>;
  criteria: Array<{ number: number; communes_met: number; rate: number | null }>;
  most_missing: Array<{ number: number; communes_missing: number }>;
  special_difficulty: { special: GroupSummary; other: GroupSummary };
  targets: TargetRow[];
  provenance: { reviews: { official: number; illustrative: number }; levels: { official: number; illustrative: number }; special: { official: number; illustrative: number }; note: string };
}

const RANK = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

describe.each(seededApis())('GET /api/v1/summary on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  /** The statuses of a scope's rural communes, from the status service. */
  async function statusesOf(scope: string, period: string): Promise<CommuneStatus[]> {
    const all = await ctx.status.at(period);
    return ctx.units.ruralCommunes(scope).map((c) => all.get(c)).filter((s): s is CommuneStatus => s !== undefined);
  }

  /** The figures of a summary recomputed from the statuses. */
  function expectFigures(body: Summary, statuses: CommuneStatus[]): void {
    expect(SummarySchema.safeParse(body).success).toBe(true);
    expect(body.communes).toBe(statuses.length);
    for (const level of RANK) expect(body.levels[level as keyof Summary['levels']]).toBe(statuses.filter((s) => s.level === level).length);
    expect(body.recognised).toBe(statuses.filter((s) => s.level !== 'chua_dat').length);
    expect(body.carried).toBe(statuses.filter((s) => s.asOf !== body.period).length);
    // Bins: <10, 10-14, 15-18, 19, adding up to the communes.
    expect(body.bins.map((b) => b.label)).toEqual(['<10', '10-14', '15-18', '19']);
    expect(body.bins.reduce((sum, b) => sum + b.communes, 0)).toBe(body.communes);
    for (const bin of body.bins) expect(bin.communes).toBe(statuses.filter((s) => s.met >= bin.min && s.met <= bin.max).length);
    // Per criterion.
    expect(body.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    for (const c of body.criteria) {
      const met = statuses.filter((s) => isMet(s.mask, c.number)).length;
      expect(c.communes_met).toBe(met);
      expect(c.rate).toBe(round(met / statuses.length, 4));
    }
    const missing = body.criteria.map((c) => ({ number: c.number, communes_missing: body.communes - c.communes_met })).filter((c) => c.communes_missing > 0);
    missing.sort((a, b) => b.communes_missing - a.communes_missing || a.number - b.number);
    expect(body.most_missing.map((m) => [m.number, m.communes_missing])).toEqual(missing.slice(0, 5).map((m) => [m.number, m.communes_missing]));
    expect(body.average_met).toBe(round(statuses.reduce((sum, s) => sum + s.met, 0) / statuses.length, 2));
    // Special-difficulty vs other.
    for (const [key, group] of [['special', statuses.filter((s) => s.special)], ['other', statuses.filter((s) => !s.special)]] as const) {
      const g = body.special_difficulty[key];
      expect(g.communes).toBe(group.length);
      expect(g.recognised).toBe(group.filter((s) => s.level !== 'chua_dat').length);
      expect(g.average_met).toBe(group.length ? round(group.reduce((sum, s) => sum + s.met, 0) / group.length, 2) : null);
    }
    // Provenance: one input per commune and figure.
    for (const key of ['reviews', 'levels', 'special'] as const) expect(body.provenance[key].official + body.provenance[key].illustrative).toBe(body.communes);
    expect(body.provenance.reviews.illustrative).toBe(statuses.filter((s) => s.provenance === 'illustrative').length);
    expect(body.provenance.note).toMatch(/illustrative/);
  }

  /** The on-track rule of every measured target row, recomputed from its own fields. */
  function expectOnTrackRule(body: Summary): void {
    for (const t of body.targets) {
      // Every reason comes in Vietnamese too (the panel's default language), never left in English.
      for (const [en, vi] of [[t.reason, t.reason_vi], [t.on_track_reason, t.on_track_reason_vi]] as const) {
        if (en === null) expect(vi).toBeNull();
        else expect(vi, en).toMatch(/[àáảãạăâđèéêìíòóôơùúưýđ]/i);
      }
      if (!t.computable) {
        expect(t.reason).toBeTruthy();
        expect(t.value_now).toBeNull();
        expect(t.on_track).toBeNull();
        continue;
      }
      expect(t.measure).not.toBeNull();
      if (t.value_now === null) {
        expect(t.reason).toBeTruthy();
        continue;
      }
      expect(t.inputs).not.toBeNull();
      expect(t.illustrative).toBe(t.inputs!.illustrative > 0);
      const deadline = t.deadline?.slice(0, 7);
      if (!deadline) expect(t.on_track).toBeNull();
      else if (body.period >= deadline) {
        expect(t.on_track_rule).toBe('reached_by_deadline');
        if (t.value_at_deadline === null) expect(t.on_track_reason).toBeTruthy();
        else expect(t.on_track).toBe(t.value_at_deadline >= t.target.number!);
        if (deadline === body.period) expect(t.value_at_deadline).toBe(t.value_now);
      } else if (t.on_track_rule === 'rate') {
        expect(t.on_track).toBe(t.value_now >= t.target.number!);
      } else if (t.on_track_rule === 'straight_line') {
        const { start } = t;
        expect(start).not.toBeNull();
        const expected =
          start!.value >= t.target.number!
            ? t.target.number!
            : start!.value + ((t.target.number! - start!.value) * (monthNumber(body.period) - monthNumber(start!.period))) / (monthNumber(deadline) - monthNumber(start!.period));
        expect(t.expected_now).toBeCloseTo(expected, 1);
        // value_now is rounded for display: compare with the tolerance of its rounding.
        if (Math.abs(t.value_now - expected) > 0.06) expect(t.on_track).toBe(t.value_now > expected);
      } else {
        expect(t.on_track).toBeNull();
        expect(t.on_track_reason).toBeTruthy();
      }
    }
  }

  async function targetsOf(scope: 'national' | 'province' | 'district', code: string | null) {
    // Targets of the pre-2025 structure: the 2030 targets of today's structure are measured in its periods.
    let q = ctx.ndb.db.selectFrom('target').selectAll().where('kind', '=', 'target').where('scope', '=', scope).where('scope_structure', '=', 'pre2025');
    if (code !== null) q = q.where('scope_code', '=', code);
    return q.execute();
  }

  it('sums up the whole country at the latest period, with progress against the national targets', async () => {
    const { res, body } = await getJson<Summary>(api.request, '/api/v1/summary');
    expect(res.status).toBe(200);
    expect(body.period).toBe(ctx.periods.latest());
    expect(body.scope).toEqual({ level: 'country', code: null, name: null });
    const statuses = await statusesOf('', body.period);
    expect(statuses.length).toBe(ctx.units.ruralCommunes().length);
    expectFigures(body, statuses);
    expectOnTrackRule(body);
    // Every national target is listed (at least one row each), nothing else.
    const national = await targetsOf('national', null);
    expect([...new Set(body.targets.map((t) => t.id))].sort()).toEqual(national.map((t) => t.id).sort());
    for (const t of body.targets) expect(t.scope).toEqual({ level: 'country', code: null, name: 'Việt Nam' });
    // ≥80% of communes recognised by 2025 (NQ 25/2021/QH15): the share now, in %.
    const share = body.targets.find((t) => t.metric === 'target_share_communes_ntm_2025')!;
    expect(share).toMatchObject({ computable: true, unit: '%', target: { number: 80 }, deadline: '2025-12-31' });
    expect(share.value_now).toBe(round((100 * body.recognised) / body.communes, 1));
    // No commune below 15 criteria: 100% of communes with ≥ 15.
    const floor = body.targets.find((t) => t.metric === 'target_no_commune_below_criteria')!;
    expect(floor).toMatchObject({ computable: true, target: { value: '15', number: 100 }, measure: { kind: 'share_min_criteria', min_criteria: 15 } });
    expect(floor.value_now).toBe(round((100 * statuses.filter((s) => s.met >= 15).length) / statuses.length, 1));
    // Income and villages are not in the data: listed, not computed.
    for (const metric of ['target_rural_income_multiple_vs_2020', 'target_share_thon_ntm_in_dbkk_communes']) {
      expect(body.targets.find((t) => t.metric === metric)).toMatchObject({ computable: false, value_now: null, reason: expect.any(String) });
    }
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
  });

  it('sums up Kon Tum before the 2025 deadline, on a straight line from 2021-01 to its targets', async () => {
    const period = '2023-06';
    const { body } = await getJson<Summary>(api.request, `/api/v1/summary?province=62&period=${period}`);
    expect(body.scope).toEqual({ level: 'province', code: '62', name: ctx.units.byCode.get('62')!.name });
    const statuses = await statusesOf('62', period);
    expectFigures(body, statuses);
    expectOnTrackRule(body);
    const mine = await targetsOf('province', '62');
    expect([...new Set(body.targets.map((t) => t.id))].sort()).toEqual(mine.map((t) => t.id).sort());
    // 3299/CTr-UBND: ≥ 60 communes recognised, 20 nâng cao, 6 kiểu mẫu by 2025.
    const at = (level: string, list: CommuneStatus[]) => list.filter((s) => RANK.indexOf(s.level) >= RANK.indexOf(level)).length;
    const start = await statusesOf('62', '2021-01');
    for (const [metric, number, level] of [['target_communes_ntm', 60, 'dat_chuan'], ['target_communes_nang_cao', 20, 'nang_cao'], ['target_communes_kieu_mau', 6, 'kieu_mau']] as const) {
      const row = body.targets.find((t) => t.metric === metric)!;
      expect(row).toMatchObject({ computable: true, unit: 'communes', target: { number }, on_track_rule: 'straight_line', start: { period: '2021-01', value: at(level, start) } });
      expect(row.value_now).toBe(at(level, statuses));
      expect(row.illustrative).toBe(true);
    }
    // 100% of communes with ≥ 15 criteria.
    const fifteen = body.targets.find((t) => t.metric === 'target_share_communes_15_criteria')!;
    expect(fifteen.value_now).toBe(round((100 * statuses.filter((s) => s.met >= 15).length) / statuses.length, 1));
    // 8 new communes in 2021 (2327/UBND-NNTN): the deadline has passed, judged at 2021-12.
    const newIn2021 = body.targets.find((t) => t.metric === 'target_new_communes_ntm_2021')!;
    const end2021 = await statusesOf('62', '2021-12');
    const before = ctx.units.ruralCommunes('62').filter((c) => ctx.standings.at('pre2025', c, '2020-12').level !== 'chua_dat').length;
    expect(newIn2021).toMatchObject({ on_track_rule: 'reached_by_deadline', value_at_deadline: at('dat_chuan', end2021) - before });
    // A target due before the data starts (group 18-19 by 2019) has a value now but no on-track verdict.
    expect(body.targets.find((t) => t.metric === 'target_share_communes_group_18_19')).toMatchObject({ on_track: null, on_track_reason: expect.stringMatching(/before the first period/) });
  });

  it('gives Lào Cai\'s target of 84 of 127 communes by 2025 (Kế hoạch 104/KH-BCĐ), reached or not at the deadline', async () => {
    const { body } = await getJson<Summary>(api.request, '/api/v1/summary?province=10&period=2025-12');
    const statuses = await statusesOf('10', '2025-12');
    expectFigures(body, statuses);
    expectOnTrackRule(body);
    const rows = body.targets.filter((t) => t.target.value === '84/127');
    expect(rows.length).toBeGreaterThanOrEqual(1);
    const recognised = statuses.filter((s) => s.level !== 'chua_dat').length;
    for (const row of rows) {
      expect(row).toMatchObject({ computable: true, target: { number: 84 }, deadline: '2025-12-31', on_track_rule: 'reached_by_deadline', value_now: recognised, on_track: recognised >= 84 });
    }
    // Criterion completions are listed, not computed.
    expect(body.targets.find((t) => t.metric === 'criteria_to_complete_h1_2024')).toMatchObject({ computable: false, reason: expect.stringMatching(/plans/) });
  });

  it('lists a district\'s targets and its province\'s, the province\'s measured over the province', async () => {
    // Tu Mơ Rông (617, Kon Tum) has a district target of its own.
    const { body } = await getJson<Summary>(api.request, '/api/v1/summary?district=617&period=2024-06');
    expectFigures(body, await statusesOf('617', '2024-06'));
    expectOnTrackRule(body);
    const ids = [...(await targetsOf('district', '617')), ...(await targetsOf('province', '62'))].map((t) => t.id).sort();
    expect([...new Set(body.targets.map((t) => t.id))].sort()).toEqual(ids);
    expect(new Set(body.targets.map((t) => t.scope.code))).toEqual(new Set(['617', '62']));
    const province = await getJson<Summary>(api.request, '/api/v1/summary?province=62&period=2024-06');
    const measuredHere = body.targets.filter((t) => t.scope.code === '62');
    expect(measuredHere.map((t) => t.value_now)).toEqual(province.body.targets.map((t) => t.value_now));
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await api.request('/api/v1/summary?province=10');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect((await api.request('/api/v1/summary?province=10', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/summary?period=2024-13', 400, 'invalid_parameter', /'period'/],
    ['/api/v1/summary?period=june', 400, 'invalid_parameter', /'period'/],
    ['/api/v1/summary?period=2030-01', 404, 'not_found', /period '2030-01'/],
    ['/api/v1/summary?province=99', 404, 'not_found', /province '99'/],
    ['/api/v1/summary?province=6', 400, 'invalid_parameter', /'province'/],
    ['/api/v1/summary?district=12', 400, 'invalid_parameter', /'district'/],
    ['/api/v1/summary?district=999', 404, 'not_found', /district '999'/],
    ['/api/v1/summary?province=62&district=001', 400, 'invalid_parameter', /'district'/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status} naming the parameter`, async () => {
      await expectApiError(api.request, path, status, code, message);
    });
  }
});
