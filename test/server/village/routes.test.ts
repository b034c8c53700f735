// Workspace village counts on a writable copy of the seeded database (SQLite and PostgreSQL): entering a
// commune's villages (thôn), NTM and model villages by each role in and out of scope, validation, the audit
// trail, the province's village targets, and the counts on the public commune card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Answer {
  commune: { code: string };
  counts: { villages: number; ntm_villages: number; model_villages: number; ntm_share: number | null; model_share: number | null; provenance: string; updated_by: string } | null;
  changed?: boolean;
  targets: Array<{ metric: string; requirement: { ntm_share_min: number | null; model_share_min: number | null; model_villages_min: number | null; applies_to: string } | null; applies: boolean; met: boolean | null }>;
}

describe.each(writableApis())('workspace villages on $name', ({ open }) => {
  let ws: Workspace;
  let code: string;
  let other: string;
  let commune: Official;
  let district610: Official;
  let district611: Official;
  let province62: Official;

  const db = () => ws.ctx.ndb.db;
  const audits = async () => Number((await db().selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const stored = (c: string) => db().selectFrom('village_count').selectAll().where('commune_code', '=', c).executeTakeFirst();
  const put = (who: Official, c: string, body: unknown) => who.request('PUT', `/api/v1/admin/villages/${c}`, body);
  const card = async (c: string) => (await (await ws.request(`/api/v1/communes/${c}`)).json()) as { villages: { villages: number; ntm_villages: number; model_villages: number; ntm_share: number | null; model_share: number | null; provenance: string; updated_by?: string } | null };

  beforeAll(async () => {
    ws = await open();
    code = ws.ctx.units.ruralCommunes('610')[0]!;
    other = ws.ctx.units.ruralCommunes('611')[0]!;
    [commune, district610, district611, province62] = await Promise.all([ws.official('commune', code), ws.official('district', '610'), ws.official('district', '611'), ws.official('province', '62')]);
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('a commune without counts: null on the workspace and on the public card; Kon Tum village targets listed', async () => {
    const res = await commune.request('GET', `/api/v1/admin/villages/${code}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.counts).toBeNull();
    const kontum = body.targets.find((t) => t.metric === 'target_model_village_per_ntm_commune')!;
    expect(kontum.requirement).toMatchObject({ model_villages_min: 1, applies_to: 'recognised_commune' });
    expect(kontum.met).toBeNull();
    expect((await card(code)).villages).toBeNull();
  });

  it('the commune officer enters counts: shares, audit, and the public card shows them as official', async () => {
    const before = await audits();
    const res = await put(commune, code, { villages: 12, ntm_villages: 5, model_villages: 2 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.changed).toBe(true);
    expect(body.counts).toMatchObject({ villages: 12, ntm_villages: 5, model_villages: 2, ntm_share: 41.7, model_share: 16.7, provenance: 'official', updated_by: commune.email });
    expect(await stored(code)).toMatchObject({ villages: 12, ntm_villages: 5, model_villages: 2, updated_by: commune.email });
    expect(await audits()).toBe(before + 1);
    const entry = await db().selectFrom('audit_entry').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'village.update', unit_code: code, entity: 'village_count', before: null, actor: commune.email });
    expect(JSON.parse(entry.after!)).toMatchObject({ villages: 12, ntm_villages: 5, model_villages: 2 });
    const shown = (await card(code)).villages!;
    expect(shown).toMatchObject({ villages: 12, ntm_villages: 5, model_villages: 2, ntm_share: 41.7, model_share: 16.7, provenance: 'official' });
    expect(shown.updated_by).toBeUndefined(); // who entered them stays in the workspace

    // the same counts again: nothing written, nothing audited
    const same = (await (await put(district610, code, { villages: 12, ntm_villages: 5, model_villages: 2 })).json()) as Answer;
    expect(same.changed).toBe(false);
    expect(await audits()).toBe(before + 1);
    // an update keeps the before in the audit
    expect((await put(province62, code, { villages: 12, ntm_villages: 6, model_villages: 3 })).status).toBe(200);
    const update = await db().selectFrom('audit_entry').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(update.before!)).toMatchObject({ ntm_villages: 5 });
    expect((await card(code)).villages).toMatchObject({ ntm_villages: 6, model_villages: 3 });
  });

  it('out of scope 403 and nothing changes; bad counts 400 naming the field; not a rural commune 400; unknown 404', async () => {
    const before = await audits();
    const valid = { villages: 8, ntm_villages: 4, model_villages: 1 };
    for (const [who, c] of [[district610, other], [district611, code], [commune, other]] as const) {
      const res = await put(who, c, valid);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
    }
    expect((await district610.request('GET', `/api/v1/admin/villages/${other}`)).status).toBe(403);
    expect(await stored(other)).toBeUndefined();
    const bad: Array<[unknown, string]> = [
      [{ villages: 10, ntm_villages: 11, model_villages: 0 }, 'ntm_villages'],
      [{ villages: 10, ntm_villages: 5, model_villages: 6 }, 'model_villages'],
      [{ villages: 10.5, ntm_villages: 5, model_villages: 1 }, 'villages'],
      [{ villages: -1, ntm_villages: 0, model_villages: 0 }, 'villages'],
      [{ villages: '10', ntm_villages: 5, model_villages: 1 }, 'villages'],
      [{ villages: 10, model_villages: 1 }, 'ntm_villages'],
      [{ villages: 1e9, ntm_villages: 0, model_villages: 0 }, 'villages'],
    ];
    for (const [body, field] of bad) {
      const res = await put(province62, code, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as ErrorBody).error.message).toContain(`'${field}'`);
    }
    expect((await put(province62, '23341', valid)).status).toBe(400); // Thị trấn Đắk Glei
    expect((await put(province62, '99999', valid)).status).toBe(404);
    expect((await put(province62, "2336'", valid)).status).toBe(400);
    expect((await put(province62, code, valid, )).status).toBe(200);
    expect((await province62.request('PUT', `/api/v1/admin/villages/${code}`, { villages: 9, ntm_villages: 4, model_villages: 1 }, { csrf: false })).status).toBe(403);
    expect(await audits()).toBe(before + 1);
  });

  it('Lào Cai: ≥30% NTM and ≥20% model villages in every commune, judged on the counts', async () => {
    const laoCai = ws.ctx.units.ruralCommunes('10')[0]!;
    const admin = await ws.official('admin', null);
    const below = (await (await put(admin, laoCai, { villages: 10, ntm_villages: 3, model_villages: 1 })).json()) as Answer;
    const target = below.targets.find((t) => t.metric === 'target_share_thon_ntm_per_commune')!;
    expect(target.requirement).toEqual({ ntm_share_min: 30, model_share_min: 20, model_villages_min: null, applies_to: 'every_commune' });
    expect(target).toMatchObject({ applies: true, met: false });
    const meets = (await (await put(admin, laoCai, { villages: 10, ntm_villages: 3, model_villages: 2 })).json()) as Answer;
    expect(meets.targets.find((t) => t.metric === 'target_share_thon_ntm_per_commune')).toMatchObject({ met: true });
  });
});
