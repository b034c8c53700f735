// Groups and khu vực recorded in the workspace on writable copies of the both-eras database (SQLite and
// PostgreSQL): who may record them, validation that changes nothing, the audit trail, the history kept, and the
// official record replacing the illustrative one on the public card and in the map's special-difficulty flag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { TODAY_LAST_PERIOD } from '../../support/eras.ts';
import { todayOfficial } from '../../support/today-officials.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Part { value: string; decision: string | null; period_from: string; period_to: string | null; provenance: string }
interface Listing { communes: Array<{ code: string; name: string; group: Part | null; khu_vuc: Part | null; history: Array<Part & { id: number; kind: string; recorded_by: string | null }> }>; counts: Record<string, number>; structure: string; period: string }
interface Card { classification: { group: Part | null; khu_vuc: Part | null } | null; special: boolean; special_difficulty: Array<{ classification: string; special: boolean; in_force: boolean; provenance: string; decision: string | null }> }

describe.each(writableApis('today'))('commune groups and khu vực on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  let province: Official;
  let otherProvince: Official;
  let communeOfficer: Official;
  let provinceCode: string;
  /** A xã of the province that the illustrative data puts in khu vực III (special-difficulty). */
  let hard: string;
  /** Another xã of the province. */
  let plain: string;

  const db = () => ws.ctx.ndb.db;
  const count = async (table: 'audit_entry' | 'commune_classification') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const post = (who: Official, payload: unknown) => who.request('POST', '/api/v1/admin/classifications', payload);
  const body = (commune: string, extra: Record<string, unknown> = {}) => ({ commune, kind: 'khu_vuc', value: 'II', decision: '60/QĐ-BDTTG', decision_date: '2026-01-29', ...extra });
  const card = async (code: string, period: string) => {
    const res = await ws.request(`/api/v1/communes/${code}?period=${period}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Card;
  };
  const specialOnMap = async (code: string, period: string) => {
    const res = await ws.request(`/api/v1/status?province=${provinceCode}&period=${period}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { communes: Array<{ code: string; special: boolean }> }).communes.find((c) => c.code === code)?.special;
  };

  beforeAll(async () => {
    ws = await open();
    const units = ws.ctx.eras.unitsOf('2025-07');
    const old = ws.ctx.eras.unitsOf('pre2025');
    // A province of today whose code also names a province before 2025 (the account is created there first),
    // with a xã of illustrative khu vực III and another xã.
    for (const p of units.provinces) {
      if (old.byCode.get(p.code)?.level !== 'province') continue;
      const xa = units.ruralCommunes(p.code);
      const special = xa.find((c) => ws.ctx.standings.at('2025-07', c, TODAY_LAST_PERIOD).special && old.byCode.get(c)?.level === 'commune');
      const other = xa.find((c) => c !== special && !ws.ctx.standings.at('2025-07', c, TODAY_LAST_PERIOD).special);
      if (special && other) {
        [provinceCode, hard, plain] = [p.code, special, other];
        break;
      }
    }
    expect(hard).toBeDefined();
    const elsewhere = units.provinces.find((p) => p.code !== provinceCode && old.byCode.get(p.code)?.level === 'province')!;
    [admin, province, otherProvince, communeOfficer] = await Promise.all([
      todayOfficial(ws, 'admin', null),
      todayOfficial(ws, 'province', provinceCode),
      todayOfficial(ws, 'province', elsewhere.code),
      todayOfficial(ws, 'commune', hard),
    ]);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('lists the province\'s communes with the record in force, each saying whether it is official or illustrative', async () => {
    const res = await province.request('GET', `/api/v1/admin/classifications?province=${provinceCode}`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as Listing;
    expect(list).toMatchObject({ structure: '2025-07', period: TODAY_LAST_PERIOD });
    const c = list.communes.find((x) => x.code === hard)!;
    expect(c.khu_vuc).toMatchObject({ value: 'III', provenance: 'illustrative' });
    expect(c.group).toMatchObject({ value: '3', provenance: 'illustrative' });
    expect(list.counts.official).toBe(0);
    expect(list.counts.illustrative).toBeGreaterThan(0);
  });

  it('records an official khu vực II over the illustrative III: a new row, audited; the card and the map follow from its first month', async () => {
    expect(await specialOnMap(hard, '2026-03')).toBe(true);
    const [audits, rows] = [await count('audit_entry'), await count('commune_classification')];
    const res = await post(province, body(hard, { period_from: '2026-03', document_url: 'https://example.org/qd60.pdf' }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { record: Part & { id: number; recorded_by: string }; special: boolean; structure: string };
    expect(created).toMatchObject({ structure: '2025-07', special: false, record: { value: 'II', provenance: 'official', decision: '60/QĐ-BDTTG', period_from: '2026-03', period_to: null, recorded_by: province.email } });
    expect(await count('commune_classification')).toBe(rows + 1);
    expect(await count('audit_entry')).toBe(audits + 1);
    const audit = await db().selectFrom('audit_entry').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'classification.create', unit_code: hard, entity: 'commune_classification', entity_id: String(created.record.id) });

    // Before its first month the illustrative record still holds; from it the official one.
    expect((await card(hard, '2026-02')).classification?.khu_vuc).toMatchObject({ value: 'III', provenance: 'illustrative' });
    const after = await card(hard, '2026-03');
    expect(after.classification?.khu_vuc).toMatchObject({ value: 'II', provenance: 'official', decision: '60/QĐ-BDTTG' });
    expect(after.special).toBe(false);
    const inForce = after.special_difficulty.filter((l) => l.in_force);
    expect(inForce).toEqual([expect.objectContaining({ classification: 'Khu vực II', special: false, provenance: 'official' })]);
    expect(after.special_difficulty.some((l) => l.provenance === 'illustrative' && !l.in_force)).toBe(true);
    expect(await specialOnMap(hard, '2026-02')).toBe(true);
    expect(await specialOnMap(hard, '2026-03')).toBe(false);
  });

  it('keeps the history: a later decision is another row, and the latest start wins', async () => {
    const res = await post(admin, body(hard, { value: 'III', decision: '99/QĐ-BDTTG', decision_date: '2026-05-04' }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { special: boolean }).special).toBe(true);
    expect(await specialOnMap(hard, '2026-04')).toBe(false);
    expect(await specialOnMap(hard, '2026-05')).toBe(true);
    const list = (await (await province.request('GET', `/api/v1/admin/classifications?province=${provinceCode}&period=2026-04`)).json()) as Listing;
    const c = list.communes.find((x) => x.code === hard)!;
    expect(c.khu_vuc).toMatchObject({ value: 'II', provenance: 'official' });
    expect(c.history.filter((h) => h.kind === 'khu_vuc').map((h) => [h.value, h.provenance])).toEqual([['III', 'illustrative'], ['II', 'official'], ['III', 'official']]);
  });

  it('records a group (nhóm) of a xã, shown as official on the card', async () => {
    const res = await post(province, body(plain, { kind: 'group', value: '1', decision: '12/QĐ-UBND', decision_date: '2026-02-10' }));
    expect(res.status).toBe(201);
    expect((await card(plain, TODAY_LAST_PERIOD)).classification?.group).toMatchObject({ value: '1', provenance: 'official', decision: '12/QĐ-UBND' });
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const before = [await count('commune_classification'), await count('audit_entry')];
    const cases: Array<[unknown, string]> = [
      [body(plain, { value: '4' }), 'value'],
      [body(plain, { kind: 'group', value: 'III' }), 'value'],
      [body(plain, { kind: 'nhom' }), 'kind'],
      [body(plain, { decision_date: '2999-01-01' }), 'decision_date'],
      [body(plain, { period_from: '2025-12' }), 'period_from'],
      [body(plain, { period_from: '2026-05', period_to: '2026-04' }), 'period_to'],
      [body(plain, { decision: '' }), 'decision'],
      [body(plain, { document_url: 'javascript:alert(1)' }), 'document_url'],
      [body(plain, { extra: 1 }), ''],
      [body('123'), 'commune'],
      [body(plain, { decision_date: '2025-03-01' }), 'period_from'],
    ];
    for (const [payload, parameter] of cases) {
      const res = await post(province, payload);
      expect(res.status, JSON.stringify(payload)).toBe(400);
      if (parameter) expect(((await res.json()) as ErrorBody).error.message).toContain(parameter);
    }
    expect(await post(province, body('99999'))).toHaveProperty('status', 404);
    expect([await count('commune_classification'), await count('audit_entry')]).toEqual(before);
  });

  it('refuses a duplicate of the same decision (409), another province\'s commune and the commune officer (403), and a request without CSRF', async () => {
    const before = await count('commune_classification');
    expect((await post(province, body(plain, { kind: 'group', value: '1', decision: '12 / qđ-ubnd', decision_date: '2026-02-10' }))).status).toBe(409);
    expect((await post(otherProvince, body(plain))).status).toBe(403);
    expect((await post(communeOfficer, body(hard))).status).toBe(403);
    expect((await province.request('POST', '/api/v1/admin/classifications', body(plain), { csrf: false })).status).toBe(403);
    expect((await ws.request('/api/v1/admin/classifications', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' }, body: JSON.stringify(body(plain)) })).status).toBe(401);
    expect((await otherProvince.request('GET', `/api/v1/admin/classifications?province=${provinceCode}`)).status).toBe(403);
    expect((await province.request('GET', `/api/v1/admin/classifications?province=${provinceCode}&period=2025-03`)).status).toBe(400);
    expect(await count('commune_classification')).toBe(before);
  });
});
