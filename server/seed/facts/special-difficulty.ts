/** @module special_difficulty_communes.csv: communes listed by a decision as special-difficulty (KV III of 861/QĐ-TTg,
 * Programme 135 of 900/QĐ-TTg, coastal "bãi ngang" of 131/QĐ-TTg) or in region I/II (listed, not special). */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { SpecialDifficultyTable } from '../../db/schema.ts';
import { communeCodeOrEmpty, districtCodeOrEmpty, orNull, readFactsCsv, requiredText, text, url } from './csv.ts';
import type { Period } from './dates.ts';
import { communeRows, type UnitLookup } from './units.ts';

/** A special-difficulty listing's row as the seed inserts it. */
export type NewSpecialDifficulty = Insertable<SpecialDifficultyTable>;

/** One commune's listing as especially difficult, with its decision and years. */
export interface SpecialDifficultyFact {
  file: string;
  line: number;
  record: NewSpecialDifficulty;
}

/** The listings, ready for the seed. */
export interface SpecialDifficultyFacts {
  listings: SpecialDifficultyFact[];
  /** Rows without a 2025 GSO commune code (merged/renamed communes), skipped. */
  skipped: number;
}

const Row = z.object({
  commune: text,
  classification: requiredText,
  decision: text,
  period: z
    .string()
    .trim()
    .regex(/^(19|20)\d{2}-(19|20)\d{2}$/, { error: 'expected a period like 2021-2025' }),
  source_url: url,
  commune_code: communeCodeOrEmpty,
  district_code: districtCodeOrEmpty,
  note: text,
});

/** 1 when the classification counts as special-difficulty (KV III, Programme 135, bãi ngang), 0 for KV I/II,
 * null when unknown. */
export function specialFlag(classification: string): 0 | 1 | null {
  const c = classification.toLowerCase();
  if (/khu vực iii\b/.test(c)) return 1;
  if (/khu vực (i|ii)\b/.test(c)) return 0;
  if (c.includes('135') || c.includes('bãi ngang') || c.includes('đặc biệt khó khăn')) return 1;
  return null;
}

/**
 * The months a listing applies: from the decision's month when the decision gives a date inside the period
 * ("861/QĐ-TTg (04/6/2021)" for 2021-2025 → 2021-06), else January of the first year; to December of the last.
 */
export function listingPeriods(period: string, decision: string): { from: Period; to: Period } {
  const [first, last] = period.split('-').map(Number) as [number, number];
  let from = `${first}-01`;
  const dated = /\((\d{1,2})\/(\d{1,2})\/(\d{4})\)/.exec(decision);
  if (dated) {
    const year = Number(dated[3]);
    const month = Number(dated[2]);
    if (year >= first && year <= last && month >= 1 && month <= 12) from = `${year}-${month < 10 ? '0' : ''}${month}`;
  }
  return { from, to: `${last}-12` };
}

/** Loads and validates special-difficulty.csv against the units. */
export function loadSpecialDifficulty(dir: string, units: UnitLookup): SpecialDifficultyFacts {
  const file = 'special_difficulty_communes.csv';
  const listings: SpecialDifficultyFact[] = [];
  const { rows, skipped } = communeRows(readFactsCsv(dir, file, Row), units);
  for (const { row, v, unit } of rows) {
    const special = specialFlag(v.classification);
    if (special === null) {
      throw row.error(
        'classification',
        `expected a KV I/II/III, Programme 135 or bãi ngang classification, got ${JSON.stringify(v.classification)}`,
      );
    }
    const { from, to } = listingPeriods(v.period, v.decision);
    const sourceName = v.commune !== '' && v.commune !== unit.name ? `source name: ${v.commune}` : null;
    listings.push({
      file,
      line: row.line,
      record: {
        commune_code: v.commune_code,
        classification: v.classification,
        special,
        decision: orNull(v.decision),
        period_from: from,
        period_to: to,
        provenance: 'official',
        source_url: v.source_url,
        note: [`period ${v.period} in the source`, sourceName, orNull(v.note)].filter((p) => p !== null).join(' | '),
      },
    });
  }
  return { listings, skipped };
}
