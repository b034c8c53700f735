/** @module Reading the number out of a target's free-text value, as officials and reports write it. Used by
 * the targets an official enters (server/plan) and by the seed's facts loader. */

/**
 * The number a value asks for or reports, when a single one can be read: "84/127" → 84, ">=80%" → 80,
 * "12.02" → 12.02, "6370/8167 (~78%)" → 6370, "19 (18 recognised)" → 19; null for lists, ranges and text
 * ("1-2", "Q2/2024", "72 NTM, 10 NC").
 */
export function readValueNumber(value: string): number | null {
  const match = /^\s*(?:(?:>=|≥|>|<=|≤|<|~)\s*)?(\d+(?:[.,]\d+)?)(?:\s*(?:%|\/\s*\d+))?(?:\s*\([^)]*\))?\s*$/.exec(value);
  if (!match) return null;
  return Number(match[1]!.replace(',', '.'));
}
