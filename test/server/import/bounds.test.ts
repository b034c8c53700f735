// Uploads built to exhaust the server are refused quickly with a 400 that says why, before a
// spreadsheet library loads them: an XLSX with a cell in the last column (XFD) of every row, an XLSX whose
// sheet inflates past 64 MB (a zip bomb), a CSV with more rows than allowed, and one far too wide.
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

/** A minimal XLSX whose first sheet's <sheetData> is `rows`. */
function xlsx(rows: string, padding = ''): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${padding}</worksheet>`;
  return zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(RELS), 'xl/workbook.xml': strToU8(WORKBOOK), 'xl/_rels/workbook.xml.rels': strToU8(WB_RELS), 'xl/worksheets/sheet1.xml': strToU8(sheet) }, { level: 9 });
}

describe.each(writableApis())('import bounds on $name', ({ open }) => {
  let ws: Workspace;
  let district: Official;
  beforeAll(async () => {
    ws = await open();
    district = await ws.official('district', '610');
  });
  afterAll(() => ws?.close());

  async function refused(content: Uint8Array | string, name: string, message: RegExp): Promise<void> {
    const before = await ws.ctx.ndb.db.selectFrom('audit_entry').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    const form = new FormData();
    form.append('file', new Blob([content as BlobPart]), name);
    const started = performance.now();
    const res = await district.request('POST', '/api/v1/admin/imports?dryRun=0', form);
    const ms = performance.now() - started;
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_file');
    expect(body.error.message).toMatch(message);
    expect(ms, 'refused before any heavy parsing').toBeLessThan(3000);
    const after = await ws.ctx.ndb.db.selectFrom('audit_entry').select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  }

  it('an XLSX with a cell in column XFD of every row (26 KB that ExcelJS would blow up to gigabytes)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    const file = xlsx(rows);
    expect(file.byteLength).toBeLessThan(60_000);
    await refused(file, 'wide.xlsx', /cells up to column XFD/);
  });

  it('an XLSX whose worksheet inflates past 64 MB', async () => {
    const file = xlsx('<row r="1"><c r="A1"><v>1</v></c></row>', `<!--${' '.repeat(70 * 1024 * 1024)}-->`);
    expect(file.byteLength).toBeLessThan(1_000_000);
    await refused(file, 'bomb.xlsx', /MB once unpacked/);
  });

  it('a CSV with more than 100,000 rows, and one with a 70-column line', async () => {
    await refused(`Mã xã,Tên xã,Kỳ báo cáo,Tiêu chí,Đạt,Ghi chú\n${'23362,,2025-12,1,1,\n'.repeat(100_001)}`, 'long.csv', /more than 100001 lines|at most 100000 rows/);
    await refused(`Mã xã,Tên xã,Kỳ báo cáo,Tiêu chí,Đạt,Ghi chú\n${','.repeat(69)}x\n`, 'wide.csv', /70 columns/);
  });
});
