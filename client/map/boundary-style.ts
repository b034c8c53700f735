// The map style: a plain background (or the configured basemap under everything), the choropleth, the
// special-difficulty hatch, the boundaries from the project's PMTiles archive, the scope mask and outlines,
// the selected commune (the province/district names are added once it is drawn: labels.ts). Every layer is in the first style, shown or
// hidden from the start as the state in the URL asks: a layer added after load makes MapLibre parse every
// tile again, which would delay the first choropleth. No fill is antialiased: the outline pass MapLibre draws
// for it (every polygon's edges again, in the fill's colour or a transparent one) showed nothing here but cost
// a second draw of the 10,000 communes.
import type { LayerSpecification, Map as MapLibreMap, StyleSpecification, VectorTileSource } from 'maplibre-gl';
import type { AppState } from '../state/app-state.ts';
import { fillColor } from './choropleth.ts';
import { scopeLayers } from './scope.ts';
import { selectedLayer } from './selected.ts';
import { BOUNDARY_SOURCE } from './source.ts';
import { specialLayers } from './special.ts';

export { BOUNDARY_SOURCE };

export function boundaryStyle(archiveUrl: string, s: AppState, basemap: StyleSpecification | null = null): StyleSpecification {
  const source = BOUNDARY_SOURCE;
  const scope = scopeLayers({ province: s.province, district: s.district });
  const ground: LayerSpecification[] = basemap
    ? basemap.layers
    : [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f3' } },
      { id: 'provinces-fill', type: 'fill', source, 'source-layer': 'provinces', paint: { 'fill-color': '#fbfaf6' } },
    ];
  return {
    version: 8,
    ...(basemap?.sprite ? { sprite: basemap.sprite } : {}),
    // No `glyphs`, even the basemap's: MapLibre then draws all text with local fonts, fetching nothing.
    sources: {
      ...basemap?.sources,
      [source]: {
        type: 'vector',
        url: pmtilesUrl(archiveUrl),
        promoteId: { provinces: 'code', districts: 'code', communes: 'code', labels: 'code' },
      },
    },
    layers: [
      ...ground,
      { id: 'communes-fill', type: 'fill', source, 'source-layer': 'communes', minzoom: 4, paint: { 'fill-color': fillColor(), 'fill-antialias': false, 'fill-opacity': basemap ? 0.88 : 1 } },
      ...specialLayers(s.special, s.onlySpecial),
      { id: 'communes-line', type: 'line', source, 'source-layer': 'communes', minzoom: 7, paint: { 'line-color': '#b9b3a5', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.2, 12, 0.8] } },
      scope.mask,
      { id: 'districts-line', type: 'line', source, 'source-layer': 'districts', minzoom: 5, paint: { 'line-color': '#7d7668', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 10, 1.2] } },
      { id: 'provinces-line', type: 'line', source, 'source-layer': 'provinces', paint: { 'line-color': '#3f3a33', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 10, 2] } },
      ...scope.lines,
      selectedLayer(s.commune),
      // The province and district names come after the first choropleth (labels.ts).
    ],
  };
}

/** The pmtiles:// URL MapLibre reads an archive of this server through (setup-maplibre.ts registers the protocol). */
export const pmtilesUrl = (archiveUrl: string): string => `pmtiles://${new URL(archiveUrl, location.href).href}`;

/** Draws another structure's archive in the same source (every layer stays, the camera does not move).
 * The caller forgets the feature state first: the same code is another commune in the other archive. */
export function swapArchive(map: MapLibreMap, archiveUrl: string): void {
  const source = map.getSource<VectorTileSource>(BOUNDARY_SOURCE);
  const url = pmtilesUrl(archiveUrl);
  if (source && source.url !== url) source.setUrl(url);
}
