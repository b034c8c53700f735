// GET /api/v1/units on the seeded whole-country databases: every list is compared with the unit table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../server/context/context.ts';
import { UnitListSchema } from '../../../server/unit/schemas.ts';
import { getJson, seededApis, expectApiError } from '../../support/api.ts';

interface UnitBody { code: string; name: string; type: string; level: string; parent: string | null; province: string; district: string | null; rural: boolean; bbox: number[] | null; label: number[] | null }
interface UnitList { parent: { code: string; name: string; type: string; level: string } | null; level: string; count: number; units: UnitBody[] }

describe.each(seededApis())('GET /api/v1/units on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  let ctx: ApiContext;
  beforeAll(async () => {
    api = await open();
    ctx = api.ctx;
  });
  afterAll(() => api?.close());

  const list = async (query = '') => {
    const { res, body } = await getJson<UnitList>(api.request, `/api/v1/units${query}`);
    expect(res.status).toBe(200);
    UnitListSchema.parse(body);
    return { res, body };
  };
  /** The units table's rows as the API shows them, ordered by code. */
  const rows = async (where: { level: 'province' | 'district' | 'commune'; parent?: string }): Promise<UnitBody[]> => {
    let query = ctx.ndb.db.selectFrom('unit').selectAll().where('structure', '=', 'pre2025').where('level', '=', where.level);
    if (where.parent) query = query.where('parent_code', '=', where.parent);
    return (await query.orderBy('code').execute()).map((r) => ({
      code: r.code,
      name: r.name,
      type: r.type,
      level: r.level,
      parent: r.parent_code,
      province: r.province_code,
      district: r.district_code,
      rural: r.rural === 1,
      bbox: r.bbox ? (JSON.parse(r.bbox) as number[]) : null,
      label: r.label_lon !== null && r.label_lat !== null ? [r.label_lon, r.label_lat] : null,
      former_districts: [],
    }));
  };

  it('lists the provinces without a parent', async () => {
    const { res, body } = await list();
    const expected = await rows({ level: 'province' });
    expect(expected).toHaveLength(63);
    expect(body).toEqual({ parent: null, structure: expect.objectContaining({ code: 'pre2025' }), level: 'province', count: expected.length, units: expected });
    expect(res.headers.get('Cache-Control')).toMatch(/public, max-age=(\d{5,})/);
  });

  it('lists the districts of a province and the communes of a district', async () => {
    const konTum = await list('?parent=62');
    const districts = await rows({ level: 'district', parent: '62' });
    expect(konTum.body).toEqual({ parent: { code: '62', name: 'Tỉnh Kon Tum', type: 'Tỉnh', level: 'province' }, structure: expect.objectContaining({ code: 'pre2025' }), level: 'district', count: districts.length, units: districts });
    const dakGlei = await list('?parent=610');
    const communes = await rows({ level: 'commune', parent: '610' });
    expect(dakGlei.body.level).toBe('commune');
    expect(dakGlei.body.parent).toMatchObject({ code: '610', level: 'district' });
    expect(dakGlei.body.units).toEqual(communes);
    expect(dakGlei.body.units.find((u) => u.code === '23362')).toMatchObject({ name: 'Xã Mường Hoong', type: 'Xã', rural: true, parent: '610', province: '62' });
    // Only xã are scored: phường and thị trấn are listed with rural = false.
    for (const unit of dakGlei.body.units) expect(unit.rural).toBe(unit.type === 'Xã');
  });

  it('gives the 102 communes of Kon Tum through its districts', async () => {
    const { body } = await list('?parent=62');
    let communes = 0;
    for (const district of body.units) communes += (await list(`?parent=${district.code}`)).body.count;
    expect(communes).toBe(102);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await api.request('/api/v1/units?parent=62');
    const etag = first.headers.get('ETag');
    expect(etag).toBeTruthy();
    expect((await api.request('/api/v1/units?parent=62', { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  const bad: Array<[string, number, string, RegExp]> = [
    ['/api/v1/units?parent=23362', 400, 'invalid_parameter', /'parent'.*commune/],
    ['/api/v1/units?parent=99', 404, 'not_found', /'99'/],
    ['/api/v1/units?parent=999', 404, 'not_found', /'999'/],
    ['/api/v1/units?parent=99999', 404, 'not_found', /'99999'/],
    ['/api/v1/units?parent=6', 400, 'invalid_parameter', /'parent'/],
    ['/api/v1/units?parent=6201', 400, 'invalid_parameter', /'parent'/],
    ['/api/v1/units?parent=abc', 400, 'invalid_parameter', /'parent'/],
    ['/api/v1/units?parent=', 400, 'invalid_parameter', /'parent'/],
    ['/api/v1/units?parent=62&parent=610', 400, 'invalid_parameter', /'parent'/],
    ['/api/v1/units?parent=%2e%2e%2f', 400, 'invalid_parameter', /'parent'/],
  ];
  for (const [path, status, code, message] of bad) {
    it(`refuses ${path} with ${status}`, async () => {
      const res = await expectApiError(api.request, path, status, code, message);
      expect(res.headers.get('Cache-Control')).toBe('no-store');
    });
  }

  it('answers 405 with Allow for another method', async () => {
    const res = await api.request('/api/v1/units', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toContain('GET');
  });
});
