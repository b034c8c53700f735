// Folding of unit names: case, diacritics, đ, apostrophes and type words; and the seed's normaliseName,
// which now folds through it, keeps its behaviour.
import { describe, expect, it } from 'vitest';
import { accentKey, foldName, nameKeys, nameSlug, searchKey, splitType } from '../../../server/search/normalise.ts';
import { normaliseName } from '../../../server/seed/facts/units.ts';

describe('foldName', () => {
  it('lowers case and strips diacritics, đ and Đ becoming d', () => {
    expect(foldName('Xã Mường Hoong')).toBe('xa muong hoong');
    expect(foldName('MƯỜNG HOONG')).toBe('muong hoong');
    expect(foldName('Huyện Đắk Glei')).toBe('huyen dak glei');
    expect(foldName('đĐ')).toBe('dd');
  });

  it('folds composed (NFC) and decomposed (NFD) input alike, and old and new tone placement', () => {
    expect(foldName('Mường'.normalize('NFD'))).toBe(foldName('Mường'.normalize('NFC')));
    expect(foldName('Hoà')).toBe(foldName('Hòa'));
  });

  it('collapses spaces and unifies apostrophes', () => {
    expect(foldName('  Ia   H’Drai ')).toBe("ia h'drai");
  });
});

describe('searchKey and accentKey', () => {
  it('keep letters and digits, drop apostrophes with the spaces around them, and space other punctuation', () => {
    expect(searchKey("Huyện Ia H' Drai")).toBe('huyen ia hdrai');
    expect(searchKey("ia h'drai")).toBe('ia hdrai');
    expect(searchKey('Thành phố Phan Rang-Tháp Chàm')).toBe('thanh pho phan rang thap cham');
    expect(searchKey('Thị trấn N.T Phong Hải')).toBe('thi tran n t phong hai');
    expect(searchKey('Phường 13')).toBe('phuong 13');
    expect(searchKey("'' -- ..")).toBe('');
  });

  it('accentKey keeps the diacritics with the same words', () => {
    expect(accentKey('Xã Tân Thành')).toBe('xã tân thành');
    expect(accentKey('XÃ TÂN THẠNH')).toBe('xã tân thạnh');
    expect(accentKey('Xã Tân Thành').split(' ')).toHaveLength(searchKey('Xã Tân Thành').split(' ').length);
  });
});

describe('type words', () => {
  it('split the type word off a folded name, longest first', () => {
    expect(splitType('thanh pho trung uong ha noi')).toEqual({ type: 'thanh pho trung uong', bare: 'ha noi' });
    expect(splitType('thanh pho ha noi')).toEqual({ type: 'thanh pho', bare: 'ha noi' });
    expect(splitType('xa quan son')).toEqual({ type: 'xa', bare: 'quan son' });
    expect(splitType('muong hoong')).toEqual({ type: null, bare: 'muong hoong' });
  });

  it('give the keys a unit is found by: whole name, without type word, abbreviated type', () => {
    expect(nameKeys('Xã Mường Hoong')).toEqual({ keys: ['xa muong hoong', 'muong hoong'], accents: ['xã mường hoong', 'mường hoong'] });
    expect(nameKeys('Thành phố Kon Tum').keys).toEqual(['thanh pho kon tum', 'kon tum', 'tp kon tum']);
    expect(nameKeys('Thị xã Sa Pa').keys).toEqual(['thi xa sa pa', 'sa pa', 'tx sa pa']);
    expect(nameKeys('Thị Trấn Đắk Hà').keys).toEqual(['thi tran dak ha', 'dak ha', 'tt dak ha']);
    expect(nameKeys('Phường 5').keys).toEqual(['phuong 5', '5']);
  });

  it('make file-name slugs without the type word', () => {
    expect(nameSlug('Tỉnh Kon Tum')).toBe('kon-tum');
    expect(nameSlug('Tỉnh Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(nameSlug('Thành phố Hồ Chí Minh')).toBe('ho-chi-minh');
    expect(nameSlug('Tỉnh Đắk Lắk')).toBe('dak-lak');
  });
});

describe("the seed's normaliseName (folding moved to search/normalise.ts)", () => {
  it('behaves as before: folded, without the type word or its abbreviation', () => {
    expect(normaliseName('Huyện Đắk Hà')).toBe('dak ha');
    expect(normaliseName('Đăk Hà')).toBe('dak ha');
    expect(normaliseName('Xã Hoà Mạc')).toBe('hoa mac');
    expect(normaliseName('TP Lào Cai')).toBe('lao cai');
    expect(normaliseName('TX Sa Pa')).toBe('sa pa');
    expect(normaliseName('Thành phố Trung ương Hà Nội')).toBe('ha noi');
    expect(normaliseName("Ia H’Drai")).toBe("ia h'drai");
  });
});
