// Property test: random and hostile query strings and paths, thrown at every route of the OpenAPI
// document and at paths outside it, never give a 5xx, and every error body has the API's error shape.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '../../../server/http/schemas.ts';
import { seededApis } from '../../support/api.ts';

const KEYS = ['province', 'district', 'period', 'criterion', 'group', 'q', 'limit', 'parent', 'by', 'lang', 'code', 'format', 'structure', 'x'];
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '62', '610', '23362', '00001', '2024-06', '2021-01', '1999-12', '2024-13', '9999-99', '-1', '0', '19', '20', '1e3', 'NaN', 'null', '[]', '{}', '../../etc/passwd', "' or 1=1 --", '%00', '%ZZ', '%E0%A4%A', 'đ', 'Mường Hoong', 'a'.repeat(5000), '١٢', 'share', 'delta', 'vi', 'en', 'pre2025', '2025-07'),
  fc.integer({ min: -1e12, max: 1e12 }).map(String),
);
const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), hostile), { maxLength: 5 }).map((pairs) =>
  pairs.map(([k, v]) => `${k}=${Math.random() < 0.2 ? v : encodeURIComponent(v)}`).join('&'),
);
const segment = fc.oneof(hostile.map((s) => encodeURIComponent(s)), fc.constantFrom('62', '23362', '62.topojson', '..', '%2e%2e', 'ntm.pmtiles', 'ntm-2025-07.pmtiles', 'x.pmtiles'));

describe.each(seededApis())('hostile input on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let templates: string[];
  beforeAll(async () => {
    api = await open();
    const doc = (await (await api.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    templates = Object.keys(doc.paths).map((p) => `/api/v1${p}`);
    expect(templates.length).toBeGreaterThan(1);
  });
  afterAll(() => api?.close());

  const check = async (path: string, method = 'GET') => {
    const res = await api.request(path, { method });
    expect(res.status, `${method} ${path}`).toBeLessThan(500);
    if (method !== 'HEAD' && res.status >= 400 && res.headers.get('Content-Type')?.includes('application/json')) {
      const body: unknown = await res.json();
      expect(ErrorSchema.safeParse(body).success, `${method} ${path}: ${JSON.stringify(body).slice(0, 200)}`).toBe(true);
    } else {
      await res.arrayBuffer();
    }
  };

  it('answers every documented route with random query strings without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), query, segment, async (i, q, seg) => {
        const template = templates[i % templates.length]!;
        const path = template.replace(/\{[^}]+\}/g, seg);
        await check(q ? `${path}?${q}` : path);
      }),
      { numRuns: 400 },
    );
  });

  it('answers random paths and methods without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.constantFrom('/api/v1/', '/api/', '/tiles/', '/'), fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'), async (parts, prefix, method) => {
        await check(prefix + parts.join('/'), method);
      }),
      { numRuns: 300 },
    );
  });
});
