// The marks on the time line: the days the units and the criteria changed (1/7/2025, the July-2025
// rearrangement of administrative units; 15/2/2026, the 2026-2030 criteria of 51/2025/QĐ-TTg), read from what
// the server says of its structures and criteria sets, so that a database of one era shows none.
import type { Criteria, Health } from '../api/answers.ts';
import { strings } from '../i18n/i18n.ts';

const t = strings({
  vi: { units: 'sắp xếp đơn vị hành chính', criteria: 'bộ tiêu chí mới ({decision})' },
  en: { units: 'administrative units rearranged', criteria: 'new criteria ({decision})' },
});

/** One change on the time line: the first month it applies to and the day it took effect. */
export interface PeriodMark { period: string; date: string; kind: 'units' | 'criteria'; decision: string | null }

/** "2025-07-01" → "1/7/2025"; a month without its day: "7/2025". */
const dayOf = (date: string): string => date.split('-').map(Number).reverse().join('/');

/** The changes after the first structure and the first set, oldest first. */
export function periodMarks(health: Pick<Health, 'structures'>, catalogue: Criteria | null): PeriodMark[] {
  const marks: PeriodMark[] = [];
  for (const s of (health.structures ?? []).slice(1)) {
    if (s.valid_from) marks.push({ period: s.valid_from, date: s.in_force_date ?? s.valid_from, kind: 'units', decision: null });
  }
  const sets = [...(catalogue?.sets ?? [])].sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  for (const s of sets.slice(1)) marks.push({ period: s.valid_from, date: s.in_force_date ?? s.valid_from, kind: 'criteria', decision: s.decision ?? s.code });
  return marks.sort((a, b) => a.period.localeCompare(b.period));
}

/** "1/7/2025: sắp xếp đơn vị hành chính". */
export function markText(m: PeriodMark): string {
  return `${dayOf(m.date)}: ${m.kind === 'units' ? t('units') : t('criteria', { decision: m.decision ?? '' })}`;
}
