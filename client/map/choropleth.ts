// Colours communes by their status through feature state (keyed on the GSO code), so that a change of
// mode or period re-colours without fetching geometry again; only communes whose class changed are
// written, since MapLibre re-evaluates the colours of every written commune in every loaded tile. Palettes are colour-blind-safe ColorBrewer
// schemes; phường and thị trấn (not scored) and communes without data get their own classes.
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { CommuneStatus } from '../api/status.ts';
import { strings } from '../i18n/i18n.ts';
import type { Mode } from '../state/app-state.ts';
import { BOUNDARY_SOURCE } from './source.ts';

export interface LegendClass { key: string; label: string; color: string; count: number }

const t = strings({
  vi: {
    chua_dat: 'Chưa đạt chuẩn', dat_chuan: 'Đạt chuẩn NTM', nang_cao: 'NTM nâng cao', kieu_mau: 'NTM kiểu mẫu',
    lt10: 'Dưới 10 tiêu chí', b10: '10–14 tiêu chí', b15: '15–18 tiêu chí', b19: 'Đủ 19 tiêu chí',
    met: 'Đạt', notMet: 'Chưa đạt', share0: 'Dưới 50%', share50: '50–99%', share100: 'Đạt cả nhóm',
    notScored: 'Phường, thị trấn (không xét)', noData: 'Không có số liệu',
  },
  en: {
    chua_dat: 'Not yet standard', dat_chuan: 'NTM standard', nang_cao: 'Advanced NTM', kieu_mau: 'Model NTM',
    lt10: 'Under 10 criteria', b10: '10–14 criteria', b15: '15–18 criteria', b19: 'All 19 criteria',
    met: 'Met', notMet: 'Not met', share0: 'Under 50%', share50: '50–99%', share100: 'Whole group met',
    notScored: 'Wards and towns (not scored)', noData: 'No data',
  },
});

interface ClassDef { key: string; color: string; test: (s: CommuneStatus) => boolean }

/** Classes per mode, in legend order. Levels: YlGnBu; criteria met: PuBu; one criterion / group: BrBG ends. */
function classes(mode: Mode): ClassDef[] {
  switch (mode) {
    case 'level':
      return [
        { key: 'chua_dat', color: '#ffffcc', test: (s) => s.level === 'chua_dat' },
        { key: 'dat_chuan', color: '#a1dab4', test: (s) => s.level === 'dat_chuan' },
        { key: 'nang_cao', color: '#41b6c4', test: (s) => s.level === 'nang_cao' },
        { key: 'kieu_mau', color: '#225ea8', test: (s) => s.level === 'kieu_mau' },
      ];
    case 'met':
      return [
        { key: 'lt10', color: '#f1eef6', test: (s) => s.met < 10 },
        { key: 'b10', color: '#bdc9e1', test: (s) => s.met >= 10 && s.met <= 14 },
        { key: 'b15', color: '#74a9cf', test: (s) => s.met >= 15 && s.met <= 18 },
        { key: 'b19', color: '#0570b0', test: (s) => s.met === 19 },
      ];
    case 'criterion':
      return [
        { key: 'notMet', color: '#d8b365', test: (s) => s.value === 0 },
        { key: 'met', color: '#5ab4ac', test: (s) => s.value === 1 },
      ];
    case 'group':
      return [
        { key: 'share0', color: '#d8b365', test: (s) => (s.value ?? 0) < 0.5 },
        { key: 'share50', color: '#c7eae5', test: (s) => (s.value ?? 0) >= 0.5 && (s.value ?? 0) < 1 },
        { key: 'share100', color: '#5ab4ac', test: (s) => s.value === 1 },
      ];
  }
}

export const NOT_SCORED_COLOR = '#e4e1da';
export const NO_DATA_COLOR = '#ffffff';

const MODES: readonly Mode[] = ['level', 'met', 'criterion', 'group'];
/** Feature state `cls` = mode offset + class index, so that one fixed expression colours every mode. */
const OFFSET = 10;
const offsetOf = (mode: Mode) => MODES.indexOf(mode) * OFFSET;

/** The one fill colour expression for every mode: a commune's colour is picked by the class in its feature
 * state. It never changes, so a change of mode or period only writes feature state: MapLibre then updates
 * the colour buffers in place instead of rebuilding the tiles' buckets as a new expression would make it. */
export function fillColor(): ExpressionSpecification {
  const stops = MODES.flatMap((mode) => classes(mode).flatMap((d, i) => [offsetOf(mode) + i, d.color]));
  return [
    'case',
    ['!=', ['get', 'type'], 'Xã'], NOT_SCORED_COLOR,
    ['==', ['feature-state', 'cls'], null], NO_DATA_COLOR,
    ['match', ['feature-state', 'cls'], ...stops, NO_DATA_COLOR],
  ] as unknown as ExpressionSpecification;
}

export interface StatusCounts { communes: readonly CommuneStatus[]; units: { communes: number; rural: number } }

/** The legend classes of a mode with the count of the scope's communes in each: the mode's classes, rural
 * communes without a review ("no data") and phường/thị trấn ("not scored"). */
export function legendClasses(mode: Mode, status: StatusCounts): LegendClass[] {
  const defs = classes(mode);
  const counts = defs.map(() => 0);
  for (const c of status.communes) {
    const cls = defs.findIndex((d) => d.test(c));
    if (cls >= 0) counts[cls]!++;
  }
  return [
    ...defs.map((d, i) => ({ key: d.key, label: t(d.key as Parameters<typeof t>[0]), color: d.color, count: counts[i]! })),
    { key: 'no_data', label: t('noData'), color: NO_DATA_COLOR, count: Math.max(0, status.units.rural - status.communes.length) },
    { key: 'not_scored', label: t('notScored'), color: NOT_SCORED_COLOR, count: Math.max(0, status.units.communes - status.units.rural) },
  ];
}

/** The class key (as in the legend) of a commune's status in a mode, or null when none fits. */
export function classKey(mode: Mode, status: CommuneStatus): string | null {
  return classes(mode).find((d) => d.test(status))?.key ?? null;
}

/** The legend's label for the class of a commune's status in a mode ("Đạt", "Not met"), or null when none fits. */
export function classLabel(mode: Mode, status: CommuneStatus): string | null {
  const key = classKey(mode, status);
  return key ? t(key as Parameters<typeof t>[0]) : null;
}

export interface Painter {
  /** Writes each commune's class (and special flag) into the feature state; only what changed is written,
   * and communes no longer in the status lose their class (they show as "no data"). */
  paint(mode: Mode, communes: readonly CommuneStatus[]): void;
}

export function createPainter(map: MapLibreMap): Painter {
  const written = new Map<string, { cls: number | null; special: boolean }>();
  const write = (code: string, cls: number | null, special: boolean) =>
    map.setFeatureState({ source: BOUNDARY_SOURCE, sourceLayer: 'communes', id: code }, { cls, special });
  return {
    paint(mode, communes) {
      const defs = classes(mode);
      const offset = offsetOf(mode);
      const seen = new Set<string>();
      for (const c of communes) {
        seen.add(c.code);
        const i = defs.findIndex((d) => d.test(c));
        const cls = i >= 0 ? offset + i : null;
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
  };
}

export const levelLabel = (level: CommuneStatus['level']): string => t(level);
