// The base map style: a plain background and the province, district and commune boundaries from
// the project's PMTiles archive; no third-party basemap.
import type { StyleSpecification } from 'maplibre-gl';

export const BOUNDARY_SOURCE = 'boundaries';

export function boundaryStyle(archiveUrl: string): StyleSpecification {
  const source = BOUNDARY_SOURCE;
  return {
    version: 8,
    sources: {
      [source]: {
        type: 'vector',
        url: `pmtiles://${new URL(archiveUrl, location.href).href}`,
        promoteId: { provinces: 'code', districts: 'code', communes: 'code', labels: 'code' },
        attribution: 'Ranh giới: GSO 01/03/2025 · censusVN2009 · dvhcvn',
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f3' } },
      { id: 'provinces-fill', type: 'fill', source, 'source-layer': 'provinces', paint: { 'fill-color': '#fbfaf6' } },
      { id: 'communes-fill', type: 'fill', source, 'source-layer': 'communes', minzoom: 4, paint: { 'fill-color': '#f3efe4', 'fill-outline-color': 'rgba(0,0,0,0)' } },
      { id: 'communes-line', type: 'line', source, 'source-layer': 'communes', minzoom: 7, paint: { 'line-color': '#b9b3a5', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.2, 12, 0.8] } },
      { id: 'districts-line', type: 'line', source, 'source-layer': 'districts', minzoom: 5, paint: { 'line-color': '#7d7668', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.3, 10, 1.2] } },
      { id: 'provinces-line', type: 'line', source, 'source-layer': 'provinces', paint: { 'line-color': '#3f3a33', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.5, 10, 2] } },
    ],
  };
}
