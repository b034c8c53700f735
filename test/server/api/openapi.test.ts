// The OpenAPI document: generated from the routes' schemas, served with a docs page, and every success
// response of every documented GET operation validates against its schema in the document. Requests are
// made from the document itself (each parameter's example), so a new route is covered as soon as it lands.
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writableApis, type Official, type Workspace } from '../../support/workspace.ts';

interface Parameter { name: string; in: 'query' | 'path'; required?: boolean; example?: unknown; schema?: { example?: unknown } }
interface Operation { parameters?: Parameter[]; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema: object }> }> }
interface Document { openapi: string; info: { title: string }; servers: Array<{ url: string }>; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, object> } }

// A writable copy: the workspace's GET operations are requested as a signed-in admin. An operation that exists
// only for today's units (it answers a database of the pre-2025 units alone with a 404 that says so) is checked
// on a copy of the database of both eras.
const TODAY_ONLY = /holds no units of today's structure/;
describe.each(writableApis().map((api, i) => ({ ...api, today: writableApis('today')[i]! })))('OpenAPI document on $name', ({ open, today }) => {
  let api: Workspace;
  let admin: Official;
  let todayApi: Workspace;
  let todayAdmin: Official;
  let doc: Document;
  beforeAll(async () => {
    api = await open();
    admin = await api.official('admin', null);
    todayApi = await today.open();
    todayAdmin = await todayApi.official('admin', null);
    const res = await api.request('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Document;
  });
  afterAll(async () => {
    await api?.close();
    await todayApi?.close();
  });

  it('is OpenAPI 3.1 with the v1 server and the routes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0]!.url).toBe('/api/v1');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/status']));
  });

  it('has a readable docs page with no third-party script', async () => {
    const page = await api.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/api/docs.js"');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await api.request('/api/docs.js')).headers.get('Content-Type')).toMatch(/javascript/);
  });

  it('every success response of every GET operation validates against the document', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    let checked = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      if (!op) continue;
      const params = op.parameters ?? [];
      const exampleOf = (p: Parameter) => p.example ?? p.schema?.example;
      for (const p of params.filter((p) => p.required)) expect(exampleOf(p), `${path}: required parameter ${p.name} needs an example`).toBeDefined();
      const fill = (withOptional: boolean) => {
        let url = `${doc.servers[0]!.url}${path}`;
        const query = new URLSearchParams();
        for (const p of params) {
          const example = exampleOf(p);
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(example)));
          else if (example !== undefined && (p.required || withOptional)) query.set(p.name, String(example));
        }
        return query.size ? `${url}?${query}` : url;
      };
      // With every example the request must succeed; with only the required ones it may be refused when the
      // operation needs one of several optional parameters (e.g. province or district), but only with a 400.
      for (const [url, full] of [[fill(false), false], [fill(true), true]] as const) {
        // Operations with a security requirement (the workspace) are made as a signed-in admin.
        let res = op.security?.length ? await admin.request('GET', url) : await api.request(url);
        if (res.status === 404 && TODAY_ONLY.test(await res.clone().text())) res = op.security?.length ? await todayAdmin.request('GET', url) : await todayApi.request(url);
        if (!full && res.status === 400) continue;
        expect(res.status, url).toBe(200);
        const schema = op.responses['200']?.content?.['application/json']?.schema;
        if (!schema || !res.headers.get('Content-Type')?.includes('application/json')) continue;
        const validate = ajv.compile({ ...schema, components: doc.components });
        const body: unknown = await res.json();
        expect(validate(body), `${url}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});
