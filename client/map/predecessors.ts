// The outlines of the communes a commune of today's structure was formed from, drawn over it while its card
// is open. They come from the old structure's archive, a second source added only then and removed when the
// card closes (so the map reads no old tile otherwise); one line layer filtered to those codes.
import type { FilterSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { pmtilesUrl } from './boundary-style.ts';
import { SELECTED_LAYER } from './selected.ts';

export const PREDECESSOR_SOURCE = 'predecessor-boundaries';
export const PREDECESSOR_LAYER = 'predecessor-outlines';

const filterOf = (codes: readonly string[]): FilterSpecification => ['in', ['get', 'code'], ['literal', [...codes]]];

/** Draws the outlines of `codes` (communes of the archive at `archiveUrl`), or removes them (null or none). */
export function showPredecessors(map: MapLibreMap, archiveUrl: string | null, codes: readonly string[] | null): void {
  const apply = () => {
    if (!archiveUrl || !codes?.length) {
      if (map.getLayer(PREDECESSOR_LAYER)) map.removeLayer(PREDECESSOR_LAYER);
      if (map.getSource(PREDECESSOR_SOURCE)) map.removeSource(PREDECESSOR_SOURCE);
      return;
    }
    const url = pmtilesUrl(archiveUrl);
    const source = map.getSource(PREDECESSOR_SOURCE) as { url?: string } | undefined;
    if (source && source.url !== url) {
      map.removeLayer(PREDECESSOR_LAYER);
      map.removeSource(PREDECESSOR_SOURCE);
    }
    if (!map.getSource(PREDECESSOR_SOURCE)) map.addSource(PREDECESSOR_SOURCE, { type: 'vector', url });
    if (map.getLayer(PREDECESSOR_LAYER)) map.setFilter(PREDECESSOR_LAYER, filterOf(codes));
    else {
      // Under the selected commune's outline (which stays the strongest line), above everything else.
      map.addLayer({
        id: PREDECESSOR_LAYER, type: 'line', source: PREDECESSOR_SOURCE, 'source-layer': 'communes', minzoom: 6,
        filter: filterOf(codes),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#3b1f5c', 'line-dasharray': [2, 1.5], 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2.2] },
      }, map.getLayer(SELECTED_LAYER) ? SELECTED_LAYER : undefined);
    }
  };
  // Before the first style is in (a link that opens a card) MapLibre refuses new sources: wait for it.
  try {
    apply();
  } catch {
    map.once('style.load', apply);
  }
}
