// GET /api/v1/search on the seeded whole-country databases. Expected units and parents are read from the
// database; the order is checked against a plain scan of every unit (no index) with the same keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { accentKey, nameKeys, searchKey } from '../../../server/search/normalise.ts';
import { SearchResultsSchema } from '../../../server/search/schemas.ts';
import { getJson, seededApis, type ErrorBody } from '../../support/api.ts';

interface Hit { code: string; name: string; type: string; level: string; match: string; district: { code: string; name: string } | null; province: { code: string; name: string } | null }
interface Results { query: string; key: string; limit: number; results: Hit[] }

const LEVEL = { province: 0, district: 1, commune: 2 } as const;
const TIER = { exact: 0, prefix: 1, contains: 2 } as const;

/** Every unit matching `q`, ranked by a plain scan: the documented order, computed without the index. */
function expectedOrder(ctx: ApiContext, q: string): Array<{ code: string; match: keyof typeof TIER }> {
  const key = searchKey(q);
  const accent = accentKey(q);
  const rows: Array<{ code: string; match: keyof typeof TIER; accentFirst: number; level: number; order: string; urban: number; name: string }> = [];
  for (const unit of ctx.units.byCode.values()) {
    const { keys, accents } = nameKeys(unit.name);
    const match = keys.includes(key) ? 'exact' : keys.some((k) => k.startsWith(key)) ? 'prefix' : keys[0]!.includes(key) ? 'contains' : null;
    if (!match) continue;
    const accentFirst = match === 'exact' && accent !== key && !accents.includes(accent) ? 1 : 0;
    rows.push({ code: unit.code, match, accentFirst, level: LEVEL[unit.level], order: keys[1] ?? keys[0]!, urban: unit.level === 'commune' && !unit.rural ? 1 : 0, name: unit.name });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => TIER[a.match] - TIER[b.match] || a.accentFirst - b.accentFirst || a.level - b.level || cmp(a.order, b.order) || a.urban - b.urban || cmp(a.name, b.name) || cmp(a.code, b.code));
  return rows.map(({ code, match }) => ({ code, match }));
}

describe.each(seededApis())('GET /api/v1/search on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());
  const search = async (q: string, limit?: number) => {
    const { res, body } = await getJson<Results>(api.request, `/api/v1/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
    expect(res.status, q).toBe(200);
    SearchResultsSchema.parse(body);
    return body;
  };
  const unitRow = (code: string) => ctx.ndb.db.selectFrom('unit').selectAll().where('structure', '=', 'pre2025').where('code', '=', code).executeTakeFirstOrThrow();

  it('finds Xã Mường Hoong (23362, district 610, Kon Tum 62) however it is written', async () => {
    const commune = await unitRow('23362');
    const [district, province] = await Promise.all([unitRow(commune.district_code!), unitRow(commune.province_code)]);
    expect([commune.district_code, commune.province_code]).toEqual(['610', '62']);
    for (const q of ['muong hoong', 'Mường Hoong', 'MƯỜNG HOONG', 'xa muong hoong', 'Xã Mường Hoong', '  muong   hoong ', 'Mường Hoong'.normalize('NFD')]) {
      const body = await search(q);
      expect(['muong hoong', 'xa muong hoong']).toContain(body.key);
      expect(body.results[0], q).toEqual({
        code: '23362',
        name: commune.name,
        type: commune.type,
        level: 'commune',
        rural: true,
        match: 'exact',
        district: { code: district.code, name: district.name },
        province: { code: province.code, name: province.name },
        bbox: JSON.parse(commune.bbox!),
        label: [commune.label_lon, commune.label_lat],
        structure: 'pre2025',
        successors: [],
      });
    }
  });

  it('matches đ and d (and Đ) alike', async () => {
    const dak = await search('dak glei', 50);
    for (const q of ['đắk glei', 'ĐẮK GLEI', 'Đăk Glei', 'dAK gLEI']) expect((await search(q, 50)).results.map((r) => r.code), q).toEqual(dak.results.map((r) => r.code));
    expect(dak.results[0]).toMatchObject({ code: '610', match: 'exact' });
    // Every unit whose name has "Đắk Glei" or "Đăk Glei" in it, and only those.
    const rows = await ctx.ndb.db.selectFrom('unit').select(['code', 'name']).where('structure', '=', 'pre2025').execute();
    const expected = rows.filter((r) => searchKey(r.name).includes('dak glei')).map((r) => r.code).sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(dak.results.map((r) => r.code).sort()).toEqual(expected);
    const d = await search('d', 50);
    expect(d.results.map((r) => r.code)).toEqual((await search('Đ', 50)).results.map((r) => r.code));
    expect(d.results.some((r) => r.name.includes('Đ'))).toBe(true);
  });

  it('ranks an exact name before a prefix before a contains match, then by level, xã before phường and thị trấn, and name', async () => {
    // "Hội An": Thành phố Hội An and a commune of that name, names starting with it, names containing it.
    for (const q of ['hoi an', 'tan thanh', 'kon tum', 'Tân Thành', 'dak', 'xa']) {
      const expected = expectedOrder(ctx, q);
      const body = await search(q, 50);
      expect(body.results.map(({ code, match }) => ({ code, match })), q).toEqual(expected.slice(0, 50));
    }
    const tiers = new Set((await search('hoi an', 50)).results.map((r) => r.match));
    expect([...tiers]).toEqual(['exact', 'prefix', 'contains']);
    // A villager looking for "tan thanh" sees the xã (which the programme scores) before phường and thị trấn.
    const communes = (await search('tan thanh', 50)).results.filter((r) => r.level === 'commune');
    const firstUrban = communes.findIndex((r) => r.type !== 'Xã');
    expect(firstUrban).toBeGreaterThan(5);
    expect(communes.slice(0, firstUrban).every((r) => r.type === 'Xã')).toBe(true);
  });

  it('tells same-named communes apart by their district and province', async () => {
    const rows = await ctx.ndb.db.selectFrom('unit').select(['code', 'district_code', 'province_code']).where('structure', '=', 'pre2025').where('name', '=', 'Xã Tân Thành').execute();
    expect(rows.length).toBeGreaterThan(10);
    const names = new Map((await ctx.ndb.db.selectFrom('unit').select(['code', 'name']).where('structure', '=', 'pre2025').where('level', '!=', 'commune').execute()).map((r) => [r.code, r.name]));
    const body = await search('Xã Tân Thành', 50);
    const same = body.results.slice(0, rows.length);
    expect(same.every((r) => r.name === 'Xã Tân Thành' && r.match === 'exact')).toBe(true);
    expect(same.map((r) => r.code).sort()).toEqual(rows.map((r) => r.code).sort());
    for (const hit of same) {
      const row = rows.find((r) => r.code === hit.code)!;
      expect(hit.district).toEqual({ code: row.district_code, name: names.get(row.district_code!) });
      expect(hit.province).toEqual({ code: row.province_code, name: names.get(row.province_code) });
    }
    expect(new Set(same.map((r) => `${r.district!.name}, ${r.province!.name}`)).size).toBe(rows.length);
  });

  it('respects the limit (default 10, at most 50)', async () => {
    expect((await search('xa')).results).toHaveLength(10);
    expect((await search('xa', 1)).results).toHaveLength(1);
    expect((await search('xa', 50)).results).toHaveLength(50);
    expect((await search('muong hoong', 50)).results.length).toBeLessThan(50);
    expect((await search('qqqqq')).results).toEqual([]);
  });

  it('is cacheable, with an ETag', async () => {
    const res = await api.request('/api/v1/search?q=kon%20tum');
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=\d+/);
    const etag = res.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect((await api.request('/api/v1/search?q=kon%20tum', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  const bad: Array<[string, string]> = [
    ['/api/v1/search', 'q'],
    ['/api/v1/search?q=', 'q'],
    ['/api/v1/search?q=%20%20%20', 'q'],
    [`/api/v1/search?q=${'a'.repeat(101)}`, 'q'],
    ['/api/v1/search?q=%27%27--', 'q'],
    ['/api/v1/search?q=a&q=b', 'q'],
    ['/api/v1/search?q=dak&limit=0', 'limit'],
    ['/api/v1/search?q=dak&limit=51', 'limit'],
    ['/api/v1/search?q=dak&limit=2.5', 'limit'],
    ['/api/v1/search?q=dak&limit=abc', 'limit'],
    ['/api/v1/search?q=dak&limit=', 'limit'],
  ];
  for (const [path, parameter] of bad) {
    it(`refuses ${path.slice(0, 60)} with 400 naming '${parameter}'`, async () => {
      const { res, body } = await getJson<ErrorBody>(api.request, path);
      expect(res.status).toBe(400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toContain(`'${parameter}'`);
    });
  }

  it('accepts 100 characters after trimming, and never answers hostile input with a 5xx', async () => {
    expect((await api.request(`/api/v1/search?q=${encodeURIComponent(`  ${'a'.repeat(100)}  `)}`)).status).toBe(200);
    for (const q of ['%', '%ff', '%00', '%E0%A4%A', '%F0%9F%98%80', encodeURIComponent('東京'), encodeURIComponent('\u0301\u0301'), encodeURIComponent('a\u0000b'), '%uD800']) {
      const res = await api.request(`/api/v1/search?q=${q}`);
      expect(res.status, q).toBeLessThan(500);
      const body = (await res.json()) as Results | ErrorBody;
      if (res.status === 200) SearchResultsSchema.parse(body);
      else expect((body as ErrorBody).error.message).toContain("'q'");
    }
  });
});
