// The hover tooltip over a commune: name, criteria met, recognition level, special-difficulty flag and
// whether the figure is illustrative. Kept inside the map's box so it never leaves the screen.
import { Popup, type Map as MapLibreMap, type MapGeoJSONFeature } from 'maplibre-gl';
import type { CommuneStatus } from '../api/status.ts';
import { formatPeriod, strings } from '../i18n/i18n.ts';
import { levelLabel } from './choropleth.ts';

const t = strings({
  vi: { notScored: 'Phường/thị trấn: không xét tiêu chí NTM', noData: 'Không có số liệu', met: '{met}/19 tiêu chí', asOf: 'số liệu {period}', special: 'Xã đặc biệt khó khăn', illustrative: 'Số liệu minh họa (không chính thức)' },
  en: { notScored: 'Ward/town: NTM criteria do not apply', noData: 'No data', met: '{met}/19 criteria', asOf: 'data of {period}', special: 'Special-difficulty commune', illustrative: 'Illustrative figure (not official)' },
});

export function attachTooltip(map: MapLibreMap, statusOf: (code: string) => CommuneStatus | undefined): void {
  const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'ntm-tooltip', maxWidth: '240px', offset: 12 });
  map.on('mousemove', 'communes-fill', (e) => {
    const feature = e.features?.[0] as MapGeoJSONFeature | undefined;
    if (!feature) return;
    const s = statusOf(String(feature.properties.code));
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = String(feature.properties.name);
    box.append(name);
    const line = (text: string) => {
      const p = document.createElement('div');
      p.textContent = text;
      box.append(p);
    };
    if (feature.properties.type !== 'Xã') line(t('notScored'));
    else if (!s) line(t('noData'));
    else {
      line(`${t('met', { met: s.met })}${s.as_of ? ` (${t('asOf', { period: formatPeriod(s.as_of) })})` : ''}`);
      line(levelLabel(s.level));
      if (s.special) line(t('special'));
      if (s.provenance === 'illustrative') line(t('illustrative'));
    }
    popup.setLngLat(e.lngLat).setDOMContent(box).addTo(map);
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', 'communes-fill', () => {
    popup.remove();
    map.getCanvas().style.cursor = '';
  });
}
