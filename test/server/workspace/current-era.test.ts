// The officials' workspace in the current era, on a database of both eras (pre-2025 units to 2025-06, today's
// from 2025-07; the 2026-2030 set of 10 criteria from 2026-02): accounts scoped to a unit of a structure,
// reviews of any month on that month's units and criteria, the import refusing a file of the wrong era, the
// board of today's province grouped by former district, and the role × structure matrix (an officer of the
// old district 610 cannot write a 2026 review of a commune whose predecessors lay in 610).
// The app first: it extends zod with OpenAPI metadata before the account schemas are built.
import { TEST_PASSWORD, writableApis, type Official, type Workspace } from '../../support/workspace.ts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../../server/audit/audit.ts';
import { createUser, UserError } from '../../../server/auth/users.ts';
import type { Role } from '../../../server/db/schema.ts';
import type { ErrorBody } from '../../support/api.ts';

/** Today's Xã Đăk Pék (51, Quảng Ngãi), whose predecessors lay in the old district 610 (Đắk Glei, Kon Tum);
 * before 1/7/2025 the code 23341 was Thị trấn Đắk Glei. */
const PEK = '23341';
/** A pre-2025 rural commune of district 610. */
const OLD_BLO = '23344';

interface Form { version: number | null; criteria_set: { code: string; criteria_count: number }; commune: { structure: string }; groups: Array<{ criteria: Array<{ number: number; met: boolean }> }> }

const criteriaOf = (form: Form) => form.groups.flatMap((g) => g.criteria);
const body = (form: Form, met: (n: number) => boolean, version = form.version) => ({ criteria: criteriaOf(form).map((c) => ({ number: c.number, met: met(c.number) })), ...(version ? { version } : {}) });

describe.each(writableApis('today'))('the workspace in the current era on $name', ({ open }) => {
  let ws: Workspace;
  let admin: Official;
  const account = async (role: Role, unit: string | null, structure?: string): Promise<Official> => {
    const email = `${role}-${unit ?? 'vn'}-${structure ?? 'd'}-${Math.random().toString(36).slice(2, 8)}@example.org`;
    await createUser(ws.ctx.ndb.db, { email, role, password: TEST_PASSWORD, ...(unit ? { unit } : {}), ...(structure ? { structure } : {}) }, cliActor('test'));
    return ws.signIn(email);
  };
  const counts = async () => {
    const db = ws.ctx.ndb.db;
    const n = async (table: 'review' | 'audit_entry') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const official = await db.selectFrom('review').select((eb) => eb.fn.countAll().as('n')).where('provenance', '=', 'official').executeTakeFirstOrThrow();
    return { review: await n('review'), audit: await n('audit_entry'), official: Number(official.n) };
  };

  beforeAll(async () => {
    ws = await open();
    admin = await account('admin', null);
  });
  afterAll(() => ws?.close());

  it('user accounts: a code is read among today\'s units; a reused code needs its structure named; the district role is pre-2025 only', async () => {
    const db = ws.ctx.ndb.db;
    const make = (role: Role, unit: string, structure?: string) => createUser(db, { email: `u${Math.random().toString(36).slice(2)}@example.org`, role, unit, password: TEST_PASSWORD, ...(structure ? { structure } : {}) }, cliActor('test'));
    // 62 was Kon Tum: today it names no province; the refusal names what it became.
    await expect(make('province', '62')).rejects.toThrow(/Tỉnh Kon Tum .*became Tỉnh Quảng Ngãi \(51\)/);
    // 23341 meant Thị trấn Đắk Glei before, Xã Đăk Pék today: refused without a structure, naming both.
    await expect(make('commune', PEK)).rejects.toThrow(/meaning changed .*Xã Đăk Pék.*Thị trấn Đắk Glei/);
    await expect(make('district', '610', '2025-07')).rejects.toThrow(/district role exists only in the pre-2025 structure/);
    await expect(make('province', '51')).resolves.toMatchObject({ structure: '2025-07', unit: '51' });
    await expect(make('commune', PEK, '2025-07')).resolves.toMatchObject({ structure: '2025-07', unit: PEK, unitName: 'Xã Đăk Pék' });
    await expect(make('district', '610')).resolves.toMatchObject({ structure: 'pre2025', unit: '610' });
    await expect(make('province', '62', 'pre2025')).resolves.toMatchObject({ structure: 'pre2025', unit: '62' });
    await expect(make('province', '62')).rejects.toBeInstanceOf(UserError);
  });

  it('a session knows its structure', async () => {
    const officer = await account('commune', PEK, '2025-07');
    const me = (await (await officer.request('GET', '/api/v1/auth/me')).json()) as { user: { unit: { name: string }; structure: { code: string; current: boolean } } };
    expect(me.user.unit.name).toBe('Xã Đăk Pék');
    expect(me.user.structure).toMatchObject({ code: '2025-07', current: true });
    const old = await account('district', '610');
    const meOld = (await (await old.request('GET', '/api/v1/auth/me')).json()) as { user: { structure: { code: string; current: boolean } } };
    expect(meOld.user.structure).toMatchObject({ code: 'pre2025', current: false });
  });

  it('a commune officer of today\'s units reviews 2026-03 on the 10 criteria, 2025-09 on the 19, and the public map follows the save; a stale version gets 409', async () => {
    const officer = await account('commune', PEK, '2025-07');
    const form = (await (await officer.request('GET', `/api/v1/admin/reviews/${PEK}/2026-03`)).json()) as Form;
    expect(form.criteria_set).toMatchObject({ code: '2026-2030', criteria_count: 10 });
    expect(form.commune.structure).toBe('2025-07');
    expect(criteriaOf(form).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const saved = await officer.request('PUT', `/api/v1/admin/reviews/${PEK}/2026-03`, body(form, (n) => n <= 7));
    expect(saved.status, await saved.clone().text()).toBe(200);
    const after = (await saved.json()) as Form & { met_count: number; reviewed_by: string };
    expect(after).toMatchObject({ met_count: 7, reviewed_by: officer.email });
    // The public map of 2026-03 colours the commune from the official review.
    const status = (await (await ws.request('/api/v1/status?province=51&period=2026-03')).json()) as { criteria_count: number; communes: Array<{ code: string; met: number; provenance: string }> };
    expect(status.criteria_count).toBe(10);
    expect(status.communes.find((c) => c.code === PEK)).toMatchObject({ met: 7, provenance: 'official' });
    // The version check: a second save with the version read before is stale.
    const stale = await officer.request('PUT', `/api/v1/admin/reviews/${PEK}/2026-03`, body(form, () => true, after.version! - 1 || 1));
    expect([409]).toContain(stale.status);
    // 19 criteria on today's communes for 2025-07 … 2026-01.
    const sept = (await (await officer.request('GET', `/api/v1/admin/reviews/${PEK}/2025-09`)).json()) as Form;
    expect(sept.criteria_set).toMatchObject({ code: '2021-2025', criteria_count: 19 });
    // 10 criteria for a 19-criteria month: refused, nothing written.
    const wrong = await officer.request('PUT', `/api/v1/admin/reviews/${PEK}/2025-09`, body(form, () => true, sept.version));
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as ErrorBody).error.message).toMatch(/missing criteria 11, 12/);
    // The list of the month follows the set and the deadline.
    const list = (await (await officer.request('GET', '/api/v1/admin/reviews?period=2026-03')).json()) as { structure: string; criteria_set: string; deadline: { date: string }; communes: Array<{ code: string; status: string }> };
    expect(list).toMatchObject({ structure: '2025-07', criteria_set: '2026-2030', deadline: { date: '2026-03-20' } });
    expect(list.communes).toEqual([expect.objectContaining({ code: PEK, status: 'done' })]);
  });

  it('matrix over both structures: the old district 610 reads and corrects its history, and gets a clear 403 on a 2026 review of a commune whose predecessors lay in 610', async () => {
    const old = await account('district', '610');
    const province = await account('province', '51');
    const before = await counts();
    // Old-structure account on today's commune: 403 naming why, for the form, the save, the list and the board.
    for (const [method, path, payload] of [
      ['GET', `/api/v1/admin/reviews/${PEK}/2026-03`, undefined],
      ['PUT', `/api/v1/admin/reviews/${PEK}/2026-03`, { criteria: Array.from({ length: 10 }, (_, i) => ({ number: i + 1, met: true })) }],
      ['GET', '/api/v1/admin/reviews?province=51&period=2026-03', undefined],
      ['GET', '/api/v1/admin/reviews?period=2026-03', undefined],
      ['GET', '/api/v1/admin/reviews?district=610&period=2026-03', undefined],
      ['GET', '/api/v1/admin/board?province=51&period=2026-03', undefined],
      ['GET', '/api/v1/admin/board?district=610&period=2026-03', undefined],
    ] as const) {
      const res = await old.request(method, path, payload);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as ErrorBody).error.message, `${method} ${path}`).toMatch(/pre-2025 units .*rescope/);
    }
    // Today's province officer of 51 on the pre-2025 units (Kon Tum's history): 403 too.
    const history = await province.request('GET', `/api/v1/admin/reviews/${OLD_BLO}/2024-06`);
    expect(history.status).toBe(403);
    expect(((await history.json()) as ErrorBody).error.message).toMatch(/today's units .*rescope/);
    expect(await counts()).toEqual(before);
    // Inside their own structure both work: the old district corrects 2024-06, the province reads 2026-03 of 23341.
    const form = (await (await old.request('GET', `/api/v1/admin/reviews/${OLD_BLO}/2024-06`)).json()) as Form;
    expect(form.criteria_set.criteria_count).toBe(19);
    const corrected = await old.request('PUT', `/api/v1/admin/reviews/${OLD_BLO}/2024-06`, body(form, (n) => n % 2 === 0));
    expect(corrected.status, await corrected.clone().text()).toBe(200);
    expect((await province.request('GET', `/api/v1/admin/reviews/${PEK}/2026-03`)).status).toBe(200);
    // A month of today's structure has no commune 23344 of old... but it does name another: the code is read in 2026-03's units.
    const unknown = await province.request('GET', '/api/v1/admin/reviews/99999/2026-03');
    expect(unknown.status).toBe(404);
  });

  it('an admin rescopes an account (audited, CSRF): the old district officer becomes the officer of today\'s Xã Đăk Pék and can write its 2026 review', async () => {
    const old = await account('district', '610');
    const me = (await (await old.request('GET', '/api/v1/auth/me')).json()) as { user: { id: number } };
    const path = `/api/v1/admin/users/${me.user.id}/scope`;
    // Without the CSRF header: refused; an officer: refused; a reused code without its structure: 400 naming both meanings.
    expect((await admin.request('PUT', path, { role: 'commune', unit: PEK, structure: '2025-07' }, { csrf: false })).status).toBe(403);
    expect((await old.request('PUT', path, { role: 'commune', unit: PEK, structure: '2025-07' })).status).toBe(403);
    const ambiguous = await admin.request('PUT', path, { role: 'commune', unit: PEK });
    expect(ambiguous.status, await ambiguous.clone().text()).toBe(400);
    expect(((await ambiguous.json()) as ErrorBody).error.message).toMatch(/meaning changed/);
    const bad = await admin.request('PUT', path, { role: 'district', unit: '610', structure: '2025-07' });
    expect(bad.status, await bad.clone().text()).toBe(400);
    const res = await admin.request('PUT', path, { role: 'commune', unit: PEK, structure: '2025-07' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ before: { role: 'district', unit: '610', structure: 'pre2025' }, after: { role: 'commune', unit: PEK, structure: '2025-07', unit_name: 'Xã Đăk Pék' } });
    const audit = await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().where('action', '=', 'user.rescope').where('entity_id', '=', String(me.user.id)).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.unit_structure).toBe('2025-07');
    // The open session carries on under the new scope.
    const form = (await (await old.request('GET', `/api/v1/admin/reviews/${PEK}/2026-04`)).json()) as Form;
    expect(form.criteria_set.criteria_count).toBe(10);
    expect((await old.request('PUT', `/api/v1/admin/reviews/${PEK}/2026-04`, body(form, () => true))).status).toBe(200);
  });

  it('import: a 19-criteria file for 2026-03 and a code of the wrong era are refused with line and column, nothing applied; the 10-criteria template of 2026-03 applies', async () => {
    const province = await account('province', '51');
    const upload = (csv: string, dryRun = '0') => {
      const form = new FormData();
      form.set('file', new Blob([csv], { type: 'text/csv' }), 'bao-cao.csv');
      return province.request('POST', `/api/v1/admin/imports?dryRun=${dryRun}`, form);
    };
    const before = await counts();
    const tc19 = Array.from({ length: 19 }, (_, i) => `TC${String(i + 1).padStart(2, '0')}`);
    const wide19 = `Mã xã,Kỳ báo cáo,${tc19.join(',')}\n${PEK},2026-03,${tc19.map(() => 'Đạt').join(',')}\n`;
    const refused = await upload(wide19);
    expect(refused.status).toBe(400);
    const errors = ((await refused.json()) as ErrorBody & { error: { details: { errors: Array<{ line: number; column: string; message: string }> } } }).error.details.errors;
    expect(errors[0], JSON.stringify(errors)).toMatchObject({ line: 2, column: 'M' });
    expect(errors[0]!.message).toMatch(/TC11 is not a criterion of 2026-03.*10 criteria of the 2026-2030 set/);
    // A pre-2025 commune code (23344 is Xã Đắk Blô of the old units, not a commune of 2026-03's units: today's 23344 is Xã Đăk Plô, so use a code that no longer exists).
    const gone = await ws.ctx.ndb.db.selectFrom('unit as o').select('o.code').where('o.structure', '=', 'pre2025').where('o.level', '=', 'commune').where('o.rural', '=', 1).where('o.province_code', '=', '62')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('unit as n').select('n.code').where('n.structure', '=', '2025-07').whereRef('n.code', '=', 'o.code')))).executeTakeFirstOrThrow();
    const long = `Mã xã,Kỳ báo cáo,Tiêu chí,Đạt\n${gone.code},2026-03,TC01,Đạt\n${PEK},2026-03,TC15,Đạt\n`;
    const wrongEra = await upload(long);
    expect(wrongEra.status).toBe(400);
    const issues = ((await wrongEra.json()) as { error: { details: { errors: Array<{ line: number; column: string; message: string }> } } }).error.details.errors;
    expect(issues).toEqual([
      expect.objectContaining({ line: 2, column: 'A', message: expect.stringMatching(/pre-2025 communes .*not one of today's communes/) }),
      expect.objectContaining({ line: 3, column: 'C', message: expect.stringMatching(/unknown criterion "TC15": the 2026-2030 set has criteria 1 to 10/) }),
    ]);
    expect(await counts()).toEqual(before);
    // The template of 2026-03 for the province: wide, TC01 … TC10, today's communes of 51.
    const template = await province.request('GET', '/api/v1/admin/imports/template?province=51&period=2026-03&layout=wide&format=csv');
    expect(template.status).toBe(200);
    const text = (await template.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe(`Mã xã,Tên xã,Kỳ báo cáo,${tc19.slice(0, 10).join(',')},Ghi chú`);
    expect(rows.some((r) => r.startsWith(`${PEK},Xã Đăk Pék,2026-03,`))).toBe(true);
    const xlsx = await province.request('GET', '/api/v1/admin/imports/template?province=51&period=2026-03&layout=long&format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(String(book.getWorksheet('Hướng dẫn')!.getCell(1, 1).value)).toMatch(/51\/2025\/QĐ-TTg.*10 tiêu chí/);
    // Applied: the template's row of 23341, every criterion met.
    const mine = rows.find((r) => r.startsWith(`${PEK},`))!.split(',');
    const applied = await upload(`${header}\n${[...mine.slice(0, 3), ...Array(10).fill('Đạt'), ''].join(',')}\n`);
    expect(applied.status, await applied.clone().text()).toBe(200);
    const review = await ws.ctx.ndb.db.selectFrom('review').selectAll().where('structure', '=', '2025-07').where('commune_code', '=', PEK).where('period', '=', '2026-03').executeTakeFirstOrThrow();
    expect(review).toMatchObject({ provenance: 'official', set_code: '2026-2030', met_count: 10 });
  });

  it('the board of today\'s province 51 for 2026-03: communes due, missing reviews, grouped by former district on request, XLSX with the 10 criteria', async () => {
    const province = await account('province', '51');
    const plain = (await (await province.request('GET', '/api/v1/admin/board?province=51&period=2026-03')).json()) as {
      structure: string; criteria_set: string; grouped_by: string | null; reviews: { due: number; missing: number; by_district: Array<{ code: string; due: number }>; missing_communes: Array<{ code: string }> }; changes: { criteria: unknown[] };
    };
    expect(plain).toMatchObject({ structure: '2025-07', criteria_set: '2026-2030', grouped_by: null });
    expect(plain.reviews.due).toBe(ws.ctx.eras.unitsOf('2025-07').ruralCommunes('51', '2026-03').length);
    expect(plain.reviews.by_district).toEqual([]);
    expect(plain.changes.criteria).toHaveLength(10);
    const grouped = (await (await province.request('GET', '/api/v1/admin/board?province=51&period=2026-03&group=former_district')).json()) as typeof plain;
    expect(grouped.grouped_by).toBe('former_district');
    expect(grouped.reviews.by_district.find((d) => d.code === '610')?.due).toBeGreaterThan(0);
    const district = await province.request('GET', '/api/v1/admin/board?district=610&period=2026-03');
    expect(district.status).toBe(200);
    const xlsx = await province.request('GET', '/api/v1/admin/board?province=51&period=2026-03&format=xlsx&group=former_district');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const names = book.worksheets.map((w) => w.name);
    expect(names.length).toBeGreaterThan(3);
  });
});
