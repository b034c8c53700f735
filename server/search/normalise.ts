/** @module Folding of Vietnamese unit names for comparison: lower case, no diacritics, đ → d, and the search key
 * (letters and digits only) with and without the GSO type word ("Xã", "Huyện", "Thành phố", …). */

/** Lower case without diacritics, đ/Đ → d, one kind of apostrophe, single spaces: "Xã Mường Hoong" → "xa muong hoong". */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key names are searched by: `foldName`, apostrophes dropped with the spaces around them ("Ia H' Drai",
 * "Ia H'Drai" → "ia hdrai"), any other run of non-letters non-digits one space ("Phan Rang-Tháp Chàm" →
 * "phan rang thap cham"). Empty when the text has no letter or digit.
 */
export function searchKey(text: string): string {
  return keyOf(foldName(text));
}

/** `searchKey` keeping the diacritics (lower case, NFC): "Xã Tân Thành" → "xã tân thành", "Xã Tân Thạnh" → "xã tân thạnh". Same words as `searchKey`. */
export function accentKey(text: string): string {
  return keyOf(text.normalize('NFC').toLowerCase().replace(/[’']/g, "'"));
}

function keyOf(text: string): string {
  return text
    .replace(/(?<!\s)\s*'\s*/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** GSO type words as they start a folded name, longest first ("Thành phố Hà Nội" is of type "Thành phố Trung ương"). */
const TYPE_WORDS = ['thanh pho trung uong', 'thanh pho', 'thi tran', 'thi xa', 'tinh', 'huyen', 'quan', 'phuong', 'xa'] as const;

/** Short forms people write for some types: "TP Kon Tum", "TX Sa Pa", "TT Đắk Hà". */
const TYPE_ABBREVIATIONS: Readonly<Record<string, string>> = { 'thanh pho': 'tp', 'thanh pho trung uong': 'tp', 'thi xa': 'tx', 'thi tran': 'tt' };

/** A folded name split into its type word (or null) and the rest: "xa muong hoong" → { type: "xa", bare: "muong hoong" }. */
export function splitType(key: string): { type: string | null; bare: string } {
  for (const word of TYPE_WORDS) {
    if (key.startsWith(`${word} `)) return { type: word, bare: key.slice(word.length + 1) };
  }
  return { type: null, bare: key };
}

/**
 * The keys a unit name is found by: the whole name, the name without its type word, and the abbreviated type +
 * name; `accents`: the first two with their diacritics, to prefer an exact match that has the query's diacritics.
 */
export function nameKeys(name: string): { keys: string[]; accents: string[] } {
  const full = searchKey(name);
  const { type, bare } = splitType(full);
  const keys = [full];
  const accented = accentKey(name);
  const accents = [accented];
  if (type !== null && bare !== '') {
    keys.push(bare);
    const short = TYPE_ABBREVIATIONS[type];
    if (short) keys.push(`${short} ${bare}`);
    const words = accented.split(' ');
    if (words.length === full.split(' ').length) accents.push(words.slice(type.split(' ').length).join(' '));
  }
  return { keys, accents };
}

/** A file-name slug of a unit name without its type word: "Tỉnh Bà Rịa - Vũng Tàu" → "ba-ria-vung-tau". */
export function nameSlug(name: string): string {
  const { bare } = splitType(searchKey(name));
  return bare.replace(/[^a-z0-9]+/g, '-').replace(/^-+|(?<!-)-+$/g, '');
}
