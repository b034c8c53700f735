// GET /api/v1/periods on the seeded whole-country databases: the periods are those of the review table, and
// the criteria set of each range is the one whose validity (criteria_set table) covers its periods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { PeriodsSchema } from '../../../server/period/schemas.ts';
import { getJson, seededApis } from '../../support/api.ts';

interface Periods { periods: string[]; first: string | null; latest: string | null; ranges: Array<{ from: string; to: string; count: number; criteria_set: string | null; decision: string | null }> }

describe.each(seededApis())('GET /api/v1/periods on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  it('lists the months with reviews, oldest first, and the latest', async () => {
    const { res, body } = await getJson<Periods>(api.request, '/api/v1/periods');
    expect(res.status).toBe(200);
    PeriodsSchema.parse(body);
    const expected = (await ctx.ndb.db.selectFrom('review').select('period').distinct().execute()).map((r) => r.period).sort();
    expect(expected.length).toBeGreaterThan(12);
    expect(body.periods).toEqual(expected);
    expect(body.first).toBe(expected[0]);
    expect(body.latest).toBe(expected.at(-1));
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
  });

  it('gives the criteria set of each run of periods', async () => {
    const { body } = await getJson<Periods>(api.request, '/api/v1/periods');
    const sets = await ctx.ndb.db.selectFrom('criteria_set').select(['code', 'decision', 'valid_from', 'valid_to']).execute();
    const setOf = (period: string) => sets.filter((s) => s.valid_from <= period && (s.valid_to === null || period <= s.valid_to)).sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0] ?? null;
    // The ranges cover every period once, in order, and each period's set is its range's.
    expect(body.ranges.reduce((n, r) => n + r.count, 0)).toBe(body.periods.length);
    let i = 0;
    for (const range of body.ranges) {
      expect(body.periods[i]).toBe(range.from);
      expect(body.periods[i + range.count - 1]).toBe(range.to);
      for (const period of body.periods.slice(i, i + range.count)) {
        expect(setOf(period)?.code ?? null, period).toBe(range.criteria_set);
        expect(setOf(period)?.decision ?? null).toBe(range.decision);
      }
      i += range.count;
    }
    // Consecutive ranges differ in their set, and the 2021-2025 set (318/QĐ-TTg) covers 2024-06.
    for (let r = 1; r < body.ranges.length; r++) expect(body.ranges[r]!.criteria_set).not.toBe(body.ranges[r - 1]!.criteria_set);
    expect(body.ranges.find((r) => r.from <= '2024-06' && '2024-06' <= r.to)).toMatchObject({ criteria_set: '2021-2025', decision: '318/QĐ-TTg' });
  });

  it('answers 304 to a matching If-None-Match, and 405 to another method', async () => {
    const first = await api.request('/api/v1/periods');
    const etag = first.headers.get('ETag')!;
    expect((await api.request('/api/v1/periods', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const post = await api.request('/api/v1/periods', { method: 'PUT' });
    expect(post.status).toBe(405);
    expect(((await post.json()) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });
});
