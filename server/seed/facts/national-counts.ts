/** @module national_counts.csv and targets_2030.csv: the figures official sources published for the country and
 * some provinces (communes recognised at each level, khu vực counts of QĐ 60/QĐ-BDTTG …), each in the unit
 * structure of its date, and the 2030 national targets of the 2026-2030 programme (QĐ 417/QĐ-BNNMT). Loaded as
 * official records with their source; the summary API shows each beside the map's own figure. */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { OfficialCountTable, TargetTable } from '../../db/schema.ts';
import { readFactsCsv, requiredText, text } from './csv.ts';

const structure = z.enum(['pre2025', '2025-07'], { error: 'expected a unit structure: pre2025 or 2025-07' });
const month = z.string().trim().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'expected a month YYYY-MM' });
const optionalUrl = z.union([z.literal(''), z.string().trim().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL' })]);

const CountRow = z.object({
  scope: z.enum(['national', 'province'], { error: 'expected national or province' }),
  code: z.string().trim().regex(/^(VN|\d{2})$/, { error: 'expected VN or a 2-digit province code' }),
  structure,
  as_of: month,
  metric: z.string().trim().regex(/^[a-z0-9_]+$/, { error: 'expected a metric key like communes_ntm' }),
  value: requiredText,
  denominator: z.union([z.literal(''), z.string().trim().regex(/^\d+(\.\d+)?$/, { error: 'expected a number' })]),
  source_url: optionalUrl,
  verified: z.enum(['read', 'secondary'], { error: 'expected read or secondary' }),
  note: text,
});

const TargetRow = z.object({
  scope: z.literal('national', { error: 'expected national (the file holds the national 2030 targets)' }),
  code: z.literal('VN', { error: 'expected VN' }),
  structure,
  metric: z.string().trim().regex(/^[a-z0-9_]+$/, { error: 'expected a metric key' }),
  value: requiredText,
  deadline: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' }),
  decision: requiredText,
  source_url: optionalUrl,
  note: text,
});

/** The number a value gives ("6084", "17.5", "79.3%" → 79.3), or null ("51%" stays text with its number). */
function numberOf(value: string): number | null {
  const match = /^~?\s*(\d+(?:\.\d+)?)\s*%?$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

/** national_counts.csv as official_count rows. */
export function loadNationalCounts(dir: string): Insertable<OfficialCountTable>[] {
  return readFactsCsv(dir, 'national_counts.csv', CountRow).map(({ value: row }) => ({
    scope: row.scope,
    code: row.code,
    structure: row.structure,
    as_of: row.as_of,
    metric: row.metric,
    value: row.value.includes('%') ? null : numberOf(row.value),
    value_text: row.value,
    denominator: row.denominator === '' ? null : Number(row.denominator),
    source_url: row.source_url || null,
    verified: row.verified,
    note: row.note || null,
  }));
}

/** targets_2030.csv as national targets of today's structure. */
export function loadTargets2030(dir: string): Insertable<TargetTable>[] {
  return readFactsCsv(dir, 'targets_2030.csv', TargetRow).map(({ value: row }) => ({
    scope: 'national',
    scope_code: null,
    scope_structure: row.structure,
    metric: row.metric,
    value: row.value,
    value_num: numberOf(row.value),
    kind: 'target',
    deadline: row.deadline,
    source: row.decision,
    source_url: row.source_url || null,
    note: row.note || null,
  }));
}
