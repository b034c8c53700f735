/** @module targets.csv (published targets and reported figures, scope named) and plan_targets.csv (targets from the
 * provincial programme documents, scope coded) → target records, values kept as written plus a number where
 * one can be read. */
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { TargetTable } from '../../db/schema.ts';
import { type CsvRow, orNull, provinceCode, readFactsCsv, requiredText, text, url } from './csv.ts';
import { type SourceDate, lastDay, parseSourceDate } from './dates.ts';
import { type UnitLookup, resolveUnitName } from './units.ts';
import { readValueNumber } from '../../target/value-number.ts';

/** A target's row as the seed inserts it. */
export type NewTarget = Insertable<TargetTable>;

/** One target of targets.csv: its scope, metric, value, deadline and source. */
export interface TargetFact {
  file: string;
  line: number;
  record: NewTarget;
  /** The as-of date / deadline as the source gives it (null when undated). */
  asOf: SourceDate | null;
}

const scope = z.enum(['national', 'province', 'district', 'commune'], {
  error: 'expected national, province, district or commune',
});

const TargetRow = z.object({
  scope,
  scope_name: requiredText,
  metric: requiredText,
  value: requiredText,
  as_of: text,
  source_url: url,
  note: text,
});

const PlanTargetRow = z.object({
  scope: z.literal('province', { error: 'expected province' }),
  code: provinceCode,
  scope_name: text,
  metric: requiredText,
  value: requiredText,
  deadline: text,
  source: requiredText,
  note: text,
});

/** Counts of advanced (NC) and model (KM) communes written inside a value: "63/127 (5 NC)", "118/194 (10 NC, 1 KM)". */
export function readLevelCounts(value: string): { nangCao: number | null; kieuMau: number | null } {
  const nc = /(?<!\d)(\d+)\s*NC\b/.exec(value);
  const km = /(?<!\d)(\d+)\s*KM\b/.exec(value);
  return { nangCao: nc ? Number(nc[1]) : null, kieuMau: km ? Number(km[1]) : null };
}

function parseAsOf(row: CsvRow<unknown>, column: string, raw: string): SourceDate | null {
  try {
    return parseSourceDate(raw, { allowUndated: true });
  } catch (error) {
    throw row.error(column, `${(error as Error).message}, got ${JSON.stringify(raw)}`);
  }
}

/** YYYY-MM-DD for the deadline column (the last day the source's date can mean), plus a note when the source's
 * date was partial or approximate. */
function deadline(raw: string, parsed: SourceDate | null): { deadline: string | null; note: string | null } {
  if (raw === '') return { deadline: null, note: null };
  if (parsed === null) return { deadline: null, note: `date in the source: ${raw}` };
  const day = lastDay(parsed);
  return { deadline: day, note: day === raw ? null : `date in the source: ${raw}` };
}

function hostOf(address: string): string {
  try {
    return new URL(address).hostname.replace(/^www\./, '');
  } catch {
    return address;
  }
}

/** Loads and validates targets.csv against the units. */
export function loadTargets(dir: string, units: UnitLookup): TargetFact[] {
  const out: TargetFact[] = [];
  const file = 'targets.csv';
  for (const row of readFactsCsv(dir, file, TargetRow)) {
    const v = row.value;
    let scopeCode: string | null = null;
    if (v.scope !== 'national') {
      const found = resolveUnitName(units, v.scope, v.scope_name);
      if ('reason' in found) throw row.error('scope_name', found.reason);
      scopeCode = found.unit.code;
    }
    const asOf = parseAsOf(row, 'as_of', v.as_of);
    const kind = v.metric.startsWith('target') ? 'target' : 'reported';
    // A target whose metric names its year ("target_share_communes_ntm_2020") is due at the end of that year;
    // its as_of is then the date it was stated.
    // A commune target whose value is a bare year ("target_ntm" = "2024") is due that year: the year is the
    // deadline, not a number the target asks for.
    const yearValue = kind === 'target' && /^(19|20)\d{2}$/.test(v.value) ? v.value : undefined;
    // (the last "_YYYY" of the metric: "target_2016_2020_register" → 2020; not "…_vs_2020", a base year)
    const metricYear = [...v.metric.matchAll(/(?<!_vs)_(20\d{2})(?=_|$)/g)].at(-1)?.[1];
    const dueYear = yearValue ?? (kind === 'target' ? metricYear : undefined);
    const when =
      dueYear !== undefined && v.as_of !== dueYear
        ? { deadline: `${dueYear}-12-31`, note: v.as_of === '' ? null : `stated ${v.as_of}` }
        : deadline(v.as_of, asOf);
    out.push({
      file,
      line: row.line,
      asOf,
      record: {
        scope: v.scope,
        scope_code: scopeCode,
        metric: v.metric,
        value: v.value,
        value_num: yearValue !== undefined ? null : readValueNumber(v.value),
        kind,
        deadline: when.deadline,
        source: hostOf(v.source_url),
        source_url: v.source_url,
        note: [when.note, orNull(v.note)].filter((p) => p !== null).join(' | ') || null,
      },
    });
  }
  const planFile = 'plan_targets.csv';
  for (const row of readFactsCsv(dir, planFile, PlanTargetRow)) {
    const v = row.value;
    const unit = units.byCode.get(v.code);
    if (!unit || unit.level !== 'province') {
      throw row.error('code', `unknown province code ${JSON.stringify(v.code)} (not in the GSO unit list)`);
    }
    const asOf = parseAsOf(row, 'deadline', v.deadline);
    const when = deadline(v.deadline, asOf);
    const reported = v.metric === 'communes_ntm_recognised' || v.metric.startsWith('criteria_remaining');
    out.push({
      file: planFile,
      line: row.line,
      asOf,
      record: {
        scope: 'province',
        scope_code: v.code,
        metric: v.metric,
        value: v.value,
        value_num: readValueNumber(v.value),
        kind: reported ? 'reported' : 'target',
        deadline: when.deadline,
        source: v.source,
        source_url: null,
        note: [when.note, orNull(v.note)].filter((p) => p !== null).join(' | ') || null,
      },
    });
  }
  return out;
}
