// GET /api/v1/communes/{code} on the seeded whole-country databases: every expected figure is derived here
// from the database tables (or from the official sources, for literals), not copied from a response; every
// success body is validated against the route's schema in the OpenAPI document.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMet } from '../../../server/criterion/mask.ts';
import { addMonths, lastDayOf } from '../../../server/period/period.ts';
import type { ApiContext } from '../../../server/context/context.ts';
import type { CommuneCard } from '../../../server/commune/schema.ts';
import { getJson, seededApis, expectApiError } from '../../support/api.ts';


describe.each(seededApis())('GET /api/v1/communes/{code} on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  let validate: ValidateFunction;
  let latest: string;

  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
    const doc = (await (await api.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
      components: object;
    };
    const schema = doc.paths['/communes/{code}']!.get.responses['200']!.content['application/json']!.schema;
    validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile({ ...schema, components: doc.components });
    latest = (await ctx.ndb.db.selectFrom('review').select((eb) => eb.fn.max('period').as('p')).executeTakeFirstOrThrow()).p!;
  });
  afterAll(() => api?.close());

  /** GETs a card, expects a 200 that validates against the OpenAPI document. */
  const card = async (code: string, period?: string): Promise<CommuneCard> => {
    const path = `/api/v1/communes/${code}${period ? `?period=${period}` : ''}`;
    const { res, body } = await getJson<CommuneCard>(api.request, path);
    expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
    expect(validate(body), `${path}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    return body;
  };
  const reviewsOf = (code: string, upTo: string) =>
    ctx.ndb.db.selectFrom('review').select(['period', 'set_code', 'met_mask', 'met_count', 'provenance']).where('commune_code', '=', code).where('period', '<=', upTo).orderBy('period').execute();
  const unitRow = (code: string) => ctx.ndb.db.selectFrom('unit').selectAll().where('structure', '=', 'pre2025').where('code', '=', code).executeTakeFirstOrThrow();
  const notMet = (mask: number) => Array.from({ length: 19 }, (_, i) => i + 1).filter((n) => !isMet(mask, n));

  it('gives Hà Mòn (23521) at the latest period: parents, the 2013 recognition 06/QĐ-BCĐ, the 19 criteria by group, the history', async () => {
    const body = await card('23521');
    const [unit, criteria, groups, reviews, recognitions] = await Promise.all([
      unitRow('23521'),
      ctx.ndb.db.selectFrom('criterion').selectAll().where('set_code', '=', ctx.catalogue.setFor(latest)!.code).orderBy('number').execute(),
      ctx.ndb.db.selectFrom('criterion_group').selectAll().where('set_code', '=', ctx.catalogue.setFor(latest)!.code).orderBy('number').execute(),
      reviewsOf('23521', latest),
      ctx.ndb.db.selectFrom('recognition').selectAll().where('unit_code', '=', '23521').orderBy('id').execute(),
    ]);
    const [district, province] = await Promise.all([unitRow(unit.district_code!), unitRow(unit.province_code)]);
    expect(body).toMatchObject({
      code: '23521',
      name: unit.name,
      type: unit.type,
      scored: true,
      scored_note: null,
      period: latest,
      district: { code: district.code, name: district.name, type: district.type },
      province: { code: province.code, name: province.name, type: province.type },
    });
    expect(body.as_of).toBeUndefined();
    // The official record (Ban Chỉ đạo decision 06/QĐ-BCĐ of 17/1/2013; nongthonmoi.hatinh.gov.vn).
    expect(body.recognitions.map((r) => r.id)).toEqual(recognitions.map((r) => r.id));
    expect(body.recognitions.find((r) => r.decision === '06/QĐ-BCĐ')).toMatchObject({ level: 'dat_chuan', year: 2013, decision_date: '2013-01-17', status: 'recognised', provenance: 'official', in_force: true });
    expect(body.level).not.toBe('chua_dat');
    const giving = body.recognitions.find((r) => r.id === body.level_recognition_id)!;
    expect(giving).toMatchObject({ level: body.level, in_force: true, provenance: body.level_provenance });
    // Criteria: every criterion of the set, in its group, met as the review's mask says.
    const review = reviews.at(-1)!;
    expect(body.review).toMatchObject({ period: review.period, met: review.met_count, total: criteria.length, provenance: review.provenance });
    expect(body.groups.map((g) => g.number)).toEqual(groups.map((g) => g.number));
    const shown = body.groups.flatMap((g) => g.criteria.map((c) => ({ group: g.number, number: c.number, met: c.met })));
    expect(shown).toEqual(criteria.map((c) => ({ group: c.group_number, number: c.number, met: isMet(review.met_mask, c.number) })));
    for (const g of body.groups) expect(g.met).toBe(g.criteria.filter((c) => c.met).length);
    const indicators = await ctx.ndb.db.selectFrom('indicator').select(['criterion_number', 'code']).execute();
    expect(body.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.map((i) => `${c.number}:${i.code}`))).sort()).toEqual(indicators.map((i) => `${i.criterion_number}:${i.code}`).sort());
    // The seed records no indicator values: every value is null, not made up.
    expect(body.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators.map((i) => i.value)))).toEqual(indicators.map(() => null));
    // History: one point per review.
    expect(body.history.map(({ period, met, provenance }) => ({ period, met, provenance }))).toEqual(reviews.map((r) => ({ period: r.period, met: r.met_count, provenance: r.provenance })));
    // Each point says the set it was scored on (here every month is of the 19 criteria of 2021-2025).
    expect(body.history.every((p) => p.criteria_set === review.set_code && p.total === criteria.length)).toBe(true);
    // Recognised and meeting every criterion: not at risk. Targets: the national, Kon Tum's and Đăk Hà's.
    expect(body.at_risk).toBeNull();
    const targets = await ctx.ndb.db.selectFrom('target').select(['scope', 'scope_code']).where('scope_structure', '=', 'pre2025').execute();
    const applying = targets.filter((t) => t.scope === 'national' || (t.scope === 'province' && t.scope_code === '62') || (t.scope === 'district' && t.scope_code === unit.district_code) || (t.scope === 'commune' && t.scope_code === '23521'));
    expect(body.targets.length).toBe(applying.length);
    expect(body.targets.some((t) => t.scope === 'district' && t.scope_code === unit.district_code)).toBe(applying.some((t) => t.scope === 'district'));
    expect(body.targets.map((t) => t.scope)).toEqual([...body.targets.map((t) => t.scope)].sort((a, b) => ['commune', 'district', 'province', 'national'].indexOf(a) - ['commune', 'district', 'province', 'national'].indexOf(b)));
  });

  it('says which parts are illustrative', async () => {
    const body = await card('23521', '2022-06');
    const reviews = await reviewsOf('23521', '2022-06');
    const recognitions = await ctx.ndb.db.selectFrom('recognition').select('provenance').where('unit_code', '=', '23521').execute();
    const expected = [
      ...(reviews.at(-1)!.provenance === 'illustrative' ? ['review'] : []),
      ...(reviews.some((r) => r.provenance === 'illustrative') ? ['history'] : []),
      ...(recognitions.some((r) => r.provenance === 'illustrative') ? ['recognitions'] : []),
    ];
    expect(body.illustrative_parts).toEqual(expected);
    expect(body.illustrative).toBe(expected.length > 0);
    if (body.illustrative) expect(body.provenance_note).toMatch(/^Illustrative .*not official/);
  });

  describe('a Lào Cai commune planned by Kế hoạch 104/KH-BCĐ: Vĩnh Yên (02956), due 2024-H1', () => {
    it('before its due period: on track, the criteria still missing = those not met in its review', async () => {
      const plan = await ctx.ndb.db.selectFrom('planned_commune').selectAll().where('commune_code', '=', '02956').executeTakeFirstOrThrow();
      expect(plan).toMatchObject({ due: '2024-H1', target_level: 'dat_chuan' });
      const period = addMonths(plan.due_period, -5);
      const review = (await reviewsOf('02956', period)).at(-1)!;
      const body = await card('02956', period);
      expect(body.plans).toHaveLength(1);
      expect(body.plans[0]).toMatchObject({ due: plan.due, due_period: plan.due_period, target_level: plan.target_level, plan: plan.plan, source: plan.source, due_passed: false, on_track: true });
      expect(body.plans[0]!.missing_criteria).toEqual(notMet(review.met_mask));
      // The commune's own target (Q2/2024, doingoailaocai.vn) and Lào Cai's 84/127 (KH 104/KH-BCĐ) apply.
      const own = await ctx.ndb.db.selectFrom('target').selectAll().where('scope', '=', 'commune').where('scope_code', '=', '02956').execute();
      expect(body.targets.filter((t) => t.scope === 'commune').map((t) => t.metric)).toEqual(own.map((t) => t.metric));
      expect(body.targets.some((t) => t.scope === 'province' && t.scope_code === '10' && t.value === '84/127')).toBe(true);
      const reported = await ctx.ndb.db.selectFrom('reported_criteria').selectAll().where('commune_code', '=', '02956').execute();
      expect(body.reported_criteria.map((r) => r.criteria_met)).toEqual(reported.map((r) => r.criteria_met));
    });

    it('after its due period: on track only if it reached every criterion by then; missing criteria now', async () => {
      const plan = await ctx.ndb.db.selectFrom('planned_commune').selectAll().where('commune_code', '=', '02956').executeTakeFirstOrThrow();
      const period = addMonths(plan.due_period, 4);
      const reviews = await reviewsOf('02956', period);
      const reached = reviews.find((r) => r.met_count === 19)?.period ?? null;
      const body = await card('02956', period);
      expect(body.plans[0]).toMatchObject({ due_passed: true, reached_period: reached, on_track: reached !== null && reached <= plan.due_period });
      expect(body.plans[0]!.missing_criteria).toEqual(notMet(reviews.at(-1)!.met_mask));
      expect(body.history).toHaveLength(reviews.length);
    });

    it('every planned commune is on track or not as its reviews say, at the latest period', async () => {
      const plans = await ctx.ndb.db.selectFrom('planned_commune').selectAll().where('target_level', '=', 'dat_chuan').execute();
      expect(plans.length).toBe(22);
      for (const plan of plans.slice(0, 8)) {
        const reviews = await reviewsOf(plan.commune_code, latest);
        const reachedByDue = reviews.some((r) => r.met_count === 19 && r.period <= plan.due_period);
        const body = await card(plan.commune_code);
        const shown = body.plans.find((p) => p.due_period === plan.due_period)!;
        expect(shown.on_track, plan.commune_code).toBe(latest <= plan.due_period || reachedByDue);
      }
    });
  });

  it('lists a commune\'s special-difficulty listings with their decision, in force or not at the period', async () => {
    const listing = await ctx.ndb.db
      .selectFrom('special_difficulty')
      .selectAll()
      .where('special', '=', 1)
      .where('provenance', '=', 'official')
      .where('period_from', '>=', ctx.periods.all()[0]!)
      .where('period_from', '<=', latest)
      .orderBy('commune_code')
      .executeTakeFirstOrThrow();
    const all = await ctx.ndb.db.selectFrom('special_difficulty').selectAll().where('commune_code', '=', listing.commune_code).orderBy('id').execute();
    const inside = await card(listing.commune_code, listing.period_from);
    expect(inside.special).toBe(true);
    expect(inside.special_difficulty.map((l) => l.decision)).toEqual(all.map((l) => l.decision));
    expect(inside.special_difficulty.find((l) => l.decision === listing.decision && l.period_from === listing.period_from)).toMatchObject({
      classification: listing.classification,
      period_to: listing.period_to,
      in_force: true,
      provenance: 'official',
      source_url: listing.source_url,
    });
    const before = addMonths(listing.period_from, -1);
    if (ctx.periods.has(before)) {
      const outside = await card(listing.commune_code, before);
      expect(outside.special_difficulty.find((l) => l.decision === listing.decision && l.period_from === listing.period_from)!.in_force).toBe(false);
      expect(outside.special).toBe(all.some((l) => l.special === 1 && l.period_from <= before && before <= l.period_to));
    }
  });

  it('shows a phường and a thị trấn but does not score them', async () => {
    for (const type of ['Phường', 'Thị trấn']) {
      const unit = await ctx.ndb.db.selectFrom('unit').selectAll().where('structure', '=', 'pre2025').where('type', '=', type).orderBy('code').executeTakeFirstOrThrow();
      expect(unit.rural).toBe(0);
      const body = await card(unit.code);
      expect(body).toMatchObject({ code: unit.code, name: unit.name, type, scored: false, criteria_set: null, review: null, groups: [], history: [], targets: [], at_risk: null });
      expect(body.scored_note).toMatch(/not scored/);
    }
  });

  it('shows the latest earlier review with `as_of` for a commune-month without a review', async () => {
    const rows = await ctx.ndb.db.selectFrom('review').select(['commune_code', 'period']).where('commune_code', 'in', ctx.units.ruralCommunes('62').slice(0, 40)).orderBy('commune_code').orderBy('period').execute();
    let gap: { code: string; period: string; asOf: string } | null = null;
    for (let i = 1; i < rows.length && !gap; i++) {
      const [a, b] = [rows[i - 1]!, rows[i]!];
      if (a.commune_code === b.commune_code && addMonths(a.period, 1) !== b.period) gap = { code: a.commune_code, period: addMonths(a.period, 1), asOf: a.period };
    }
    expect(gap).not.toBeNull();
    const body = await card(gap!.code, gap!.period);
    const reviews = await reviewsOf(gap!.code, gap!.period);
    expect(body.period).toBe(gap!.period);
    expect(body.as_of).toBe(gap!.asOf);
    expect(body.review!.period).toBe(gap!.asOf);
    expect(body.groups.flatMap((g) => g.criteria.filter((c) => !c.met).map((c) => c.number))).toEqual(notMet(reviews.at(-1)!.met_mask));
    expect(body.history.map((h) => h.period)).toEqual(reviews.map((r) => r.period));
    expect(body.history.some((h) => h.period === gap!.period)).toBe(false);
  });

  it('flags `at_risk` with exactly the failed criteria when a commune recognised at the period fails some', async () => {
    // Reviews below 19 of communes with a recognition in force at that month (recognised, effective, not revoked).
    const candidates = await ctx.ndb.db
      .selectFrom('review as r')
      .innerJoin('recognition as g', 'g.unit_code', 'r.commune_code')
      .select(['r.commune_code', 'r.period', 'r.met_mask', 'r.notes', 'g.effective_period', 'g.revoked_date'])
      .where('g.unit_level', '=', 'commune')
      .where('g.status', '=', 'recognised')
      .where('r.met_count', '<', 19)
      .where((eb) => eb.or([eb('g.effective_period', 'is', null), eb('g.effective_period', '<=', eb.ref('r.period'))]))
      .orderBy('r.commune_code')
      .orderBy('r.period')
      .limit(200)
      .execute();
    const risky = candidates.find((r) => (r.effective_period === null || r.effective_period <= r.period) && (r.revoked_date === null || r.revoked_date > lastDayOf(r.period)));
    expect(risky).toBeDefined();
    const body = await card(risky!.commune_code, risky!.period);
    expect(body.level).not.toBe('chua_dat');
    expect(body.at_risk).not.toBeNull();
    expect(body.at_risk!.criteria).toEqual(notMet(risky!.met_mask));
    expect(body.at_risk!.level).toBe(body.level);
    expect(body.at_risk!.note).toMatch(/18\/2022\/QĐ-TTg/);
    // The review's notes on the failed criteria are shown with them.
    const notes = risky!.notes ? (JSON.parse(risky!.notes) as Record<string, string>) : {};
    for (const c of body.groups.flatMap((g) => g.criteria)) expect(c.note).toBe(notes[String(c.number)] ?? null);
    // A commune that is not recognised is never at risk, whatever it fails.
    const vinhYen = await card('02956', '2024-01');
    if (vinhYen.level === 'chua_dat') expect(vinhYen.at_risk).toBeNull();
  });

  it('sets Cache-Control and answers 304 to a matching If-None-Match', async () => {
    const first = await api.request('/api/v1/communes/23521?period=2024-06');
    expect(first.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect((await api.request('/api/v1/communes/23521?period=2024-06', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/communes/abc', 400, 'invalid_parameter', /'code' \(path\)/],
    ['/api/v1/communes/2352', 400, 'invalid_parameter', /'code' \(path\)/],
    ['/api/v1/communes/235210', 400, 'invalid_parameter', /'code' \(path\)/],
    ['/api/v1/communes/99999', 404, 'not_found', /commune '99999'/],
    ['/api/v1/communes/615', 404, 'not_found', /'615' is a district/],
    ['/api/v1/communes/62', 404, 'not_found', /'62' is a province/],
    ['/api/v1/communes/23521?period=2024-13', 400, 'invalid_parameter', /'period' \(query\)/],
    ['/api/v1/communes/23521?period=june', 400, 'invalid_parameter', /'period' \(query\)/],
    ['/api/v1/communes/23521?period=2030-01', 404, 'not_found', /period '2030-01'/],
    ['/api/v1/communes/23521?period=2019-06', 404, 'not_found', /period '2019-06'/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status} naming the parameter`, async () => {
      const res = await expectApiError(api.request, path, status, code, message);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    });
  }

  it('answers 405 with Allow for another method', async () => {
    const res = await api.request('/api/v1/communes/23521', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toContain('GET');
  });
});
