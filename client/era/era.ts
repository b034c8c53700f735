// Which units and which criteria a month is read in, on the client: the same rule as the server's
// (server/era/era.ts, docs/eras.md), read from what the server says of its structures (health) and sets
// (the criteria catalogue) rather than written down here, so that a database seeded with the pre-2025
// units only keeps them for every month.
import type { Criteria, CriteriaSet, Health, StructureCode, Validity } from '../api/answers.ts';

const covers = (v: Validity, period: string): boolean => (v.valid_from === null || v.valid_from <= period) && (v.valid_to === null || period <= v.valid_to);

/** The month a state's period means: its own, or the latest with data (null: no data at all). */
export const periodOf = (period: string | null, health: Pick<Health, 'periods'>): string | null => period ?? health.periods?.[1] ?? null;

/** The unit structure of a month: the latest whose validity covers it (pre2025 when the server names none). */
export function structureAt(health: Pick<Health, 'structures'>, period: string | null): StructureCode {
  const list = health.structures ?? [];
  const hit = period === null ? list.at(-1) : [...list].reverse().find((s) => covers(s, period));
  return hit?.code ?? 'pre2025';
}

/** The criteria set of a month: the latest whose validity covers it (null period: the current set). */
export function setAt(catalogue: Criteria, period: string | null): CriteriaSet {
  const hit = period === null ? catalogue.sets.find((s) => s.code === catalogue.current) : [...catalogue.sets].reverse().find((s) => covers(s, period));
  return hit ?? catalogue.sets.find((s) => s.code === catalogue.current) ?? catalogue.sets[0]!;
}

/** The month that names a state's unit structure in unit look-ups (/api/v1/units?period=): one month per
 * structure — its last, or its first while it is in force — so that every month of a structure shares one
 * cached list. null: the server's latest structure (a database of one structure, or no data). */
export function structureMonth(health: Pick<Health, 'structures' | 'periods'>, period: string | null): string | null {
  const list = health.structures ?? [];
  if (list.length < 2) return null;
  const code = structureAt(health, periodOf(period, health));
  const s = list.find((x) => x.code === code);
  return s?.valid_to ?? s?.valid_from ?? null;
}

/** The structure month (as structureMonth) that a state's unit codes are meant in: `units=` when the link
 * says it, else its period's, else — a link that names a unit without either, written before links said
 * which units they mean — the pre-2025 units'. null: one structure only (no question arises). */
export function codesMonth(health: Pick<Health, 'structures' | 'periods'>, s: { period: string | null; units: StructureCode | null; province: string | null; district: string | null; commune: string | null }): string | null {
  const list = health.structures ?? [];
  if (list.length < 2) return null;
  const named = s.units ? list.find((x) => x.code === s.units) : s.period || !(s.province || s.district || s.commune) ? undefined : list[0];
  return named ? (named.valid_to ?? named.valid_from ?? null) : structureMonth(health, s.period);
}
