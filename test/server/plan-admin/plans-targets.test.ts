// Workspace plans and targets on a writable copy of the seeded database (SQLite and PostgreSQL): the plan
// board with its criterion completions ("lượt tiêu chí"), adding and removing planned communes, creating,
// replacing and deleting targets — each role in and out of scope, validation, the audit trail, and the public
// /plans and /summary that follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Planned { id: number; code: string; due: string; missing: number[] | null; met: number | null }
interface Board { communes: Planned[]; counts: Record<string, number>; criterion_completions: { total: number; communes_missing_criteria: number; communes_without_review: number; by_due: Array<{ due: string; communes: number; completions: number }>; note: string } }
interface Target { id: number; scope: string; scope_code: string; metric: string; value: string; value_num: number | null; kind: string; deadline: string; source: string; source_url: string | null; note: string | null; editable: boolean }

describe.each(writableApis())('workspace plans and targets on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  let province62: Official;
  let district610: Official;
  let district611: Official;
  let commune: Official;
  let communeCode: string;

  const db = () => ws.ctx.ndb.db;
  const count = async (table: 'audit_entry' | 'planned_commune' | 'target') => Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const lastAudit = () => db().selectFrom('audit_entry').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const error = async (res: Response) => ((await res.json()) as ErrorBody).error;

  beforeAll(async () => {
    ws = await open();
    communeCode = ws.ctx.units.ruralCommunes('610')[0]!;
    [admin, province62, district610, district611, commune] = await Promise.all([
      ws.official('admin', null),
      ws.official('province', '62'),
      ws.official('district', '610'),
      ws.official('district', '611'),
      ws.official('commune', communeCode),
    ]);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('the plan board of Lào Cai: each planned commune with its id, and the criterion completions the plan needs', async () => {
    const res = await admin.request('GET', '/api/v1/admin/plans?province=10&period=2024-01');
    expect(res.status).toBe(200);
    const board = (await res.json()) as Board;
    const pub = (await (await ws.request('/api/v1/plans?province=10&period=2024-01')).json()) as Board;
    expect(board.communes.map((c) => c.code)).toEqual(pub.communes.map((c) => c.code));
    const rows = await db().selectFrom('planned_commune').select(['id', 'commune_code']).execute();
    for (const c of board.communes) expect(rows.some((r) => r.id === c.id && r.commune_code === c.code)).toBe(true);
    // lượt tiêu chí: missing criteria summed over the communes not yet at 19/19
    const expected = board.communes.reduce((sum, c) => sum + (c.missing?.length ?? 0), 0);
    expect(board.criterion_completions.total).toBe(expected);
    expect(board.criterion_completions.communes_missing_criteria).toBe(board.communes.filter((c) => (c.missing?.length ?? 0) > 0).length);
    expect(board.criterion_completions.by_due.map((d) => [d.due, d.communes])).toEqual([['2024-H1', 4], ['2024-H2', 6], ['2025', 12]]);
    expect(board.criterion_completions.by_due.reduce((s, d) => s + d.completions, 0)).toBe(expected);
    expect(board.criterion_completions.note).toMatch(/104\/KH-BCĐ/);
    // Kon Tum officials cannot read Lào Cai's board
    expect((await province62.request('GET', '/api/v1/admin/plans?province=10')).status).toBe(403);
  });

  it('adds a commune to a plan (201, audited, public /plans shows it); roles out of scope get 403 and nothing changes', async () => {
    const code = ws.ctx.units.ruralCommunes('610')[1]!;
    const other = ws.ctx.units.ruralCommunes('611')[0]!;
    const payload = { commune: code, target_level: 'dat_chuan', due: '2025-H2', plan: 'Kế hoạch 12/KH-UBND ngày 10/01/2025' };
    const [plans, audits] = [await count('planned_commune'), await count('audit_entry')];
    for (const [who, body] of [[commune, { ...payload, commune: communeCode }], [district611, payload], [district610, { ...payload, commune: other }]] as const) {
      const res = await who.request('POST', '/api/v1/admin/plans', body);
      expect(res.status).toBe(403);
      expect((await error(res)).code).toBe('forbidden');
    }
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...payload, due: '2025-H3' }, 'due'],
      [{ ...payload, due: '25' }, 'due'],
      [{ ...payload, target_level: 'xuat_sac' }, 'target_level'],
      [{ ...payload, plan: '' }, 'plan'],
      [{ ...payload, commune: '23341' }, 'commune'], // a thị trấn
      [{ ...payload, commune: "1' OR 1=1" }, 'commune'],
    ];
    for (const [body, field] of bad) {
      const res = await admin.request('POST', '/api/v1/admin/plans', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await error(res)).message).toContain(`'${field}'`);
    }
    expect(await count('planned_commune')).toBe(plans);
    expect(await count('audit_entry')).toBe(audits);

    const res = await district610.request('POST', '/api/v1/admin/plans', payload);
    expect(res.status).toBe(201);
    const row = (await res.json()) as { id: number; due_period: string; source: string };
    expect(row).toMatchObject({ commune_code: code, due: '2025-H2', due_period: '2025-12', source: payload.plan });
    expect(await count('audit_entry')).toBe(audits + 1);
    expect(await lastAudit()).toMatchObject({ action: 'plan.add', unit_code: code, entity_id: String(row.id), before: null });
    const pub = (await (await ws.request('/api/v1/plans?district=610')).json()) as Board;
    expect(pub.communes.find((c) => c.id === row.id)?.code).toBe(code);
    // The same commune, level and plan again: 409
    const dup = await province62.request('POST', '/api/v1/admin/plans', { ...payload, due: '2025' });
    expect(dup.status).toBe(409);
    expect(await count('planned_commune')).toBe(plans + 1);
    // The same entry sent 6 times at once (another level, so not the one above): one 201, five 409
    const burst = await Promise.all(Array.from({ length: 6 }, () => district610.request('POST', '/api/v1/admin/plans', { ...payload, target_level: 'kieu_mau' })));
    expect(burst.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    expect(await count('planned_commune')).toBe(plans + 2);
    expect(await count('audit_entry')).toBe(audits + 2);
    // H1 ends in June
    const h1 = await admin.request('POST', '/api/v1/admin/plans', { ...payload, target_level: 'nang_cao', due: '2026-H1' });
    expect(((await h1.json()) as { due_period: string }).due_period).toBe('2026-06');
  });

  it('removes a planned commune: out of scope 403, in scope 200 audited, then 404', async () => {
    const code = ws.ctx.units.ruralCommunes('610')[2]!;
    const created = (await (await province62.request('POST', '/api/v1/admin/plans', { commune: code, target_level: 'dat_chuan', due: '2025', plan: 'KH xóa' })).json()) as { id: number };
    const path = `/api/v1/admin/plans/${created.id}`;
    const audits = await count('audit_entry');
    for (const who of [district611, commune]) expect((await who.request('DELETE', path)).status).toBe(403);
    expect((await district610.request('DELETE', path, undefined, { csrf: false })).status).toBe(403);
    expect(await count('audit_entry')).toBe(audits);
    const res = await district610.request('DELETE', path);
    expect(res.status).toBe(200);
    expect(await count('audit_entry')).toBe(audits + 1);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'plan.remove', unit_code: code, after: null });
    expect(JSON.parse(entry.before!)).toMatchObject({ id: created.id, plan: 'KH xóa' });
    const pub = (await (await ws.request('/api/v1/plans?district=610')).json()) as Board;
    expect(pub.communes.some((c) => c.id === created.id)).toBe(false);
    expect((await district610.request('DELETE', path)).status).toBe(404);
    expect((await admin.request('DELETE', '/api/v1/admin/plans/0')).status).toBe(400);
  });

  it('a commune officer reads the board of their district narrowed to their commune', async () => {
    const res = await commune.request('GET', '/api/v1/admin/plans?district=610');
    expect(res.status).toBe(200);
    const board = (await res.json()) as Board;
    expect(board.communes.every((c) => c.code === communeCode)).toBe(true);
    expect((await commune.request('GET', '/api/v1/admin/plans?district=611')).status).toBe(403);
  });

  it('creates a province target (value_num read from the value), lists it and the public summary shows it', async () => {
    const payload = { scope: '62', metric: 'target_communes_ntm', value: '>=70', deadline: '2026-12-31', source: 'Nghị quyết thử nghiệm 01/NQ-HĐND', source_url: 'https://kontum.gov.vn/nq.pdf' };
    const [targets, audits] = [await count('target'), await count('audit_entry')];
    for (const [who, body] of [[commune, payload], [district610, payload], [district611, { ...payload, scope: '610' }], [province62, { ...payload, scope: '10' }]] as const) {
      expect((await who.request('POST', '/api/v1/admin/targets', body)).status, JSON.stringify(body)).toBe(403);
    }
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ ...payload, deadline: '2025-02-30' }, 'deadline'],
      [{ ...payload, source_url: 'ftp://x.org/a' }, 'source_url'],
      [{ ...payload, scope: '23362' }, 'scope'],
      [{ ...payload, metric: '' }, 'metric'],
      [{ ...payload, value_num: 'seventy' }, 'value_num'],
      [{ ...payload, kind: 'wish' }, 'kind'],
    ];
    for (const [body, field] of bad) {
      const res = await admin.request('POST', '/api/v1/admin/targets', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await error(res)).message).toContain(`'${field}'`);
    }
    expect(await count('target')).toBe(targets);
    expect(await count('audit_entry')).toBe(audits);

    const res = await province62.request('POST', '/api/v1/admin/targets', payload);
    expect(res.status).toBe(201);
    const t = (await res.json()) as Target;
    expect(t).toMatchObject({ scope: 'province', scope_code: '62', value: '>=70', value_num: 70, kind: 'target', editable: true });
    expect(await lastAudit()).toMatchObject({ action: 'target.create', unit_code: '62', entity_id: String(t.id), before: null });
    const list = (await (await province62.request('GET', '/api/v1/admin/targets?province=62')).json()) as { targets: Target[] };
    expect(list.targets.find((x) => x.id === t.id)).toMatchObject({ metric: 'target_communes_ntm', editable: true });
    const summary = (await (await ws.request('/api/v1/summary?province=62')).json()) as { targets: Array<{ id: number; target: { number: number } }> };
    expect(summary.targets.find((x) => x.id === t.id)?.target.number).toBe(70);
    // a district officer sees its own district's targets only, read-only for the province's
    const districtTarget = (await (await district610.request('POST', '/api/v1/admin/targets', { ...payload, scope: '610', value: '5' })).json()) as Target;
    expect(districtTarget).toMatchObject({ scope: 'district', scope_code: '610', value_num: 5 });
    const asDistrict = (await (await district610.request('GET', '/api/v1/admin/targets?province=62')).json()) as { targets: Target[] };
    expect(asDistrict.targets.every((x) => x.scope_code === '610')).toBe(true);
    expect(asDistrict.targets.some((x) => x.id === districtTarget.id)).toBe(true);
  });

  it('replaces and deletes targets: other scope 403 and nothing changes; an unchanged PUT writes nothing', async () => {
    const t = (await (await province62.request('POST', '/api/v1/admin/targets', { scope: '62', metric: 'target_communes_nang_cao', value: '25', deadline: '2026-12-31', source: 'KH 1' })).json()) as Target;
    const path = `/api/v1/admin/targets/${t.id}`;
    const replacement = { metric: 'target_communes_nang_cao', value: '30', deadline: '2026-12-31', source: 'KH 1 (sửa đổi)', note: 'điều chỉnh' };
    const audits = await count('audit_entry');
    for (const who of [district610, commune]) {
      expect((await who.request('PUT', path, replacement)).status).toBe(403);
      expect((await who.request('DELETE', path)).status).toBe(403);
    }
    const national = await db().selectFrom('target').select('id').where('scope', '=', 'national').executeTakeFirstOrThrow();
    expect((await province62.request('DELETE', `/api/v1/admin/targets/${national.id}`)).status).toBe(403);
    expect((await province62.request('PUT', path, { ...replacement, scope: '10' })).status).toBe(400);
    expect(await count('audit_entry')).toBe(audits);
    expect((await db().selectFrom('target').select('value').where('id', '=', t.id).executeTakeFirstOrThrow()).value).toBe('25');

    const res = await province62.request('PUT', path, replacement);
    expect(res.status).toBe(200);
    expect((await res.json()) as Target).toMatchObject({ value: '30', value_num: 30, source: 'KH 1 (sửa đổi)', note: 'điều chỉnh' });
    expect(await count('audit_entry')).toBe(audits + 1);
    const entry = await lastAudit();
    expect(entry.action).toBe('target.update');
    expect(JSON.parse(entry.before!)).toMatchObject({ value: '25' });
    expect(JSON.parse(entry.after!)).toMatchObject({ value: '30' });
    expect((await province62.request('PUT', path, replacement)).status).toBe(200);
    expect(await count('audit_entry')).toBe(audits + 1);

    const del = await admin.request('DELETE', path);
    expect(del.status).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'target.delete', after: null, entity_id: String(t.id) });
    expect(await count('audit_entry')).toBe(audits + 2);
    expect((await province62.request('PUT', path, replacement)).status).toBe(404);
    expect((await province62.request('DELETE', path)).status).toBe(404);
  });
});
