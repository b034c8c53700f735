// GET /api/v1/status on the seeded whole-country databases: every expected figure is derived here from
// the database tables, not copied from a response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMet } from '../../../server/criterion/mask.ts';
import { addMonths } from '../../../server/period/period.ts';
import type { ApiContext } from '../../../server/context/context.ts';
import { getJson, seededApis, expectApiError } from '../../support/api.ts';

interface Status {
  period: string;
  scope: { level: string; code: string | null };
  carried: number;
  provenance: { reviews: { official: number; illustrative: number } };
  communes: Array<{ code: string; met: number; level: string; special: boolean; provenance: string; as_of?: string; value?: number }>;
}

describe.each(seededApis())('GET /api/v1/status on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  it('gives every rural commune of the country at the latest period, under 150 KB gzipped', async () => {
    const res = await api.request('/api/v1/status', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const gzipped = (await res.arrayBuffer()).byteLength;
    expect(gzipped).toBeLessThan(150 * 1024);
    const { body } = await getJson<Status>(api.request, '/api/v1/status');
    const rural = await ctx.ndb.db.selectFrom('unit').select('code').where('level', '=', 'commune').where('rural', '=', 1).execute();
    const last = await ctx.ndb.db.selectFrom('review').select((eb) => eb.fn.max('period').as('p')).executeTakeFirstOrThrow();
    expect(body.period).toBe(last.p);
    expect(body.communes.map((c) => c.code).sort()).toEqual(rural.map((r) => r.code).sort());
    expect(body.provenance.reviews.illustrative + body.provenance.reviews.official).toBe(body.communes.length);
  });

  it('carries a commune\'s latest earlier review when it has none in the period, saying from which month', async () => {
    // A commune-month without a review: a month after the commune's first review that it skipped.
    const rows = await ctx.ndb.db.selectFrom('review').select(['commune_code', 'period']).where('commune_code', 'in', ctx.units.ruralCommunes('62').slice(0, 40)).orderBy('commune_code').orderBy('period').execute();
    let gap: { code: string; period: string; asOf: string } | null = null;
    for (let i = 1; i < rows.length && !gap; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (a.commune_code !== b.commune_code) continue;
      const next = addMonths(a.period, 1);
      if (next !== b.period) gap = { code: a.commune_code, period: next, asOf: a.period };
    }
    expect(gap).not.toBeNull();
    const { body } = await getJson<Status>(api.request, `/api/v1/status?province=62&period=${gap!.period}`);
    const row = body.communes.find((c) => c.code === gap!.code)!;
    expect(row.as_of).toBe(gap!.asOf);
    expect(body.carried).toBe(body.communes.filter((c) => c.as_of).length);
    const onTime = body.communes.find((c) => !c.as_of)!;
    const review = await ctx.ndb.db.selectFrom('review').select(['met_count']).where('commune_code', '=', onTime.code).where('period', '=', gap!.period).executeTakeFirstOrThrow();
    expect(onTime.met).toBe(review.met_count);
  });

  it('filters by province and district, and reports one criterion or a group share', async () => {
    const { body } = await getJson<Status>(api.request, '/api/v1/status?province=62&period=2024-06&criterion=5');
    expect(body.scope).toMatchObject({ level: 'province', code: '62' });
    expect(body.communes.map((c) => c.code).sort()).toEqual([...ctx.units.ruralCommunes('62')].sort());
    const masks = new Map((await ctx.ndb.db.selectFrom('review').select(['commune_code', 'met_mask']).where('period', '=', '2024-06').execute()).map((r) => [r.commune_code, r.met_mask]));
    for (const c of body.communes.filter((c) => !c.as_of)) expect(c.value).toBe(isMet(masks.get(c.code)!, 5) ? 1 : 0);

    const district = await getJson<Status>(api.request, '/api/v1/status?district=610&period=2024-06&group=2');
    expect(district.body.communes.length).toBe(ctx.units.ruralCommunes('610').length);
    for (const c of district.body.communes) {
      expect(c.value).toBeGreaterThanOrEqual(0);
      expect(c.value).toBeLessThanOrEqual(1);
      if (c.met === 19) expect(c.value).toBe(1);
    }
  });

  it('shows the recognition level in force and the special-difficulty listing at the period', async () => {
    // Hà Mòn (23521) was recognised in 2013 by 06/QĐ-BCĐ: standard or above in every period.
    const { body } = await getJson<Status>(api.request, '/api/v1/status?district=615&period=2021-01');
    expect(['dat_chuan', 'nang_cao', 'kieu_mau']).toContain(body.communes.find((c) => c.code === '23521')!.level);
    // Every special flag matches a listing that covers the period.
    const listings = await ctx.ndb.db.selectFrom('special_difficulty').select(['commune_code']).where('special', '=', 1).where('period_from', '<=', '2023-06').where('period_to', '>=', '2023-06').execute();
    const listed = new Set(listings.map((l) => l.commune_code));
    const all = await getJson<Status>(api.request, '/api/v1/status?period=2023-06');
    expect(all.body.communes.filter((c) => c.special).map((c) => c.code).sort()).toEqual(all.body.communes.map((c) => c.code).filter((c) => listed.has(c)).sort());
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await api.request('/api/v1/status?province=10');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('Cache-Control')).toMatch(/public/);
    expect((await api.request('/api/v1/status?province=10', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/status?period=2024-13', 400, 'invalid_parameter', /'period'/],
    ['/api/v1/status?period=2030-01', 404, 'not_found', /period '2030-01'/],
    ['/api/v1/status?province=99', 404, 'not_found', /province '99'/],
    ['/api/v1/status?province=6', 400, 'invalid_parameter', /'province'/],
    ['/api/v1/status?province=62&district=001', 400, 'invalid_parameter', /'district'/],
    ['/api/v1/status?criterion=20', 400, 'invalid_parameter', /'criterion'/],
    ['/api/v1/status?criterion=abc', 400, 'invalid_parameter', /'criterion'/],
    ['/api/v1/status?criterion=2&group=1', 400, 'invalid_parameter', /'criterion' and 'group'/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status} naming the parameter`, async () => {
      await expectApiError(api.request, path, status, code, message);
    });
  }

  it('answers 405 with Allow for another method', async () => {
    const res = await api.request('/api/v1/status', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toContain('GET');
  });
});
