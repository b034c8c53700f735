// The units a map needs on both sides of the July-2025 reform, on the databases seeded with both eras: a
// province's former districts (khu vực huyện cũ) for the district control from 2025-07, and what a unit chosen
// in one period's structure became (or came from) in another's, read through the crosswalk, never by code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectApiError, getJson, seededApis } from '../../support/api.ts';

interface UnitList { level: string; structure: { code: string }; units: Array<{ code: string; name: string; level: string; province: string }> }
interface Relatives { unit: { code: string; name: string; level: string }; structure: string; same: boolean; forward: boolean; relatives: Array<{ code: string; name: string; level: string }> }

describe.each(seededApis('today'))('units across the reform on $name', ({ open }) => {
  let api: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    api = await open();
  });
  afterAll(async () => {
    await api.close();
  });
  const get = async <T>(path: string) => {
    const { res, body } = await getJson<T>(api.request, path);
    expect(res.status, path).toBe(200);
    return body;
  };

  it('lists a new province\'s former districts with former=true, and its communes without', async () => {
    const former = await get<UnitList>('/api/v1/units?parent=51&period=2026-06&former=true');
    expect(former.level).toBe('district');
    const names = former.units.map((u) => u.name);
    // Quảng Ngãi since 1/7/2025 is the old Quảng Ngãi and Kon Tum: districts of both (Đắk Glei was Kon Tum's).
    expect(names).toContain('Huyện Đắk Glei');
    expect(new Set(former.units.map((u) => u.province))).toEqual(new Set(['51', '62']));
    expect(former.units.every((u) => u.level === 'district')).toBe(true);
    const communes = await get<UnitList>('/api/v1/units?parent=51&period=2026-06');
    expect(communes.level).toBe('commune');
    // Before the reform former=true changes nothing: the province's own districts.
    const before = await get<UnitList>('/api/v1/units?parent=62&period=2024-06&former=true');
    expect(before.units.map((u) => u.name)).toContain('Huyện Đắk Glei');
    expect(before.units.every((u) => u.province === '62')).toBe(true);
  });

  it('names what an old province, district and commune became, and what a new province came from', async () => {
    const konTum = await get<Relatives>('/api/v1/units/62/relatives?from=2024-06&to=2026-06');
    expect(konTum).toMatchObject({ unit: { code: '62', name: 'Tỉnh Kon Tum', level: 'province' }, structure: '2025-07', same: false, forward: true });
    expect(konTum.relatives.map((u) => u.name)).toEqual(['Tỉnh Quảng Ngãi']);
    const yenBai = await get<Relatives>('/api/v1/units/15/relatives?from=2024-06&to=2026-06');
    expect(yenBai.unit.name).toBe('Tỉnh Yên Bái');
    expect(yenBai.relatives.map((u) => u.name)).toEqual(['Tỉnh Lào Cai']);
    const quangNgai = await get<Relatives>('/api/v1/units/51/relatives?from=2026-06&to=2024-06');
    expect(quangNgai.forward).toBe(false);
    expect(quangNgai.relatives.map((u) => u.code)).toEqual(['51', '62']);
    const dakGlei = await get<Relatives>('/api/v1/units/610/relatives?from=2024-06&to=2026-06');
    expect(dakGlei.relatives.length).toBeGreaterThan(0);
    expect(dakGlei.relatives.every((u) => u.level === 'commune')).toBe(true);
    // Phường Trúc Bạch (00004) became part of Phường Ba Đình, which took its code: the answer says so by name.
    const trucBach = await get<Relatives>('/api/v1/units/00004/relatives?from=2024-06&to=2026-06');
    expect(trucBach.unit.name).toBe('Phường Trúc Bạch');
    expect(trucBach.relatives.map((u) => u.name)).toContain('Phường Ba Đình');
    const same = await get<Relatives>('/api/v1/units/62/relatives?from=2024-06&to=2021-01');
    expect(same).toMatchObject({ same: true, relatives: [{ code: '62', name: 'Tỉnh Kon Tum' }] });
  });

  it('refuses a code that is no unit in the first period\'s structure, and bad parameters', async () => {
    await expectApiError(api.request, '/api/v1/units/62/relatives?from=2026-06&to=2024-06', 404, 'not_found', /Kon Tum/);
    await expectApiError(api.request, '/api/v1/units/62/relatives?from=2024-06', 400, 'invalid_parameter', /to/);
    await expectApiError(api.request, '/api/v1/units/6/relatives?from=2024-06&to=2026-06', 400, 'invalid_parameter', /code/);
    await expectApiError(api.request, '/api/v1/units?parent=51&former=yes', 400, 'invalid_parameter', /former/);
  });
});
