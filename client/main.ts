// The map page: the boundary archive coloured by each commune's status, the controls, the legend, the
// tooltip and the side panel, all driven by the state in the URL.
import './map/setup-maplibre.ts';
import { Map as MapLibreMap, NavigationControl } from 'maplibre-gl';
import type { App } from './app.ts';
import { fetchCriteria, fetchHealth, fetchStatus, type CommuneStatus, type Status } from './api/status.ts';
import { mountControls } from './controls/controls.ts';
import { mountTools } from './controls/index.ts';
import { mountPanel } from './panel/index.ts';
import { formatNumber, formatPeriod, onLangChange, setLang, strings } from './i18n/i18n.ts';
import { boundaryStyle } from './map/boundary-style.ts';
import { applyStatus } from './map/choropleth.ts';
import { renderLegend } from './map/legend.ts';
import { attachTooltip } from './map/tooltip.ts';
import { addSpecialLayers, showSpecial } from './map/special.ts';
import { mountTableView } from './table/table-view.ts';
import { createStore, type AppState } from './state/app-state.ts';

declare global {
  interface Window { ntm?: { map: MapLibreMap; app: App } }
}

const t = strings({
  vi: {
    title: 'Bản đồ nông thôn mới', level: 'Mức đạt chuẩn nông thôn mới', met: 'Số tiêu chí đạt (trên 19)', criterion: 'Tiêu chí {n}', group: 'Nhóm tiêu chí {n}: tỷ lệ đạt',
    line: '{count} xã được đánh giá · {period}', carried: '{n} xã dùng số liệu tháng trước', illustrative: 'số liệu minh họa, không chính thức', error: 'Lỗi: {message}',
  },
  en: {
    title: 'New rural development map', level: 'New rural development level', met: 'Criteria met (of 19)', criterion: 'Criterion {n}', group: 'Criteria group {n}: share met',
    line: '{count} communes assessed · {period}', carried: '{n} communes show an earlier month', illustrative: 'illustrative figures, not official', error: 'Error: {message}',
  },
});

const store = createStore(location, history, window);
setLang(store.get().lang);
const statusLine = document.getElementById('status')!;
const legend = document.getElementById('legend')!;

const [health, catalogue] = await Promise.all([fetchHealth(), fetchCriteria()]);
const initial = store.get();
const map = new MapLibreMap({
  container: 'map',
  style: boundaryStyle(health.tiles),
  ...(initial.view ? { center: [initial.view.lon, initial.view.lat] as [number, number], zoom: initial.view.zoom } : { bounds: [102.1, 8.3, 109.6, 23.4] as [number, number, number, number], fitBoundsOptions: { padding: 20 } }),
  attributionControl: { compact: true },
});
map.addControl(new NavigationControl({ showCompass: false }));

let drawn: Status | null = null;
const statusListeners = new Set<(s: Status) => void>();
const app: App = {
  store,
  map,
  health,
  status: () => drawn,
  onStatus: (l) => {
    statusListeners.add(l);
    return () => statusListeners.delete(l);
  },
};
window.ntm = { map, app };

const byCode = new Map<string, CommuneStatus>();
attachTooltip(map, (code) => byCode.get(code));
const table = mountTableView(document.getElementById('table-view')!, map, (code) => byCode.get(code));
const set = catalogue.sets.find((s) => s.code === catalogue.current) ?? catalogue.sets[0]!;
mountControls(document.getElementById('controls')!, app, set.criteria, set.groups);
mountTools({ search: document.getElementById('search')!, controls: document.getElementById('controls')! }, app);
mountPanel(document.getElementById('panel')!, app);

function legendTitle(s: AppState): string {
  if (s.mode === 'criterion') return `${t('criterion', { n: s.criterion })}: ${set.criteria.find((c) => c.number === s.criterion)?.[s.lang === 'en' ? 'name_en' : 'name_vi'] ?? ''}`;
  if (s.mode === 'group') return t('group', { n: s.group });
  return t(s.mode);
}

let drawing = 0;
async function draw(): Promise<void> {
  const s = store.get();
  const ticket = ++drawing;
  const status = await fetchStatus({
    period: s.period ?? undefined,
    criterion: s.mode === 'criterion' ? String(s.criterion) : undefined,
    group: s.mode === 'group' ? String(s.group) : undefined,
  });
  if (ticket !== drawing) return; // a newer request superseded this one
  drawn = status;
  byCode.clear();
  for (const c of status.communes) byCode.set(c.code, c);
  const classes = applyStatus(map, s.mode, status.communes, health.communes);
  const illustrative = status.provenance.reviews.illustrative > 0;
  renderLegend(legend, legendTitle(s), classes, `${formatPeriod(status.period)}${illustrative ? ` · ${t('illustrative')}` : ''}`, {
    count: status.communes.filter((c) => c.special).length,
    hatch: s.special,
    only: s.onlySpecial,
    onChange: (hatch, only) => store.set({ special: hatch, onlySpecial: only }),
  }, () => table.open());
  statusLine.textContent = [t('line', { count: formatNumber(status.communes.length), period: formatPeriod(status.period) }), status.carried ? t('carried', { n: status.carried }) : ''].filter(Boolean).join(' · ');
  for (const l of statusListeners) l(status);
}

const redraw = () =>
  draw().catch((error: unknown) => {
    statusLine.textContent = t('error', { message: error instanceof Error ? error.message : String(error) });
  });

store.subscribe((s, p) => {
  if (s.lang !== p.lang) setLang(s.lang);
  if (s.special !== p.special || s.onlySpecial !== p.onlySpecial) {
    showSpecial(map, s.special, s.onlySpecial);
    void redraw(); // the legend's toggles follow the state
  }
  if (s.mode !== p.mode || s.criterion !== p.criterion || s.group !== p.group || s.period !== p.period || s.lang !== p.lang) void redraw();
  if (s.view && (s.view.lon !== p.view?.lon || s.view.lat !== p.view?.lat || s.view.zoom !== p.view?.zoom)) {
    const c = map.getCenter();
    if (Math.abs(c.lng - s.view.lon) > 1e-4 || Math.abs(c.lat - s.view.lat) > 1e-4 || Math.abs(map.getZoom() - s.view.zoom) > 0.01) map.jumpTo({ center: [s.view.lon, s.view.lat], zoom: s.view.zoom });
  }
});
onLangChange(() => {
  document.title = `${t('title')} · NTM Map`;
});
document.title = `${t('title')} · NTM Map`;
map.on('moveend', () => {
  const c = map.getCenter();
  store.set({ view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } }, 'replace');
});

map.once('load', () => {
  addSpecialLayers(map);
  showSpecial(map, initial.special, initial.onlySpecial);
  redraw()
    .then(() => map.once('idle', () => { document.documentElement.dataset.ready = 'true'; }))
    .catch(() => {});
});
