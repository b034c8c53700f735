// GET /api/v1/boundaries/{province}.topojson on the seeded whole-country databases: the bytes the boundary
// build wrote, as a named download with an ETag; the units it holds are those of the unit table; the
// 2025-07 structure's files with ?structure=2025-07.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUnitsIndex } from '../../../scripts/boundary/build.ts';
import type { ApiContext } from '../../../server/context/context.ts';
import { TopoJsonSchema } from '../../../server/boundary/routes.ts';
import { getJson, seededApis, type ErrorBody } from '../../support/api.ts';

interface Topology { type: string; objects: Record<string, { type: string; geometries: Array<{ id: unknown; properties: { code: string; district?: string; province?: string } }> }> }

describe.each(seededApis())('GET /api/v1/boundaries/{province}.topojson on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  it('serves Kon Tum (62) as a named TopoJSON download: the build\'s bytes, with its 102 communes', async () => {
    const res = await api.request('/api/v1/boundaries/62.topojson');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="ntm-62-kon-tum.topojson"');
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=(\d{5,})/);
    expect(res.headers.get('ETag')).toContain(ctx.builds.pre2025.manifest.inputHash.slice(0, 16));
    expect(res.headers.get('X-NTM-Structure')).toBe('pre2025');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(join(ctx.builds.pre2025.dir, 'topojson', '62.json')))).toBe(true);
    const topology = JSON.parse(bytes.toString('utf8')) as Topology;
    expect(TopoJsonSchema.parse(topology).structure).toBe('pre2025');
    const communes = await ctx.ndb.db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('level', '=', 'commune').where('province_code', '=', '62').where('has_polygon', '=', 1).execute();
    expect(communes).toHaveLength(102);
    expect(topology.objects.communes!.geometries.map((g) => g.properties.code).sort()).toEqual(communes.map((c) => c.code).sort());
    const districts = await ctx.ndb.db.selectFrom('unit').select('code').where('structure', '=', 'pre2025').where('level', '=', 'district').where('province_code', '=', '62').execute();
    expect(topology.objects.districts!.geometries.map((g) => g.properties.code).sort()).toEqual(districts.map((d) => d.code).sort());
  });

  it('names each province\'s file after the province, and compresses it on request', async () => {
    const laoCai = await api.request('/api/v1/boundaries/10.topojson', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(laoCai.status).toBe(200);
    expect(laoCai.headers.get('Content-Disposition')).toBe('attachment; filename="ntm-10-lao-cai.topojson"');
    expect(laoCai.headers.get('Content-Encoding')).toBe('gzip');
    const bytes = gunzipSync(Buffer.from(await laoCai.arrayBuffer()));
    expect(bytes.equals(readFileSync(join(ctx.builds.pre2025.dir, 'topojson', '10.json')))).toBe(true);
    const hanoi = await api.request('/api/v1/boundaries/01.topojson');
    expect(hanoi.headers.get('Content-Disposition')).toBe('attachment; filename="ntm-01-ha-noi.topojson"');
    expect(hanoi.headers.get('ETag')).not.toBe(laoCai.headers.get('ETag'));
  });

  it('serves every province of the unit table, each a valid topology holding that province', async () => {
    const provinces = await ctx.ndb.db.selectFrom('unit').select(['code']).where('structure', '=', 'pre2025').where('level', '=', 'province').execute();
    expect(provinces).toHaveLength(63);
    for (const { code } of provinces) {
      const res = await api.request(`/api/v1/boundaries/${code}.topojson`);
      expect(res.status, code).toBe(200);
      expect(res.headers.get('Content-Disposition')).toMatch(new RegExp(`^attachment; filename="ntm-${code}-[a-z0-9]+(-[a-z0-9]+)*\\.topojson"$`));
      const topology = TopoJsonSchema.parse(await res.json()) as unknown as Topology;
      expect(topology.objects.province!.geometries.map((g) => g.properties.code)).toEqual([code]);
    }
  });

  it('answers 304 to a matching If-None-Match, and HEAD without a body', async () => {
    const first = await api.request('/api/v1/boundaries/62.topojson');
    const etag = first.headers.get('ETag')!;
    const again = await api.request('/api/v1/boundaries/62.topojson', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('ETag')).toBe(etag);
    const head = await api.request('/api/v1/boundaries/62.topojson', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/boundaries/62', 404, 'not_found', /boundaries\/62/],
    ['/api/v1/boundaries/62.json', 404, 'not_found', /62\.json/],
    ['/api/v1/boundaries/62.topojson/x', 404, 'not_found', /62\.topojson\/x/],
    ['/api/v1/boundaries/99.topojson', 404, 'not_found', /province '99'/],
    ['/api/v1/boundaries/6.topojson', 400, 'invalid_parameter', /'province' \(path\)/],
    ['/api/v1/boundaries/610.topojson', 400, 'invalid_parameter', /'province' \(path\)/],
    ['/api/v1/boundaries/ab.topojson', 400, 'invalid_parameter', /'province' \(path\)/],
    ['/api/v1/boundaries/.topojson', 400, 'invalid_parameter', /'province' \(path\)/],
    ['/api/v1/boundaries/..%2F62.topojson', 400, 'invalid_parameter', /'province' \(path\)/],
    ['/api/v1/boundaries/%2e%2e%2f%2e%2e%2fBUILD.topojson', 400, 'invalid_parameter', /'province' \(path\)/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status} JSON`, async () => {
      const { res, body } = await getJson<ErrorBody>(api.request, path);
      expect(res.status).toBe(status);
      expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(message);
    });
  }

  it("serves today's Quảng Ngãi (51, with former Kon Tum) for ?structure=2025-07: its 96 communes, no districts, named as such", async () => {
    const res = await api.request('/api/v1/boundaries/51.topojson?structure=2025-07');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-NTM-Structure')).toBe('2025-07');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="ntm-2025-07-51-quang-ngai.topojson"');
    expect(res.headers.get('ETag')).toContain(ctx.builds['2025-07'].manifest.inputHash.slice(0, 16));
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(join(ctx.builds['2025-07'].dir, 'topojson', '51.json')))).toBe(true);
    const topology = TopoJsonSchema.parse(JSON.parse(bytes.toString('utf8'))) as unknown as Topology & { structure: string };
    expect(topology.structure).toBe('2025-07');
    expect(Object.keys(topology.objects).sort()).toEqual(['communes', 'province']);
    const communes = topology.objects.communes!.geometries;
    expect(communes).toHaveLength(96);
    expect(communes.every((g) => g.properties.province === '51' && g.properties.district === undefined && g.id === g.properties.code)).toBe(true);
    expect(communes.map((g) => g.properties.code)).toContain('21548'); // Đặc khu Lý Sơn
    // The same code, another structure: pre-2025 51 is the smaller Quảng Ngãi, without Kon Tum's communes.
    const before = (await (await api.request('/api/v1/boundaries/51.topojson?structure=pre2025')).json()) as Topology;
    expect(before.objects.communes!.geometries.length).not.toBe(96);
  });

  it('serves all 34 provinces of the 2025-07 structure, and none of the others', async () => {
    const provinces = readUnitsIndex(ctx.builds['2025-07'].dir).units.filter((u) => u.level === 'province').map((u) => u.code);
    expect(provinces).toHaveLength(34);
    for (const code of provinces) {
      const res = await api.request(`/api/v1/boundaries/${code}.topojson?structure=2025-07`);
      expect(res.status, code).toBe(200);
      const topology = TopoJsonSchema.parse(await res.json()) as unknown as Topology;
      expect(topology.objects.province!.geometries.map((g) => g.properties.code)).toEqual([code]);
    }
  });

  it('looks a code up in the structure asked for only: Kon Tum (62) is a 404 in 2025-07 that points to the pre-2025 structure', async () => {
    const { res, body } = await getJson<ErrorBody & { error: { details: { structure: string } } }>(api.request, '/api/v1/boundaries/62.topojson?structure=2025-07');
    expect(res.status).toBe(404);
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toMatch(/Unknown province '62' in the 2025-07 structure \(Tỉnh Kon Tum is province 62 of the pre2025 structure: \?structure=pre2025\)/);
    expect(body.error.details.structure).toBe('2025-07');
  });

  for (const query of ['structure=2026', 'structure=', 'structure=PRE2025', 'structure=pre2025%00']) {
    it(`refuses ?${query} with 400 naming the parameter`, async () => {
      const { res, body } = await getJson<ErrorBody>(api.request, `/api/v1/boundaries/51.topojson?${query}`);
      expect(res.status).toBe(400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toMatch(/'structure' \(query\)/);
    });
  }

  it('answers 405 with Allow for another method', async () => {
    const res = await api.request('/api/v1/boundaries/62.topojson', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toContain('GET');
  });

  it('is documented at /boundaries/{province}.topojson with its path parameter', async () => {
    const { body } = await getJson<{ paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string; required?: boolean }> } }> }>(api.request, '/api/openapi.json');
    const op = body.paths['/boundaries/{province}.topojson']?.get;
    expect(op).toBeDefined();
    // The path parameter, and (since the 2025-07 structure) the optional structure in the query.
    expect(op!.parameters).toEqual([
      expect.objectContaining({ name: 'province', in: 'path', required: true }),
      expect.objectContaining({ name: 'structure', in: 'query', required: false }),
    ]);
  });
});
