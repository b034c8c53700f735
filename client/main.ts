// The map page (first version): the boundary archive coloured by each commune's status, a mode switch,
// a legend with counts and a hover tooltip. The full client (filters, card, search, time, permalinks,
// languages) builds on these modules.
import './map/setup-maplibre.ts';
import { Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import { fetchHealth, fetchStatus, type CommuneStatus } from './api/status.ts';
import { boundaryStyle } from './map/boundary-style.ts';
import { applyStatus, type Mode } from './map/choropleth.ts';
import { renderLegend } from './map/legend.ts';
import { attachTooltip } from './map/tooltip.ts';

declare global {
  interface Window { ntm?: { map: MapLibreMap } }
}

const status = document.getElementById('status')!;
const legend = document.getElementById('legend')!;
const modeSelect = document.getElementById('mode') as HTMLSelectElement;
const MODE_TITLES: Record<Mode, string> = { level: 'Mức đạt chuẩn nông thôn mới', met: 'Số tiêu chí đạt (trên 19)' };

const health = await fetchHealth();
const map = new MapLibreMap({ container: 'map', style: boundaryStyle(health.tiles), bounds: [102.1, 8.3, 109.6, 23.4], fitBoundsOptions: { padding: 20 }, attributionControl: { compact: true } });
map.addControl(new NavigationControl({ showCompass: false }));
window.ntm = { map };

const statuses = new Map<string, CommuneStatus>();
attachTooltip(map, (code) => statuses.get(code));

async function draw(mode: Mode): Promise<void> {
  const s = await fetchStatus();
  statuses.clear();
  for (const c of s.communes) statuses.set(c.code, c);
  const notScored = health.communes - s.communes.length;
  const classes = applyStatus(map, mode, s.communes, notScored);
  const illustrative = s.provenance.reviews.illustrative > 0;
  renderLegend(legend, MODE_TITLES[mode], classes, `Tháng ${s.period}${illustrative ? ' · số liệu minh họa, không chính thức' : ''}`);
  status.textContent = `${s.communes.length.toLocaleString('vi-VN')} xã được đánh giá · tháng ${s.period}${s.carried ? ` · ${s.carried} xã dùng số liệu tháng trước` : ''}`;
}

map.once('load', () => {
  draw(modeSelect.value as Mode)
    .then(() => map.once('idle', () => { document.documentElement.dataset.ready = 'true'; }))
    .catch((error: unknown) => { status.textContent = `Lỗi: ${error instanceof Error ? error.message : String(error)}`; });
});
modeSelect.addEventListener('change', () => void draw(modeSelect.value as Mode));
