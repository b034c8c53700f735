// Special-difficulty communes (xã đặc biệt khó khăn) drawn with a hatch over their fill, and the
// "only special-difficulty" view that greys out the others (as the USDA Rural Atlas does). Both read the
// `special` feature state the choropleth sets, so they follow the period without new geometry.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from './boundary-style.ts';

const HATCH = 'special-hatch';

/** A 12×12 diagonal hatch (dark lines on transparent), drawn once on a canvas. */
function hatchImage(): ImageData {
  const size = 12;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.strokeStyle = 'rgba(60, 20, 80, 0.85)';
  ctx.lineWidth = 1.6;
  for (const offset of [-size, 0, size]) {
    ctx.beginPath();
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.stroke();
  }
  return ctx.getImageData(0, 0, size, size);
}

export function addSpecialLayers(map: MapLibreMap): void {
  if (!map.hasImage(HATCH)) map.addImage(HATCH, hatchImage(), { pixelRatio: 2 });
  const before = map.getLayer('communes-line') ? 'communes-line' : undefined;
  map.addLayer({
    id: 'others-grey',
    type: 'fill',
    source: BOUNDARY_SOURCE,
    'source-layer': 'communes',
    minzoom: 4,
    layout: { visibility: 'none' },
    paint: { 'fill-color': '#bdbab3', 'fill-opacity': ['case', ['boolean', ['feature-state', 'special'], false], 0, 0.85] },
  }, before);
  map.addLayer({
    id: 'special-hatch',
    type: 'fill',
    source: BOUNDARY_SOURCE,
    'source-layer': 'communes',
    minzoom: 4,
    // Lighter at country zooms, where a hatch over thousands of small communes would drown the colours.
    paint: {
      'fill-pattern': HATCH,
      'fill-opacity': ['interpolate', ['linear'], ['zoom'], 4, ['case', ['boolean', ['feature-state', 'special'], false], 0.45, 0], 7, ['case', ['boolean', ['feature-state', 'special'], false], 1, 0]],
    },
  }, before);
}

export function showSpecial(map: MapLibreMap, hatch: boolean, onlySpecial: boolean): void {
  map.setLayoutProperty('special-hatch', 'visibility', hatch || onlySpecial ? 'visible' : 'none');
  map.setLayoutProperty('others-grey', 'visibility', onlySpecial ? 'visible' : 'none');
}
