// Property test: random and hostile paths, queries, JSON bodies and uploaded files thrown at the review and
// import routes as a signed-in official never give a 5xx, and every refusal has the API's error shape.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '../../../server/http/schemas.ts';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '23362', '23380', '02659', '2659', '610', '62', '2024-06', '2026-01', '2099-01', '06/2024', 'TC01', 'TC20', '0', '19', 'Đạt', 'Không đạt', 'x', "' or 1=1 --", '"', '=cmd()', 'a'.repeat(3000), '\u0000', '%00'),
);
const headers = fc.constantFrom('Mã xã,Tên xã,Kỳ báo cáo,Tiêu chí,Đạt,Ghi chú', 'Mã xã,Kỳ báo cáo,TC01,TC02,TC19,Ghi chú', 'Mã xã;Kỳ báo cáo;Tiêu chí;Đạt', 'a,b,c', '');
const csvFile = fc.tuple(headers, fc.array(fc.array(text, { maxLength: 7 }), { maxLength: 8 })).map(([h, rows]) => [h, ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))].join('\n'));
const bytes = fc.uint8Array({ maxLength: 300 });
const criteria = fc.array(fc.record({ number: fc.oneof(fc.integer({ min: -2, max: 22 }), fc.constant(1.5)), met: fc.oneof(fc.boolean(), fc.constant('yes')), note: fc.option(text, { nil: undefined }), indicators: fc.option(fc.dictionary(text, fc.oneof(text, fc.double(), fc.boolean())), { nil: undefined }) }), { maxLength: 22 });

describe.each(writableApis())('hostile review and import input on $name', ({ open }) => {
  let ws: Workspace;
  let district: Official;
  beforeAll(async () => {
    ws = await open();
    district = await ws.official('district', '610');
  });
  afterAll(() => ws?.close());

  const check = async (res: Response, label: string) => {
    expect(res.status, label).toBeLessThan(500);
    if (res.status >= 400) expect(ErrorSchema.safeParse(await res.json()).success, label).toBe(true);
    else await res.arrayBuffer();
  };

  it('GET and PUT of reviews and lists with random segments, queries and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, criteria, fc.option(fc.oneof(fc.integer({ min: -1, max: 5 }), fc.constant(1e15)), { nil: undefined }), async (commune, period, list, version) => {
        const path = `/api/v1/admin/reviews/${encodeURIComponent(commune)}/${encodeURIComponent(period)}`;
        await check(await district.request('GET', path), `GET ${path}`);
        await check(await district.request('PUT', path, { criteria: list, version }), `PUT ${path}`);
        await check(await district.request('GET', `/api/v1/admin/reviews?district=${encodeURIComponent(commune)}&period=${encodeURIComponent(period)}`), 'list');
        await check(await district.request('GET', `/api/v1/admin/imports/template?layout=${encodeURIComponent(commune)}&period=${encodeURIComponent(period)}&district=610`), 'template');
      }),
      { numRuns: 60 },
    );
  });

  it('uploads of random CSV text and random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvFile, bytes), fc.constantFrom('a.csv', 'a.xlsx', 'a', '../../x.csv'), fc.constantFrom(0, 1), async (content, name, dryRun) => {
        const form = new FormData();
        form.append('file', new Blob([content as BlobPart]), name);
        await check(await district.request('POST', `/api/v1/admin/imports?dryRun=${dryRun}`, form), `upload ${String(content).slice(0, 80)}`);
      }),
      { numRuns: 80 },
    );
  });
});
