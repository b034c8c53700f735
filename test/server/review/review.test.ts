// The monthly review of the officials' workspace (GET|PUT /admin/reviews/{commune}/{period}, GET
// /admin/reviews) on writable copies of the seeded database, SQLite and PostgreSQL: the form and its
// pre-fill, roles in and out of scope, validation, optimistic concurrency, the audit trail, and the
// public map's status after a save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface FormCriterion { number: number; code: string; met: boolean; note: string | null; indicators: Array<{ code: string; value: unknown }>; previously_met: boolean | null; change: string | null }
interface Form {
  commune: { code: string; name: string; district: { code: string } | null; province: { code: string } };
  period: string;
  exists: boolean;
  version: number | null;
  provenance: string | null;
  source: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  prefilled_from: string | null;
  previous: { period: string; met_count: number } | null;
  met_count: number;
  note: string | null;
  changes: { gained: number[]; lost: number[] };
  groups: Array<{ number: number; criteria: FormCriterion[] }>;
}
interface ReviewList { scope: { code: string; level: string }; period: string; deadline: { date: string; passed: boolean; rule: string }; counts: { communes: number; done: number; missing: number }; communes: Array<{ code: string; status: string; review: { reviewed_by: string | null; version: number } | null }> }

const MUONG_HOONG = '23362'; // Xã Mường Hoong, district 610 (Đắk Glei), Kon Tum (62)
const DAK_BLO = '23344'; // district 610
const DAK_ANG = '23380'; // district 611
const THONG_NHAT = '02659'; // Lào Cai (10)
const TOWN = '23341'; // Thị trấn Đắk Glei: not a rural commune
const PERIOD = '2025-06';
const NEW_PERIOD = '2026-01'; // inside the 2021-2025 set's validity, after the seeded history

const criteriaOf = (form: Form) => form.groups.flatMap((g) => g.criteria);
/** The save body of a form, with some criteria flipped and extra fields per criterion. */
function bodyOf(form: Form, flip: number[] = [], extra: Record<number, object> = {}) {
  return { criteria: criteriaOf(form).map((c) => ({ number: c.number, met: flip.includes(c.number) ? !c.met : c.met, ...extra[c.number] })), ...(form.version ? { version: form.version } : {}) };
}

describe.each(writableApis())('monthly reviews on $name', ({ open }) => {
  let ws: Workspace;
  let district: Official;
  const url = (commune: string, period: string) => `/api/v1/admin/reviews/${commune}/${period}`;
  const form = async (who: Official, commune: string, period: string) => {
    const res = await who.request('GET', url(commune, period));
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Form;
  };
  const row = (commune: string, period: string) => ws.ctx.ndb.db.selectFrom('review').selectAll().where('commune_code', '=', commune).where('period', '=', period).executeTakeFirst();
  const auditCount = async () => Number((await ws.ctx.ndb.db.selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const error = async (res: Response) => ((await res.json()) as ErrorBody).error;

  beforeAll(async () => {
    ws = await open();
    district = await ws.official('district', '610');
  });
  afterAll(() => ws?.close());

  it('GET gives the 19 criteria by group, the version as ETag, provenance and the changes versus the previous month', async () => {
    const res = await district.request('GET', url(MUONG_HOONG, PERIOD));
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const body = (await res.json()) as Form;
    expect(res.headers.get('ETag')).toBe(`"v${body.version}"`);
    expect(body.commune).toMatchObject({ code: MUONG_HOONG, name: 'Xã Mường Hoong', district: { code: '610' }, province: { code: '62' } });
    expect(body.groups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5]);
    expect(criteriaOf(body).map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(body).toMatchObject({ exists: true, version: 1, provenance: 'illustrative', prefilled_from: null, previous: { period: '2025-05' } });
    // met and changes agree with the stored masks of this month and the previous one
    const [now, before] = [(await row(MUONG_HOONG, PERIOD))!, (await row(MUONG_HOONG, '2025-05'))!];
    for (const c of criteriaOf(body)) {
      expect(c.met).toBe(((now.met_mask >> (c.number - 1)) & 1) === 1);
      expect(c.previously_met).toBe(((before.met_mask >> (c.number - 1)) & 1) === 1);
    }
    expect(body.met_count).toBe(now.met_count);
    expect(body.changes.gained).toEqual(criteriaOf(body).filter((c) => c.met && c.previously_met === false).map((c) => c.number));
    expect(body.changes.lost).toEqual(criteriaOf(body).filter((c) => !c.met && c.previously_met === true).map((c) => c.number));
    // indicators come from the catalogue (criterion 8 has four)
    expect(criteriaOf(body).find((c) => c.number === 8)!.indicators.map((i) => i.code)).toEqual(['8.1', '8.2', '8.3', '8.4']);
  });

  it('a month without a review is pre-filled from the latest earlier review', async () => {
    const body = await form(district, MUONG_HOONG, NEW_PERIOD);
    const last = (await row(MUONG_HOONG, '2025-12'))!;
    expect(body).toMatchObject({ exists: false, version: null, provenance: null, prefilled_from: '2025-12', previous: { period: '2025-12', met_count: last.met_count }, met_count: last.met_count, changes: { gained: [], lost: [] } });
    const res = await district.request('GET', url(MUONG_HOONG, NEW_PERIOD));
    expect(res.headers.get('ETag')).toBe('"v0"');
  });

  it('roles in scope read and save; out of scope 403 and nothing changes', async () => {
    const insiders = [await ws.official('admin', null), await ws.official('province', '62'), district, await ws.official('commune', MUONG_HOONG)];
    for (const [i, who] of insiders.entries()) {
      const f = await form(who, MUONG_HOONG, '2024-0' + (i + 1));
      const res = await who.request('PUT', url(MUONG_HOONG, f.period), bodyOf(f, [1]));
      expect(res.status, `${who.email}: ${await res.clone().text()}`).toBe(200);
      expect(((await res.json()) as Form).reviewed_by).toBe(who.email);
    }
    const outsiders: Array<[Official, string]> = [
      [district, DAK_ANG],
      [district, THONG_NHAT],
      [await ws.official('province', '62'), THONG_NHAT],
      [await ws.official('commune', MUONG_HOONG), DAK_BLO],
      [await ws.official('district', '611'), MUONG_HOONG],
    ];
    const audits = await auditCount();
    for (const [who, commune] of outsiders) {
      const before = await row(commune, PERIOD);
      const read = await who.request('GET', url(commune, PERIOD));
      expect(read.status).toBe(403);
      expect((await error(read)).code).toBe('forbidden');
      const body = { criteria: Array.from({ length: 19 }, (_, i) => ({ number: i + 1, met: true })), version: 1 };
      const write = await who.request('PUT', url(commune, PERIOD), body);
      expect(write.status).toBe(403);
      expect((await error(write)).message).toMatch(/cannot change/);
      expect(await row(commune, PERIOD)).toEqual(before);
    }
    expect(await auditCount()).toBe(audits);
  });

  it('saving marks the review official, names who and how, bumps the version, audits before/after, and the public status shows it', async () => {
    const f = await form(district, DAK_BLO, PERIOD);
    const wasMet = criteriaOf(f).filter((c) => c.met).map((c) => c.number);
    const flip = [2, 17];
    const audits = await auditCount();
    const res = await district.request('PUT', url(DAK_BLO, PERIOD), bodyOf(f, flip, { 17: { note: 'Tỷ lệ thu gom rác chưa đạt' } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"v2"');
    const saved = (await res.json()) as Form;
    expect(saved).toMatchObject({ exists: true, version: 2, provenance: 'official', reviewed_by: district.email });
    expect(saved.source).toMatch(/district officer of Huyện Đắk Glei \(610\)/);
    expect(criteriaOf(saved).find((c) => c.number === 17)!.note).toBe('Tỷ lệ thu gom rác chưa đạt');
    const stored = (await row(DAK_BLO, PERIOD))!;
    const nowMet = Array.from({ length: 19 }, (_, i) => i + 1).filter((n) => (wasMet.includes(n) ? !flip.includes(n) : flip.includes(n)));
    expect(stored).toMatchObject({ provenance: 'official', version: 2, reviewed_by: district.email, met_count: nowMet.length });
    // exactly one audit entry, with the criteria met before and after
    expect(await auditCount()).toBe(audits + 1);
    const entry = await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'review.save', unit_code: DAK_BLO, entity: 'review', entity_id: String(stored.id), actor: district.email });
    expect(JSON.parse(entry.before!)).toMatchObject({ met: wasMet, provenance: 'illustrative', version: 1 });
    expect(JSON.parse(entry.after!)).toMatchObject({ met: nowMet, provenance: 'official', version: 2, notes: { '17': 'Tỷ lệ thu gom rác chưa đạt' } });
    // the public map: the commune's status at the period is the official review
    const status = (await (await ws.request(`/api/v1/status?district=610&period=${PERIOD}`)).json()) as { communes: Array<{ code: string; met: number; provenance: string }> };
    expect(status.communes.find((c) => c.code === DAK_BLO)).toMatchObject({ met: nowMet.length, provenance: 'official' });
    const card = await ws.request(`/api/v1/status?district=610&period=${PERIOD}&criterion=2`);
    const value = ((await card.json()) as { communes: Array<{ code: string; value: number }> }).communes.find((c) => c.code === DAK_BLO)!.value;
    expect(value).toBe(nowMet.includes(2) ? 1 : 0);
  });

  it('a first save of a new month inserts version 1 from the pre-fill; the list shows it done', async () => {
    const f = await form(district, DAK_BLO, NEW_PERIOD);
    const res = await district.request('PUT', url(DAK_BLO, NEW_PERIOD), { ...bodyOf(f, [5]), note: 'Rà soát tháng 1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ exists: true, version: 1, provenance: 'official', note: 'Rà soát tháng 1', changes: { gained: expect.any(Array), lost: expect.any(Array) } });
    const list = await district.request('GET', `/api/v1/admin/reviews?period=${NEW_PERIOD}`);
    expect(list.status).toBe(200);
    const body = (await list.json()) as ReviewList;
    expect(body.scope).toMatchObject({ code: '610', level: 'district' });
    expect(body.counts).toEqual({ communes: 11, done: 1, missing: 10 });
    expect(body.communes.find((c) => c.code === DAK_BLO)).toMatchObject({ status: 'done', review: { reviewed_by: district.email, version: 1 } });
    expect(body.communes.find((c) => c.code === MUONG_HOONG)).toMatchObject({ status: 'missing', review: null });
    expect(body.deadline).toMatchObject({ date: '2026-01-20', passed: true });
    expect(body.deadline.rule).toMatch(/2327\/UBND-NNTN/);
  });

  it('the list: an illustrative record is still missing; another district or province is 403; admin must name a scope', async () => {
    const body = (await (await district.request('GET', '/api/v1/admin/reviews?district=610&period=2023-03')).json()) as ReviewList;
    expect(body.counts).toEqual({ communes: 11, done: 0, missing: 11 });
    expect(body.communes[0]!.review).toMatchObject({ version: 1 });
    expect((await district.request('GET', '/api/v1/admin/reviews?district=611')).status).toBe(403);
    expect((await district.request('GET', '/api/v1/admin/reviews?province=62')).status).toBe(403);
    const admin = await ws.official('admin', null);
    expect((await admin.request('GET', '/api/v1/admin/reviews')).status).toBe(400);
    const province = (await (await admin.request('GET', '/api/v1/admin/reviews?province=62&period=2024-06')).json()) as ReviewList;
    expect(province.counts.communes).toBe(85);
    expect((await ws.request('/api/v1/admin/reviews')).status).toBe(401);
  });

  it('409 on a stale version (body or If-Match), naming the current version and who saved it', async () => {
    const f = await form(district, MUONG_HOONG, '2025-03');
    const first = await district.request('PUT', url(MUONG_HOONG, '2025-03'), bodyOf(f, [3]));
    expect(first.status).toBe(200);
    const audits = await auditCount();
    const stale = await district.request('PUT', url(MUONG_HOONG, '2025-03'), bodyOf(f, [4]));
    expect(stale.status).toBe(409);
    const err = await error(stale);
    expect(err).toMatchObject({ code: 'conflict', details: { current_version: 2, reviewed_by: district.email } });
    expect(err.message).toMatch(/version 1.*version 2/);
    const { version: _v, ...noVersion } = bodyOf(f, [4]);
    const viaHeader = await district.request('PUT', url(MUONG_HOONG, '2025-03'), noVersion, { headers: { 'If-Match': '"v1"' } });
    expect(viaHeader.status).toBe(409);
    const missing = await district.request('PUT', url(MUONG_HOONG, '2025-03'), noVersion);
    expect(missing.status).toBe(409);
    expect((await error(missing)).message).toMatch(/send the version/);
    expect((await row(MUONG_HOONG, '2025-03'))!.version).toBe(2);
    expect(await auditCount()).toBe(audits);
    const current = await district.request('PUT', url(MUONG_HOONG, '2025-03'), noVersion, { headers: { 'If-Match': '"v2"' } });
    expect(current.status).toBe(200);
    expect(current.headers.get('ETag')).toBe('"v3"');
  });

  it('two concurrent saves of the same version: exactly one succeeds, the other gets 409 (existing and first reviews)', async () => {
    const other = await ws.official('district', '610');
    for (const period of ['2025-04', NEW_PERIOD]) {
      const f = await form(district, MUONG_HOONG, period);
      const audits = await auditCount();
      const results = await Promise.all([district.request('PUT', url(MUONG_HOONG, period), bodyOf(f, [6])), other.request('PUT', url(MUONG_HOONG, period), bodyOf(f, [7]))]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect((await error(loser)).code).toBe('conflict');
      expect((await row(MUONG_HOONG, period))!.version).toBe((f.version ?? 0) + 1);
      expect(await auditCount()).toBe(audits + 1);
      const count = await ws.ctx.ndb.db.selectFrom('review').select((eb) => eb.fn.countAll().as('n')).where('commune_code', '=', MUONG_HOONG).where('period', '=', period).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    }
  });

  it('validation errors name the field and change nothing', async () => {
    const f = await form(district, DAK_BLO, '2025-02');
    const before = await row(DAK_BLO, '2025-02');
    const audits = await auditCount();
    const base = bodyOf(f);
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['missing and duplicate criteria', url(DAK_BLO, '2025-02'), { ...base, criteria: [...base.criteria.filter((c) => c.number !== 7 && c.number !== 12), base.criteria[0]] }, /missing criteria 7, 12; criteria given more than once 1/],
      ['unknown criterion', url(DAK_BLO, '2025-02'), { ...base, criteria: [...base.criteria, { number: 20, met: true }] }, /not in the 2021-2025 set 20/],
      ['indicator of another criterion', url(DAK_BLO, '2025-02'), { ...base, criteria: base.criteria.map((c) => (c.number === 3 ? { ...c, indicators: { '8.1': true } } : c)) }, /criteria\.2\.indicators\.8\.1.*not an indicator of criterion 3/],
      ['note too long', url(DAK_BLO, '2025-02'), { ...base, criteria: base.criteria.map((c) => (c.number === 1 ? { ...c, note: 'x'.repeat(2001) } : c)) }, /criteria\.0\.note.*2000/],
      ['met not a boolean', url(DAK_BLO, '2025-02'), { ...base, criteria: base.criteria.map((c) => (c.number === 1 ? { ...c, met: 'yes' } : c)) }, /criteria\.0\.met/],
      ['month after the current month', url(DAK_BLO, '2099-01'), base, /2099-01 is after the current month/],
      ['month outside the set', url(DAK_BLO, '2020-12'), base, /no criteria set applies to 2020-12/],
      ['bad month', url(DAK_BLO, '2025-13'), base, /period.*YYYY-MM/],
      ['not a rural commune', url(TOWN, '2025-02'), base, /not a rural commune/],
      ['If-Match is not an ETag', url(DAK_BLO, '2025-02'), base, /If-Match/],
    ];
    for (const [label, path, body, message] of cases) {
      const res = await district.request('PUT', path, body, label.startsWith('If-Match') ? { headers: { 'If-Match': 'nonsense' } } : {});
      expect(res.status, label).toBe(400);
      expect((await error(res)).message, label).toMatch(message);
    }
    const missing = await district.request('PUT', url(DAK_BLO, '2025-02'), { ...base, criteria: base.criteria.slice(1) });
    expect((await error(missing)).details).toMatchObject({ parameter: 'criteria', missing: [1], issues: [{ parameter: 'criteria', in: 'json' }] });
    expect((await district.request('PUT', url('99999', '2025-02'), base)).status).toBe(404);
    expect(await row(DAK_BLO, '2025-02')).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('CSRF: a save without the token or from another origin is refused and changes nothing; no session is 401', async () => {
    const f = await form(district, DAK_BLO, '2025-01');
    const before = await row(DAK_BLO, '2025-01');
    const noToken = await district.request('PUT', url(DAK_BLO, '2025-01'), bodyOf(f, [1]), { csrf: false });
    expect(noToken.status).toBe(403);
    expect((await error(noToken)).code).toBe('csrf');
    const crossSite = await district.request('PUT', url(DAK_BLO, '2025-01'), bodyOf(f, [1]), { headers: { Origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const anonymous = await ws.request(url(DAK_BLO, '2025-01'), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(bodyOf(f, [1])) });
    expect(anonymous.status).toBe(401);
    expect(await row(DAK_BLO, '2025-01')).toEqual(before);
  });

  it('the form is saved whole: a criterion note left out is removed; the review note and indicator values stay unless sent', async () => {
    const f = await form(district, DAK_BLO, '2024-10');
    const first = await district.request('PUT', url(DAK_BLO, '2024-10'), { ...bodyOf(f, [], { 5: { note: 'Trường chưa đạt chuẩn', indicators: { '5.1': 60 } } }), note: 'Ghi chú chung' });
    expect(first.status).toBe(200);
    const saved = (await first.json()) as Form;
    const second = await district.request('PUT', url(DAK_BLO, '2024-10'), bodyOf(saved));
    expect(second.status).toBe(200);
    const after = (await second.json()) as Form;
    const c5 = criteriaOf(after).find((c) => c.number === 5)!;
    expect(c5.note).toBeNull();
    expect(c5.indicators[0]).toMatchObject({ code: '5.1', value: 60 });
    expect(after.note).toBe('Ghi chú chung');
    const cleared = (await (await district.request('PUT', url(DAK_BLO, '2024-10'), { ...bodyOf(after, [], { 5: { indicators: { '5.1': null } } }), note: '' })).json()) as Form;
    expect(cleared.note).toBeNull();
    expect(criteriaOf(cleared).find((c) => c.number === 5)!.indicators[0]!.value).toBeNull();
    expect((await row(DAK_BLO, '2024-10'))!).toMatchObject({ notes: null, indicators: null, version: 4 });
  });

  it('stores SQL-injection-looking notes and indicator values verbatim; an oversized body is 413', async () => {
    const f = await form(district, DAK_BLO, '2024-11');
    const evil = "'); DROP TABLE review; -- \" OR 1=1; /* đạt */";
    const res = await district.request('PUT', url(DAK_BLO, '2024-11'), bodyOf(f, [], { 8: { note: evil, indicators: { '8.2': evil, '8.1': true } }, 3: { indicators: { '3.1': 87.5 } } }));
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Form;
    const c8 = criteriaOf(saved).find((c) => c.number === 8)!;
    expect(c8.note).toBe(evil);
    expect(c8.indicators.find((i) => i.code === '8.2')!.value).toBe(evil);
    expect(c8.indicators.find((i) => i.code === '8.1')!.value).toBe(true);
    expect(criteriaOf(saved).find((c) => c.number === 3)!.indicators.find((i) => i.code === '3.1')!.value).toBe(87.5);
    expect(JSON.parse((await row(DAK_BLO, '2024-11'))!.notes!)).toEqual({ '8': evil });
    const huge = await district.request('PUT', url(DAK_BLO, '2024-11'), { ...bodyOf(saved), pad: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
  });
});
