// Workspace recognitions on a writable copy of the seeded database (SQLite and PostgreSQL): recording a
// recognition and a revocation by each role in and out of scope, validation, duplicates, the audit trail, the
// public status and commune card that follow, the list of a scope and the revocation-risk list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMet } from '../../../server/criterion/mask.ts';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Recognition {
  id: number;
  unit: { code: string; name: string; level: string };
  level: string;
  decision: string;
  decision_date: string;
  effective_period: string;
  signer: string;
  status: string;
  in_force: boolean;
  revoked_date: string | null;
  revocation_decision: string | null;
  revocation_reason: string | null;
  provenance: string;
  source_url: string | null;
  year: number | null;
  note: string | null;
}

describe.each(writableApis())('workspace recognitions on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  let province62: Official;
  let district610: Official;
  let district611: Official;
  let provinceLaoCai: Official;
  /** Rural communes of 610 and 611 never recognised (no record at all), so that levels are predictable. */
  let free610: string[];
  let free611: string[];

  const db = () => ws.ctx.ndb.db;
  const auditCount = async () => Number((await db().selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const recognitionCount = async () => Number((await db().selectFrom('recognition').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const levelAt = async (district: string, code: string, period: string) => {
    const res = await ws.request(`/api/v1/status?district=${district}&period=${period}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { communes: Array<{ code: string; level: string }> };
    return body.communes.find((c) => c.code === code)?.level;
  };
  const body = (unit: string, extra: Record<string, unknown> = {}) => ({ unit, level: 'dat_chuan', decision: `${unit}/QĐ-UBND`, decision_date: '2024-03-15', signer: 'Chủ tịch UBND tỉnh Kon Tum', ...extra });
  const post = (who: Official, payload: unknown) => who.request('POST', '/api/v1/admin/recognitions', payload);
  const error = async (res: Response) => ((await res.json()) as ErrorBody).error;

  beforeAll(async () => {
    ws = await open();
    [admin, province62, district610, district611, provinceLaoCai] = await Promise.all([
      ws.official('admin', null),
      ws.official('province', '62'),
      ws.official('district', '610'),
      ws.official('district', '611'),
      ws.official('province', '10'),
    ]);
    const free = (district: string) => ws.ctx.units.ruralCommunes(district).filter((code) => ws.ctx.standings.recognitionsOf('pre2025', code).length === 0);
    free610 = free('610');
    free611 = free('611');
    expect(free610.length).toBeGreaterThanOrEqual(5);
    expect(free611.length).toBeGreaterThanOrEqual(1);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('records a commune recognition (201, official, audited) and the public level changes from its effective month', async () => {
    const code = free610[0]!;
    expect(await levelAt('610', code, '2024-03')).toBe('chua_dat');
    const audits = await auditCount();
    const res = await post(admin, body(code, { document_url: 'https://kontum.gov.vn/qd.pdf', year: 2023, note: 'Ghi chú' }));
    expect(res.status).toBe(201);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const r = (await res.json()) as Recognition;
    expect(r).toMatchObject({ unit: { code, level: 'commune' }, level: 'dat_chuan', decision: `${code}/QĐ-UBND`, decision_date: '2024-03-15', effective_period: '2024-03', status: 'recognised', provenance: 'official', source_url: 'https://kontum.gov.vn/qd.pdf', year: 2023, revoked_date: null, in_force: true });
    const stored = await db().selectFrom('recognition').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ unit_code: code, unit_level: 'commune', provenance: 'official', effective_period: '2024-03' });
    expect(await auditCount()).toBe(audits + 1);
    const entry = await db().selectFrom('audit_entry').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'recognition.create', unit_code: code, entity: 'recognition', entity_id: String(r.id), before: null, actor: admin.email });
    expect(JSON.parse(entry.after!)).toMatchObject({ id: r.id, decision: `${code}/QĐ-UBND` });
    // The public map: not before the effective month, from it on.
    expect(await levelAt('610', code, '2024-02')).toBe('chua_dat');
    expect(await levelAt('610', code, '2024-03')).toBe('dat_chuan');
    expect(await levelAt('610', code, '2025-06')).toBe('dat_chuan');
    const card = (await (await ws.request(`/api/v1/communes/${code}?period=2024-06`)).json()) as { level: string; level_recognition_id: number };
    expect(card).toMatchObject({ level: 'dat_chuan', level_recognition_id: r.id });
  });

  it('refuses a duplicate (same unit, level and decision, however spaced) with 409 and changes nothing', async () => {
    const code = free610[0]!;
    const [before, audits] = [await recognitionCount(), await auditCount()];
    for (const decision of [`${code}/QĐ-UBND`, ` ${code} / qđ-ubnd `]) {
      const res = await post(province62, body(code, { decision }));
      expect(res.status).toBe(409);
      expect((await error(res)).code).toBe('conflict');
    }
    expect(await recognitionCount()).toBe(before);
    expect(await auditCount()).toBe(audits);
    // Another level by the same decision is another record.
    expect((await post(province62, body(code, { level: 'nang_cao', decision_date: '2024-05-02' }))).status).toBe(201);
  });

  it('the same decision sent 8 times at once is recorded once: one 201, seven 409, one audit entry', async () => {
    const code = free610.at(-1)!;
    const [before, audits] = [await recognitionCount(), await auditCount()];
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(province62, body(code, { decision: `${code}/QĐ-UBND race` }))));
    expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const res of answers.filter((r) => r.status === 409)) expect((await error(res)).code).toBe('conflict');
    expect(await recognitionCount()).toBe(before + 1);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('each role in and out of scope: province and district in scope record, others get 403 and nothing changes', async () => {
    const commune = await ws.official('commune', free610[1]!);
    const [before, audits] = [await recognitionCount(), await auditCount()];
    const refused: Array<[Official, unknown]> = [
      [commune, body(free610[1]!)], // a commune officer never records
      [district610, body(free611[0]!)], // another district's commune
      [district610, body('610', { decision: '1/QĐ-TTg' })], // a district's own recognition is not a district officer's to record
      [district611, body(free610[1]!)],
      [provinceLaoCai, body(free610[1]!)], // another province
    ];
    for (const [who, payload] of refused) {
      const res = await post(who, payload);
      expect(res.status, JSON.stringify(payload)).toBe(403);
      expect((await error(res)).code).toBe('forbidden');
    }
    expect(await recognitionCount()).toBe(before);
    expect(await auditCount()).toBe(audits);

    expect((await post(district610, body(free610[1]!))).status).toBe(201);
    expect((await post(province62, body(free610[2]!))).status).toBe(201);
    const district = await post(province62, body('611', { decision: '99/QĐ-TTg', level: 'dat_chuan' }));
    expect(district.status).toBe(201);
    expect(((await district.json()) as Recognition).unit).toMatchObject({ code: '611', level: 'district' });
    expect(await recognitionCount()).toBe(before + 3);
    expect(await auditCount()).toBe(audits + 3);
  });

  it('validates the body: 400 naming the field, 404 for an unknown unit; nothing changes', async () => {
    const code = free610[3]!;
    const [before, audits] = [await recognitionCount(), await auditCount()];
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[Record<string, unknown>, string]> = [
      [body(code, { decision_date: future }), 'decision_date'],
      [body(code, { decision_date: '2024-02-30' }), 'decision_date'],
      [body(code, { decision_date: '15/03/2024' }), 'decision_date'],
      [body(code, { document_url: 'javascript:alert(1)' }), 'document_url'],
      [body(code, { document_url: 'ftp://example.org/qd.pdf' }), 'document_url'],
      [body(code, { level: 'gold' }), 'level'],
      [body(code, { effective_period: '2024-02' }), 'effective_period'],
      [body(code, { effective_period: '2024-13' }), 'effective_period'],
      [body(code, { decision: '' }), 'decision'],
      [body(code, { decision: 'x'.repeat(121) }), 'decision'],
      [body(code, { signer: undefined }), 'signer'],
      [body(code, { year: 2024.5 }), 'year'],
      [body('62'), 'unit'], // a province
      [body('23341'), 'unit'], // Thị trấn Đắk Glei: not a rural commune
      [body("23362' or 1=1 --"), 'unit'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(admin, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      const e = await error(res);
      expect(e.code).toBe('invalid_parameter');
      expect(e.message, JSON.stringify(payload)).toContain(`'${field}'`);
    }
    const unknownField = await post(admin, { ...body(code), documentUrl: 'https://x.org' });
    expect(unknownField.status).toBe(400);
    const unknown = await post(admin, body('99999'));
    expect(unknown.status).toBe(404);
    const huge = await post(admin, body(code, { note: 'x'.repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    const noCsrf = await admin.request('POST', '/api/v1/admin/recognitions', body(code), { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect((await error(noCsrf)).code).toBe('csrf');
    const anonymous = await ws.request('/api/v1/admin/recognitions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body(code)) });
    expect(anonymous.status).toBe(401);
    expect(await recognitionCount()).toBe(before);
    expect(await auditCount()).toBe(audits);
  });

  it('stores SQL-looking text verbatim', async () => {
    const code = free610[3]!;
    const decision = "1'; DROP TABLE recognition; --";
    const res = await post(admin, body(code, { decision, note: "x' OR '1'='1" }));
    expect(res.status).toBe(201);
    const r = (await res.json()) as Recognition;
    const stored = await db().selectFrom('recognition').select(['decision', 'note']).where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ decision, note: "x' OR '1'='1" });
  });

  it('records a revocation: audited with before and after, the level drops in the month of the revocation, a second one is 409', async () => {
    const code = free610[0]!;
    const created = (await (await post(admin, body(code, { decision: 'R-1/QĐ-UBND', decision_date: '2022-01-10' }))).json()) as Recognition;
    // free610[0] also holds 2024 recognitions (dat_chuan and nang_cao): revoke all of them to see chua_dat.
    const all = await db().selectFrom('recognition').select(['id', 'decision_date']).where('unit_code', '=', code).execute();
    expect(await levelAt('610', code, '2023-05')).toBe('dat_chuan');

    const path = `/api/v1/admin/recognitions/${created.id}/revocation`;
    const revocation = { decision: '55/QĐ-UBND', date: '2023-05-20', reason: 'Không còn đạt tiêu chí 17 (Môi trường)' };
    const commune = await ws.official('commune', code); // (creating the account is audited too: before counting)
    const audits = await auditCount();
    // out of scope, and a commune officer: 403, nothing changes
    for (const who of [district611, commune, provinceLaoCai]) expect((await who.request('POST', path, revocation)).status).toBe(403);
    // dated before the decision: 400 naming date
    const early = await admin.request('POST', path, { ...revocation, date: '2021-12-31' });
    expect(early.status).toBe(400);
    expect((await error(early)).message).toContain("'date'");
    for (const bad of [{ ...revocation, reason: '' }, { decision: 'x', date: '2023-05-20' }, { ...revocation, date: '2099-01-01' }]) expect((await admin.request('POST', path, bad)).status).toBe(400);
    expect(await auditCount()).toBe(audits);
    expect((await db().selectFrom('recognition').select('revoked_date').where('id', '=', created.id).executeTakeFirstOrThrow()).revoked_date).toBeNull();

    const res = await district610.request('POST', path, revocation);
    expect(res.status).toBe(200);
    expect((await res.json()) as Recognition).toMatchObject({ id: created.id, revoked_date: '2023-05-20', revocation_decision: '55/QĐ-UBND', revocation_reason: revocation.reason });
    expect(await auditCount()).toBe(audits + 1);
    const entry = await db().selectFrom('audit_entry').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'recognition.revoke', unit_code: code, entity_id: String(created.id) });
    expect(JSON.parse(entry.before!)).toMatchObject({ revoked_date: null });
    expect(JSON.parse(entry.after!)).toMatchObject({ revoked_date: '2023-05-20', revocation_decision: '55/QĐ-UBND' });
    // Public level: in force through April, not from the revocation's month on (inForce: revoked after the month's last day).
    expect(await levelAt('610', code, '2023-04')).toBe('dat_chuan');
    expect(await levelAt('610', code, '2023-05')).toBe('chua_dat');
    expect(await levelAt('610', code, '2023-06')).toBe('chua_dat');
    expect(all.length).toBeGreaterThan(1); // the 2024 decisions still count from 2024-03
    expect(await levelAt('610', code, '2024-03')).toBe('dat_chuan');

    const again = await admin.request('POST', path, revocation);
    expect(again.status).toBe(409);
    expect((await error(again)).code).toBe('conflict');
    expect((await admin.request('POST', '/api/v1/admin/recognitions/999999999/revocation', revocation)).status).toBe(404);
    expect((await admin.request('POST', '/api/v1/admin/recognitions/abc/revocation', revocation)).status).toBe(400);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('lists the recognitions of a scope with revocations; a commune officer sees their commune only; out of scope 403', async () => {
    const res = await district610.request('GET', '/api/v1/admin/recognitions?district=610&period=2023-06');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { scope: { code: string }; counts: { recognitions: number; revoked: number }; recognitions: Recognition[] };
    expect(list.scope.code).toBe('610');
    const expected = await db().selectFrom('recognition').innerJoin('unit', 'unit.code', 'recognition.unit_code').select('recognition.id').where('unit.district_code', '=', '610').where('unit.structure', '=', 'pre2025').execute();
    expect(list.recognitions.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.map((r) => r.id).sort((a, b) => a - b));
    const revoked = list.recognitions.find((r) => r.decision === 'R-1/QĐ-UBND')!;
    expect(revoked).toMatchObject({ revoked_date: '2023-05-20', in_force: false });
    expect(list.counts.revoked).toBeGreaterThanOrEqual(1);

    const commune = await ws.official('commune', free610[1]!);
    const own = (await (await commune.request('GET', '/api/v1/admin/recognitions?district=610')).json()) as { recognitions: Recognition[] };
    expect(own.recognitions.length).toBeGreaterThan(0);
    expect(own.recognitions.every((r) => r.unit.code === free610[1])).toBe(true);

    expect((await district611.request('GET', '/api/v1/admin/recognitions?district=610')).status).toBe(403);
    expect((await provinceLaoCai.request('GET', '/api/v1/admin/recognitions?province=62')).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/admin/recognitions')).status).toBe(400);
    expect((await admin.request('GET', '/api/v1/admin/recognitions?district=999')).status).toBe(404);
    expect((await ws.request('/api/v1/admin/recognitions?district=610')).status).toBe(401);
  });

  it('lists recognised communes now failing a criterion, the criteria at fault and since when', async () => {
    const set = ws.ctx.catalogue.setFor('2025-12')!;
    // A commune of 611 failing criteria at 2025-12, recognised now: it becomes at risk.
    const statuses = await ws.ctx.status.at('2025-12');
    const code = free611.find((c) => (statuses.get(c)?.met ?? 19) < set.criteria_count)!;
    expect(code).toBeDefined();
    expect((await post(province62, body(code, { decision_date: '2025-01-10' }))).status).toBe(201);

    const res = await province62.request('GET', '/api/v1/admin/recognitions/at-risk?province=62&period=2025-12');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { rule: string; communes: Array<{ code: string; level: string; met: number; review_period: string; criteria: Array<{ number: number; failing_since: string }> }> };
    expect(list.rule).toMatch(/18\/2022\/QĐ-TTg/);
    const mine = list.communes.find((c) => c.code === code)!;
    expect(mine).toBeDefined();
    const reviews = await db().selectFrom('review').select(['period', 'met_mask']).where('commune_code', '=', code).where('period', '<=', '2025-12').orderBy('period', 'desc').execute();
    const latest = reviews[0]!;
    expect(mine.criteria.map((c) => c.number)).toEqual(set.criteria.filter((k) => !isMet(latest.met_mask, k.number)).map((k) => k.number));
    for (const c of mine.criteria) {
      const i = reviews.findIndex((r) => r.period === c.failing_since);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(reviews.slice(0, i + 1).every((r) => !isMet(r.met_mask, c.number))).toBe(true);
      if (reviews[i + 1]) expect(isMet(reviews[i + 1]!.met_mask, c.number)).toBe(true);
    }
    // The same communes as the public commune cards flag at_risk (one rule for both).
    const district = (await (await province62.request('GET', '/api/v1/admin/recognitions/at-risk?district=611&period=2025-12')).json()) as { communes: Array<{ code: string; criteria: Array<{ number: number }> }> };
    for (const c of ws.ctx.units.ruralCommunes('611')) {
      const card = (await (await ws.request(`/api/v1/communes/${c}?period=2025-12`)).json()) as { at_risk: { criteria: number[] } | null };
      const listed = district.communes.find((x) => x.code === c);
      expect(listed?.criteria.map((k) => k.number) ?? null, c).toEqual(card.at_risk?.criteria ?? null);
    }
    expect((await district610.request('GET', '/api/v1/admin/recognitions/at-risk?district=611')).status).toBe(403);
    expect((await admin.request('GET', '/api/v1/admin/recognitions/at-risk?province=62&period=1999-01')).status).toBe(404);
  });
});
