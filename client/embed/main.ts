// The embeddable widget (/embed): the same map as the main page (style, choropleth, hatch, tooltip from
// client/map/) with a title, a compact legend and a footer line (source, period, data date, whether the
// figures are illustrative, a link to the full map), and nothing else: no panel, no cookies, nothing from
// another origin. Parameters in its URL (params.ts); invalid ones fall back to defaults without a word.
import { openArchive } from '../map/setup-maplibre.ts';
import { Map as MapLibreMap } from 'maplibre-gl';
import type { CommuneStatus, Status } from '../api/answers.ts';
import { fetchCriteria } from '../api/criteria.ts';
import { fetchHealth } from '../api/health.ts';
import { fetchStatus } from '../api/status.ts';
import { statusQueryOf } from '../api/status-query.ts';
import { pngFooter } from '../export/footer.ts';
import { download, mapPng } from '../export/png.ts';
import { formatPeriod, setLang, strings } from '../i18n/i18n.ts';
import { boundaryStyle } from '../map/boundary-style.ts';
import { createPainter, legendClasses, SET_2021_2025 } from '../map/choropleth.ts';
import { swapArchive } from '../map/boundary-style.ts';
import { legendTitle } from '../map/legend-title.ts';
import { specialLabel } from '../map/legend.ts';
import { countryBounds, inScope, MAINLAND_BOUNDS, showScope } from '../map/scope.ts';
import { provideHatch } from '../map/special.ts';
import { attachTooltip } from '../map/tooltip.ts';
import type { AppState } from '../state/app-state.ts';
import { addLabels } from '../map/labels.ts';
import { signalReady } from '../map/ready.ts';
import { readBoot } from './boot.ts';
import { renderCompactLegend, shownClasses } from './legend.ts';
import { embedParamsFromSearch, mainSearchFromEmbedParams } from './params.ts';
import { postHeight } from './height.ts';
import { successorNotice } from '../era/notice.ts';

const t = strings({
  vi: {
    app: 'Bản đồ nông thôn mới', country: 'Việt Nam',
    source: 'Nguồn: NTM Map · ranh giới {boundaries} · tiêu chí {decision}', boundariesOld: 'GSO 01/03/2025', boundariesToday: 'sapnhap.bando.com.vn (từ 1/7/2025)', period: 'Số liệu {period}', dataDate: 'cập nhật {date}', illustrative: 'Số liệu minh họa, không chính thức',
    full: 'Xem bản đồ đầy đủ', png: 'PNG', pngLabel: 'Tải ảnh PNG của bản đồ', mapLabel: 'Bản đồ các xã', legendLabel: 'Chú giải',
    coopWindows: 'Nhấn Ctrl + cuộn để phóng to bản đồ', coopMac: 'Nhấn ⌘ + cuộn để phóng to bản đồ', coopMobile: 'Dùng hai ngón tay để di chuyển bản đồ',
  },
  en: {
    app: 'New rural development map', country: 'Viet Nam',
    source: 'Source: NTM Map · boundaries {boundaries} · criteria {decision}', boundariesOld: 'GSO 01/03/2025', boundariesToday: 'sapnhap.bando.com.vn (since 1/7/2025)', period: 'Data {period}', dataDate: 'updated {date}', illustrative: 'Illustrative figures, not official',
    full: 'Open the full map', png: 'PNG', pngLabel: 'Download a PNG of the map', mapLabel: 'Map of the communes', legendLabel: 'Legend',
    coopWindows: 'Use Ctrl + scroll to zoom the map', coopMac: 'Use ⌘ + scroll to zoom the map', coopMobile: 'Use two fingers to move the map',
  },
});

const params = embedParamsFromSearch(location.search);
const boot = readBoot();
// The server's resolution wins: it dropped unknown codes and periods (the reader sees the default instead).
const state: AppState = boot
  ? { ...params.map, province: boot.province, district: boot.district, commune: boot.commune, period: params.map.period && boot.period === params.map.period ? boot.period : null }
  : params.map;
params.map = state;
setLang(state.lang);
document.documentElement.lang = state.lang;
if (params.height !== null) {
  document.body.classList.add('fixed-height');
  document.body.style.height = `${params.height}px`;
}

/** The status of the view; when a link's scope or period is unknown (no boot to check it), the country's latest. */
async function loadStatus(): Promise<Status> {
  try {
    return await fetchStatus(statusQueryOf(state));
  } catch (error) {
    if (!state.province && !state.district && !state.period) throw error;
    Object.assign(state, { province: null, district: null, period: null });
    return fetchStatus(statusQueryOf(state));
  }
}

const statusAnswer = loadStatus();
statusAnswer.catch(() => {});
const catalogue = state.mode === 'criterion' ? fetchCriteria().catch(() => null) : Promise.resolve(null);
const health = boot ? null : await fetchHealth();
const tiles = boot?.tiles ?? health!.tiles;
openArchive(tiles); // its header beside the status, before the map's style loads

const map = new MapLibreMap({
  container: 'map',
  style: boundaryStyle(tiles, state),
  bounds: boot?.bbox ?? MAINLAND_BOUNDS,
  fitBoundsOptions: { padding: 16, maxZoom: 11 },
  interactive: params.interactive,
  // Page scroll is never taken: the map zooms with Ctrl/⌘ + scroll and pans with two fingers.
  cooperativeGestures: params.interactive,
  attributionControl: false, // the footer names the sources
  locale: { 'CooperativeGesturesHandler.WindowsHelpText': t('coopWindows'), 'CooperativeGesturesHandler.MacHelpText': t('coopMac'), 'CooperativeGesturesHandler.MobileHelpText': t('coopMobile') },
});
// The country: Hoàng Sa and Trường Sa too where the frame is wide enough.
if (!boot?.bbox) map.fitBounds(countryBounds(map), { padding: 16, animate: false });
(window as unknown as { ntm: { map: MapLibreMap } }).ntm = { map };
provideHatch(map);
const styleLoaded = new Promise<void>((resolve) => map.once('style.load', () => resolve()));
const byCode = new Map<string, CommuneStatus>();
if (params.interactive) attachTooltip(map, (code) => byCode.get(code), (props) => inScope(state, props), () => statusCriteria);
let statusCriteria = boot?.set?.criteria_count ?? 0;

const status = await statusAnswer;
await styleLoaded;
showScope(map, state); // the scope may have fallen back to the country (a link with an unknown code)
for (const c of status.communes) byCode.set(c.code, c);
statusCriteria = status.criteria_count;
// The period's own boundaries: the archive of its structure, when it is not the one the style began with.
const archive = (boot?.archives ?? health?.archives)?.[status.structure.code];
if (archive && archive !== tiles) swapArchive(map, archive);
// The period's set: from the catalogue in criterion mode (the names), else from the boot (count and levels).
const set = (await catalogue)?.sets.find((s) => s.code === status.criteria_set) ?? (boot?.set?.code === status.criteria_set ? boot.set : undefined);
createPainter(map).paint(state.mode, status.communes, { count: status.criteria_count, levels: set?.levels ?? SET_2021_2025.levels });

const heading = legendTitle(state, set ?? { criteria_count: status.criteria_count });
const illustrative = status.provenance.reviews.illustrative > 0;
const scopeName = status.scope.name ?? boot?.scopeName ?? t('country');
const classes = legendClasses(state.mode, status, set?.levels);
const special = state.special || state.onlySpecial ? { label: specialLabel(status.criteria_set), count: status.communes.filter((c) => c.special).length } : null;
const title = params.title ?? (boot?.communeName ? `${boot.communeName} · ${scopeName}` : scopeName);
document.getElementById('embed-title')!.textContent = title;
document.getElementById('embed-subtitle')!.textContent = `${heading} · ${formatPeriod(status.period)}`;
// A link that named a unit of the other structure: what it became (or was), in one line under the title.
if (boot?.moved) {
  const notice = document.createElement('p');
  notice.id = 'embed-moved';
  notice.className = 'moved';
  notice.setAttribute('role', 'status');
  notice.textContent = successorNotice({ ...boot.moved, period: status.period });
  document.getElementById('embed-subtitle')!.after(notice);
}
document.title = `${title} · NTM Map`;
document.getElementById('map')!.setAttribute('aria-label', t('mapLabel'));
const legend = document.getElementById('embed-legend')!;
legend.setAttribute('aria-label', t('legendLabel'));
legend.hidden = !params.legend;
if (params.legend) renderCompactLegend(legend, classes, special);

// Footer: source · period · data date · illustrative · full map · PNG.
const footer = document.getElementById('embed-footer')!;
const span = (text: string, className?: string) => {
  const s = document.createElement('span');
  s.textContent = text;
  if (className) s.className = className;
  return s;
};
const full = document.createElement('a');
full.href = `${location.origin}/${mainSearchFromEmbedParams(params)}`;
full.target = '_blank';
full.rel = 'noopener';
full.textContent = `${t('full')} ↗`;
const png = document.createElement('button');
png.type = 'button';
png.id = 'embed-png';
png.textContent = t('png');
png.title = png.ariaLabel = t('pngLabel');
png.addEventListener('click', () => void exportPng());
footer.append(
  span(t('source', { boundaries: status.structure.code === 'pre2025' ? t('boundariesOld') : t('boundariesToday'), decision: boot?.set?.decision ?? set?.code ?? status.criteria_set })),
  span(`${t('period', { period: formatPeriod(status.period) })}${boot?.dataDate ? ` · ${t('dataDate', { date: boot.dataDate })}` : ''}`),
  ...(illustrative ? [span(t('illustrative'), 'illustrative')] : []),
  full,
  png,
);

async function exportPng(): Promise<void> {
  const blob = await mapPng(map, {
    title,
    subtitle: `${heading} · ${formatPeriod(status.period)}`,
    legendTitle: heading,
    classes: shownClasses(classes),
    special,
    footer: pngFooter(status.period, full.href, illustrative, new Date(), { structure: status.structure.code, decision: boot?.set?.decision ?? status.criteria_set }),
  });
  download(blob, `ntm-embed-${status.period}.png`);
}

postHeight();
map.once('idle', () => {
  signalReady();
  addLabels(map, 'archipelagos');
});
