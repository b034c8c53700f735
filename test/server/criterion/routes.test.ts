// GET /api/v1/criteria on the seeded whole-country databases: sets, groups, criteria and indicators are
// compared with the catalogue tables; the shape of the 2021-2025 set (19 criteria in 5 groups, Decision
// 318/QĐ-TTg) is checked against the programme documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { CriteriaSchema } from '../../../server/criterion/schemas.ts';
import { getJson, seededApis } from '../../support/api.ts';

type Criteria = ReturnType<typeof CriteriaSchema.parse>;

describe.each(seededApis())('GET /api/v1/criteria on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  let body: Criteria;
  let res: Response;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
    ({ res, body } = await getJson<Criteria>(api.request, '/api/v1/criteria'));
  });
  afterAll(() => api?.close());

  it('answers with the catalogue, cached for long', () => {
    expect(res.status).toBe(200);
    CriteriaSchema.parse(body);
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=(\d{5,})/);
    expect(res.headers.get('ETag')).toBeTruthy();
  });

  it('gives every criteria set of the database, and the one that applies to the latest period', async () => {
    const sets = await ctx.ndb.db.selectFrom('criteria_set').selectAll().orderBy('valid_from').execute();
    expect(body.sets.map((s) => s.code)).toEqual(sets.map((s) => s.code));
    for (const [i, set] of sets.entries()) {
      expect(body.sets[i]).toMatchObject({
        code: set.code,
        name_vi: set.name_vi,
        name_en: set.name_en,
        decision: set.decision,
        decision_date: set.decision_date,
        valid_from: set.valid_from,
        valid_to: set.valid_to,
        criteria_count: set.criteria_count,
        source_url: set.source_url,
      });
    }
    const latest = await ctx.ndb.db.selectFrom('review').select((eb) => eb.fn.max('period').as('p')).executeTakeFirstOrThrow();
    const current = sets.filter((s) => s.valid_from <= latest.p! && (s.valid_to === null || latest.p! <= s.valid_to)).at(-1);
    expect(body.current).toBe(current?.code);
  });

  it('gives the 19 criteria of 2021-2025 (318/QĐ-TTg) in the 5 groups of the programme, as the tables hold them', async () => {
    const set = body.sets.find((s) => s.code === '2021-2025')!;
    expect(set.decision).toBe('318/QĐ-TTg');
    expect(set.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    // Groups: planning (1); infrastructure (2-9); economy (10-13); culture, society, environment (14-17); political system (18-19).
    expect(set.groups.map((g) => g.criteria)).toEqual([[1], [2, 3, 4, 5, 6, 7, 8, 9], [10, 11, 12, 13], [14, 15, 16, 17], [18, 19]]);
    const rows = await ctx.ndb.db.selectFrom('criterion').selectAll().where('set_code', '=', '2021-2025').orderBy('number').execute();
    const groups = await ctx.ndb.db.selectFrom('criterion_group').selectAll().where('set_code', '=', '2021-2025').orderBy('number').execute();
    expect(set.groups.map(({ number, name_vi, name_en }) => ({ number, name_vi, name_en }))).toEqual(groups.map(({ number, name_vi, name_en }) => ({ number, name_vi, name_en })));
    for (const row of rows) {
      const criterion = set.criteria.find((c) => c.number === row.number)!;
      expect(criterion).toMatchObject({ code: row.code, name_vi: row.name_vi, name_en: row.name_en, group: row.group_number, indicators_complete: row.indicators_complete === 1 });
      expect(criterion.sources).toEqual(JSON.parse(row.sources));
      expect(criterion.sources.length).toBeGreaterThan(0);
      expect(set.groups.find((g) => g.number === row.group_number)!.criteria).toContain(row.number);
    }
  });

  it('gives each indicator with its thresholds where known (by region where the source differs) and its sources', async () => {
    const rows = await ctx.ndb.db.selectFrom('indicator').selectAll().execute();
    const served = body.sets.flatMap((s) => s.criteria.flatMap((c) => c.indicators.map((i) => ({ set: s.code, criterion: c.number, ...i }))));
    expect(served).toHaveLength(rows.length);
    for (const row of rows) {
      const indicator = served.find((i) => i.set === row.set_code && i.criterion === row.criterion_number && i.code === row.code)!;
      expect(indicator).toMatchObject({ name_vi: row.name_vi, name_en: row.name_en, unit: row.unit, thresholds: row.thresholds ? JSON.parse(row.thresholds) : null, sources: JSON.parse(row.sources) });
    }
    // Criterion 5 (schools): thresholds differ by region in the source.
    const schools = served.find((i) => i.code === '5.1')!;
    expect(typeof schools.thresholds === 'object' && schools.thresholds !== null && Object.keys(schools.thresholds).length).toBeGreaterThan(1);
    // A criterion whose indicators are not all known says so.
    const set = body.sets.find((s) => s.code === '2021-2025')!;
    expect(set.criteria.some((c) => !c.indicators_complete)).toBe(true);
  });

  it('carries the regions and the caveats recorded with the set', async () => {
    const row = await ctx.ndb.db.selectFrom('criteria_set').select(['notes']).where('code', '=', '2021-2025').executeTakeFirstOrThrow();
    const notes = JSON.parse(row.notes!) as { structure: { regions: string[] }; gaps: string; indicator_notes: Record<string, string> };
    const set = body.sets.find((s) => s.code === '2021-2025')!;
    // 318/QĐ-TTg sets thresholds for 7 regions.
    expect(set.regions).toHaveLength(7);
    expect(set.regions).toEqual(notes.structure.regions);
    expect(set.notes).toContain(notes.gaps);
    for (const indicator of set.criteria.flatMap((c) => c.indicators)) expect(indicator.note).toBe(notes.indicator_notes[indicator.code] ?? null);
  });

  it('answers 405 with Allow for another method', async () => {
    const post = await api.request('/api/v1/criteria', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('Allow')).toContain('GET');
  });
});
