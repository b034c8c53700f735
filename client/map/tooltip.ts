// The hover tooltip over a commune: name with its district and province, criteria met, recognition level, special-difficulty flag and
// whether the figure is illustrative; on touch screens the first tap shows it. Kept inside the map's box
// so it never leaves the screen.
import { Popup, type LngLat, type Map as MapLibreMap, type MapGeoJSONFeature, type MapMouseEvent } from 'maplibre-gl';
import type { CommuneStatus } from '../api/answers.ts';
import { formatPeriod, strings } from '../i18n/i18n.ts';
import { levelLabel } from './choropleth.ts';
import { unitNames } from './unit-names.ts';

const t = strings({
  vi: { notScored: 'Phường/thị trấn: không xét tiêu chí NTM', noData: 'Không có số liệu', met: '{met}/{total} tiêu chí', asOf: 'số liệu {period}', special: 'Xã đặc biệt khó khăn', illustrative: 'Số liệu minh họa (không chính thức)', outside: 'Ngoài khu vực đang chọn' },
  en: { notScored: 'Ward/town: NTM criteria do not apply', noData: 'No data', met: '{met}/{total} criteria', asOf: 'data of {period}', special: 'Special-difficulty commune', illustrative: 'Illustrative figure (not official)', outside: 'Outside the chosen area' },
});

/** A click made by a finger or a pen (Chrome's clicks are pointer events), or on a screen that cannot hover. */
function isTouch(e: MapMouseEvent): boolean {
  const type = (e.originalEvent as PointerEvent | undefined)?.pointerType;
  return type === 'touch' || type === 'pen' || (!type && (window.matchMedia?.('(hover: none)').matches ?? false));
}

/**
 * Hover shows the tooltip. On touch screens, where nothing hovers, the first tap on a commune shows its
 * tooltip and the map ignores that tap (`preventDefault`: the panel and the filter check `defaultPrevented`);
 * a second tap on the same commune goes through and opens its card. Call before anything else listens to
 * the map's clicks. The popup picks the side that keeps it inside the map, and is kept narrower than it.
 */
/** `total`: the criteria of the drawn period's set (the most `met` can be). */
export function attachTooltip(map: MapLibreMap, statusOf: (code: string) => CommuneStatus | undefined, inScope: (props: Record<string, unknown>) => boolean, total: () => number): void {
  const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'ntm-tooltip', maxWidth: '240px', offset: 12 });
  let previewed: string | null = null; // the commune whose tooltip a tap opened
  const namesOf = unitNames(map);
  const content = (feature: MapGeoJSONFeature): HTMLElement => {
    const s = statusOf(String(feature.properties.code));
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = String(feature.properties.name);
    box.append(name);
    const line = (text: string, className?: string) => {
      const p = document.createElement('div');
      p.textContent = text;
      if (className) p.className = className;
      box.append(p);
    };
    // Where it is: same names recur across the country ("Xã Tân Thành" is in dozens of districts).
    const parents = [namesOf('districts', String(feature.properties.district ?? '')), namesOf('provinces', String(feature.properties.province ?? ''))].filter(Boolean);
    if (parents.length) line(parents.join(', '), 'where');
    if (feature.properties.type !== 'Xã') line(t('notScored'));
    else if (!s && !inScope(feature.properties)) line(t('outside'));
    else if (!s) line(t('noData'));
    else {
      line(`${t('met', { met: s.met, total: total() })}${s.as_of ? ` (${t('asOf', { period: formatPeriod(s.as_of) })})` : ''}`);
      line(levelLabel(s.level));
      if (s.special) line(t('special'));
      if (s.provenance === 'illustrative') line(t('illustrative'));
    }
    return box;
  };
  const show = (feature: MapGeoJSONFeature, at: LngLat) => {
    // Never wider than the map less a margin, so that the popup always fits beside the point.
    popup.setMaxWidth(`${Math.min(240, Math.max(140, map.getContainer().clientWidth / 2 - 24))}px`);
    popup.setLngLat(at).setDOMContent(content(feature)).addTo(map);
  };
  const hide = () => {
    popup.remove();
    previewed = null;
  };

  map.on('mousemove', 'communes-fill', (e) => {
    const feature = e.features?.[0] as MapGeoJSONFeature | undefined;
    if (!feature) return;
    show(feature, e.lngLat);
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', 'communes-fill', () => {
    if (previewed) return; // a tap's tooltip stays until the next tap
    popup.remove();
    map.getCanvas().style.cursor = '';
  });
  map.on('click', (e) => {
    if (!isTouch(e)) return;
    const feature = map.getLayer('communes-fill') ? (map.queryRenderedFeatures(e.point, { layers: ['communes-fill'] })[0] as MapGeoJSONFeature | undefined) : undefined;
    if (!feature) {
      hide();
      return;
    }
    const code = String(feature.properties.code);
    if (previewed === code) {
      hide(); // the second tap: the card opens (the panel's own click)
      return;
    }
    previewed = code;
    show(feature, e.lngLat);
    e.preventDefault();
  });
  map.on('dragstart', hide);
}
