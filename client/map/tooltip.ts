// The hover tooltip over a commune: name, criteria met, recognition level, special-difficulty flag and
// whether the figure is illustrative.
import { Popup, type Map as MapLibreMap, type MapGeoJSONFeature } from 'maplibre-gl';
import type { CommuneStatus } from '../api/status.ts';
import { LEVEL_CLASSES } from './choropleth.ts';

export function attachTooltip(map: MapLibreMap, statusOf: (code: string) => CommuneStatus | undefined): void {
  const popup = new Popup({ closeButton: false, closeOnClick: false, className: 'ntm-tooltip', maxWidth: '260px' });
  map.on('mousemove', 'communes-fill', (e) => {
    const feature = e.features?.[0] as MapGeoJSONFeature | undefined;
    if (!feature) return;
    const code = String(feature.properties.code);
    const s = statusOf(code);
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = String(feature.properties.name);
    box.append(name);
    const line = (text: string) => {
      const p = document.createElement('div');
      p.textContent = text;
      box.append(p);
    };
    if (feature.properties.type !== 'Xã') line('Phường/thị trấn: không xét tiêu chí NTM');
    else if (!s) line('Không có số liệu');
    else {
      line(`${s.met}/19 tiêu chí${s.as_of ? ` (số liệu tháng ${s.as_of})` : ''}`);
      line(LEVEL_CLASSES.find((l) => l.key === s.level)?.label ?? s.level);
      if (s.special) line('Xã đặc biệt khó khăn');
      if (s.provenance === 'illustrative') line('Số liệu minh họa (không chính thức)');
    }
    popup.setLngLat(e.lngLat).setDOMContent(box).addTo(map);
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', 'communes-fill', () => {
    popup.remove();
    map.getCanvas().style.cursor = '';
  });
}
