// The search index on a small hand-made unit list: tiers (exact, prefix, contains), order within a tier
// (level, then name; exact matches with the query's diacritics first), parents, limit.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../server/search/search-index.ts';
import type { Unit } from '../../../server/unit/unit-store.ts';

function unit(code: string, level: Unit['level'], type: string, name: string, parent: string | null): Unit {
  const province = code.slice(0, 2);
  const district = level === 'commune' ? parent : level === 'district' ? code : null;
  return { structure: 'pre2025', code, level, type, name, parent, province, district, rural: type === 'Xã', bbox: null, label: null, changes: [], formerDistricts: [] };
}

const units: Unit[] = [
  unit('90', 'province', 'Tỉnh', 'Tỉnh Hòa Bình', null),
  unit('91', 'province', 'Tỉnh', 'Tỉnh Tân Thạnh', null),
  unit('900', 'district', 'Huyện', 'Huyện Tân Thành', '90'),
  unit('901', 'district', 'Thành phố', 'Thành phố Hòa Bình', '90'),
  unit('910', 'district', 'Huyện', 'Huyện Đắk Hà', '91'),
  unit('90001', 'commune', 'Xã', 'Xã Tân Thành', '900'),
  unit('90002', 'commune', 'Xã', 'Xã Tân Thạnh', '900'),
  unit('91001', 'commune', 'Xã', 'Xã Tân Thành', '910'),
  unit('91002', 'commune', 'Xã', 'Xã Tân Thành A', '910'),
  unit('91003', 'commune', 'Xã', 'Xã Bắc Tân Thành', '910'),
  unit('90101', 'commune', 'Phường', 'Phường Hòa Bình', '901'),
  unit('91004', 'commune', 'Thị trấn', 'Thị trấn Đắk Hà', '910'),
  unit('91005', 'commune', 'Xã', 'Xã Đăk Ui', '910'),
];
const byCode = new Map(units.map((u) => [u.code, u]));
const index = buildSearchIndex(units, byCode);
const codes = (q: string, limit = 50) => index.search(q, limit).hits.map((h) => h.code);

describe('search index', () => {
  it('ranks exact, then prefix, then contains; each by level then name', () => {
    const hits = index.search('tan thanh', 50).hits;
    expect(hits.map((h) => [h.code, h.match])).toEqual([
      ['91', 'exact'],
      ['900', 'exact'],
      ['90001', 'exact'],
      ['91001', 'exact'],
      ['90002', 'exact'],
      ['91002', 'prefix'],
      ['91003', 'contains'],
    ]);
  });

  it('puts exact matches with the query\'s own diacritics first', () => {
    expect(codes('Tân Thạnh')).toEqual(['91', '90002', '900', '90001', '91001', '91002', '91003']);
    expect(codes('TÂN THÀNH').slice(0, 3)).toEqual(['900', '90001', '91001']);
  });

  it('finds a name with or without its type word, and with the abbreviated type', () => {
    expect(codes('xa tan thanh')).toEqual(['90001', '91001', '90002', '91002']);
    expect(codes('tp hoa binh')).toEqual(['901']);
    expect(codes('tt dak ha')).toEqual(['91004']);
    expect(codes('hoa binh')).toEqual(['90', '901', '90101']);
  });

  it('matches đ and d alike', () => {
    expect(codes('đắk')).toEqual(codes('dak'));
    expect(codes('dak')).toEqual(['910', '91004', '91005']);
    expect(index.search('Đ', 50).hits.map((h) => h.code).sort()).toEqual(['910', '91004', '91005'].sort());
  });

  it('names the parents of each result', () => {
    const [first, second] = index.search('xa tan thanh', 2).hits;
    expect(first).toMatchObject({ code: '90001', district: { code: '900', name: 'Huyện Tân Thành' }, province: { code: '90', name: 'Tỉnh Hòa Bình' } });
    expect(second).toMatchObject({ code: '91001', district: { code: '910', name: 'Huyện Đắk Hà' }, province: { code: '91', name: 'Tỉnh Tân Thạnh' } });
    expect(index.search('huyen dak ha', 1).hits[0]).toMatchObject({ district: null, province: { code: '91' } });
    expect(index.search('tinh hoa binh', 1).hits[0]).toMatchObject({ district: null, province: null });
  });

  it('respects the limit in every tier', () => {
    expect(codes('tan thanh', 3)).toEqual(['91', '900', '90001']);
    expect(codes('tan thanh', 6)).toHaveLength(6);
    expect(codes('tan', 1)).toEqual(['91']);
  });

  it('gives nothing for a query without letters or digits, or with no match', () => {
    expect(index.search("' - '", 10)).toEqual({ key: '', hits: [] });
    expect(index.search('zzz', 10).hits).toEqual([]);
  });

  it('orders many prefix matches the same way whether it sorts them or scans for them', () => {
    const many: Unit[] = [];
    for (let i = 0; i < 600; i++) many.push(unit(`9${String(i).padStart(4, '0')}`, 'commune', 'Xã', `Xã An ${String(599 - i).padStart(3, '0')}`, null));
    const big = buildSearchIndex(many, new Map(many.map((u) => [u.code, u])));
    const hits = big.search('an', 50).hits;
    expect(hits.map((h) => h.name)).toEqual(Array.from({ length: 50 }, (_, i) => `Xã An ${String(i).padStart(3, '0')}`));
    expect(big.search('an 59', 50).hits.map((h) => h.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Xã An 59${i}`));
  });
});
