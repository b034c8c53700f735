// The role × route matrix of the officials' workspace, read from the OpenAPI document at test time so that
// every /admin operation is covered as soon as it is documented: anonymous → 401; every state-changing
// operation without the CSRF header or from another origin → 403 `csrf`; a district officer of 610 against
// a unit of 611 (or the province above) → 403, for every operation with a commune/unit/district/province
// parameter. After each group nothing has changed: the audit trail and the data tables are as they were.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorSchema } from '../../../server/http/schemas.ts';
import { sql } from 'kysely';
import type { ErrorBody } from '../../support/api.ts';
import { ORIGIN, writableApis, type Official, type Workspace } from '../../support/workspace.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  pattern?: string;
};
interface Parameter { name: string; in: 'query' | 'path' | 'header' | 'cookie'; required?: boolean; example?: unknown; schema?: Schema }
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
}
interface Document { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }

interface Op { method: string; path: string; op: Operation }

/** Out-of-scope units for a district officer of 610: district 611, one of its communes, their province. */
interface Outside { commune: string; district: string; province: string }

const UNIT_PARAMS = new Set(['commune', 'unit', 'district', 'province', 'code']);
const UNIT_KEYS = new Set(['commune', 'commune_code', 'unit', 'unit_code', 'district', 'district_code', 'province', 'province_code']);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function resolve(schema: Schema | undefined, doc: Document): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {};
  return s;
}

/** The out-of-scope value for a unit-like name, or undefined when the name is not about a unit. */
function outsideValue(name: string, outside: Outside, hasDistrict: boolean): string | undefined {
  const key = name.replace(/_code$/, '');
  if (key === 'commune') return outside.commune;
  if (key === 'district' || key === 'unit' || key === 'code') return outside.district;
  // With a district beside it the province must contain the district; alone, another province altogether.
  if (key === 'province') return hasDistrict ? outside.province : '10';
  return undefined;
}

/** A value that the schema accepts, from its examples where it has them, else from its type and the name. */
function sample(schema: Schema | undefined, doc: Document, name = ''): unknown {
  const s = resolve(schema, doc);
  if (s.example !== undefined) return s.example;
  if (s.examples?.length) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return sample(alternatives.find((a) => resolve(a, doc).type !== 'null') ?? alternatives[0], doc, name);
  if (s.allOf?.length) return Object.assign({}, ...s.allOf.map((part) => sample(part, doc, name)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object' || s.properties) {
    const out: Record<string, unknown> = {};
    for (const key of s.required ?? []) out[key] = sample(s.properties?.[key], doc, key);
    return out;
  }
  if (type === 'array') return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, doc, name));
  if (type === 'integer' || type === 'number') return s.minimum !== undefined && s.minimum > 1 ? s.minimum : 1;
  if (type === 'boolean') return true;
  if (/period/.test(name)) return '2024-06';
  if (/date/.test(name) || s.format === 'date') return '2024-06-15';
  if (/url|link/.test(name) || s.format === 'uri') return 'https://example.org/decision.pdf';
  if (/email/.test(name)) return 'someone@example.org';
  return 'Kiểm tra'.padEnd(Math.max(8, s.minLength ?? 0), '.');
}

/** Replaces every unit-like key of a sampled body with the out-of-scope unit. Returns whether one was found. */
function overrideUnits(value: unknown, outside: Outside): boolean {
  if (Array.isArray(value)) return value.map((v) => overrideUnits(v, outside)).some(Boolean);
  if (value === null || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  let found = false;
  const hasDistrict = 'district' in record || 'district_code' in record;
  for (const key of Object.keys(record)) {
    const value = record[key];
    // A field named like a unit, or a `scope` holding a GSO code: replaced by a unit of the same level.
    if (typeof value === 'string' && (UNIT_KEYS.has(key) || (/scope/.test(key) && /^\d{2,5}$/.test(value)))) {
      const level = /^\d{2}$/.test(value) ? 'province' : /^\d{3}$/.test(value) ? 'district' : /^\d{5}$/.test(value) ? 'commune' : key;
      record[key] = outsideValue(level, outside, hasDistrict);
      found = true;
    } else if (overrideUnits(record[key], outside)) found = true;
  }
  return found;
}

interface Built { url: string; body: unknown; scoped: 'param' | 'body' | null; bodySampled: boolean }

/** The request of an operation from the document's examples; with `outside`, every unit-like parameter
 * (and body field) names a unit outside a district officer of 610's scope. */
function build(doc: Document, { path, op }: Op, outside?: Outside): Built {
  let url = `/api/v1${path}`;
  const query = new URLSearchParams();
  const params = op.parameters ?? [];
  const hasDistrict = params.some((p) => p.name === 'district' || p.name === 'district_code');
  let scoped: Built['scoped'] = null;
  for (const p of params) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    let value = p.example ?? p.schema?.example ?? (p.in === 'path' || p.required ? sample(p.schema, doc, p.name) : undefined);
    const replacement = outside && UNIT_PARAMS.has(p.name.replace(/_code$/, '')) ? outsideValue(p.name, outside, hasDistrict) : undefined;
    if (replacement !== undefined) {
      value = replacement;
      scoped = 'param';
    }
    if (value === undefined) continue;
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
    else query.set(p.name, String(value));
  }
  let body: unknown;
  let bodySampled = false;
  const content = op.requestBody?.content ?? {};
  if (content['application/json']) {
    const media = content['application/json'];
    bodySampled = media.example === undefined;
    body = structuredClone(media.example ?? sample(media.schema, doc));
    if (outside && overrideUnits(body, outside) && scoped === null) scoped = 'body';
  } else if (content['multipart/form-data']) {
    const schema = resolve(content['multipart/form-data'].schema, doc);
    const form = new FormData();
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const s = resolve(property, doc);
      if (s.format === 'binary' || s.type === 'string' && /file/.test(key)) form.set(key, new Blob(['Mã xã,Kỳ\n'], { type: 'text/csv' }), 'bao-cao.csv');
      else if ((schema.required ?? []).includes(key)) form.set(key, String(sample(s, doc, key)));
    }
    body = form;
    bodySampled = true;
  }
  return { url: query.size ? `${url}?${query}` : url, body, scoped, bodySampled };
}

describe.each(writableApis())('workspace role × route matrix on $name', ({ open }) => {
  let ws: Workspace;
  let doc: Document;
  let ops: Op[];
  let admin: Official;
  let district: Official;
  let outside: Outside;

  /** Row counts of the audit trail and of every table the workspace writes, and the reviews' versions. */
  const snapshot = async () => {
    const db = ws.ctx.ndb.db;
    const out: Record<string, number> = {};
    for (const table of ['audit_entry', 'review', 'recognition', 'target', 'planned_commune', 'village_count', 'app_user', 'special_difficulty'] as const) {
      out[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    }
    const versions = await sql<{ v: number | string | null; o: number | string | null }>`select sum(version) as v, sum(case when provenance = 'official' then 1 else 0 end) as o from review`.execute(db);
    out.review_versions = Number(versions.rows[0]?.v ?? 0);
    out.review_official = Number(versions.rows[0]?.o ?? 0);
    const revoked = await db.selectFrom('recognition').select((eb) => eb.fn.count('revoked_date').as('n')).executeTakeFirstOrThrow();
    out.recognition_revoked = Number(revoked.n);
    return out;
  };

  const send = (who: Official | null, method: string, built: Built, options?: { csrf?: boolean; headers?: Record<string, string> }) => {
    if (who) return who.request(method.toUpperCase(), built.url, built.body, options);
    const headers: Record<string, string> = { Origin: ORIGIN };
    let body: BodyInit | undefined;
    if (built.body instanceof FormData) body = built.body;
    else if (built.body !== undefined) {
      body = JSON.stringify(built.body);
      headers['Content-Type'] = 'application/json';
    }
    return ws.request(built.url, { method: method.toUpperCase(), headers, ...(body !== undefined ? { body } : {}) });
  };

  beforeAll(async () => {
    ws = await open();
    doc = (await (await ws.request('/api/openapi.json')).json()) as Document;
    ops = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/admin'))
      .flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })));
    admin = await ws.official('admin', null);
    district = await ws.official('district', '610');
    outside = { commune: ws.ctx.units.ruralCommunes('611')[0]!, district: '611', province: '62' };
  });
  afterAll(() => ws?.close());

  it('the document lists the workspace operations (the audit trail and the board at least)', () => {
    const names = ops.map((o) => `${o.method} ${o.path}`);
    expect(names).toEqual(expect.arrayContaining(['get /admin/audit', 'get /admin/board']));
  });

  it('every /admin operation refuses an anonymous request with 401 not_signed_in, and changes nothing', async () => {
    const before = await snapshot();
    for (const o of ops) {
      const res = await send(null, o.method, build(doc, o));
      expect(res.status, `${o.method} ${o.path}`).toBe(401);
      expect(((await res.json()) as ErrorBody).error.code).toBe('not_signed_in');
      expect(res.headers.get('Cache-Control'), `${o.method} ${o.path}`).toBe('no-store');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('every state-changing /admin operation refuses a request without the CSRF header, with a wrong one, or from another origin: 403 csrf, nothing changes', async () => {
    const writes = ops.filter((o) => o.method !== 'get');
    const before = await snapshot();
    for (const o of writes) {
      const attempts: Array<[string, () => Promise<Response>]> = [
        ['no CSRF header', () => send(admin, o.method, build(doc, o), { csrf: false })],
        ['wrong CSRF header', () => send(admin, o.method, build(doc, o), { headers: { 'X-CSRF-Token': 'x'.repeat(43) } })],
        ['another origin', () => send(admin, o.method, build(doc, o), { headers: { Origin: 'https://evil.example' } })],
        ['cross-site fetch', () => send(admin, o.method, build(doc, o), { headers: { 'Sec-Fetch-Site': 'cross-site' } })],
      ];
      for (const [what, attempt] of attempts) {
        const res = await attempt();
        expect(res.status, `${o.method} ${o.path}: ${what}`).toBe(403);
        expect(((await res.json()) as ErrorBody).error.code, `${o.method} ${o.path}: ${what}`).toBe('csrf');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a district officer of 610 gets 403 on every operation naming a unit of 611 (or its province), and nothing changes', async () => {
    const before = await snapshot();
    const checked: string[] = [];
    const unchecked: string[] = [];
    for (const o of ops) {
      const built = build(doc, o, outside);
      if (built.scoped === null) continue;
      const name = `${o.method} ${o.path} → ${built.url}`;
      const res = await send(district, o.method, built);
      // A body the test had to make up from the schema (no example in the document) may fail validation
      // before the scope check: only then is a 400 tolerated, and the operation is reported unchecked.
      if (res.status === 400 && built.scoped === 'body' && built.bodySampled) {
        unchecked.push(`${name}: ${JSON.stringify(await res.json()).slice(0, 200)}`);
        continue;
      }
      expect(res.status, `${name}: ${res.status} ${await res.clone().text().then((t) => t.slice(0, 200))}`).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code, name).toBe('forbidden');
      checked.push(name);
    }
    if (unchecked.length) console.info(`roles matrix: scope not reached (the sampled body was refused first):\n  ${unchecked.join('\n  ')}`);
    // NTM_MATRIX_VERBOSE=1 lists the operations and the scope checks made.
    if (process.env.NTM_MATRIX_VERBOSE) console.info(`roles matrix: scope checked:\n  ${checked.join("\n  ")}\noperations: ${ops.map((o) => `${o.method} ${o.path}`).join(", ")}`);
    expect(checked.length).toBeGreaterThanOrEqual(2); // the audit trail and the board at least
    expect(await snapshot()).toEqual(before);
  });

  it('the same requests inside the scope are not refused for scope (a district officer of 610 on 610)', async () => {
    const inside: Outside = { commune: ws.ctx.units.ruralCommunes('610')[0]!, district: '610', province: '62' };
    for (const o of ops.filter((x) => x.method === 'get')) {
      const built = build(doc, o, inside);
      // A province alone is outside a district officer's scope (with a district beside it, the district is the scope).
      if (built.scoped !== 'param' || (/[?&]province=/.test(built.url) && !/[?&]district=/.test(built.url))) continue;
      const res = await send(district, o.method, built);
      expect(res.status, `${o.method} ${built.url}`).not.toBe(403);
      expect(res.status, `${o.method} ${built.url}`).toBeLessThan(500);
    }
  });
  it('every /admin GET operation, signed in as admin, answers random and hostile parameters without a 5xx, errors in the API\'s shape', async () => {
    const gets = ops.filter((o) => o.method === 'get');
    const keys = [...new Set(gets.flatMap((o) => (o.op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name))), 'x'];
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '62', '610', '611', '10', '23380', '99999', '2025-12', '2024-06', '2024-13', '2021-01-01', '2025-02-30', '0', '-1', '500', '501', '1e3', 'xlsx', 'json', "' or 1=1 --", '%00', '..', 'a'.repeat(3000)),
    );
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 4 }), value, async (i, pairs, segment) => {
        const o = gets[i % gets.length]!;
        const path = `/api/v1${o.path}`.replace(/\{[^}]+\}/g, encodeURIComponent(segment) || 'x');
        const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const res = await admin.request('GET', query ? `${path}?${query}` : path);
        expect(res.status, `${path}?${query}`).toBeLessThan(500);
        if (res.status >= 400 && res.headers.get('Content-Type')?.includes('application/json')) expect(ErrorSchema.safeParse(await res.json()).success, `${path}?${query}`).toBe(true);
        else await res.arrayBuffer();
      }),
      { numRuns: 150 },
    );
    expect(await snapshot()).toEqual(before);
  });
});
