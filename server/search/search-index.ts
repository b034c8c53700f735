/** @module The in-memory name index of every unit (built once from the unit store): exact, then prefix, then
 * contains matches on the folded name keys (see normalise.ts), each tier ordered province, district,
 * commune, then by name (exact matches with the query's own diacritics first). A search is a map look-up,
 * a binary search and at most one scan of one string. */
import type { Unit } from '../unit/unit-store.ts';
import { accentKey, nameKeys, searchKey } from './normalise.ts';

/** How a unit's name matched the query: whole, from its start, or inside it. */
export type MatchKind = 'exact' | 'prefix' | 'contains';

/** A unit as a hit names it: code, name and level. */
export interface UnitRef {
  code: string;
  name: string;
}

/** One hit: the unit, its district and province, how it matched and its era. */
export interface SearchHit {
  code: string;
  name: string;
  type: string;
  level: Unit['level'];
  rural: boolean;
  match: MatchKind;
  /** The district a commune is in (null for districts and provinces). */
  district: UnitRef | null;
  /** The province a commune or district is in (null for provinces). */
  province: UnitRef | null;
  bbox: Unit['bbox'];
  label: Unit['label'];
}

/** The hits of a query, best first, with the query as compared and whether more were cut. */
export interface SearchResult {
  /** The query as compared: folded, letters and digits only. */
  key: string;
  hits: SearchHit[];
}

/** The search index of one or more structures' units, queried with accents and case folded. */
export interface SearchIndex {
  size: number;
  search(query: string, limit: number): SearchResult;
}

const LEVEL_ORDER: Record<Unit['level'], number> = { province: 0, district: 1, commune: 2 };
const NONE = 0;
const EXACT = 1;
const PREFIX = 2;
const CONTAINS = 3;
const KIND: Record<number, MatchKind> = { [EXACT]: 'exact', [PREFIX]: 'prefix', [CONTAINS]: 'contains' };

interface Entry {
  keys: string[];
  accents: string[];
  order: string;
  level: number;
  hit: Omit<SearchHit, 'match'>;
}

/** Builds the search index over units' names (folded: accents, đ and case ignored); `byCode` gives their parents. */
export function buildSearchIndex(units: Iterable<Unit>, byCode: ReadonlyMap<string, Unit>): SearchIndex {
  const ref = (code: string | null): UnitRef | null => {
    const unit = code ? byCode.get(code) : undefined;
    return unit ? { code: unit.code, name: unit.name } : null;
  };
  const entries: Entry[] = [];
  for (const unit of units) {
    const { keys, accents } = nameKeys(unit.name);
    if (keys[0] === '') continue;
    entries.push({
      keys,
      accents,
      order: keys[1] ?? keys[0]!,
      level: LEVEL_ORDER[unit.level],
      hit: {
        code: unit.code,
        name: unit.name,
        type: unit.type,
        level: unit.level,
        rural: unit.rural,
        district: unit.level === 'commune' ? ref(unit.district) : null,
        province: unit.level === 'province' ? null : ref(unit.province),
        bbox: unit.bbox,
        label: unit.label,
      },
    });
  }
  // Ordinal = rank among units matching in the same way: level, then name without type word, then rural
  // communes (xã, which the programme scores) before phường and thị trấn of the same name, then name, then code.
  const rural = (e: Entry) => (e.hit.level === 'commune' && !e.hit.rural ? 1 : 0);
  entries.sort((a, b) => a.level - b.level || cmp(a.order, b.order) || rural(a) - rural(b) || cmp(a.hit.name, b.hit.name) || cmp(a.hit.code, b.hit.code));
  const n = entries.length;

  const exact = new Map<string, number[]>();
  const pairs: Array<[string, number]> = [];
  const parts: string[] = [];
  const starts = new Int32Array(n);
  let offset = 0;
  entries.forEach((entry, ordinal) => {
    for (const key of entry.keys) {
      const list = exact.get(key) ?? exact.set(key, []).get(key)!;
      if (list.at(-1) !== ordinal) list.push(ordinal);
      pairs.push([key, ordinal]);
    }
    // The whole name holds every other key but the abbreviated one (whose extra text only a prefix search needs).
    // Keys hold letters, digits and single spaces only, so a query never matches across the '\n' separators.
    const text = `${entry.keys[0]!}\n`;
    starts[ordinal] = offset;
    offset += text.length;
    parts.push(text);
  });
  pairs.sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1]);
  const sortedKeys = pairs.map((p) => p[0]);
  const sortedOrdinals = Int32Array.from(pairs, (p) => p[1]);
  const haystack = parts.join('');
  const tier = new Uint8Array(n);
  const prefixBuffer = new Int32Array(n);

  const entryAt = (position: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= position) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lowerBound = (key: string): number => {
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    size: n,
    search(query, limit) {
      const key = searchKey(query);
      if (key === '' || limit < 1) return { key, hits: [] };
      // Synchronous from here to the end: the shared `tier` array is never seen by two searches at once.
      tier.fill(NONE);
      const found: number[] = [];
      const exactOrdinals = exact.get(key) ?? [];
      for (const ordinal of exactOrdinals) tier[ordinal] = EXACT;
      // Exact matches that also have the query's diacritics first ("Tân Thành": Xã Tân Thành before Huyện Tân Thạnh).
      const accent = exactOrdinals.length > 1 ? accentKey(query) : key;
      const ranked = accent === key ? exactOrdinals : [...exactOrdinals.filter((o) => entries[o]!.accents.includes(accent)), ...exactOrdinals.filter((o) => !entries[o]!.accents.includes(accent))];
      for (let i = 0; i < ranked.length && found.length < limit; i++) found.push(ranked[i]!);
      const result = (): SearchResult => ({ key, hits: found.map((ordinal) => ({ ...entries[ordinal]!.hit, match: KIND[tier[ordinal]!]! })) });
      if (found.length >= limit) return result();
      let prefixCount = 0;
      for (let i = lowerBound(key); i < sortedKeys.length && sortedKeys[i]!.startsWith(key); i++) {
        const ordinal = sortedOrdinals[i]!;
        if (tier[ordinal] === NONE) {
          tier[ordinal] = PREFIX;
          prefixBuffer[prefixCount++] = ordinal;
        }
      }
      if (prefixCount > 0) {
        if (prefixCount <= 256) {
          const sorted = prefixBuffer.subarray(0, prefixCount).sort();
          for (let i = 0; i < sorted.length && found.length < limit; i++) found.push(sorted[i]!);
        } else {
          for (let ordinal = 0; ordinal < n && found.length < limit; ordinal++) if (tier[ordinal] === PREFIX) found.push(ordinal);
        }
      }
      // Contains: the haystack is in ordinal order, so the first units found are the first in rank.
      if (found.length >= limit) return result();
      let position = haystack.indexOf(key);
      while (position !== -1 && found.length < limit) {
        const ordinal = entryAt(position);
        if (tier[ordinal] === NONE) {
          tier[ordinal] = CONTAINS;
          found.push(ordinal);
        }
        position = ordinal + 1 < n ? haystack.indexOf(key, starts[ordinal + 1]!) : -1;
      }
      return result();
    },
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
