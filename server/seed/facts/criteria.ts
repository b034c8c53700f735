/** @module criteria.json: the national criteria set for communes 2021-2025 (Quyết định 318/QĐ-TTg of 08/3/2022):
 * the set, its 5 groups, 19 criteria and the indicators the sources gave (with thresholds where given).
 * Caveats of the source (grouping conflict, gaps, regional rules, later sets) are kept in the set's notes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import { z } from 'zod';
import type {
  CriteriaSetTable,
  CriterionGroupTable,
  CriterionTable,
  IndicatorTable,
} from '../../db/schema.ts';
import { FactsError, factsError } from './csv.ts';
import { monthNumber, periodOf } from './dates.ts';

/** The code of the 2021-2025 criteria set the facts describe. */
export const CRITERIA_SET_CODE = '2021-2025';
/** The first period the set applies to: the 2021-2025 programme period (the decision itself is of 2022-03). */
export const CRITERIA_SET_VALID_FROM = '2021-01';

/** The 2021-2025 catalogue as the seed inserts it: the set, its groups, criteria and indicators. */
export interface CriteriaCatalogue {
  set: Insertable<CriteriaSetTable>;
  groups: Insertable<CriterionGroupTable>[];
  criteria: Insertable<CriterionTable>[];
  indicators: Insertable<IndicatorTable>[];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'expected a date YYYY-MM-DD' });
const httpUrl = z.string().regex(/^https?:\/\/\S+$/, { error: 'expected an http(s) URL' });

const Threshold = z.union([z.string(), z.record(z.string(), z.string()), z.null()]);

const Indicator = z.object({
  code: z.string().regex(/^\d{1,2}\.\d{1,2}$/, { error: 'expected an indicator code like 14.1' }).nullable(),
  listed_order: z.number().int().positive(),
  content_vi: z.string().min(1),
  threshold: Threshold,
  source: httpUrl,
  note: z.string().nullable().optional(),
});

const Criterion = z.object({
  number: z.number().int().min(1).max(19),
  code: z.string().regex(/^TC\d{2}$/, { error: 'expected a criterion code like TC01' }),
  name_vi: z.string().min(1),
  name_en: z.string().min(1),
  group_number: z.number().int().min(1),
  indicators: z.array(Indicator),
  indicators_complete: z.boolean(),
  sources: z.array(httpUrl).min(1),
});

const Catalogue = z.looseObject({
  title: z.string().min(1),
  decision: z.looseObject({
    number: z.string().min(1),
    date: isoDate,
    sources: z.array(httpUrl).min(1),
  }),
  structure: z.looseObject({
    criteria_count: z.number().int(),
    group_count: z.number().int(),
    groups: z.array(
      z.object({
        number: z.number().int().min(1),
        name_vi: z.string().min(1),
        name_en: z.string().min(1),
        criteria: z.array(z.number().int()),
      }),
    ),
  }),
  criteria: z.array(Criterion),
  later_sets: z.array(z.looseObject({ period: z.string(), in_force: isoDate.optional() })).optional(),
});

function where(path: PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i > 0 ? '.' : ''}${String(part)}`))
    .join('');
}

/** Splits "Bộ tiêu chí … 2021-2025 (national criteria …, 2021-2025)" into the Vietnamese and English names. */
function names(title: string): { vi: string; en: string } {
  const match = /^((?:[^(]*[^(\s])?)\s*\((.*)\)\s*$/.exec(title);
  if (!match) return { vi: title, en: title };
  const en = match[2]!;
  return { vi: match[1]!, en: en.charAt(0).toUpperCase() + en.slice(1) };
}

function thresholds(value: z.infer<typeof Threshold>): string | null {
  if (value === null) return null;
  // A plain text threshold applies to every region: "chung" is the decision's word for the general value.
  return JSON.stringify(typeof value === 'string' ? { chung: value } : value);
}

/** Loads and validates criteria.json from the facts folder. */
export function loadCriteria(dir: string): CriteriaCatalogue {
  const file = 'criteria.json';
  const at = (column: string | null) => ({ file, line: null, column });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    throw factsError(at(null), `cannot read the criteria catalogue: ${(error as Error).message}`);
  }
  const parsed = Catalogue.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FactsError(`${file} at ${where(issue.path)}: ${issue.message}`, file, null, where(issue.path));
  }
  const c = parsed.data;
  const fail = (path: string, reason: string) => new FactsError(`${file} at ${path}: ${reason}`, file, null, path);

  const criteriaNumbers = c.criteria.map((criterion) => criterion.number);
  if (c.criteria.length !== c.structure.criteria_count || new Set(criteriaNumbers).size !== c.criteria.length) {
    throw fail('criteria', `expected ${c.structure.criteria_count} criteria numbered once each, got ${c.criteria.length}`);
  }
  if (c.structure.groups.length !== c.structure.group_count) {
    throw fail('structure.groups', `expected ${c.structure.group_count} groups, got ${c.structure.groups.length}`);
  }
  const groupOf = new Map<number, number>();
  for (const group of c.structure.groups) for (const n of group.criteria) groupOf.set(n, group.number);
  c.criteria.forEach((criterion, i) => {
    if (groupOf.get(criterion.number) !== criterion.group_number) {
      throw fail(`criteria[${i}].group_number`, `criterion ${criterion.number} is listed in group ${groupOf.get(criterion.number)} of structure.groups, got ${criterion.group_number}`);
    }
  });

  // The set applies until the month before the next set comes into force (51/2025/QĐ-TTg: 15/02/2026).
  const next = c.later_sets?.find((set) => set.in_force !== undefined);
  const validTo = next?.in_force ? periodOf(monthNumber(next.in_force.slice(0, 7)) - 1) : null;

  const indicatorNotes: Record<string, string> = {};
  const indicators: Insertable<IndicatorTable>[] = [];
  for (const [i, criterion] of c.criteria.entries()) {
    const codes = new Set<string>();
    for (const [j, indicator] of criterion.indicators.entries()) {
      // Where the source shows no numbering, the code is "<criterion>.<order listed>" and a note says so.
      const code = indicator.code ?? `${criterion.number}.${indicator.listed_order}`;
      if (codes.has(code)) throw fail(`criteria[${i}].indicators[${j}]`, `indicator code ${code} appears twice`);
      codes.add(code);
      const notes = [
        indicator.code === null ? 'code = criterion.order listed by the source (the decision numbering was not shown)' : null,
        indicator.note ?? null,
      ].filter((note) => note !== null);
      if (notes.length > 0) indicatorNotes[code] = notes.join('; ');
      indicators.push({
        set_code: CRITERIA_SET_CODE,
        criterion_number: criterion.number,
        code,
        name_vi: indicator.content_vi,
        name_en: null,
        unit: /^tỷ lệ/i.test(indicator.content_vi) ? '%' : null,
        thresholds: thresholds(indicator.threshold),
        sources: JSON.stringify([indicator.source]),
      });
    }
  }

  const { criteria: _criteria, structure, decision, title, ...rest } = c;
  const { groups: _groups, ...structureNotes } = structure;
  const notes = {
    title,
    valid_from:
      `The set applies from ${CRITERIA_SET_VALID_FROM}, the start of the 2021-2025 programme period; the decision ` +
      `is dated ${decision.date}. Illustrative reviews before ${decision.date.slice(0, 7)} are expressed against this set.`,
    decision,
    structure: structureNotes,
    indicator_notes: indicatorNotes,
    ...rest,
  };
  const { vi, en } = names(title);
  return {
    set: {
      code: CRITERIA_SET_CODE,
      name_vi: vi,
      name_en: en,
      decision: decision.number,
      decision_date: decision.date,
      valid_from: CRITERIA_SET_VALID_FROM,
      valid_to: validTo,
      unit_structure: 'pre2025',
      criteria_count: c.structure.criteria_count,
      source_url: decision.sources[0]!,
      notes: JSON.stringify(notes),
      levels: JSON.stringify(['dat_chuan', 'nang_cao', 'kieu_mau']),
      in_force_date: decision.date,
    },
    groups: structure.groups.map((group) => ({
      set_code: CRITERIA_SET_CODE,
      number: group.number,
      name_vi: group.name_vi,
      name_en: group.name_en,
    })),
    criteria: c.criteria.map((criterion) => ({
      set_code: CRITERIA_SET_CODE,
      number: criterion.number,
      code: criterion.code,
      name_vi: criterion.name_vi,
      name_en: criterion.name_en,
      group_number: criterion.group_number,
      indicators_complete: criterion.indicators_complete ? 1 : 0,
      sources: JSON.stringify(criterion.sources),
    })),
    indicators,
  };
}
