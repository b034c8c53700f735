// The spreadsheet import of monthly reviews (GET /admin/imports/template, POST /admin/imports) on writable
// copies of the seeded database, SQLite and PostgreSQL: the template and its round trip, the dry-run
// preview, applying in one transaction or nothing, every error with line and column, scope, CSRF, limits.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Issue { line: number; column: string | null; header: string | null; value: string; message: string }
interface ImportResult {
  dry_run: boolean;
  applied: boolean;
  import_id: string | null;
  file: { name: string; format: string; layout: string; rows: number };
  counts: { reviews: number; new: number; changed: number; confirmed: number; unchanged: number; criteria_gained: number; criteria_lost: number; unchanged_values: number };
  reviews: Array<{ commune: string; period: string; status: string; version_before: number | null; version_after: number | null; gained: number[]; lost: number[]; kept: number[]; kept_from: string | null; notes_changed: string[]; lines: number[] }>;
}

const DAK_BLO = '23344'; // district 610 (Đắk Glei), Kon Tum
const MUONG_HOONG = '23362'; // district 610
const DAK_ANG = '23380'; // district 611
const THONG_NHAT = '02659'; // Lào Cai
const LONG = 'Mã xã,Tên xã,Kỳ báo cáo,Tiêu chí,Đạt,Ghi chú';

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;
const met = (mask: number, n: number) => ((mask >> (n - 1)) & 1) === 1;

describe.each(writableApis())('review import on $name', ({ open }) => {
  let ws: Workspace;
  let district: Official;
  const upload = (who: Official, content: string | Uint8Array, name: string, dryRun: 0 | 1 = 1, options: { csrf?: boolean } = {}) => {
    const form = new FormData();
    form.append('file', new Blob([content as BlobPart]), name);
    return who.request('POST', `/api/v1/admin/imports?dryRun=${dryRun}`, form, options);
  };
  const result = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as ImportResult;
  };
  const refusal = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    return ((await res.json()) as ErrorBody).error as { code: string; message: string; details: { errors: Issue[]; error_count: number; lines?: number[] } };
  };
  const review = (commune: string, period: string) => ws.ctx.ndb.db.selectFrom('review').selectAll().where('commune_code', '=', commune).where('period', '=', period).executeTakeFirst();
  /** A fingerprint of every review of district 610 and the audit trail's length: "nothing changed" when equal. */
  const snapshot = async () => {
    const rows = await ws.ctx.ndb.db.selectFrom('review').select(['commune_code', 'period', 'met_mask', 'version', 'provenance', 'notes']).where('commune_code', 'like', '233%').where('period', '>=', '2025-01').orderBy('id').execute();
    const audit = await ws.ctx.ndb.db.selectFrom('audit_entry').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { rows: createHash('sha256').update(JSON.stringify(rows)).digest('hex'), audit: Number(audit.n) };
  };

  beforeAll(async () => {
    ws = await open();
    district = await ws.official('district', '610');
  });
  afterAll(() => ws?.close());

  it('the CSV template has the Vietnamese headers and the district\'s communes, Đạt pre-filled from the latest review', async () => {
    const res = await district.request('GET', '/api/v1/admin/imports/template?format=csv&layout=long&district=610&period=2025-06');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/csv/);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="ra-soat-ntm_610_2025-06_long.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark, for Excel
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe(LONG);
    expect(lines).toHaveLength(1 + 11 * 19);
    const stored = (await review(DAK_BLO, '2025-06'))!;
    for (let n = 1; n <= 19; n++) expect(lines.find((l) => l.startsWith(`${DAK_BLO},`) && l.includes(`,TC${String(n).padStart(2, '0')},`))).toMatch(met(stored.met_mask, n) ? /,Đạt,$/ : /,Không đạt,$/);
    const wide = await (await district.request('GET', '/api/v1/admin/imports/template?layout=wide')).text();
    expect(wide.trim()).toBe(`Mã xã,Tên xã,Kỳ báo cáo,${Array.from({ length: 19 }, (_, i) => `TC${String(i + 1).padStart(2, '0')}`).join(',')},Ghi chú`);
    expect((await district.request('GET', '/api/v1/admin/imports/template?district=611')).status).toBe(403);
    expect((await district.request('GET', '/api/v1/admin/imports/template?province=62')).status).toBe(403);
    expect((await district.request('GET', '/api/v1/admin/imports/template?format=pdf')).status).toBe(400);
  });

  it('round trip: download the template, fill it, dry run → no errors, the preview says what changes, and nothing is written', async () => {
    const text = await (await district.request('GET', '/api/v1/admin/imports/template?district=610&period=2025-06')).text();
    const stored = (await review(DAK_BLO, '2025-06'))!;
    const flip = (line: string) => (line.endsWith(',Đạt,') ? line.replace(/,Đạt,$/, ',Không đạt,') : line.replace(/,Không đạt,$/, ',Đạt,'));
    const edited = text
      .split('\r\n')
      .map((l) => (l.startsWith(`${DAK_BLO},`) && (l.includes(',TC04,') || l.includes(',TC11,')) ? flip(l) : l))
      .join('\r\n');
    const before = await snapshot();
    const body = await result(await upload(district, edited, 'ra-soat.csv'));
    expect(body).toMatchObject({ dry_run: true, applied: false, import_id: null, file: { name: 'ra-soat.csv', format: 'csv', layout: 'long', rows: 209 } });
    // the other ten communes' illustrative records would become official with the same values
    expect(body.counts).toMatchObject({ reviews: 11, new: 0, changed: 1, confirmed: 10, unchanged: 0, unchanged_values: 207 });
    const change = body.reviews.find((r) => r.commune === DAK_BLO)!;
    expect(change).toMatchObject({ status: 'changed', version_before: stored.version, version_after: stored.version + 1, kept: [], kept_from: null });
    expect(change.gained).toEqual([4, 11].filter((n) => !met(stored.met_mask, n)));
    expect(change.lost).toEqual([4, 11].filter((n) => met(stored.met_mask, n)));
    expect(await snapshot()).toEqual(before);
  });

  it('XLSX round trip (wide layout): the workbook template filled in Excel form imports without errors', async () => {
    const res = await district.request('GET', '/api/v1/admin/imports/template?format=xlsx&layout=wide&district=610&period=2025-05');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Rà soát');
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã xã');
    expect(sheet.rowCount).toBe(12);
    sheet.getRow(2).getCell(4).value = 1; // TC01 of the first commune: a number, as Excel users type it
    sheet.getRow(2).getCell(23).value = 'Đã rà soát tại thực địa';
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const body = await result(await upload(district, filled, 'ra-soat.xlsx'));
    expect(body.file).toEqual({ name: 'ra-soat.xlsx', format: 'xlsx', layout: 'wide', rows: 11 });
    expect(body.counts.reviews).toBe(11);
    expect(body.reviews[0]!.notes_changed).toEqual(['general']);
  });

  it('applies the whole file: official, versions bumped, one audit entry per written review with the import id, and the public map shows it', async () => {
    const stored = (await review(MUONG_HOONG, '2025-07'))!;
    const rows = Array.from({ length: 19 }, (_, i) => `${MUONG_HOONG},Xã Mường Hoong,2025-07,${i + 1},${i < 10 ? 'Đạt' : 'không đạt'},${i === 18 ? 'Chưa đạt an ninh trật tự' : ''}`);
    const auditBefore = (await snapshot()).audit;
    const body = await result(await upload(district, csv([LONG, ...rows, `${DAK_BLO},,07/2025,TC01,x,`]), 'thang7.csv', 0));
    expect(body).toMatchObject({ dry_run: false, applied: true, counts: { reviews: 2 } });
    expect(body.import_id).toMatch(/^imp-\d{8}-[0-9a-f]{8}$/);
    const now = (await review(MUONG_HOONG, '2025-07'))!;
    expect(now).toMatchObject({ met_mask: 0b1111111111, met_count: 10, provenance: 'official', version: stored.version + 1, reviewed_by: district.email });
    expect(now.source).toContain(body.import_id!);
    expect(JSON.parse(now.notes!)).toEqual({ '19': 'Chưa đạt an ninh trật tự' });
    // Đắk Blô: only TC01 given, the 18 others kept from that month's review
    const blo = body.reviews.find((r) => r.commune === DAK_BLO)!;
    expect(blo).toMatchObject({ kept_from: '2025-07', lines: [21] });
    expect(blo.kept).toHaveLength(18);
    const entries = await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().where('action', '=', 'import.apply').execute();
    expect(entries).toHaveLength(2);
    expect((await snapshot()).audit).toBe(auditBefore + 2);
    for (const e of entries) expect(JSON.parse(e.after!)).toMatchObject({ import_id: body.import_id, provenance: 'official' });
    expect(JSON.parse(entries.find((e) => e.unit_code === MUONG_HOONG)!.before!)).toMatchObject({ version: stored.version, provenance: 'illustrative' });
    const status = (await (await ws.request('/api/v1/status?district=610&period=2025-07')).json()) as { communes: Array<{ code: string; met: number; provenance: string }> };
    expect(status.communes.find((c) => c.code === MUONG_HOONG)).toMatchObject({ met: 10, provenance: 'official' });
    // the same file again: official reviews with the same values are left alone
    const again = await result(await upload(district, csv([LONG, ...rows]), 'thang7.csv', 0));
    expect(again.counts).toMatchObject({ unchanged: 1, changed: 0 });
    expect((await review(MUONG_HOONG, '2025-07'))!.version).toBe(stored.version + 1);
  });

  it('a month without a review starts from the latest earlier one, and the preview says so', async () => {
    const previous = (await review(DAK_BLO, '2025-12'))!;
    const body = await result(await upload(district, csv([LONG, `${DAK_BLO},,2026-01,TC02,Đạt,`, `${DAK_BLO},,2026-01,TC03,Không đạt,`]), 'jan.csv', 0));
    const r = body.reviews[0]!;
    expect(r).toMatchObject({ status: 'new', version_before: null, version_after: 1, kept_from: '2025-12' });
    expect(r.kept).toEqual([1, ...Array.from({ length: 16 }, (_, i) => i + 4)]);
    const stored = (await review(DAK_BLO, '2026-01'))!;
    expect(stored.met_mask).toBe((previous.met_mask | 0b10) & ~0b100);
    expect(stored).toMatchObject({ version: 1, provenance: 'official' });
  });

  it('reports every error with its line and column, and changes nothing', async () => {
    const before = await snapshot();
    const file = csv([
      LONG,
      `99999,Xã Không Có,2025-06,1,Đạt,`, // 2: unknown commune
      `23341,Thị trấn Đắk Glei,2025-06,1,Đạt,`, // 3: not a rural commune
      `${DAK_BLO},,2025-13,1,Đạt,`, // 4: bad month
      `${DAK_BLO},,2099-01,1,Đạt,`, // 5: future month
      `${DAK_BLO},,2025-06,TC20,Đạt,`, // 6: unknown criterion
      `${DAK_BLO},,2025-06,2,maybe,`, // 7: bad value
      `${DAK_BLO},,2025-06,3,,`, // 8: empty value
      `${DAK_BLO},,2025-06,4,Đạt,`, // 9
      `${DAK_BLO},,06/2025,TC04,Không đạt,`, // 10: duplicate of line 9
      `${DAK_BLO},,2025-06,5,Đạt,${'x'.repeat(2001)}`, // 11: note too long
      `${DAK_BLO},,2020-12,6,Đạt,`, // 12: outside the criteria set
    ]);
    for (const dryRun of [1, 0] as const) {
      const err = await refusal(await upload(district, file, 'bad.csv', dryRun), 400);
      expect(err.code).toBe('invalid_file');
      expect(err.message).toMatch(/^10 errors in bad\.csv, nothing was imported: line 2, column A \(Mã xã\): unknown commune code "99999"/);
      const at = (line: number) => err.details.errors.filter((e) => e.line === line).map((e) => `${e.column} ${e.message}`);
      expect(at(2)).toEqual(['A unknown commune code "99999"']);
      expect(at(3)[0]).toMatch(/^A .*not a rural commune/);
      expect(at(4)[0]).toMatch(/^C "2025-13" is not a month/);
      expect(at(5)[0]).toMatch(/^C 2099-01 is after the current month/);
      expect(at(6)[0]).toMatch(/^D unknown criterion "TC20": the 2021-2025 set has criteria 1 to 19/);
      expect(at(7)[0]).toMatch(/^E "maybe" is not a value of Đạt: write Đạt, Không đạt, 1, 0, x, có, không/);
      expect(at(8)[0]).toMatch(/^E Đạt is empty/);
      expect(at(10)[0]).toMatch(/^D commune 23344, criterion 4 and month 2025-06 are already on line 9/);
      expect(at(11)[0]).toMatch(/^F Ghi chú is 2001 characters/);
      expect(at(12)[0]).toMatch(/^C no criteria set applies to 2020-12/);
      expect(err.details.error_count).toBe(10);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an import whose last row is bad changes nothing', async () => {
    const before = await snapshot();
    const rows = Array.from({ length: 19 }, (_, i) => `${DAK_BLO},,2025-08,${i + 1},Không đạt,`);
    const err = await refusal(await upload(district, csv([LONG, ...rows, `${MUONG_HOONG},,2025-08,1,perhaps,`]), 'last.csv', 0), 400);
    expect(err.details.errors).toEqual([{ line: 21, column: 'E', header: 'Đạt', value: 'perhaps', message: expect.stringMatching(/not a value of Đạt/) }]);
    expect(await snapshot()).toEqual(before);
  });

  it('a wrong header names the expected headers', async () => {
    const err = await refusal(await upload(district, csv(['Ma xa,Ky,Tieu chi,Dat', `${DAK_BLO},2025-06,1,1`]), 'header.csv'), 400);
    expect(err.code).toBe('invalid_file');
    expect(err.message).toMatch(/Line 1 \(header row\): missing Mã xã, Kỳ báo cáo.*unknown columns "Ma xa", "Ky", "Tieu chi", "Dat".*expected the long layout \(Mã xã, Tên xã, Kỳ báo cáo, Tiêu chí, Đạt, Ghi chú\) or the wide layout \(Mã xã, Tên xã, Kỳ báo cáo, TC01, TC02/);
  });

  it('roles: each imports its own communes; a file with a commune outside the scope is refused with 403 naming the lines, nothing changes', async () => {
    const line = (commune: string, period: string) => `${commune},,${period},1,Đạt,`;
    const insiders: Array<[Official, string]> = [
      [await ws.official('admin', null), THONG_NHAT],
      [await ws.official('province', '62'), DAK_ANG],
      [district, MUONG_HOONG],
      [await ws.official('commune', MUONG_HOONG), MUONG_HOONG],
    ];
    for (const [i, [who, commune]] of insiders.entries()) {
      const body = await result(await upload(who, csv([LONG, line(commune, `2024-0${i + 1}`)]), 'ok.csv', 0));
      expect(body.applied).toBe(true);
      expect((await review(commune, `2024-0${i + 1}`))!.reviewed_by).toBe(who.email);
    }
    const outsiders: Array<[Official, string[], number[]]> = [
      [district, [line(DAK_BLO, '2025-09'), line(DAK_ANG, '2025-09'), line(THONG_NHAT, '2025-09')], [3, 4]],
      [await ws.official('province', '62'), [line(DAK_BLO, '2025-09'), line(THONG_NHAT, '2025-09')], [3]],
      [await ws.official('commune', MUONG_HOONG), [line(MUONG_HOONG, '2025-09'), line(DAK_BLO, '2025-09')], [3]],
    ];
    const before = await snapshot();
    for (const [who, rows, lines] of outsiders) {
      for (const dryRun of [1, 0] as const) {
        const err = await refusal(await upload(who, csv([LONG, ...rows]), 'scope.csv', dryRun), 403);
        expect(err.code).toBe('forbidden');
        expect(err.message).toMatch(new RegExp(`^Refused: lines? ${lines.join(', ')} of scope\\.csv name communes outside your scope`));
        expect(err.details.lines).toEqual(lines);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('CSRF missing → 403 and nothing changes; no session → 401; a file over 8 MB → 413', async () => {
    const before = await snapshot();
    const file = csv([LONG, `${DAK_BLO},,2025-10,1,Đạt,`]);
    const err = await refusal(await upload(district, file, 'a.csv', 0, { csrf: false }), 403);
    expect(err.code).toBe('csrf');
    const form = new FormData();
    form.append('file', new Blob([file]), 'a.csv');
    expect((await ws.request('/api/v1/admin/imports?dryRun=0', { method: 'POST', body: form })).status).toBe(401);
    const huge = new Uint8Array(21 * 1024 * 1024).fill(0x41);
    expect((await upload(district, huge, 'huge.csv', 0)).status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it('reads CSV without BOM, with semicolons, and refuses a file that is not UTF-8 or has no file field', async () => {
    const semicolon = await result(await upload(district, 'Mã xã;Kỳ báo cáo;Tiêu chí;Đạt\n23344;6/2025;tiêu chí 7;có\n', 's.csv'));
    expect(semicolon.counts.reviews).toBe(1);
    const latin = new Uint8Array([...new TextEncoder().encode('Mã xã,Kỳ báo cáo,Tiêu chí,Đạt\n23344,2025-06,1,'), 0xc4, 0x0a]);
    expect((await refusal(await upload(district, latin, 'latin.csv'), 400)).message).toMatch(/not UTF-8/);
    const noFile = new FormData();
    noFile.append('other', 'x');
    const res = await district.request('POST', '/api/v1/admin/imports', noFile);
    expect(res.status).toBe(400);
    expect((await res.json()) as ErrorBody).toMatchObject({ error: { code: 'invalid_parameter', message: expect.stringMatching(/file/) } });
    expect((await refusal(await upload(district, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.xlsx'), 400)).message).toMatch(/XLSX workbook cannot be read/);
    expect((await refusal(await upload(district, `${LONG}\r\n`, 'empty.csv'), 400)).message).toMatch(/no data rows/);
    expect((await refusal(await upload(district, '', 'nothing.csv'), 400)).message).toMatch(/has no rows/);
  });

  it('stores SQL-injection-looking notes verbatim', async () => {
    const evil = `'); DELETE FROM review; -- "; DROP TABLE audit_entry; đạt`;
    await result(await upload(district, csv([LONG, `${DAK_BLO},,2025-11,2,Đạt,"${evil.replace(/"/g, '""')}"`]), 'evil.csv', 0));
    expect(JSON.parse((await review(DAK_BLO, '2025-11'))!.notes!)).toMatchObject({ '2': evil });
  });
});
