// Special-difficulty communes (xã đặc biệt khó khăn) drawn with a hatch over their fill, and the
// "only special-difficulty" view that greys out the others (as the USDA Rural Atlas does). Both read the
// `special` feature state the choropleth sets, so they follow the period without new geometry. The layers
// are part of the first style (adding a layer later makes MapLibre parse every tile again).
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from './source.ts';

const HATCH = 'special-hatch';
const GREY = 'others-grey';

/** A 12×12 diagonal hatch (dark lines on transparent), drawn once on a canvas. */
function hatchImage(): ImageData {
  const size = 12;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  // A canvas kept in memory: reading it back costs no round trip to the GPU process.
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
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

/** Gives the map the hatch image whenever a tile asks for it (before the first tile is parsed). */
export function provideHatch(map: MapLibreMap): void {
  const add = () => {
    if (!map.hasImage(HATCH)) map.addImage(HATCH, hatchImage(), { pixelRatio: 2 });
  };
  map.on('styleimagemissing', (e: { id: string }) => {
    if (e.id === HATCH) add();
  });
  map.on('style.load', add);
}

/** Whether a commune is special-difficulty: from the feature state, or (the first choropleth: see main.ts)
 * from the list of their codes, which MapLibre's worker reads as it parses a tile. */
const isSpecial = (codes?: readonly string[]): ExpressionSpecification =>
  (codes ? (codes.length ? ['match', ['get', 'code'], [...new Set(codes)], true, false] : ['boolean', false]) : ['boolean', ['feature-state', 'special'], false]) as ExpressionSpecification;

/** The hatch's opacity: lighter at country zooms, where a hatch over thousands of small communes would drown
 * the colours. `codes`: the special-difficulty communes named in the expression instead of the feature state. */
export function hatchOpacity(codes?: readonly string[]): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], 4, ['case', isSpecial(codes), 0.45, 0], 7, ['case', isSpecial(codes), 1, 0]] as ExpressionSpecification;
}

/** Sets the hatch's opacity (see hatchOpacity). */
export function setHatchOpacity(map: MapLibreMap, codes?: readonly string[]): void {
  if (map.getLayer(HATCH)) map.setPaintProperty(HATCH, 'fill-opacity', hatchOpacity(codes));
}

const visibility = (on: boolean) => (on ? 'visible' : 'none') as 'visible' | 'none';

/** The grey-out and the hatch, placed above the choropleth and below the commune lines. */
export function specialLayers(hatch: boolean, onlySpecial: boolean): LayerSpecification[] {
  return [
    {
      id: GREY,
      type: 'fill',
      source: BOUNDARY_SOURCE,
      'source-layer': 'communes',
      minzoom: 4,
      layout: { visibility: visibility(onlySpecial) },
      paint: { 'fill-color': '#bdbab3', 'fill-opacity': ['case', ['boolean', ['feature-state', 'special'], false], 0, 0.85] },
    },
    {
      id: HATCH,
      type: 'fill',
      source: BOUNDARY_SOURCE,
      'source-layer': 'communes',
      minzoom: 4,
      layout: { visibility: visibility(hatch || onlySpecial) },
      paint: { 'fill-pattern': HATCH, 'fill-opacity': hatchOpacity() },
    },
  ];
}

export function showSpecial(map: MapLibreMap, hatch: boolean, onlySpecial: boolean): void {
  if (!map.getLayer(HATCH)) return;
  map.setLayoutProperty(HATCH, 'visibility', visibility(hatch || onlySpecial));
  map.setLayoutProperty(GREY, 'visibility', visibility(onlySpecial));
}
