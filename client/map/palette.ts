/** @module The map's colours, defined once and read by the choropleth (map and widget), its legend, the side
 * panel's bars, the card and the PNG export, so that a bar or a swatch always reads like the map. ColorBrewer
 * schemes chosen to be colour-blind safe: YlGnBu for recognition levels, PuBu for criteria met, BrBG's ends for
 * one criterion or one group. */
import type { Level } from '../api/answers.ts';

/** Every level of every criteria set, in one order: a level keeps its colour across eras (YlGnBu). */
export const LEVEL_COLORS: Readonly<Record<Level, string>> = { chua_dat: '#ffffcc', dat_chuan: '#a1dab4', nang_cao: '#41b6c4', kieu_mau: '#225ea8', hien_dai: '#253494' };

/** The criteria-met colours (PuBu), lowest bin first. Every set has at most four bins (server/criterion/bins.ts). */
export const MET_COLORS: readonly string[] = ['#f1eef6', '#bdc9e1', '#74a9cf', '#0570b0'];

/** The colour of met bin `i` of `bins`: a set with fewer than four bins takes the upper colours, so that
 * "all criteria met" is the darkest blue in every era. */
export const metColor = (i: number, bins: number): string => MET_COLORS[MET_COLORS.length - bins + i] ?? MET_COLORS[MET_COLORS.length - 1]!;

/** One criterion (met / not met) and one group (share of its criteria met): BrBG's ends and a light middle. */
export const CRITERION_COLORS = { notMet: '#d8b365', partly: '#c7eae5', met: '#5ab4ac' } as const;

/** Phường, thị trấn and đặc khu: drawn, not scored. */
export const NOT_SCORED_COLOR = '#e4e1da';
/** A rural commune without a review in the period. */
export const NO_DATA_COLOR = '#ffffff';
