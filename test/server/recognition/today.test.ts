// Recognitions of today's communes on writable copies of the both-eras database (SQLite and PostgreSQL): the
// structure and levels come from the decision's date (đạt chuẩn / hiện đại under 51/2025/QĐ-TTg), revocations,
// the revocation-risk list of communes recognised under 51/2025 that now fail a criterion, and pre-2025
// recognitions that stay of the old units even where a code is reused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { TODAY_LAST_PERIOD } from '../../support/eras.ts';
import { todayOfficial } from '../../support/today-officials.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Recognition { id: number; structure: string; unit: { code: string }; level: string; in_force: boolean; revoked_date: string | null; provenance: string }

describe.each(writableApis('today'))('recognitions of today\'s communes on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  let province: Official;
  let otherProvince: Official;
  let provinceCode: string;
  /** Xã of the province with no recognition at all, failing at least one criterion at the last period. */
  let free: string[];

  const db = () => ws.ctx.ndb.db;
  const post = (who: Official, payload: unknown) => who.request('POST', '/api/v1/admin/recognitions', payload);
  const body = (unit: string, extra: Record<string, unknown> = {}) => ({ unit, level: 'dat_chuan', decision: `${unit}/QĐ-UBND`, decision_date: '2026-03-10', signer: 'Chủ tịch UBND tỉnh', ...extra });
  const levelAt = async (code: string, period: string) => {
    const res = await ws.request(`/api/v1/status?province=${provinceCode}&period=${period}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { communes: Array<{ code: string; level: string }> }).communes.find((c) => c.code === code)?.level;
  };

  beforeAll(async () => {
    ws = await open();
    const units = ws.ctx.eras.unitsOf('2025-07');
    const old = ws.ctx.eras.unitsOf('pre2025');
    const statuses = await ws.ctx.status.at(TODAY_LAST_PERIOD);
    for (const p of units.provinces) {
      if (old.byCode.get(p.code)?.level !== 'province') continue;
      const xa = units.ruralCommunes(p.code).filter((c) => ws.ctx.standings.recognitionsOf('2025-07', c).length === 0 && (statuses.get(c)?.met ?? 10) < 10);
      if (xa.length >= 6) {
        [provinceCode, free] = [p.code, xa];
        break;
      }
    }
    expect(free.length).toBeGreaterThanOrEqual(6);
    const elsewhere = units.provinces.find((p) => p.code !== provinceCode && old.byCode.get(p.code)?.level === 'province')!;
    [admin, province, otherProvince] = await Promise.all([todayOfficial(ws, 'admin', null), todayOfficial(ws, 'province', provinceCode), todayOfficial(ws, 'province', elsewhere.code)]);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('records đạt chuẩn and hiện đại of a today\'s xã under 51/2025, in today\'s structure, shown on the public map from the effective month', async () => {
    const code = free[0]!;
    expect(await levelAt(code, '2026-03')).toBe('chua_dat');
    const res = await post(province, body(code));
    expect(res.status).toBe(201);
    const r = (await res.json()) as Recognition;
    expect(r).toMatchObject({ structure: '2025-07', unit: { code }, level: 'dat_chuan', provenance: 'official', in_force: true });
    expect(await db().selectFrom('recognition').select('structure').where('id', '=', r.id).executeTakeFirstOrThrow()).toEqual({ structure: '2025-07' });
    expect(await levelAt(code, '2026-02')).toBe('chua_dat');
    expect(await levelAt(code, '2026-03')).toBe('dat_chuan');

    const modern = await post(province, body(code, { level: 'hien_dai', decision: `${code}/QĐ-UBND-HĐ`, decision_date: '2026-06-01' }));
    expect(modern.status).toBe(201);
    expect(await levelAt(code, '2026-05')).toBe('dat_chuan');
    expect(await levelAt(code, '2026-06')).toBe('hien_dai');
  });

  it('refuses a level of another criteria set, a phường, and an effective month outside the decision\'s structure; nothing changes', async () => {
    const before = Number((await db().selectFrom('recognition').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const code = free[1]!;
    const nangCao = await post(province, body(code, { level: 'nang_cao' }));
    expect(nangCao.status).toBe(400);
    expect(((await nangCao.json()) as ErrorBody).error.message).toMatch(/nang_cao is not a level of the 2026-2030 criteria set.*dat_chuan, hien_dai/);
    // Hiện đại did not exist under the 19 criteria: a today's commune recognised in 2025 is đạt chuẩn, nâng cao or kiểu mẫu.
    expect((await post(province, body(code, { level: 'hien_dai', decision_date: '2025-09-15' }))).status).toBe(400);
    const units = ws.ctx.eras.unitsOf('2025-07');
    const ward = units.children(provinceCode).find((u) => u.level === 'commune' && !u.rural && u.changes.length === 0);
    if (ward) expect((await post(province, body(ward.code))).status).toBe(400);
    // Before 1/7/2025 the code means an old unit: a 2024 decision taking effect in 2026 is refused.
    expect((await post(admin, body(code, { decision_date: '2024-05-02', effective_period: '2026-03' }))).status).toBe(400);
    expect(Number((await db().selectFrom('recognition').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
  });

  it('scopes writes to today\'s province: another province\'s officer gets 403 for the recording and the revocation', async () => {
    const code = free[2]!;
    expect((await post(otherProvince, body(code))).status).toBe(403);
    const r = (await (await post(province, body(code))).json()) as Recognition;
    const revoke = { decision: '77/QĐ-UBND', date: '2026-09-01', reason: 'Không còn đạt tiêu chí 5' };
    expect((await otherProvince.request('POST', `/api/v1/admin/recognitions/${r.id}/revocation`, revoke)).status).toBe(403);
    const res = await province.request('POST', `/api/v1/admin/recognitions/${r.id}/revocation`, revoke);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ structure: '2025-07', revoked_date: '2026-09-01' });
    expect(await levelAt(code, '2026-08')).toBe('dat_chuan');
    expect(await levelAt(code, '2026-09')).toBe('chua_dat');
  });

  it('lists the recognitions of today\'s province with the period\'s levels and says that nothing is carried across the merger', async () => {
    const res = await province.request('GET', `/api/v1/admin/recognitions?province=${provinceCode}&period=${TODAY_LAST_PERIOD}`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { structure: string; levels: string[]; note: string; recognitions: Recognition[] };
    expect(list).toMatchObject({ structure: '2025-07', levels: ['dat_chuan', 'hien_dai'] });
    expect(list.note).toMatch(/keeps its predecessors' NTM recognition is not settled/);
    expect(list.recognitions.filter((r) => r.provenance === 'official').map((r) => r.unit.code)).toEqual(expect.arrayContaining([free[0], free[2]]));
    expect(list.recognitions.every((r) => r.structure === '2025-07')).toBe(true);
  });

  it('lists communes recognised under 51/2025 that now fail a criterion, not those recognised under the 19 criteria', async () => {
    const [under51, under318] = [free[3]!, free[4]!];
    expect((await post(province, body(under51, { decision_date: '2026-04-20' }))).status).toBe(201);
    expect((await post(province, body(under318, { decision_date: '2025-10-20' }))).status).toBe(201);
    const res = await province.request('GET', `/api/v1/admin/recognitions/at-risk?province=${provinceCode}&period=${TODAY_LAST_PERIOD}`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { structure: string; criteria_set: string; note: string; communes: Array<{ code: string; level: string; criteria_total: number; criteria: Array<{ number: number; code: string }> }> };
    expect(list).toMatchObject({ structure: '2025-07', criteria_set: '2026-2030' });
    expect(list.note).toMatch(/Only recognitions made under the 2026-2030/);
    const mine = list.communes.find((c) => c.code === under51);
    expect(mine).toMatchObject({ level: 'dat_chuan', criteria_total: 10 });
    expect(mine!.criteria.length).toBeGreaterThan(0);
    expect(mine!.criteria.every((c) => c.number >= 1 && c.number <= 10)).toBe(true);
    expect(list.communes.some((c) => c.code === under318)).toBe(false);
    // The public commune card follows the same rule.
    const card = async (code: string) => ((await (await ws.request(`/api/v1/communes/${code}?period=${TODAY_LAST_PERIOD}`)).json()) as { at_risk: { criteria: number[] } | null }).at_risk;
    expect((await card(under51))?.criteria).toEqual(mine!.criteria.map((c) => c.number));
    expect(await card(under318)).toBeNull();
  });

  it('keeps a pre-2025 recognition of the old unit: the reused code of today\'s xã is untouched', async () => {
    const old = ws.ctx.eras.unitsOf('pre2025');
    const code = free.slice(5).find((c) => old.byCode.get(c)?.level === 'commune' && old.byCode.get(c)!.rural && ws.ctx.standings.recognitionsOf('pre2025', c).length === 0);
    if (!code) return;
    const res = await post(admin, body(code, { decision_date: '2024-05-02', decision: `${code}/QĐ-UBND-2024` }));
    expect(res.status).toBe(201);
    expect(((await res.json()) as Recognition).structure).toBe('pre2025');
    expect(await levelAt(code, TODAY_LAST_PERIOD)).toBe('chua_dat');
    expect(ws.ctx.standings.recognitionsOf('2025-07', code)).toEqual([]);
  });
});
