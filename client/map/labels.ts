// Province and district names on the map, from the archive's `labels` layer (one point per unit, with
// `level` and `name`): provinces at country and region zooms, districts once zoomed in to a province, and
// the archipelagos Hoàng Sa and Trường Sa at every zoom below that.
// No glyph files: the style has no `glyphs` URL, so MapLibre draws every letter (Vietnamese diacritics
// included) with the reader's own sans-serif font; nothing is fetched for text. A white halo keeps the
// names legible over any class colour, and collisions drop names rather than letting them overlap.
// The names come once the first choropleth is drawn: a tile's text waits for its letters to be drawn (and
// the text shaders to compile), which must not hold back the first colours. Adding them then makes MapLibre
// parse the boundary tiles once more (in its worker, the drawn tiles staying on screen meanwhile); a second
// source on the same archive would avoid that but share the archive's directory reads, whose cancellation
// by one source fails the other's tiles.
import type { ExpressionSpecification, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { getLang } from '../i18n/i18n.ts';
import { ARCHIPELAGO_DISTRICTS } from './archipelagos.ts';
import { BOUNDARY_SOURCE } from './source.ts';

export const PROVINCE_LABELS = 'province-labels';
export const DISTRICT_LABELS = 'district-labels';
export const ARCHIPELAGO_LABELS = 'archipelago-labels';

/** Font stacks (CSS families, first found wins); "Bold" asks MapLibre for a bold weight. */
const REGULAR = ['Noto Sans Regular', 'Segoe UI', 'Roboto', 'DejaVu Sans', 'Arial', 'sans-serif'];
const BOLD = ['Noto Sans Bold', 'Segoe UI', 'Roboto', 'DejaVu Sans', 'Arial', 'sans-serif'];

/** The name without its type word ("Tỉnh Kon Tum" → "Kon Tum", "Huyện Đắk Glei" → "Đắk Glei"). */
const TYPE_WORDS = ['Thành phố ', 'Tỉnh ', 'Huyện ', 'Quận ', 'Thị xã '];
function shortName(): ExpressionSpecification {
  const name: ExpressionSpecification = ['get', 'name'];
  const cases = TYPE_WORDS.flatMap((w) => [['==', ['index-of', w, name], 0], ['slice', name, w.length]]);
  return ['case', ...cases, name] as unknown as ExpressionSpecification;
}

const HALO = { 'text-color': '#1d2a33', 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.6, 'text-halo-blur': 0.4 };

/** "Quần đảo Hoàng Sa" in Vietnamese, "Hoàng Sa archipelago" in English (the name itself is not translated). */
const archipelagoText = (): ExpressionSpecification =>
  getLang() === 'en' ? ['concat', shortName(), ' archipelago'] : ['concat', 'Quần đảo ', shortName()];

function labelLayers(): LayerSpecification[] {
  const source = BOUNDARY_SOURCE;
  return [
    {
      // Hoàng Sa and Trường Sa, named at every zoom below the districts' own names (their islands are specks).
      id: ARCHIPELAGO_LABELS, type: 'symbol', source, 'source-layer': 'labels', maxzoom: 7.6,
      filter: ['all', ['==', ['get', 'level'], 'district'], ['in', ['get', 'code'], ['literal', [...ARCHIPELAGO_DISTRICTS]]]],
      layout: { 'text-field': archipelagoText(), 'text-font': REGULAR, 'text-size': ['interpolate', ['linear'], ['zoom'], 3, 9.5, 7, 12], 'text-max-width': 7, 'text-letter-spacing': 0.04 },
      paint: { ...HALO, 'text-color': '#2f5f7f' },
    },
    {
      id: DISTRICT_LABELS, type: 'symbol', source, 'source-layer': 'labels', minzoom: 7.6, maxzoom: 11.5,
      filter: ['==', ['get', 'level'], 'district'],
      layout: {
        'text-field': shortName(), 'text-font': REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7.6, 10.5, 11, 13],
        'text-max-width': 8, 'text-padding': 4, 'symbol-sort-key': ['length', ['get', 'name']],
      },
      paint: { ...HALO, 'text-color': '#3f3a33', 'text-opacity': ['interpolate', ['linear'], ['zoom'], 7.6, 0, 7.9, 1] },
    },
    {
      id: PROVINCE_LABELS, type: 'symbol', source, 'source-layer': 'labels', minzoom: 4.2, maxzoom: 8.4,
      filter: ['==', ['get', 'level'], 'province'],
      layout: {
        'text-field': shortName(), 'text-font': BOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4.2, 9.5, 6, 12, 8, 14],
        'text-max-width': 9, 'text-padding': 3, 'text-letter-spacing': 0.02,
      },
      paint: { ...HALO, 'text-opacity': ['interpolate', ['linear'], ['zoom'], 8, 1, 8.4, 0] },
    },
  ];
}

/** Adds the names on top of the map: all of them, or only the archipelagos' (the widget, which names
 * nothing else: its title says where it is). */
export function addLabels(map: MapLibreMap, which: 'all' | 'archipelagos' = 'all'): void {
  if (map.getLayer(ARCHIPELAGO_LABELS)) return;
  for (const layer of labelLayers()) if (which === 'all' || layer.id === ARCHIPELAGO_LABELS) map.addLayer(layer);
}

/** The archipelagos' names in the page's language (call when it changes). */
export function relabelArchipelagos(map: MapLibreMap): void {
  if (map.getLayer(ARCHIPELAGO_LABELS)) map.setLayoutProperty(ARCHIPELAGO_LABELS, 'text-field', archipelagoText());
}
