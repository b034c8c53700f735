// The outline of the commune whose card is open. Part of the first style; only its filter changes.
import type { FilterSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from './source.ts';

export const SELECTED_LAYER = 'panel-selected-commune';
const filterOf = (code: string | null): FilterSpecification => ['==', ['get', 'code'], code ?? ''];

export function selectedLayer(code: string | null): LayerSpecification {
  return {
    id: SELECTED_LAYER, type: 'line', source: BOUNDARY_SOURCE, 'source-layer': 'communes', minzoom: 4,
    filter: filterOf(code),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#c51b7d', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.5, 10, 3.5] },
  };
}

export function showSelected(map: MapLibreMap, code: string | null): void {
  if (map.getLayer(SELECTED_LAYER)) map.setFilter(SELECTED_LAYER, filterOf(code));
}
