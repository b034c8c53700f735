/** @module A review stores which criteria are met as a bit mask: bit (n - 1) set when criterion n is met. */

/** Number of criteria met in a mask (population count of a 32-bit integer). */
export function popcount(mask: number): number {
  let m = mask - ((mask >> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >> 2) & 0x33333333);
  return (((m + (m >> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether criterion `criterion` (1-based) is met in a review's mask. */
export function isMet(mask: number, criterion: number): boolean {
  return ((mask >> (criterion - 1)) & 1) === 1;
}

/** The mask with the bits of the given criteria numbers set. */
export function maskOf(criteria: readonly number[]): number {
  return criteria.reduce((m, n) => m | (1 << (n - 1)), 0);
}
