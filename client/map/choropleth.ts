// Colours communes by their status through feature state (keyed on the GSO code), so that a change of
// mode or period re-colours without fetching geometry again; only communes whose class changed are
// written, since MapLibre re-evaluates the colours of every written commune in every loaded tile. Palettes are colour-blind-safe ColorBrewer
// schemes; phường and thị trấn (not scored) and communes without data get their own classes.
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { CommuneStatus, Level } from '../api/answers.ts';
import { strings } from '../i18n/i18n.ts';
import type { Mode } from '../state/app-state.ts';
import { metRanges } from '../../server/criterion/bins.ts';
import { BOUNDARY_SOURCE } from './source.ts';
import { CRITERION_COLORS, LEVEL_COLORS, MET_COLORS, metColor, NO_DATA_COLOR, NOT_SCORED_COLOR } from './palette.ts';

/** Every level of every set, in the fixed colour expression's order. */
const LEVEL_ORDER: readonly Level[] = ['chua_dat', 'dat_chuan', 'nang_cao', 'kieu_mau', 'hien_dai'];

export interface LegendClass { key: string; label: string; color: string; count: number }

const t = strings({
  vi: {
    chua_dat: 'Chưa đạt chuẩn', dat_chuan: 'Đạt chuẩn NTM', nang_cao: 'NTM nâng cao', kieu_mau: 'NTM kiểu mẫu', hien_dai: 'NTM hiện đại',
    under: 'Dưới {n} tiêu chí', range: '{min}–{max} tiêu chí', all: 'Đủ {n} tiêu chí',
    met: 'Đạt', notMet: 'Chưa đạt', share0: 'Dưới 50%', share50: '50–99%', share100: 'Đạt cả nhóm',
    notScored: 'Phường, thị trấn (không xét)', notScoredToday: 'Phường, đặc khu (không xét)', noData: 'Không có số liệu',
  },
  en: {
    chua_dat: 'Not yet standard', dat_chuan: 'NTM standard', nang_cao: 'Advanced NTM', kieu_mau: 'Model NTM', hien_dai: 'Modern NTM',
    under: 'Under {n} criteria', range: '{min}–{max} criteria', all: 'All {n} criteria',
    met: 'Met', notMet: 'Not met', share0: 'Under 50%', share50: '50–99%', share100: 'Whole group met',
    notScored: 'Wards and towns (not scored)', notScoredToday: 'Wards and special zones (not scored)', noData: 'No data',
  },
});

interface ClassDef { key: string; color: string; label: () => string; test: (s: CommuneStatus) => boolean }

/** What a period's criteria set makes of the classes: the number of criteria (the met bins) and the
 * recognition levels it defines, lowest first (from the catalogue: /api/v1/criteria). */
export interface SetClasses { count: number; levels: readonly Level[] }
/** The 2021-2025 set (19 criteria; đạt chuẩn, nâng cao, kiểu mẫu): what a status without its set is read as. */
export const SET_2021_2025: SetClasses = { count: 19, levels: ['dat_chuan', 'nang_cao', 'kieu_mau'] };


type Key = Parameters<typeof t>[0];

/** The met bins of a set with `count` criteria (server/criterion/bins.ts: the rule the server uses too).
 * Keys name each bin by its range (19 criteria: lt10, b10, b15, b19; 10: lt5, b5, b8, b10). */
function metClasses(count: number): ClassDef[] {
  const ranges = metRanges(count);
  return ranges.map((r, i) => ({
    key: r.min === 0 ? `lt${r.max + 1}` : `b${r.min}`,
    color: metColor(i, ranges.length),
    label: () => (r.min === 0 ? t('under', { n: r.max + 1 }) : r.min === r.max && r.max === count ? t('all', { n: count }) : t('range', { min: r.min, max: r.max })),
    test: (s: CommuneStatus) => s.met >= r.min && s.met <= r.max,
  }));
}

/** Classes per mode, in legend order. Levels: YlGnBu; criteria met: PuBu; one criterion / group: BrBG ends.
 * `all`: every level of every set (the fixed colour expression); otherwise only the set's. */
function classes(mode: Mode, set: SetClasses = SET_2021_2025, all = false): ClassDef[] {
  const fixed = (key: Key, color: string, test: ClassDef['test']): ClassDef => ({ key, color, label: () => t(key), test });
  switch (mode) {
    case 'level':
      return LEVEL_ORDER.filter((level) => all || level === 'chua_dat' || set.levels.includes(level)).map((level) => fixed(level, LEVEL_COLORS[level], (s) => s.level === level));
    case 'met':
      return metClasses(set.count);
    case 'criterion':
      return [
        fixed('notMet', CRITERION_COLORS.notMet, (s) => s.value === 0),
        fixed('met', CRITERION_COLORS.met, (s) => s.value === 1),
      ];
    case 'group':
      return [
        fixed('share0', CRITERION_COLORS.notMet, (s) => (s.value ?? 0) < 0.5),
        fixed('share50', CRITERION_COLORS.partly, (s) => (s.value ?? 0) >= 0.5 && (s.value ?? 0) < 1),
        fixed('share100', CRITERION_COLORS.met, (s) => s.value === 1),
      ];
  }
}

/** A class's index in the fixed colour expression: the met bins by their colour (a set of fewer than four
 * bins uses the upper colours); the others (levels: every level of every set) by their place. */
const colourIndex = (mode: Mode, set: SetClasses, i: number): number => (mode === 'met' ? MET_COLORS.length - metRanges(set.count).length + i : i);


const MODES: readonly Mode[] = ['level', 'met', 'criterion', 'group'];
/** Feature state `cls` = mode offset + class index, so that one fixed expression colours every mode. */
const OFFSET = 10;
const offsetOf = (mode: Mode) => MODES.indexOf(mode) * OFFSET;

/** The one fill colour expression for every mode: a commune's colour is picked by the class in its feature
 * state. It never changes, so a change of mode or period only writes feature state: MapLibre then updates
 * the colour buffers in place instead of rebuilding the tiles' buckets as a new expression would make it. */
export function fillColor(): ExpressionSpecification {
  const stops = MODES.flatMap((mode) => (mode === 'met' ? MET_COLORS.map((color) => ({ color })) : classes(mode, SET_2021_2025, true)).flatMap((d, i) => [offsetOf(mode) + i, d.color]));
  return [
    'case',
    ['!=', ['get', 'type'], 'Xã'], NOT_SCORED_COLOR,
    ['==', ['feature-state', 'cls'], null], NO_DATA_COLOR,
    ['match', ['feature-state', 'cls'], ...stops, NO_DATA_COLOR],
  ] as unknown as ExpressionSpecification;
}

/** The fill colour of one status drawn without feature state: each commune's colour picked by its code in
 * the expression itself, which MapLibre evaluates in its worker while it parses a tile. The first choropleth
 * uses it (the main thread then decodes no feature to colour it); the page then hands over to `fillColor()`
 * and the feature state (createPainter), so that later changes only write state. Same colours as the two. */
export function statusFillColor(mode: Mode, communes: readonly CommuneStatus[], set: SetClasses = SET_2021_2025): ExpressionSpecification {
  const defs = classes(mode, set, true);
  // The colours of the mode's stops in fillColor(), by class index.
  const colours = mode === 'met' ? MET_COLORS : classes(mode, SET_2021_2025, true).map((d) => d.color);
  const byColour = new Map<string, string[]>();
  const seen = new Set<string>(); // a label twice would make the expression invalid
  for (const c of communes) {
    const i = defs.findIndex((d) => d.test(c));
    if (i < 0 || seen.has(c.code)) continue;
    seen.add(c.code);
    const colour = colours[colourIndex(mode, set, i)] ?? NO_DATA_COLOR;
    const codes = byColour.get(colour) ?? [];
    codes.push(c.code);
    byColour.set(colour, codes);
  }
  const branches = [...byColour].flatMap(([colour, codes]) => [codes, colour]);
  return [
    'case',
    ['!=', ['get', 'type'], 'Xã'], NOT_SCORED_COLOR,
    ...(branches.length ? [['match', ['get', 'code'], ...branches, NO_DATA_COLOR]] : [NO_DATA_COLOR]),
  ] as unknown as ExpressionSpecification;
}

export interface StatusCounts { communes: readonly CommuneStatus[]; units: { communes: number; rural: number }; criteria_count: number; structure?: { code: string } }

/** The legend classes of a mode with the count of the scope's communes in each: the mode's classes, rural
 * communes without a review ("no data") and phường/thị trấn ("not scored"). */
export function legendClasses(mode: Mode, status: StatusCounts, levels: readonly Level[] = SET_2021_2025.levels): LegendClass[] {
  const defs = classes(mode, { count: status.criteria_count, levels });
  const counts = defs.map(() => 0);
  for (const c of status.communes) {
    const cls = defs.findIndex((d) => d.test(c));
    if (cls >= 0) counts[cls]!++;
  }
  return [
    ...defs.map((d, i) => ({ key: d.key, label: d.label(), color: d.color, count: counts[i]! })),
    { key: 'no_data', label: t('noData'), color: NO_DATA_COLOR, count: Math.max(0, status.units.rural - status.communes.length) },
    // Since 1/7/2025 there are no thị trấn: the units not scored are phường and đặc khu.
    { key: 'not_scored', label: t(status.structure?.code === '2025-07' ? 'notScoredToday' : 'notScored'), color: NOT_SCORED_COLOR, count: Math.max(0, status.units.communes - status.units.rural) },
  ];
}

/** The class key (as in the legend) of a commune's status in a mode, or null when none fits. */
export function classKey(mode: Mode, status: CommuneStatus, set: SetClasses = SET_2021_2025): string | null {
  return classes(mode, set).find((d) => d.test(status))?.key ?? null;
}

/** The legend's label for the class of a commune's status in a mode ("Đạt", "Not met"), or null when none fits. */
export function classLabel(mode: Mode, status: CommuneStatus, set: SetClasses = SET_2021_2025): string | null {
  return classes(mode, set).find((d) => d.test(status))?.label() ?? null;
}

export interface Painter {
  /** Writes each commune's class (and special flag) into the feature state; only what changed is written,
   * and communes no longer in the status lose their class (they show as "no data"). */
  paint(mode: Mode, communes: readonly CommuneStatus[], set?: SetClasses): void;
  /** Forgets every class written (the boundary archive changed: its codes mean other communes). */
  reset(): void;
}

export function createPainter(map: MapLibreMap): Painter {
  const written = new Map<string, { cls: number | null; special: boolean }>();
  const write = (code: string, cls: number | null, special: boolean) =>
    map.setFeatureState({ source: BOUNDARY_SOURCE, sourceLayer: 'communes', id: code }, { cls, special });
  return {
    paint(mode, communes, set = SET_2021_2025) {
      // Every level of every set: a commune is coloured by its level whichever set the legend names.
      const defs = classes(mode, set, true);
      const offset = offsetOf(mode);
      const seen = new Set<string>();
      for (const c of communes) {
        seen.add(c.code);
        const i = defs.findIndex((d) => d.test(c));
        const cls = i >= 0 ? offset + colourIndex(mode, set, i) : null;
        const before = written.get(c.code);
        if (before && before.cls === cls && before.special === c.special) continue;
        written.set(c.code, { cls, special: c.special });
        write(c.code, cls, c.special);
      }
      for (const code of written.keys()) {
        if (seen.has(code)) continue;
        written.delete(code);
        write(code, null, false);
      }
    },
    reset() {
      written.clear();
      map.removeFeatureState({ source: BOUNDARY_SOURCE, sourceLayer: 'communes' });
    },
  };
}

export const levelLabel = (level: CommuneStatus['level']): string => t(level);
