// Targets, plans and village counts of today's units on writable copies of the both-eras database (SQLite and
// PostgreSQL): a 2030 target of today's province listed beside the national 2030 targets from the facts;
// planned communes for 2026-2030 (đạt chuẩn, hiện đại) shown on the plan board; village counts of a today's xã
// kept apart from the old commune that had the same code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { TODAY_LAST_PERIOD } from '../../support/eras.ts';
import { todayOfficial } from '../../support/today-officials.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Target { id: number; scope: string; scope_code: string | null; scope_structure: string; metric: string; value: string; deadline: string; source: string; editable: boolean }

describe.each(writableApis('today'))('targets, plans and villages of today\'s units on $name', ({ open }) => {
  let ws: Workspace;
  let province: Official;
  let otherProvince: Official;
  let provinceCode: string;
  let xa: string[];

  const db = () => ws.ctx.ndb.db;
  const count = async (table: 'target' | 'planned_commune' | 'village_count' | 'audit_entry') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    ws = await open();
    const units = ws.ctx.eras.unitsOf('2025-07');
    const old = ws.ctx.eras.unitsOf('pre2025');
    const provinces = units.provinces.filter((p) => old.byCode.get(p.code)?.level === 'province');
    provinceCode = provinces[0]!.code;
    // Xã of today whose code was a xã before 2025 too (the collision the keys must keep apart).
    xa = units.ruralCommunes(provinceCode).filter((c) => old.byCode.get(c)?.level === 'commune' && old.byCode.get(c)!.rural);
    expect(xa.length).toBeGreaterThanOrEqual(3);
    [province, otherProvince] = await Promise.all([todayOfficial(ws, 'province', provinceCode), todayOfficial(ws, 'province', provinces[1]!.code)]);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('records a 2030 target of today\'s province and lists it beside the national 2030 targets from the facts', async () => {
    const audits = await count('audit_entry');
    const res = await province.request('POST', '/api/v1/admin/targets', { scope: provinceCode, metric: 'target_share_communes_ntm', value: '>=70%', deadline: '2030-12-31', source: 'Nghị quyết 05/NQ-HĐND' });
    expect(res.status).toBe(201);
    const t = (await res.json()) as Target;
    expect(t).toMatchObject({ scope: 'province', scope_code: provinceCode, scope_structure: '2025-07', editable: true });
    expect(await count('audit_entry')).toBe(audits + 1);
    const list = (await (await province.request('GET', `/api/v1/admin/targets?province=${provinceCode}`)).json()) as { structure: string; targets: Target[]; national: Target[] };
    expect(list.structure).toBe('2025-07');
    expect(list.targets.map((x) => x.id)).toEqual([t.id]);
    // The national programme's 2030 targets (QĐ 417/QĐ-BNNMT), read-only for a province officer.
    expect(list.national.length).toBeGreaterThan(0);
    expect(list.national.every((n) => n.scope === 'national' && n.deadline === '2030-12-31' && !n.editable)).toBe(true);
    expect(list.national.map((n) => n.metric)).toContain('target_share_communes_ntm');
    expect(list.national.find((n) => n.metric === 'target_share_communes_ntm')!.source).toMatch(/417\/QĐ-BNNMT/);
    // Another province's officer can neither change nor list it.
    expect((await otherProvince.request('PUT', `/api/v1/admin/targets/${t.id}`, { metric: 'x', value: '1', deadline: '2030-12-31', source: 's' })).status).toBe(403);
    expect((await otherProvince.request('GET', `/api/v1/admin/targets?province=${provinceCode}`)).status).toBe(403);
  });

  it('names today\'s xã in a 2026-2030 plan for đạt chuẩn and hiện đại; refuses a level of the old set; the board shows them', async () => {
    const before = await count('planned_commune');
    const plan = 'Kế hoạch 20/KH-UBND giai đoạn 2026-2030';
    const a = await province.request('POST', '/api/v1/admin/plans', { commune: xa[0], target_level: 'dat_chuan', due: '2027', plan });
    expect(a.status).toBe(201);
    const b = await province.request('POST', '/api/v1/admin/plans', { commune: xa[1], target_level: 'hien_dai', due: '2030', plan });
    expect(b.status).toBe(201);
    const stored = await db().selectFrom('planned_commune').select(['structure', 'commune_code', 'target_level']).where('plan', '=', plan).orderBy('id').execute();
    expect(stored).toEqual([{ structure: '2025-07', commune_code: xa[0], target_level: 'dat_chuan' }, { structure: '2025-07', commune_code: xa[1], target_level: 'hien_dai' }]);
    const bad = await province.request('POST', '/api/v1/admin/plans', { commune: xa[2], target_level: 'nang_cao', due: '2028', plan });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/nang_cao is not a level of the 2026-2030/);
    expect((await otherProvince.request('POST', '/api/v1/admin/plans', { commune: xa[2], target_level: 'dat_chuan', due: '2028', plan })).status).toBe(403);
    expect(await count('planned_commune')).toBe(before + 2);

    const board = (await (await province.request('GET', `/api/v1/admin/plans?province=${provinceCode}&period=${TODAY_LAST_PERIOD}`)).json()) as { criteria_set: string; communes: Array<{ code: string; target_level: string; criteria_total: number }> };
    expect(board.criteria_set).toBe('2026-2030');
    expect(board.communes.filter((c) => c.code === xa[0] || c.code === xa[1]).map((c) => [c.code, c.target_level, c.criteria_total])).toEqual([[xa[0], 'dat_chuan', 10], [xa[1], 'hien_dai', 10]]);
    const pub = (await (await ws.request(`/api/v1/plans?province=${provinceCode}`)).json()) as { communes: Array<{ code: string }> };
    expect(pub.communes.map((c) => c.code)).toEqual(expect.arrayContaining([xa[0], xa[1]]));
  });

  it('enters village counts of a today\'s xã, apart from the old commune of the same code, and the card shows them', async () => {
    const code = xa[0]!;
    // An old-structure row under the same code (as an account of the old units would have written).
    await db().insertInto('village_count').values({ structure: 'pre2025', commune_code: code, villages: 3, ntm_villages: 1, model_villages: 0, updated_by: 'old', updated_at: '2025-01-01T00:00:00.000Z' }).execute();
    const res = await province.request('PUT', `/api/v1/admin/villages/${code}`, { villages: 14, ntm_villages: 9, model_villages: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ structure: '2025-07', commune: { code }, counts: { villages: 14, ntm_villages: 9, model_villages: 2 } });
    const rows = await db().selectFrom('village_count').select(['structure', 'villages']).where('commune_code', '=', code).orderBy('structure').execute();
    expect(rows).toEqual([{ structure: '2025-07', villages: 14 }, { structure: 'pre2025', villages: 3 }]);
    const card = (await (await ws.request(`/api/v1/communes/${code}?period=${TODAY_LAST_PERIOD}`)).json()) as { villages: { villages: number } | null };
    expect(card.villages).toMatchObject({ villages: 14 });
    const oldCard = (await (await ws.request(`/api/v1/communes/${code}?period=2025-06`)).json()) as { villages: { villages: number } | null };
    expect(oldCard.villages).toMatchObject({ villages: 3 });
    expect((await otherProvince.request('PUT', `/api/v1/admin/villages/${code}`, { villages: 1, ntm_villages: 1, model_villages: 1 })).status).toBe(403);
  });
});
