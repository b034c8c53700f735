// GET /api/v1/rankings on the seeded whole-country databases: counts and shares recomputed from the status
// service, order and ranks checked row by row.
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { addMonths } from '../../../server/period/period.ts';
import { RankingSchema } from '../../../server/ranking/schemas.ts';
import { getJson, seededApis, expectApiError } from '../../support/api.ts';

type Ranking = z.infer<typeof RankingSchema>;
type Row = Ranking['rows'][number];

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

describe.each(seededApis())('GET /api/v1/rankings on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  /** Rural communes with a status and those recognised, for a unit at a period. */
  async function counts(code: string, period: string): Promise<{ communes: number; recognised: number }> {
    const statuses = await ctx.status.at(period);
    const list = ctx.units.ruralCommunes(code).map((c) => statuses.get(c)).filter((s) => s !== undefined);
    return { communes: list.length, recognised: list.filter((s) => s.level !== 'chua_dat').length };
  }

  /** Rows sorted by the key (highest first, nulls last) with competition ranks. */
  function expectRanked(rows: Row[], key: (r: Row) => number | null): void {
    const keys = rows.map(key);
    const ranked = keys.filter((k): k is number => k !== null);
    expect(keys.slice(0, ranked.length)).toEqual(ranked); // nulls only at the end
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!).toBeLessThanOrEqual(ranked[i - 1]!);
    rows.forEach((row, i) => {
      const k = keys[i]!;
      if (k === null) expect(row.rank).toBeNull();
      else expect(row.rank).toBe(1 + ranked.filter((other) => other > k).length);
    });
    if (ranked.length) expect(rows[0]!.rank).toBe(1);
  }

  async function expectRows(body: Ranking, units: Array<{ code: string; name: string }>): Promise<void> {
    expect(RankingSchema.safeParse(body).success).toBe(true);
    expect(body.earlier_period).toBe(addMonths(body.period, -12));
    const hasEarlier = ctx.periods.has(body.earlier_period);
    // Every unit is a row or excluded (no rural communes), never both.
    expect([...body.rows.map((r) => r.code), ...body.excluded.map((e) => e.code)].sort()).toEqual(units.map((u) => u.code).sort());
    for (const e of body.excluded) expect((await counts(e.code, body.period)).communes).toBe(0);
    for (const row of body.rows) {
      const now = await counts(row.code, body.period);
      expect(row.name).toBe(units.find((u) => u.code === row.code)!.name);
      expect([row.communes, row.recognised]).toEqual([now.communes, now.recognised]);
      expect(row.share).toBe(round4(now.recognised / now.communes));
      if (!hasEarlier) {
        expect([row.share_earlier, row.delta]).toEqual([null, null]);
        continue;
      }
      const before = await counts(row.code, body.earlier_period);
      expect([row.communes_earlier, row.recognised_earlier]).toEqual([before.communes, before.recognised]);
      expect(row.share_earlier).toBe(round4(before.recognised / before.communes));
      expect(row.delta).toBeCloseTo(row.share - row.share_earlier!, 10);
    }
    const levels = body.provenance.levels;
    expect(levels.official + levels.illustrative).toBe(body.rows.reduce((sum, r) => sum + r.communes, 0));
    expect(body.provenance.note).toMatch(/illustrative/);
  }

  it('ranks the provinces of the country by share recognised at the latest period', async () => {
    const { res, body } = await getJson<Ranking>(api.request, '/api/v1/rankings');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ period: ctx.periods.latest(), by: 'share', unit_level: 'province', scope: { level: 'country', code: null } });
    await expectRows(body, [...ctx.units.provinces]);
    expectRanked(body.rows, (r) => r.share);
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
  });

  it('ranks the districts of Lào Cai by the change of the share over 12 months', async () => {
    const { body } = await getJson<Ranking>(api.request, '/api/v1/rankings?province=10&period=2024-12&by=delta');
    expect(body).toMatchObject({ period: '2024-12', earlier_period: '2023-12', by: 'delta', unit_level: 'district', scope: { level: 'province', code: '10' } });
    const districts = ctx.units.children('10').filter((u) => u.level === 'district');
    await expectRows(body, districts);
    expectRanked(body.rows, (r) => r.delta);
    expect(body.rows.every((r) => r.delta !== null)).toBe(true);
    // The same rows ranked by share.
    const byShare = await getJson<Ranking>(api.request, '/api/v1/rankings?province=10&period=2024-12');
    expect(byShare.body.rows.map((r) => r.code).sort()).toEqual(body.rows.map((r) => r.code).sort());
    expectRanked(byShare.body.rows, (r) => r.share);
  });

  it('leaves out districts without rural communes, and has no delta before the data', async () => {
    // Hà Nội (01) has urban districts (quận) without rural communes.
    const first = ctx.periods.all()[0]!;
    const { body } = await getJson<Ranking>(api.request, `/api/v1/rankings?province=01&period=${first}&by=delta`);
    const districts = ctx.units.children('01').filter((u) => u.level === 'district');
    await expectRows(body, districts);
    expect(body.excluded.map((e) => e.code).sort()).toEqual(districts.filter((d) => ctx.units.ruralCommunes(d.code).length === 0).map((d) => d.code).sort());
    expect(body.excluded.length).toBeGreaterThan(0);
    expect(body.rows.every((r) => r.share_earlier === null && r.delta === null && r.rank === null)).toBe(true);
    expect(body.provenance.earlier_levels).toBeNull();
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/rankings?by=size', 400, 'invalid_parameter', /'by'/],
    ['/api/v1/rankings?period=2024-00', 400, 'invalid_parameter', /'period'/],
    ['/api/v1/rankings?period=1999-01', 404, 'not_found', /period '1999-01'/],
    ['/api/v1/rankings?province=99', 404, 'not_found', /province '99'/],
    ['/api/v1/rankings?province=ab', 400, 'invalid_parameter', /'province'/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status} naming the parameter`, async () => {
      await expectApiError(api.request, path, status, code, message);
    });
  }
});
