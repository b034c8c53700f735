/** @module What a published target asks for, in terms the data can measure. A target is stored as its source writes
 * it (metric name, value as written, the number read from it); this module maps it to one or more clauses,
 * each with a measure computed from the communes' statuses ("communes recognised", "share of communes with
 * ≥ 15 criteria", …) and the number the clause asks for, or with the reason no measure fits (villages,
 * income, districts, …). Pure: no data is read here. */
import type { RecognitionLevel } from '../db/schema.ts';

/** A figure the statuses of a scope's rural communes give at a period. Levels count "at or above": nâng
 * cao and kiểu mẫu communes are đạt chuẩn communes too, and a kiểu mẫu commune is a nâng cao one
 * (Quyết định 319/QĐ-TTg). */
export type Measure =
  | { kind: 'communes_at_level'; level: RecognitionLevel }
  | { kind: 'share_at_level'; level: RecognitionLevel }
  | { kind: 'new_communes_at_level'; level: RecognitionLevel; year: number }
  | { kind: 'share_min_criteria'; min: number }
  | { kind: 'share_criteria_met'; criteria: number[] }
  | { kind: 'average_criteria_met' }
  | { kind: 'criteria_gain_per_year' };

/** The units a target's measure counts in. */
export type MeasureUnit = 'communes' | '%' | 'criteria' | 'criteria/year';

/** One clause of a target's value read as a measure (or why none fits). */
export interface TargetClause {
  /** The part of the value this clause reads, when the value holds several (null: the value as a whole). */
  clause: string | null;
  measure: Measure | null;
  /** The number the clause asks for, in the measure's unit (for a clause without a measure: the number read
   * from the value, if any). */
  number: number | null;
  unit: MeasureUnit | null;
  /** Why no measure fits (null when there is one). */
  reason: string | null;
}

/** A target as interpreted: its metric, value, scope and deadline. */
export interface TargetInput {
  metric: string;
  value: string;
  value_num: number | null;
  /** YYYY-MM-DD */
  deadline: string | null;
}

const LEVEL_NAMES: Record<RecognitionLevel, string> = {
  dat_chuan: 'đạt chuẩn or above',
  nang_cao: 'nâng cao or above',
  kieu_mau: 'kiểu mẫu',
  hien_dai: 'NTM hiện đại',
};

/** A measure in words, for the answers that show what a target was read as. */
export function describeMeasure(m: Measure): string {
  switch (m.kind) {
    case 'communes_at_level':
      return `rural communes recognised ${LEVEL_NAMES[m.level]}`;
    case 'share_at_level':
      return `share of rural communes recognised ${LEVEL_NAMES[m.level]}, %`;
    case 'new_communes_at_level':
      return `rural communes newly recognised ${LEVEL_NAMES[m.level]} during ${m.year} (in force at the period, not at the end of ${m.year - 1})`;
    case 'share_min_criteria':
      return `share of rural communes meeting at least ${m.min} criteria, %`;
    case 'share_criteria_met':
      return `share of rural communes meeting criteria ${m.criteria.join(' and ')}, %`;
    case 'average_criteria_met':
      return 'average number of criteria met per rural commune';
    case 'criteria_gain_per_year':
      return 'average criteria gained in the last 12 months per rural commune that met fewer than all criteria 12 months earlier';
  }
}

/** The unit a measure counts in. */
export function unitOf(m: Measure): MeasureUnit {
  switch (m.kind) {
    case 'communes_at_level':
    case 'new_communes_at_level':
      return 'communes';
    case 'share_at_level':
    case 'share_min_criteria':
    case 'share_criteria_met':
      return '%';
    case 'average_criteria_met':
      return 'criteria';
    case 'criteria_gain_per_year':
      return 'criteria/year';
  }
}

/** Reasons for metrics that name something the data does not hold. First match wins. */
const NOT_COMPUTABLE: ReadonlyArray<[RegExp, string]> = [
  [/thon|village/, 'village (thôn) recognitions are not in the data'],
  [/income/, 'rural income is not in the data'],
  [/poverty/, 'poverty rates are not in the data'],
  [/district/, 'district recognitions are recorded only where a source gives them, not for every district'],
  [/special_difficulty_exit/, 'leaving special-difficulty status is decided by the list that follows 861/QĐ-TTg; the data holds the 2021-2025 listings only'],
  [/cooperative/, 'cooperatives (an indicator of criterion 13) are not reviewed separately in the data'],
  [/^criteria_to_complete|^criteria_remaining/, 'a count of criterion completions (lượt tiêu chí) by named communes, possibly under the provincial criteria set; /plans gives each planned commune\'s missing criteria'],
  [/revocation/, 'a condition on recognised communes, not a figure; commune cards flag recognised communes that now fail a criterion (at_risk)'],
  [/report_day|report/, 'a reporting rule, not a figure'],
];

const NO_RULE = 'no rule maps this metric to the commune statuses';

const LEVEL_WORDS: Record<string, RecognitionLevel> = { ntm: 'dat_chuan', nc: 'nang_cao', 'nc/km': 'nang_cao', km: 'kieu_mau' };

/** The metric without a "_(plan)" suffix and without its trailing year: "target_communes_ntm_2025_(KH 104/KH-BCĐ)"
 * → { base: "target_communes_ntm", year: 2025 }. */
export function metricBase(metric: string): { base: string; year: number | null } {
  const stripped = metric.replace(/_\([^()]*\)$/, '');
  const match = /^(.*?)_((?:19|20)\d{2})$/.exec(stripped);
  return match ? { base: match[1]!, year: Number(match[2]) } : { base: stripped, year: null };
}

function deadlineYear(t: TargetInput): number | null {
  return t.deadline ? Number(t.deadline.slice(0, 4)) : null;
}

/** Reads a target into clauses. */
export function interpretTarget(t: TargetInput): TargetClause[] {
  const metric = t.metric.toLowerCase();
  const { base, year } = metricBase(metric);
  const value = t.value.trim();
  const single = (measure: Measure, number: number | null): TargetClause[] =>
    number === null
      ? [{ clause: null, measure: null, number: null, unit: null, reason: `no number can be read from the value "${t.value}"` }]
      : [{ clause: null, measure, number, unit: unitOf(measure), reason: null }];
  const percent = (): number | null => (/%\s*$/.test(value) ? t.value_num : null);

  for (const [pattern, reason] of NOT_COMPUTABLE) {
    if (pattern.test(base)) return [{ clause: null, measure: null, number: t.value_num, unit: null, reason }];
  }
  let m: RegExpExecArray | null;
  if ((m = /^target_share_communes_(ntm|nang_cao|kieu_mau)$/.exec(base))) {
    return single({ kind: 'share_at_level', level: levelOfMetricWord(m[1]!) }, percent());
  }
  if ((m = /^target_new_communes_(ntm|nang_cao|kieu_mau)$/.exec(base))) {
    const y = year ?? deadlineYear(t);
    if (y === null) return [{ clause: null, measure: null, number: t.value_num, unit: null, reason: 'the target names no year' }];
    return single({ kind: 'new_communes_at_level', level: levelOfMetricWord(m[1]!), year: y }, t.value_num);
  }
  if ((m = /^target_communes_(ntm|nang_cao|kieu_mau)$/.exec(base))) {
    const level = levelOfMetricWord(m[1]!);
    if (t.value_num !== null) return single({ kind: 'communes_at_level', level }, t.value_num);
    return readClauses(value, { defaultLevel: level, year: deadlineYear(t) });
  }
  if ((m = /^target_share_communes_(\d+)_criteria$/.exec(base))) {
    return single({ kind: 'share_min_criteria', min: Number(m[1]) }, percent());
  }
  if (base === 'target_no_commune_below_criteria') {
    // "no commune below N criteria": every commune meets at least N.
    if (t.value_num === null) return single({ kind: 'average_criteria_met' }, null);
    return [{ clause: null, measure: { kind: 'share_min_criteria', min: t.value_num }, number: 100, unit: '%', reason: null }];
  }
  if ((m = /^target_share_communes_group_(\d+(?:_\d+)*)$/.exec(base))) {
    return single({ kind: 'share_criteria_met', criteria: m[1]!.split('_').map(Number) }, percent());
  }
  if (base === 'target_criteria_gain_per_commune_per_year') {
    // "1-2" (or more) criteria a year: the lower bound is what the target asks at least.
    const range = /^(\d+(?:\.\d+)?)\s*(?:-\s*\d+(?:\.\d+)?)?$/.exec(value);
    return single({ kind: 'criteria_gain_per_year' }, range ? Number(range[1]) : t.value_num);
  }
  if (base === 'target' || base === 'target_end') {
    // A target for a year written as a list: "72 NTM, 10 NC", ">=155/194 NTM; 64 NC; 16 KM".
    return readClauses(value, { defaultLevel: null, year: year ?? deadlineYear(t) });
  }
  return [{ clause: null, measure: null, number: t.value_num, unit: null, reason: NO_RULE }];
}

function levelOfMetricWord(word: string): RecognitionLevel {
  return word === 'ntm' ? 'dat_chuan' : (word as RecognitionLevel);
}

/** Splits a value at ";" and "," outside parentheses. */
export function splitClauses(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ';' || ch === ',') && depth === 0) {
      if (current.trim()) out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

const CMP = String.raw`(?:>=|≥|>|~)?\s*`;

/** Reads the clauses of a list-like value. A clause's parenthesis is read for level counts only
 * ("94/127 (20 NC, 9 KM)"); anything else in it is a remark ("(67%)", "(văn hóa)"). */
function readClauses(value: string, options: { defaultLevel: RecognitionLevel | null; year: number | null }): TargetClause[] {
  const parts = splitClauses(value);
  const out: TargetClause[] = [];
  const label = (text: string) => (parts.length > 1 || text !== value ? text : null);
  for (const part of parts) {
    const paren = /^((?:[^(]*[^(\s])?)\s*\(([^)]*)\)\s*$/.exec(part);
    const main = paren ? paren[1]!.trim() : part;
    out.push({ ...readClause(main, options), clause: label(part) });
    if (paren) {
      for (const inner of splitClauses(paren[2]!)) {
        const read = readClause(inner, { ...options, defaultLevel: null });
        if (read.measure?.kind === 'communes_at_level') out.push({ ...read, clause: inner });
      }
    }
  }
  return out;
}

function readClause(text: string, options: { defaultLevel: RecognitionLevel | null; year: number | null }): TargetClause {
  const t = text.trim().toLowerCase();
  const ok = (measure: Measure, number: number): TargetClause => ({ clause: text, measure, number, unit: unitOf(measure), reason: null });
  const none = (reason: string, number: number | null = null): TargetClause => ({ clause: text, measure: null, number, unit: null, reason });
  let m: RegExpExecArray | null;
  if (/thôn|thon\b|village/.test(t)) return none('village (thôn) recognitions are not in the data');
  if (/huyện|district/.test(t)) return none('district recognitions are recorded only where a source gives them, not for every district');
  if (/income|thu nhập/.test(t)) return none('rural income is not in the data');
  if (/poverty|nghèo/.test(t)) return none('poverty rates are not in the data');
  if (!/\d/.test(t)) return none('names communes or a condition, not a number; see the commune cards');
  // "84/127", ">=155/194 NTM"
  if ((m = new RegExp(String.raw`^${CMP}(\d+)\s*/\s*\d+(?:\s+(ntm|nc|km))?$`).exec(t))) {
    const level = m[2] ? LEVEL_WORDS[m[2]]! : options.defaultLevel ?? 'dat_chuan';
    return ok({ kind: 'communes_at_level', level }, Number(m[1]));
  }
  // "72 NTM", "20 NC", ">=130 NTM"
  if ((m = new RegExp(String.raw`^${CMP}(\d+)\s+(ntm|nc|km)$`).exec(t))) {
    return ok({ kind: 'communes_at_level', level: LEVEL_WORDS[m[2]!]! }, Number(m[1]));
  }
  // "+10 NTM": communes newly recognised during the target's year
  if ((m = /^\+\s*(\d+)\s+(ntm|nc|km)$/.exec(t))) {
    if (options.year === null) return none('the target names no year', Number(m[1]));
    return ok({ kind: 'new_communes_at_level', level: LEVEL_WORDS[m[2]!]!, year: options.year }, Number(m[1]));
  }
  // "60% xã NTM", "5% NC/KM"
  if ((m = new RegExp(String.raw`^${CMP}(\d+(?:\.\d+)?)\s*%\s*(?:xã\s+)?(ntm|nc/km|nc|km)$`).exec(t))) {
    return ok({ kind: 'share_at_level', level: LEVEL_WORDS[m[2]!]! }, Number(m[1]));
  }
  // "no xã <10 criteria", "none <10": every commune meets at least N criteria
  if ((m = /^(?:no xã|none|no commune)\s*(?:below|<)\s*(\d+)(?:\s*criteria)?$/.exec(t))) {
    return ok({ kind: 'share_min_criteria', min: Number(m[1]) }, 100);
  }
  // "avg 16.5", "avg >13"
  if ((m = /^avg\s*(?:(?:>=|≥|>)\s*)?(\d+(?:\.\d+)?)$/.exec(t))) {
    return ok({ kind: 'average_criteria_met' }, Number(m[1]));
  }
  return none('no rule maps this part of the target to the commune statuses');
}
