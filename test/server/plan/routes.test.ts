// GET /api/v1/plans on the seeded whole-country databases: the planned communes of the `planned_commune`
// table, each checked against the status service and the standings, and the status rule recomputed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { isMet } from '../../../server/criterion/mask.ts';
import { PlansSchema } from '../../../server/plan/schemas.ts';
import { getJson, seededApis, expectApiError } from '../../support/api.ts';

interface Planned {
  code: string;
  name: string;
  district: { code: string; name: string } | null;
  due: string;
  due_period: string;
  target_level: string;
  plan: string;
  source: string;
  met: number | null;
  criteria_total: number;
  missing: number[] | null;
  level: string;
  recognised: boolean;
  all_criteria_met: boolean;
  at_risk: boolean;
  reached_by: string | null;
  status: 'reached' | 'on_track' | 'late';
}
interface Plans {
  period: string;
  scope: { level: string; code: string; name: string };
  counts: Record<'reached' | 'on_track' | 'late', number>;
  dues: Array<{ due: string; due_period: string; communes: number; reached: number; on_track: number; late: number }>;
  communes: Planned[];
  provenance: { reviews: { official: number; illustrative: number }; levels: { official: number; illustrative: number }; note: string };
}

const RANK = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau'];

describe.each(seededApis())('GET /api/v1/plans on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  async function plannedIn(scope: (unit: { province: string; district: string | null }) => boolean) {
    const rows = await ctx.ndb.db.selectFrom('planned_commune').selectAll().execute();
    return rows.filter((r) => scope(ctx.units.byCode.get(r.commune_code)!));
  }

  /** Every row against the database and the status rule. */
  async function expectRows(body: Plans, rows: Awaited<ReturnType<typeof plannedIn>>): Promise<void> {
    expect(PlansSchema.safeParse(body).success).toBe(true);
    expect(body.communes.map((c) => `${c.code} ${c.due}`).sort()).toEqual(rows.map((r) => `${r.commune_code} ${r.due}`).sort());
    const statuses = await ctx.status.at(body.period);
    const set = ctx.catalogue.setFor(body.period)!;
    for (const c of body.communes) {
      const row = rows.find((r) => r.commune_code === c.code && r.due === c.due)!;
      expect(c).toMatchObject({ due_period: row.due_period, target_level: row.target_level, plan: row.plan, source: row.source, criteria_total: set.criteria_count });
      const s = statuses.get(c.code)!;
      expect(c.met).toBe(s.met);
      expect(c.missing).toEqual(set.criteria.filter((k) => !isMet(s.mask, k.number)).map((k) => k.number));
      expect(c.missing!.length).toBe(c.criteria_total - c.met!);
      const level = ctx.standings.at('pre2025', c.code, body.period).level;
      expect(c.level).toBe(level);
      expect(c.recognised).toBe(level !== 'chua_dat');
      expect(c.at_risk).toBe(level !== 'chua_dat' && s.met < set.criteria_count);
      // reached: recognised at the target level or above, or (đạt chuẩn target) 19/19; else late once due.
      const byRecognition = RANK.indexOf(level) >= RANK.indexOf(c.target_level);
      const byCriteria = c.target_level === 'dat_chuan' && s.met === set.criteria_count;
      const expected = byRecognition || byCriteria ? 'reached' : body.period > c.due_period ? 'late' : 'on_track';
      expect(c.status).toBe(expected);
      expect(c.reached_by).toBe(byRecognition ? 'recognition' : byCriteria ? 'criteria' : null);
    }
    for (const status of ['reached', 'on_track', 'late'] as const) expect(body.counts[status]).toBe(body.communes.filter((c) => c.status === status).length);
    expect(body.dues.reduce((sum, d) => sum + d.communes, 0)).toBe(body.communes.length);
    const periods = body.communes.map((c) => c.due_period);
    expect(periods).toEqual([...periods].sort());
    expect(body.provenance.reviews.official + body.provenance.reviews.illustrative).toBe(body.communes.length);
  }

  it('lists the 22 Lào Cai communes of Kế hoạch 104/KH-BCĐ: 4 due in 2024-H1, 6 in 2024-H2, 12 in 2025', async () => {
    const { res, body } = await getJson<Plans>(api.request, '/api/v1/plans?province=10');
    expect(res.status).toBe(200);
    expect(body.period).toBe(ctx.periods.latest());
    expect(body.scope).toEqual({ level: 'province', code: '10', name: ctx.units.byCode.get('10')!.name });
    expect(body.communes.length).toBe(22);
    expect(body.dues.map((d) => [d.due, d.communes])).toEqual([['2024-H1', 4], ['2024-H2', 6], ['2025', 12]]);
    expect(body.communes.every((c) => c.plan.includes('104/KH-BCĐ'))).toBe(true);
    await expectRows(body, await plannedIn((u) => u.province === '10'));
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
  });

  it('applies the status rule around the due periods (before, at and after each)', async () => {
    const rows = await plannedIn((u) => u.province === '10');
    for (const period of ['2024-03', '2024-06', '2024-07', '2024-12', '2025-01', '2025-12']) {
      const { body } = await getJson<Plans>(api.request, `/api/v1/plans?province=10&period=${period}`);
      expect(body.period).toBe(period);
      await expectRows(body, rows);
    }
  });

  it('filters by district, and gives an empty list for a province without plans', async () => {
    const district = ctx.units.byCode.get((await plannedIn((u) => u.province === '10'))[0]!.commune_code)!.district!;
    const { body } = await getJson<Plans>(api.request, `/api/v1/plans?district=${district}&period=2024-07`);
    expect(body.scope).toMatchObject({ level: 'district', code: district });
    await expectRows(body, await plannedIn((u) => u.district === district));
    for (const c of body.communes) expect(c.district?.code).toBe(district);

    const planned = new Set((await plannedIn(() => true)).map((r) => ctx.units.byCode.get(r.commune_code)!.province));
    const without = ctx.units.provinces.find((p) => !planned.has(p.code))!;
    const empty = await getJson<Plans>(api.request, `/api/v1/plans?province=${without.code}`);
    expect(empty.res.status).toBe(200);
    expect(empty.body).toMatchObject({ communes: [], dues: [], counts: { reached: 0, on_track: 0, late: 0 } });
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/plans', 400, 'invalid_parameter', /'province'.*required/],
    ['/api/v1/plans?period=2024-06', 400, 'invalid_parameter', /'province'/],
    ['/api/v1/plans?province=1O', 400, 'invalid_parameter', /'province'/],
    ['/api/v1/plans?province=99', 404, 'not_found', /province '99'/],
    ['/api/v1/plans?district=999', 404, 'not_found', /district '999'/],
    ['/api/v1/plans?province=10&district=610', 400, 'invalid_parameter', /'district'/],
    ['/api/v1/plans?province=10&period=2024-6', 400, 'invalid_parameter', /'period'/],
    ['/api/v1/plans?province=10&period=2019-12', 404, 'not_found', /period '2019-12'/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status} naming the parameter`, async () => {
      await expectApiError(api.request, path, status, code, message);
    });
  }
});
