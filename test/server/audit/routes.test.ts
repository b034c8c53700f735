// GET /api/v1/admin/audit on a writable copy of the seeded database (SQLite and PostgreSQL): what each role
// sees, the unit/date/action/actor filters, keyset pagination, and that the trail is append-only (no route
// edits or deletes an entry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, cliActor } from '../../../server/audit/audit.ts';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Entry {
  id: number;
  at: string;
  actor: string;
  user_id: number | null;
  action: string;
  unit: { code: string; name: string | null; level: string | null } | null;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}
interface Page { entries: Entry[]; next_before: number | null }

const ACTION = 'test.change';

describe.each(writableApis())('audit trail on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  let commune610: string;
  let commune611: string;
  let commune10: string;
  /** entity_id of each seeded entry, by name */
  const seeded = ['commune610', 'district610', 'province62', 'commune611', 'commune10', 'nounit', 'commune610-late'] as const;

  const count = async () => Number((await ws.ctx.ndb.db.selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const page = async (who: Official, query: string): Promise<Page> => {
    const res = await who.request('GET', `/api/v1/admin/audit?${query}`);
    expect(res.status, `${query}: ${res.status}`).toBe(200);
    return (await res.json()) as Page;
  };
  const ids = (p: Page) => p.entries.map((e) => e.entity_id);

  beforeAll(async () => {
    ws = await open();
    const rural = (district: string) => ws.ctx.units.ruralCommunes(district)[0]!;
    commune610 = rural('610');
    commune611 = rural('611');
    commune10 = ws.ctx.units.ruralCommunes('10')[0]!;
    const units: Record<(typeof seeded)[number], string | null> = {
      commune610,
      district610: '610',
      province62: '62',
      commune611,
      commune10,
      nounit: null,
      'commune610-late': commune610,
    };
    // Times: 2025-03-01 05:00 UTC … one a day; the last one at 2025-03-10T20:00Z = 2025-03-11 03:00 in Vietnam.
    await ws.ctx.ndb.db.transaction().execute(async (trx) => {
      let day = 1;
      for (const name of seeded) {
        const at = name === 'commune610-late' ? new Date('2025-03-10T20:00:00.000Z') : new Date(Date.UTC(2025, 2, day++, 5));
        await appendAudit(trx, cliActor('audit-test'), { action: ACTION, unit: units[name], entity: 'review', entityId: name, before: { met: [1, 2] }, after: { met: [1, 2, 3], note: "' or 1=1 --" } }, at);
      }
    });
    admin = await ws.official('admin', null);
  });
  afterAll(() => ws?.close());

  it('admin sees every entry, newest first, with unit names and the before/after records parsed', async () => {
    const p = await page(admin, `action=${ACTION}`);
    expect(ids(p)).toEqual([...seeded].reverse());
    expect(p.next_before).toBeNull();
    const first = p.entries.find((e) => e.entity_id === 'district610')!;
    expect(first).toMatchObject({ actor: 'cli:audit-test', user_id: null, action: ACTION, entity: 'review', unit: { code: '610', name: 'Huyện Đắk Glei', level: 'district' } });
    expect(first.before).toEqual({ met: [1, 2] });
    expect(first.after).toEqual({ met: [1, 2, 3], note: "' or 1=1 --" });
    expect(first.at).toBe('2025-03-02T05:00:00.000Z');
    expect(p.entries.find((e) => e.entity_id === 'nounit')!.unit).toBeNull();
  });

  it('province, district and commune officers see the entries of their unit and the units under it; entries without a unit are for admins', async () => {
    const province = await ws.official('province', '62');
    expect(ids(await page(province, `action=${ACTION}`))).toEqual(['commune610-late', 'commune611', 'province62', 'district610', 'commune610']);
    const district = await ws.official('district', '610');
    expect(ids(await page(district, `action=${ACTION}`))).toEqual(['commune610-late', 'district610', 'commune610']);
    const commune = await ws.official('commune', commune610);
    expect(ids(await page(commune, `action=${ACTION}`))).toEqual(['commune610-late', 'commune610']);
    const other = await ws.official('province', '10');
    expect(ids(await page(other, `action=${ACTION}`))).toEqual(['commune10']);
    // Without filters either: nothing outside the scope, whatever the action.
    const all = await page(district, 'limit=500');
    expect(all.entries.length).toBeGreaterThan(0);
    const allowed = new Set(['610', ...ws.ctx.units.children('610').map((u) => u.code)]);
    for (const e of all.entries) expect(allowed.has(e.unit?.code ?? '(none)'), JSON.stringify(e.unit)).toBe(true);
  });

  it('user accounts created from the command line are audited, and an admin account (no unit) only admins see', async () => {
    const email = await ws.addUser('admin', null);
    const p = await page(admin, 'action=user.create&actor=cli:test&limit=500');
    const entry = p.entries.find((e) => (e.after as { email?: string } | null)?.email === email)!;
    expect(entry).toMatchObject({ entity: 'app_user', unit: null, before: null, after: { email, role: 'admin', unit: null } });
    const province = await ws.official('province', '62');
    expect((await page(province, 'action=user.create&limit=500')).entries.some((e) => e.unit === null)).toBe(false);
  });

  it('filters by unit (the unit and everything under it); 403 outside the scope, 404 for an unknown unit', async () => {
    expect(ids(await page(admin, `action=${ACTION}&unit=62`))).toEqual(['commune610-late', 'commune611', 'province62', 'district610', 'commune610']);
    expect(ids(await page(admin, `action=${ACTION}&unit=611`))).toEqual(['commune611']);
    const district = await ws.official('district', '610');
    expect(ids(await page(district, `action=${ACTION}&unit=${commune610}`))).toEqual(['commune610-late', 'commune610']);
    for (const unit of ['611', '62', commune611, '10']) {
      const res = await district.request('GET', `/api/v1/admin/audit?unit=${unit}`);
      expect(res.status, unit).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('forbidden');
    }
    const unknown = await district.request('GET', '/api/v1/admin/audit?unit=99999');
    expect(unknown.status).toBe(404);
  });

  it('filters by date, inclusive, in Vietnam time; from after to is a 400', async () => {
    expect(ids(await page(admin, `action=${ACTION}&from=2025-03-02&to=2025-03-04`))).toEqual(['commune611', 'province62', 'district610']);
    // 2025-03-10T20:00Z is 11 March in Vietnam.
    expect(ids(await page(admin, `action=${ACTION}&from=2025-03-11&to=2025-03-11`))).toEqual(['commune610-late']);
    expect(ids(await page(admin, `action=${ACTION}&to=2025-03-10`))).toEqual(['nounit', 'commune10', 'commune611', 'province62', 'district610', 'commune610']);
    const reversed = await admin.request('GET', '/api/v1/admin/audit?from=2025-03-05&to=2025-03-01');
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as ErrorBody).error).toMatchObject({ code: 'invalid_parameter', message: expect.stringContaining("'from'") });
    for (const bad of ['from=2025-02-30', 'to=2025-13-01', 'from=yesterday', 'to=2025-3-1']) {
      const res = await admin.request('GET', `/api/v1/admin/audit?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as ErrorBody).error.message).toContain(`'${bad.split('=')[0]}'`);
    }
  });

  it('filters by action and actor; injection-looking values are refused or match nothing, and change nothing', async () => {
    expect((await page(admin, `action=${ACTION}&actor=CLI:AUDIT-TEST`)).entries).toHaveLength(seeded.length);
    expect((await page(admin, `action=${ACTION}&actor=someone@example.org`)).entries).toHaveLength(0);
    const before = await count();
    const actorInjection = await page(admin, `actor=${encodeURIComponent("x' or '1'='1")}`);
    expect(actorInjection.entries).toHaveLength(0);
    const actionInjection = await admin.request('GET', `/api/v1/admin/audit?action=${encodeURIComponent("review.save'; drop table audit_entry; --")}`);
    expect(actionInjection.status).toBe(400);
    expect(((await actionInjection.json()) as ErrorBody).error.message).toContain("'action'");
    const unitInjection = await admin.request('GET', `/api/v1/admin/audit?unit=${encodeURIComponent("62' or 1=1")}`);
    expect(unitInjection.status).toBe(400);
    const huge = await admin.request('GET', `/api/v1/admin/audit?actor=${'a'.repeat(5000)}`);
    expect(huge.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('pages newest first with `before` (keyset): the pages join up into the whole list, without repeats', async () => {
    const whole = ids(await page(admin, `action=${ACTION}`));
    const seen: Array<string | null> = [];
    let query = `action=${ACTION}&limit=3`;
    for (let i = 0; i < 10; i++) {
      const p = await page(admin, query);
      expect(p.entries.length).toBeLessThanOrEqual(3);
      seen.push(...ids(p));
      if (p.next_before === null) break;
      expect(p.next_before).toBe(p.entries.at(-1)!.id);
      query = `action=${ACTION}&limit=3&before=${p.next_before}`;
    }
    expect(seen).toEqual(whole);
    // An entry appended between two pages does not shift the later pages.
    const first = await page(admin, `action=${ACTION}&limit=3`);
    await appendAudit(ws.ctx.ndb.db, cliActor('audit-test'), { action: ACTION, unit: '62', entity: 'review', entityId: 'between', before: null, after: null });
    const second = await page(admin, `action=${ACTION}&limit=3&before=${first.next_before}`);
    expect(ids(second)).toEqual(whole.slice(3, 6));
    await ws.ctx.ndb.db.deleteFrom('audit_entry').where('entity_id', '=', 'between').execute();
  });

  it('limit is 1 to 500', async () => {
    expect((await page(admin, 'limit=500')).entries.length).toBeLessThanOrEqual(500);
    for (const bad of ['limit=0', 'limit=501', 'limit=-1', 'limit=2.5', 'limit=ten', 'before=0', 'before=x']) {
      const res = await admin.request('GET', `/api/v1/admin/audit?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe('invalid_parameter');
    }
  });

  it('needs a session, and is never cached', async () => {
    const anonymous = await ws.request('/api/v1/admin/audit');
    expect(anonymous.status).toBe(401);
    const res = await admin.request('GET', '/api/v1/admin/audit?limit=1');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('is append-only: no method edits or deletes an entry, and the trail is unchanged', async () => {
    const before = await count();
    const [{ id }] = (await page(admin, `action=${ACTION}&limit=1`)).entries as [Entry];
    const snapshot = await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().orderBy('id').execute();
    for (const path of ['/api/v1/admin/audit', `/api/v1/admin/audit/${id}`, `/api/v1/admin/audit?id=${id}`]) {
      for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
        const res = await admin.request(method, path, { before: null, after: { forged: true } });
        expect([404, 405], `${method} ${path}: ${res.status}`).toContain(res.status);
      }
    }
    // With a forged origin or no session either.
    const forged = await ws.request(`/api/v1/admin/audit/${id}`, { method: 'DELETE', headers: { Origin: 'https://evil.example' } });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);
    expect(await count()).toBe(before);
    expect(await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().orderBy('id').execute()).toEqual(snapshot);
  });
});
