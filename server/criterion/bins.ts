/** @module The criteria-met bins of a criteria set, derived from its number of criteria by one rule that the
 * server (summary, exports) and the client (legend, colours) share. A pure module with no imports, so the
 * client bundles it as it is.
 *
 * Rule: with n criteria, four bins: under half (0 … ⌈n/2⌉−1), half to three quarters (⌈n/2⌉ … ⌈3n/4⌉−1),
 * three quarters to all but one (⌈3n/4⌉ … n−1), and all n. For 19 criteria: <10, 10–14, 15–18, 19 (the
 * bins the 2021-2025 map always had); for 10: <5, 5–7, 8–9, 10. */

/** One bin: communes meeting from `min` to `max` criteria, inclusive. */
export interface MetRange {
  min: number;
  max: number;
}

/** The bins of a set of `n` criteria, lowest first (empty bins of a very small set are dropped). */
export function metRanges(n: number): MetRange[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a criteria set has at least one criterion, got ${n}`);
  const half = Math.ceil(n / 2);
  const threeQuarters = Math.ceil((3 * n) / 4);
  const ranges: MetRange[] = [
    { min: 0, max: half - 1 },
    { min: half, max: threeQuarters - 1 },
    { min: threeQuarters, max: n - 1 },
    { min: n, max: n },
  ];
  return ranges.filter((r) => r.min <= r.max);
}

/** The index of the bin `met` falls in. */
export function metRangeIndex(ranges: readonly MetRange[], met: number): number {
  const i = ranges.findIndex((r) => met >= r.min && met <= r.max);
  return i === -1 ? ranges.length - 1 : i;
}
