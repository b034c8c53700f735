/** @module When a planned commune is due: a plan names a half-year or a year, the map compares months. */
import type { Period } from '../period/period.ts';

/** "2024-H1" → "2024-06", "2024-H2" → "2024-12", "2025" → "2025-12": the last month of the due half-year/year. */
export function duePeriod(due: string): Period {
  const year = due.slice(0, 4);
  return due.endsWith('-H1') ? `${year}-06` : `${year}-12`;
}
