// The map page: the boundary archive coloured by each commune's status, the controls, the legend, the
// tooltip and the side panel, all driven by the state in the URL.
import { openArchive } from './map/setup-maplibre.ts';
import { AttributionControl, Map as MapLibreMap, NavigationControl, type StyleSpecification } from 'maplibre-gl';
import type { App } from './app.ts';
import { readJsonBlock } from './api/boot.ts';
import { ApiFailure, fetchJson } from './api/http.ts';
import type { CommuneStatus, Health, Status } from './api/answers.ts';
import { fetchCriteria } from './api/criteria.ts';
import { fetchHealth } from './api/health.ts';
import { fetchStatus, statusPath } from './api/status.ts';
import { statusQueryOf } from './api/status-query.ts';
import { mountEmbedButton } from './embed-code/button.ts';
import { mountCompare } from './compare/compare.ts';
import { mountControls } from './controls/controls.ts';
import { mountTools } from './controls/index.ts';
import { mountPanel } from './panel/index.ts';
import { formatNumber, formatPercent, formatPeriod, getLang, onLangChange, setLang, strings } from './i18n/i18n.ts';
import { BOUNDARY_SOURCE, boundaryStyle, swapArchive } from './map/boundary-style.ts';
import { codesMonth, periodOf, setAt, structureAt, structureMonth } from './era/era.ts';
import { crossScope, type Crossing } from './era/cross.ts';
import { BOUNDARY_ATTRIBUTIONS } from '../scripts/boundary/attribution.ts';
import type { UnitStructure } from '../server/db/schema.ts';
import { successorNotice, type MovedUnit } from './era/notice.ts';
import { createModeNotice, modeFallback, modeKey } from './era/mode-fallback.ts';
import { classLabel, createPainter, fillColor, legendClasses, statusFillColor } from './map/choropleth.ts';
import { renderLegend, specialLabel } from './map/legend.ts';
import { legendTitle as legendTitleOf } from './map/legend-title.ts';
import { addLabels, relabelArchipelagos } from './map/labels.ts';
import { signalReady } from './map/ready.ts';
import { countryBounds, inScope, MAINLAND_BOUNDS } from './map/scope.ts';
import { attachTooltip } from './map/tooltip.ts';
import { provideHatch, setHatchOpacity, showSpecial } from './map/special.ts';
import { mountTableView } from './table/table-view.ts';
import { pngFooter } from './export/footer.ts';
import { download, mapPng } from './export/png.ts';
import type { LegendClass } from './map/choropleth.ts';
import { createStore, type AppState } from './state/app-state.ts';

declare global {
  interface Window { ntm?: { map: MapLibreMap; app: App } }
}

const t = strings({
  vi: {
    title: 'Bản đồ nông thôn mới',
    line: '{count} xã được đánh giá · {period}', illustrative: 'số liệu minh họa, không chính thức', error: 'Lỗi: {message}',
    criteriaOf: 'tiêu chí {decision}', unpublished: 'bộ chỉ tiêu 2026-2030 chưa được công bố ở nguồn đọc được',
    attribution: 'Ranh giới: GSO 01/03/2025 · censusVN2009 · dvhcvn', controlsLabel: 'Điều khiển bản đồ', mapLabel: 'Bản đồ các xã', legendLabel: 'Chú giải', panelLabel: 'Thông tin', signIn: 'Đăng nhập cán bộ',
  },
  en: {
    title: 'New rural development map',
    line: '{count} communes assessed · {period}', illustrative: 'illustrative figures, not official', error: 'Error: {message}',
    criteriaOf: 'criteria of {decision}', unpublished: 'the 2026-2030 indicators are not yet published in a readable source',
    attribution: 'Boundaries: GSO 01/03/2025 · censusVN2009 · dvhcvn', controlsLabel: 'Map controls', mapLabel: 'Map of the communes', legendLabel: 'Legend', panelLabel: 'Details', signIn: 'Officials: sign in',
  },
});

const store = createStore(location, history, window);
setLang(store.get().lang);
// First subscriber: the language is set before any part redraws for the same change.
store.subscribe((s, p) => {
  if (s.lang !== p.lang) setLang(s.lang);
});
const statusLine = document.getElementById('status')!;
const legend = document.getElementById('legend')!;

const initial = store.get();
// The first status is asked for at once, beside the health and the catalogue, so that the first
// choropleth waits for the slowest of them rather than for each in turn.
// Not when the link may name what the period lacks: a unit of the other structure (`province=62` in 2026, mapped
// to its successor first) or a criterion or group of a set not yet known (`criterion=15` of 10): the server would
// refuse it (a 404 or 400 in the console) before draw() maps or falls back.
// The server's health is in the page (server/embed/page.ts); asked for only when the page came without it.
const bootHealth = readJsonBlock<Health>('ntm-boot');
const safeFirst = bootHealth !== null && initial.mode !== 'criterion' && initial.mode !== 'group'
  && (!(initial.province || initial.district || initial.commune) || codesMonth(bootHealth, initial) === structureMonth(bootHealth, initial.period));
let prefetched: { path: string; answer: Promise<Status> } | null = safeFirst ? { path: statusPath(statusQueryOf(initial)), answer: fetchStatus(statusQueryOf(initial)) } : null;
prefetched?.answer.catch(() => {});
const cataloguePromise = fetchCriteria();
const health = bootHealth ?? (await fetchHealth());
// The archive's header is asked for beside the status: every tile waits for it.
const initialArchive = health.archives[structureAt(health, periodOf(initial.period, health))];
openArchive(initialArchive);
// An optional basemap (NTM_BASEMAP_STYLE_URL) drawn under the choropleth; without it, a plain background.
const basemap = health.basemap ? await fetchJson<StyleSpecification>(health.basemap).catch(() => null) : null;
const map = new MapLibreMap({
  container: 'map',
  // The archive of the period's unit structure (today's units for a month from 2025-07).
  style: boundaryStyle(initialArchive, initial, basemap),
  ...(initial.view ? { center: [initial.view.lon, initial.view.lat] as [number, number], zoom: initial.view.zoom } : { bounds: MAINLAND_BOUNDS, fitBoundsOptions: { padding: 20 } }),
  attributionControl: false, // added below, in the page's language
  // Names appear at once: a fade keeps the map busy (not idle) for 300 ms after every redraw.
  fadeDuration: 0,
});
// Without a view in the link: the whole country, Hoàng Sa and Trường Sa too where the screen allows.
if (!initial.view) map.fitBounds(countryBounds(map), { padding: 20, animate: false });
map.addControl(new NavigationControl({ showCompass: false }));
// The boundaries' attribution of the structure drawn, in the page's language (a control's text is fixed: a new
// one per language and per structure). Today's units come from the state atlas (sapnhap.bando.com.vn).
const attributionOf = (structure: UnitStructure): string => (structure === 'pre2025' ? t('attribution') : BOUNDARY_ATTRIBUTIONS[structure][getLang()]);
let attribution = new AttributionControl({ compact: true, customAttribution: attributionOf(structureAt(health, periodOf(initial.period, health))) });
map.addControl(attribution);
// MapLibre opens a new compact credit expanded until the first drag: on a phone (a map ≤ 640 px wide, where
// MapLibre itself goes compact) it then covers a third of the map after every crossing of the reform or
// change of language. There it starts folded, complete behind its ⓘ button (a <summary>, keyboard-reachable).
const foldOnNarrowMap = () => {
  if (map.getCanvasContainer().offsetWidth <= 640) map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact')?.classList.remove('maplibregl-compact-show');
};
foldOnNarrowMap();
const renewAttribution = (structure: UnitStructure) => {
  map.removeControl(attribution);
  attribution = new AttributionControl({ compact: true, customAttribution: attributionOf(structure) });
  map.addControl(attribution);
  foldOnNarrowMap();
};
onLangChange(() => {
  relabelArchipelagos(map);
  renewAttribution(drawnStructure);
});
provideHatch(map);
// Feature state can be written once the style is in (before any tile): tiles then load already coloured.
const styleLoaded = new Promise<void>((resolve) => map.once('style.load', () => resolve()));

let drawn: Status | null = null;
let markReady = () => {};
const ready = new Promise<void>((resolve) => { markReady = resolve; });
const statusListeners = new Set<(s: Status) => void>();
const app: App = {
  store,
  map,
  health,
  status: () => drawn,
  ready,
  onStatus: (l) => {
    statusListeners.add(l);
    return () => statusListeners.delete(l);
  },
  notifyMoved: (m) => {
    moved = m;
    showMoved();
  },
  scopeReady,
};
window.ntm = { map, app };

const byCode = new Map<string, CommuneStatus>();
const scopeOf = () => ({ province: store.get().province, district: store.get().district });
attachTooltip(map, (code) => byCode.get(code), (props) => inScope(scopeOf(), props), () => drawn?.criteria_count ?? 0);
const table = mountTableView(document.getElementById('table-view')!, map, {
  statusOf: (code) => byCode.get(code),
  inScope: (props) => inScope(scopeOf(), props),
  // One criterion or one group: its figure in a column of its own, headed as the legend is.
  figure: () => {
    const s = store.get();
    if (s.mode !== 'criterion' && s.mode !== 'group') return null;
    return {
      label: legendTitle(s),
      // A criterion: met or not, in the legend's words; a group: the share met.
      text: (c) => (s.mode === 'criterion' ? (classLabel('criterion', c) ?? '') : c.value === undefined ? '' : formatPercent(c.value)),
    };
  },
  choose: (code) => store.set({ commune: code }, 'push'),
});
const catalogue = await cataloguePromise;
/** The criteria set of a state's period (its criteria, groups and levels). */
const setOf = (s: AppState) => setAt(catalogue, periodOf(s.period, health));
mountControls(document.getElementById('controls')!, app, setOf);
mountTools({ search: document.getElementById('search')!, controls: document.getElementById('controls')! }, app);
mountPanel(document.getElementById('panel')!, app);
mountEmbedButton(document.querySelector('header .header-links')!, app);
mountCompare(app, document.querySelector('header .header-links')!, catalogue);

const legendTitle = (s: AppState): string => legendTitleOf(s, setOf(s));

let lastLegend: { title: string; classes: LegendClass[] } | null = null;

async function exportPng(): Promise<void> {
  const status = drawn;
  if (!status || !lastLegend) return;
  const blob = await mapPng(map, {
    title: t('title'),
    subtitle: `${lastLegend.title} · ${formatPeriod(status.period)}`,
    legendTitle: lastLegend.title,
    classes: lastLegend.classes,
    special: store.get().special || store.get().onlySpecial ? { label: specialLabel(status.criteria_set), count: status.communes.filter((c) => c.special).length } : null,
    footer: pngFooter(status.period, location.href, status.provenance.reviews.illustrative > 0, new Date(), { structure: status.structure.code, decision: (catalogue.sets.find((x) => x.code === status.criteria_set)?.decision) ?? status.criteria_set }),
  });
  download(blob, `ntm-${status.period}.png`);
}

const painter = createPainter(map);
/** The first choropleth is coloured by an expression naming each commune's colour by its code, which MapLibre
 * evaluates in its worker as it parses each tile: the main thread then decodes no feature to colour it, which
 * the feature state makes it do for every commune of every tile (a third of its work before the first
 * choropleth). Once drawn, the page hands over to the fixed expression and the feature state (`handOver`),
 * in the same re-parse of the tiles as the names', so that every later change only writes state. The hatch
 * likewise (the special-difficulty communes by code). Only before any tile is asked for (below), and not for
 * the grey-out of "only special-difficulty" (rarely first). */
let firstColours: (() => void) | null = null;
// Once the archive's header is read MapLibre asks for tiles; a new expression then would cancel those under
// way (each an error in the console) and parse the arrived ones again: too late for the first colours.
let archiveOpened = false;
map.on('sourcedata', (e: { sourceId?: string; sourceDataType?: string; tile?: unknown }) => {
  if (e.sourceId === BOUNDARY_SOURCE && (e.sourceDataType === 'metadata' || e.tile)) archiveOpened = true;
});
const handOver = () => {
  if (!firstColours) return;
  const paint = firstColours;
  firstColours = null;
  paint();
  map.setPaintProperty('communes-fill', 'fill-color', fillColor());
  setHatchOpacity(map);
};
let drawing = 0;
let drawnPath = '';
/** The structure whose archive the boundary source draws. */
let drawnStructure = structureAt(health, periodOf(initial.period, health));
/** The notice of a unit that the link named in another structure (shown beside the status line). */
let moved: MovedUnit | null = null;
/** The structure (named by one of its months) that the state's province, district and commune are codes of. */
let scopeMonth = codesMonth(health, initial);
/** The codes `scopeMonth` was recorded for: codes that change together with the period (a lineage link, a
 * search result) are meant in the new period's structure, and are not crossed. */
const codesOf = (s: { province: string | null; district: string | null; commune: string | null }) => `${s.province}|${s.district}|${s.commune}`;
let scopeCodes = codesOf(initial);
let lastCrossing: Crossing | null = null;
/** Set while this page rewrites the scope itself (a crossing), so that the notice it brings stays. */
let crossing = false;
const scopeWaiters: Array<() => void> = [];
/** Settles once the chosen area's codes are those of the period's structure (at once unless the period has
 * just crossed the reform and draw() has not yet mapped the area to its successors or predecessors). */
function scopeReady(): Promise<void> {
  const s = store.get();
  const pending = (s.province || s.district || s.commune) && codesOf(s) === scopeCodes && structureMonth(health, s.period) !== scopeMonth;
  return pending ? new Promise((resolve) => scopeWaiters.push(resolve)) : Promise.resolve();
}
async function draw(): Promise<void> {
  let s = store.get();
  // The period moved into another unit structure with an area chosen: the area becomes its successor(s)
  // (or predecessor(s)) before anything is asked in the new structure, where its codes may mean other units.
  const month = structureMonth(health, s.period);
  if (codesOf(s) !== scopeCodes) scopeMonth = month;
  if (month !== scopeMonth && scopeMonth !== null && month !== null && (s.province || s.district || s.commune)) {
    const ticket = ++drawing;
    const from = { province: s.province, district: s.district, commune: s.commune };
    const crossed = await crossScope(from, scopeMonth, month, lastCrossing).catch(() => ({ scope: { province: null, district: null, commune: null }, moved: null }));
    if (ticket !== drawing || structureMonth(health, store.get().period) !== month) return;
    lastCrossing = { from, to: crossed.scope, fromMonth: scopeMonth, toMonth: month };
    scopeMonth = month;
    moved = crossed.moved;
    crossing = true;
    // A link's own crossing (before the first map) fits the successor as the link would have fitted its unit;
    // a crossing by the slider keeps the camera where the reader has it.
    const fit = document.documentElement.dataset.ready !== 'true' && initial.view === null;
    store.set({ ...crossed.scope, units: null, ...(fit ? { view: null } : {}) }, 'replace');
    crossing = false;
    s = store.get();
  }
  scopeMonth = month;
  scopeCodes = codesOf(s);
  for (const resolve of scopeWaiters.splice(0)) resolve();
  // A mode the period's set lacks (a group in 2026-2030, criterion 15 of 10): the mode's default, with a note.
  const set = setOf(s);
  const fallback = modeFallback(s, set, periodOf(s.period, health) ?? '');
  if (fallback) {
    modeNotice.show(fallback, modeKey({ ...s, ...fallback.patch }));
    store.set(fallback.patch, 'replace');
    return;
  }
  modeNotice.follow(modeKey(s));
  const ticket = ++drawing;
  const query = statusQueryOf(s);
  const path = statusPath(query);
  // Same status (e.g. level ↔ criteria met): no new request, only the classes in the feature state change.
  let status: Status;
  try {
    if (path === drawnPath && drawn) status = drawn;
    else if (prefetched?.path === path) status = await prefetched.answer;
    else status = await fetchStatus(query);
  } catch (error) {
    prefetched = null;
    if (ticket === drawing && followSuccessor(error)) return;
    throw error;
  }
  prefetched = null;
  // The link says which units its codes mean (a link without a period would otherwise read as pre-2025 codes).
  const units = !s.period && (s.province || s.district || s.commune) && (health.structures?.length ?? 0) > 1 ? status.structure.code : null;
  if (ticket === drawing && s.units !== units) store.set({ units }, 'replace');
  await styleLoaded;
  if (ticket !== drawing) return; // a newer request superseded this one
  if (status !== drawn) {
    drawn = status;
    drawnPath = path;
    byCode.clear();
    for (const c of status.communes) byCode.set(c.code, c);
  }
  // Across the reform: the other structure's boundaries in the same source, the camera where it is.
  if (status.structure.code !== drawnStructure) {
    drawnStructure = status.structure.code;
    painter.reset();
    swapArchive(map, health.archives[drawnStructure]);
    renewAttribution(drawnStructure);
  }
  const statusSet = catalogue.sets.find((x) => x.code === status.criteria_set) ?? set;
  const classesOf = { count: status.criteria_count, levels: statusSet.levels };
  if (!document.documentElement.dataset.ready && !archiveOpened && !s.onlySpecial) {
    map.setPaintProperty('communes-fill', 'fill-color', statusFillColor(s.mode, status.communes, classesOf));
    setHatchOpacity(map, status.communes.filter((c) => c.special).map((c) => c.code));
    firstColours = () => painter.paint(s.mode, status.communes, classesOf);
  } else {
    // A change before the hand-over: the state written now is the latest (the first colours are not).
    if (firstColours) {
      firstColours = null;
      map.setPaintProperty('communes-fill', 'fill-color', fillColor());
      setHatchOpacity(map);
    }
    painter.paint(s.mode, status.communes, classesOf);
  }
  const classes = legendClasses(s.mode, status, statusSet.levels);
  const illustrative = status.provenance.reviews.illustrative > 0;
  // The era in the note: the criteria set's decision, and from 2026 that its indicators are not yet published.
  const decision = (statusSet as { decision?: string }).decision;
  // No indicator of the set in a readable source (the 2026-2030 set: only its criteria are published).
  const unpublished = statusSet.criteria.every((c) => ((c as { indicators?: unknown[] }).indicators ?? [null]).length === 0);
  const eraNote = `${decision ? ` · ${t('criteriaOf', { decision })}` : ''}${unpublished ? ` · ${t('unpublished')}` : ''}`;
  renderLegend(legend, legendTitle(s), classes, `${formatPeriod(status.period)}${eraNote}${illustrative ? ` · ${t('illustrative')}` : ''}`, {
    label: specialLabel(status.criteria_set),
    count: status.communes.filter((c) => c.special).length,
    hatch: s.special,
    only: s.onlySpecial,
    onChange: (hatch, only) => store.set({ special: hatch, onlySpecial: only }),
  }, { table: () => table.open(), png: () => void exportPng() });
  lastLegend = { title: legendTitle(s), classes };
  statusLine.textContent = t('line', { count: formatNumber(status.communes.length), period: formatPeriod(status.period) });
  showMoved();
  for (const l of statusListeners) l(status);
  // The page is ready once the map has rendered the first choropleth (every tile loaded and coloured).
  if (!document.documentElement.dataset.ready) {
    map.once('idle', () => {
      signalReady();
      // In the same task as the signal: whoever waits for it finds the feature state written.
      handOver();
      markReady();
      addLabels(map);
    });
  }
}

/** A link's province or commune that is no unit in the period's structure: its successor is shown instead,
 * with a notice that says so ("Tỉnh Kon Tum → Tỉnh Quảng Ngãi từ 1/7/2025"), never another unit in silence. */
function followSuccessor(error: unknown): boolean {
  if (!(error instanceof ApiFailure) || error.status !== 404 || !error.details) return false;
  const d = error.details as { parameter?: string; unit?: { code: string; name: string }; successors?: Array<{ code: string; name: string; level: string }>; meant_in?: string; structure?: string };
  const parameter = d.parameter;
  if ((parameter !== 'province' && parameter !== 'commune') || !d.unit || !d.successors?.length) return false;
  const s = store.get();
  moved = { from: d.unit, to: d.successors, period: periodOf(s.period, health) ?? '', forward: (d.meant_in ?? '') === 'pre2025' };
  // One successor of the same level is shown; several (a commune split up) are named in the notice only.
  const one = d.successors.length === 1 ? d.successors[0]! : null;
  if (parameter === 'province') store.set({ province: one?.level === 'province' ? one.code : null, district: null, commune: null, view: null }, 'replace');
  else store.set({ commune: one?.level === 'commune' ? one.code : null }, 'replace');
  return true;
}
const movedNotice = document.createElement('p');
movedNotice.id = 'moved-notice';
movedNotice.className = 'moved-notice';
movedNotice.setAttribute('role', 'status');
movedNotice.hidden = true;
// On the map (top left, as the period's notice), not in the header: a notice that appears when the period
// crosses the reform must not resize the map and so move the camera.
movedNotice.classList.add('maplibregl-ctrl');
map.addControl({ onAdd: () => movedNotice, onRemove: () => movedNotice.remove() }, 'top-left');
const modeNotice = createModeNotice();
map.addControl({ onAdd: () => modeNotice.element, onRemove: () => modeNotice.element.remove() }, 'top-left');
function showMoved(): void {
  movedNotice.hidden = moved === null;
  movedNotice.textContent = moved ? successorNotice(moved) : '';
}
store.subscribe((s, p) => {
  // The notice stays while the reader looks at the unit it named; another choice clears it.
  if (!crossing && moved && (s.province !== p.province || s.commune !== p.commune || s.district !== p.district) && !moved.to.some((u) => u.code === s.province || u.code === s.commune)) {
    moved = null;
    showMoved();
  }
});
onLangChange(showMoved);

const redraw = () =>
  draw().catch((error: unknown) => {
    statusLine.textContent = t('error', { message: error instanceof Error ? error.message : String(error) });
  });

store.subscribe((s, p) => {
  if (s.special !== p.special || s.onlySpecial !== p.onlySpecial) {
    showSpecial(map, s.special, s.onlySpecial);
    void redraw(); // the legend's toggles follow the state
  }
  if (s.mode !== p.mode || s.criterion !== p.criterion || s.group !== p.group || s.period !== p.period || s.lang !== p.lang || s.province !== p.province || s.district !== p.district) void redraw();
  if (s.view && (s.view.lon !== p.view?.lon || s.view.lat !== p.view?.lat || s.view.zoom !== p.view?.zoom)) {
    const c = map.getCenter();
    if (Math.abs(c.lng - s.view.lon) > 1e-4 || Math.abs(c.lat - s.view.lat) > 1e-4 || Math.abs(map.getZoom() - s.view.zoom) > 0.01) map.jumpTo({ center: [s.view.lon, s.view.lat], zoom: s.view.zoom });
  }
});
/** Title and landmark labels in the page's language. */
function labelPage(): void {
  document.title = `${t('title')} · NTM Map`;
  const h1 = document.querySelector('header h1');
  if (h1) h1.replaceChildren(`${t('title')} `, Object.assign(document.createElement('span'), { lang: 'en', textContent: '· NTM Map' }));
  document.querySelector('nav#controls')?.setAttribute('aria-label', t('controlsLabel'));
  document.getElementById('map')?.setAttribute('aria-label', t('mapLabel'));
  legend.setAttribute('aria-label', t('legendLabel'));
  document.getElementById('panel')?.setAttribute('aria-label', t('panelLabel'));
  const signIn = document.getElementById('sign-in') as HTMLAnchorElement | null;
  if (signIn) {
    signIn.textContent = t('signIn');
    signIn.href = `/workspace/?lang=${store.get().lang}`;
  }
}
onLangChange(labelPage);
labelPage();
map.on('moveend', () => {
  const c = map.getCenter();
  store.set({ view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } }, 'replace');
});

// The first choropleth: drawn as soon as the status and the style are in.
void redraw();
