// The chosen province or district on the map: everything outside it greyed out (a semi-opaque fill over
// the choropleth, from the communes' `province`/`district` tile properties) and its boundary drawn
// stronger; and the camera moves that bring a scope or a commune into view.
import type { FilterSpecification, LayerSpecification, LngLatBoundsLike, Map as MapLibreMap } from 'maplibre-gl';
import { BOUNDARY_SOURCE } from './source.ts';

export const SCOPE_MASK = 'scope-mask';
const PROVINCE_LINE = 'scope-province-line';
const DISTRICT_LINE = 'scope-district-line';

/** The mainland and near-shore islands; and the whole country with Hoàng Sa and Trường Sa out at sea. */
export const MAINLAND_BOUNDS: [number, number, number, number] = [102.1, 8.3, 109.6, 23.4];
export const COUNTRY_BOUNDS: [number, number, number, number] = [102.1, 7.6, 116.0, 23.4];

export interface Scope { province: string | null; district: string | null }

const NOTHING: FilterSpecification = ['boolean', false];
const maskFilter = (scope: Scope): FilterSpecification =>
  scope.district ? ['!=', ['get', 'district'], scope.district] : scope.province ? ['!=', ['get', 'province'], scope.province] : NOTHING;
const lineFilter = (code: string | null): FilterSpecification => (code ? ['==', ['get', 'code'], code] : NOTHING);

/** The mask and the scope's outlines, in the first style (a layer added later makes MapLibre parse every
 * tile again). They stay visible and select nothing without a scope: only their filters change. */
export function scopeLayers(scope: Scope): { mask: LayerSpecification; lines: LayerSpecification[] } {
  const source = BOUNDARY_SOURCE;
  return {
    // Above the choropleth, the special-difficulty hatch and the commune lines; below district and province lines.
    mask: {
      id: SCOPE_MASK, type: 'fill', source, 'source-layer': 'communes', minzoom: 4, filter: maskFilter(scope),
      // Not antialiased: the outlines of two neighbours would draw their shared edge twice, a darker seam.
      paint: { 'fill-color': '#c9c7c2', 'fill-opacity': 0.88, 'fill-antialias': false },
    },
    lines: [
      {
        id: PROVINCE_LINE, type: 'line', source, 'source-layer': 'provinces', filter: lineFilter(scope.province),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#1d2a33', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.5, 10, 3] },
      },
      {
        id: DISTRICT_LINE, type: 'line', source, 'source-layer': 'districts', filter: lineFilter(scope.district),
        layout: { 'line-join': 'round' },
        paint: { 'line-color': '#1d2a33', 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 2, 10, 3.5] },
      },
    ],
  };
}

/** Greys out everything outside the scope and outlines it; no scope shows the whole country plainly. */
export function showScope(map: MapLibreMap, scope: Scope): void {
  if (!map.getLayer(SCOPE_MASK)) return;
  map.setFilter(SCOPE_MASK, maskFilter(scope));
  map.setFilter(PROVINCE_LINE, lineFilter(scope.province));
  map.setFilter(DISTRICT_LINE, lineFilter(scope.district));
}

/** An area of several provinces (the predecessors of today's province, on the comparison's left side) or one
 * district: the same mask and outlines as showScope. No province and no district: the whole country. */
export function showArea(map: MapLibreMap, area: { provinces: readonly string[]; district: string | null }): void {
  if (!map.getLayer(SCOPE_MASK)) return;
  const provinces: FilterSpecification = ['literal', [...area.provinces]] as unknown as FilterSpecification;
  map.setFilter(SCOPE_MASK, area.district ? maskFilter({ province: null, district: area.district })
    : area.provinces.length ? ['!', ['in', ['get', 'province'], provinces]] as FilterSpecification : NOTHING);
  map.setFilter(PROVINCE_LINE, area.provinces.length ? ['in', ['get', 'code'], provinces] as FilterSpecification : NOTHING);
  map.setFilter(DISTRICT_LINE, lineFilter(area.district));
}

/** Whether a commune (its tile properties) lies inside the scope. */
export function inScope(scope: Scope, commune: { province?: unknown; district?: unknown }): boolean {
  if (scope.district) return commune.district === scope.district;
  if (scope.province) return commune.province === scope.province;
  return true;
}

const PADDING = 32;
/** Boxes drawn over the map that a fitted area should not hide behind: the legend, the period notice. */
const OVERLAYS = ['#legend', '.period-notice'];
const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/**
 * Padding that keeps a fitted area clear of the boxes over the map: each box against an edge pushes that
 * edge in (the side that costs least), unless it would take more than 40 % of the map (a phone's legend).
 */
export function overlayPadding(map: MapLibreMap): { top: number; right: number; bottom: number; left: number } {
  const box = map.getContainer().getBoundingClientRect();
  const base = Math.round(Math.min(PADDING, box.width / 8, box.height / 8));
  const padding = { top: base, right: base, bottom: base, left: base };
  for (const selector of OVERLAYS) {
    const el = map.getContainer().ownerDocument.querySelector(selector);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom) continue;
    const sides = [
      { side: 'left' as const, near: r.left - box.left < 24, value: r.right - box.left + 12, size: box.width },
      { side: 'right' as const, near: box.right - r.right < 24, value: box.right - r.left + 12, size: box.width },
      { side: 'top' as const, near: r.top - box.top < 24, value: r.bottom - box.top + 12, size: box.height },
      { side: 'bottom' as const, near: box.bottom - r.bottom < 48, value: box.bottom - r.top + 12, size: box.height },
    ].filter((c) => c.near && c.value / c.size <= 0.4);
    const best = sides.sort((a, b) => a.value / a.size - b.value / b.size)[0];
    if (best) padding[best.side] = Math.max(padding[best.side], Math.round(best.value));
  }
  return padding;
}

/** The country's box for this map: with Hoàng Sa and Trường Sa where that costs the mainland (almost) no
 * size, as on a wide screen where the height sets the zoom; the mainland alone on a narrow one (a phone),
 * where the islands would halve it. */
export function countryBounds(map: MapLibreMap): [number, number, number, number] {
  const padding = overlayPadding(map);
  const all = map.cameraForBounds(COUNTRY_BOUNDS as LngLatBoundsLike, { padding });
  const mainland = map.cameraForBounds(MAINLAND_BOUNDS as LngLatBoundsLike, { padding });
  return all?.zoom !== undefined && mainland?.zoom !== undefined && all.zoom >= mainland.zoom - 0.15 ? COUNTRY_BOUNDS : MAINLAND_BOUNDS;
}

/** Brings a bbox into view (a province, a district, the country), clear of the boxes over the map. */
export function fitArea(map: MapLibreMap, bbox: [number, number, number, number], animate: boolean): void {
  map.fitBounds(bbox as LngLatBoundsLike, { padding: overlayPadding(map), animate: animate && !reducedMotion(), duration: 700, maxZoom: 12 });
}

/** Flies to a commune: centred on its label point, zoomed so that its bbox fits. */
export function flyToCommune(map: MapLibreMap, bbox: [number, number, number, number] | null, label: [number, number] | null, animate: boolean): void {
  const center = label ?? (bbox ? [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] as [number, number] : null);
  if (!center) return;
  const camera = bbox ? map.cameraForBounds(bbox as LngLatBoundsLike, { padding: PADDING }) : undefined;
  // The label point is rarely the bbox centre: zoom out a little so the whole commune stays in view.
  const zoom = Math.min(12, Math.max(8, (camera?.zoom ?? 11) - 0.4));
  if (animate && !reducedMotion()) map.flyTo({ center, zoom, duration: 1200, essential: false });
  else map.jumpTo({ center, zoom });
}
