// Colours communes by their status through feature state (keyed on the GSO code), so that a change of
// mode or period re-colours without fetching geometry again. Palettes are colour-blind-safe ColorBrewer
// schemes; phường and thị trấn (not scored) and communes without data get their own classes.
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { CommuneStatus, Level } from '../api/status.ts';
import { BOUNDARY_SOURCE } from './boundary-style.ts';

export type Mode = 'level' | 'met';

export interface LegendClass { key: string; label: string; color: string; count: number }

/** ColorBrewer YlGnBu (4 classes) for the ordered recognition levels. */
export const LEVEL_CLASSES: ReadonlyArray<{ key: Level; label: string; color: string }> = [
  { key: 'chua_dat', label: 'Chưa đạt chuẩn', color: '#ffffcc' },
  { key: 'dat_chuan', label: 'Đạt chuẩn NTM', color: '#a1dab4' },
  { key: 'nang_cao', label: 'NTM nâng cao', color: '#41b6c4' },
  { key: 'kieu_mau', label: 'NTM kiểu mẫu', color: '#225ea8' },
];
/** ColorBrewer PuBu (4 classes) for criteria met: < 10, 10-14, 15-18, 19. */
export const MET_CLASSES: ReadonlyArray<{ key: string; label: string; color: string; min: number; max: number }> = [
  { key: 'lt10', label: 'Dưới 10 tiêu chí', color: '#f1eef6', min: 0, max: 9 },
  { key: '10-14', label: '10–14 tiêu chí', color: '#bdc9e1', min: 10, max: 14 },
  { key: '15-18', label: '15–18 tiêu chí', color: '#74a9cf', min: 15, max: 18 },
  { key: '19', label: 'Đủ 19 tiêu chí', color: '#0570b0', min: 19, max: 19 },
];
export const NOT_SCORED = { key: 'not_scored', label: 'Phường, thị trấn (không xét)', color: '#e4e1da' };
export const NO_DATA = { key: 'no_data', label: 'Không có số liệu', color: '#ffffff' };

export function fillColor(mode: Mode): ExpressionSpecification {
  const scored: ExpressionSpecification =
    mode === 'level'
      ? ['match', ['feature-state', 'level'], ...LEVEL_CLASSES.flatMap((c) => [c.key, c.color]), NO_DATA.color] as unknown as ExpressionSpecification
      : ['step', ['feature-state', 'met'], MET_CLASSES[0]!.color, 10, MET_CLASSES[1]!.color, 15, MET_CLASSES[2]!.color, 19, MET_CLASSES[3]!.color];
  return ['case', ['!=', ['get', 'type'], 'Xã'], NOT_SCORED.color, ['==', ['feature-state', 'met'], null], NO_DATA.color, scored];
}

/** Sets every commune's feature state from a status response; returns the legend classes with counts. */
export function applyStatus(map: MapLibreMap, mode: Mode, communes: readonly CommuneStatus[], notScored: number): LegendClass[] {
  for (const c of communes) {
    map.setFeatureState({ source: BOUNDARY_SOURCE, sourceLayer: 'communes', id: c.code }, { met: c.met, level: c.level, special: c.special });
  }
  map.setPaintProperty('communes-fill', 'fill-color', fillColor(mode));
  const classes: LegendClass[] =
    mode === 'level'
      ? LEVEL_CLASSES.map((c) => ({ ...c, count: communes.filter((s) => s.level === c.key).length }))
      : MET_CLASSES.map((c) => ({ key: c.key, label: c.label, color: c.color, count: communes.filter((s) => s.met >= c.min && s.met <= c.max).length }));
  return [...classes, { ...NOT_SCORED, count: notScored }];
}
