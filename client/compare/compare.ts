// Before and after: the comparison view (`?compare=2025-06..2026-11`). A second map draws the month before
// (2025-06, the last of the old units) over the left of the page's map, which keeps drawing the month after
// on today's units; @maplibre/maplibre-gl-compare syncs the two cameras and clips the left map at a swipe
// handle, which is given here a slider's role, a label and arrow keys. Both sides share the area (one camera)
// and the colour mode where the mode means the same on both (one criterion or group only within one set).
// A button in the header opens and closes the view; the state is in the URL like every other choice.
import Compare from '@maplibre/maplibre-gl-compare';
import '@maplibre/maplibre-gl-compare/style.css';
import { Map as MapLibreMap } from 'maplibre-gl';
import type { App } from '../app.ts';
import { fetchStatus, type Criteria, type CriteriaSet, type Status } from '../api/status.ts';
import { statusQueryOf } from '../api/status-query.ts';
import { periodOf, setAt, structureAt } from '../era/era.ts';
import { formatNumber, formatPeriod, onLangChange, strings } from '../i18n/i18n.ts';
import { boundaryStyle } from '../map/boundary-style.ts';
import { createPainter, legendClasses } from '../map/choropleth.ts';
import { legendTitle } from '../map/legend-title.ts';
import { provideHatch, showSpecial } from '../map/special.ts';
import type { AppState, Mode } from '../state/app-state.ts';
import './compare.css';

const t = strings({
  vi: {
    open: 'So sánh trước – sau', openTitle: 'So sánh tháng 6/2025 (đơn vị cũ) với một tháng sau 1/7/2025 (đơn vị hiện nay)', close: 'Thoát so sánh',
    before: 'Trước: {period}', after: 'Sau: {period}',
    oldUnits: 'Đơn vị cũ: 63 tỉnh, huyện, xã', newUnits: 'Đơn vị hiện nay: 34 tỉnh, xã (không còn cấp huyện)',
    communes: '{count} xã được đánh giá (cả nước)', region: 'So sánh: trước {before}, sau {after}',
    handle: 'Vạch chia giữa bản đồ trước và sau', handleText: 'Bên trái (trước) chiếm {share}',
    metInstead: 'Bên trái tô theo số tiêu chí đạt: tiêu chí được đánh số khác trong bộ tiêu chí mới.',
    attribution: 'Ranh giới bên trái: GSO 01/03/2025 · censusVN2009 · dvhcvn',
  },
  en: {
    open: 'Compare before/after', openTitle: 'Compare June 2025 (former units) with a month after 1/7/2025 (today\'s units)', close: 'Leave the comparison',
    before: 'Before: {period}', after: 'After: {period}',
    oldUnits: 'Former units: 63 provinces, districts, communes', newUnits: 'Today\'s units: 34 provinces, communes (no districts)',
    communes: '{count} communes assessed (whole country)', region: 'Comparison: before {before}, after {after}',
    handle: 'Divide between the maps before and after', handleText: 'The left side (before) takes {share}',
    metInstead: 'The left side is coloured by criteria met: the new set numbers its criteria differently.',
    attribution: 'Boundaries on the left: GSO 01/03/2025 · censusVN2009 · dvhcvn',
  },
});

/** The month before of a comparison: the one in the URL when the old units had it, else their last month. */
export function beforePeriod(app: App, s: AppState): string {
  const first = app.health.structures?.[0];
  const last = first?.valid_to ?? '2025-06';
  return s.compare && s.compare <= last ? s.compare : last;
}

/** The mode the left side is coloured in: the page's, unless it names a criterion or group of another set. */
export function beforeMode(s: AppState, before: CriteriaSet, after: CriteriaSet): Mode {
  return (s.mode === 'criterion' || s.mode === 'group') && before.code !== after.code ? 'met' : s.mode;
}

/** Mounts the way in (a header button) and the view itself while the state asks for it. */
export function mountCompare(app: App, button: HTMLElement, catalogue: Criteria): void {
  const { store, health } = app;
  // Only a server with both structures has a before and an after.
  if ((health.structures?.length ?? 0) < 2) return;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.id = 'compare-toggle';
  toggle.className = 'compare-toggle';
  button.append(toggle);
  toggle.addEventListener('click', () => {
    const s = store.get();
    if (s.compare) store.set({ compare: null }, 'push');
    else {
      // The month after: the page's when it is on today's units, else the latest.
      const after = structureAt(health, periodOf(s.period, health)) === health.structures![0]!.code ? null : s.period;
      store.set({ compare: beforePeriod(app, s), period: after }, 'push');
    }
  });
  let view: CompareView | null = null;
  // The button says what it does (open or leave), so it is no toggle button with aria-pressed.
  const label = () => {
    const on = store.get().compare !== null;
    toggle.textContent = on ? t('close') : t('open');
    toggle.title = on ? '' : t('openTitle');
  };
  const sync = () => {
    const s = store.get();
    label();
    if (s.compare && !view) view = openView(app, catalogue);
    else if (!s.compare && view) {
      view.close();
      view = null;
    }
    void view?.draw();
  };
  store.subscribe((s, p) => {
    if (s.compare !== p.compare || s.period !== p.period || s.mode !== p.mode || s.criterion !== p.criterion || s.group !== p.group || s.lang !== p.lang || s.special !== p.special || s.onlySpecial !== p.onlySpecial) sync();
  });
  onLangChange(sync);
  // After the first choropleth: the second map's tiles never compete with the first map's.
  void app.ready.then(sync);
  label();
}

interface CompareView { draw(): Promise<void>; close(): void }

declare global {
  /** The map before, while the comparison is open (for tests and the console, as `window.ntm`). */
  interface Window { ntmCompare?: { before: MapLibreMap } }
}

function openView(app: App, catalogue: Criteria): CompareView {
  const { store, health, map: after } = app;
  const host = after.getContainer();
  document.documentElement.classList.add('comparing');
  // A landmark of its own (a region named by its two months): its labels are part of no other.
  const overlay = document.createElement('section');
  overlay.id = 'compare';
  overlay.className = 'compare-overlay';
  const container = document.createElement('div');
  container.id = 'map-before';
  container.className = 'compare-map';
  const labelBefore = document.createElement('div');
  labelBefore.className = 'compare-label compare-label-before';
  labelBefore.id = 'compare-before';
  const labelAfter = document.createElement('div');
  labelAfter.className = 'compare-label compare-label-after';
  labelAfter.id = 'compare-after';
  overlay.append(container, labelBefore, labelAfter);
  host.after(overlay);
  // The overlay covers the page's map exactly (it is not inside it: the page's map would take its events).
  const place = () => {
    Object.assign(overlay.style, { top: `${host.offsetTop}px`, left: `${host.offsetLeft}px`, width: `${host.offsetWidth}px`, height: `${host.offsetHeight}px` });
  };
  place();
  const s0 = store.get();
  const structure = structureAt(health, beforePeriod(app, s0));
  const before = new MapLibreMap({
    container,
    style: boundaryStyle(health.archives[structure], { ...s0, province: null, district: null, commune: null }),
    center: after.getCenter(),
    zoom: after.getZoom(),
    attributionControl: false,
    fadeDuration: 0,
  });
  provideHatch(before);
  window.ntmCompare = { before };
  const resize = new ResizeObserver(() => {
    place();
    before.resize();
  });
  resize.observe(host);
  // On a phone the page's attribution, open at first, would cover both sides: it folds to its (i) button,
  // which opens it again (MapLibre's own compact attribution, as after the first move of the map).
  if (window.matchMedia?.('(max-width: 640px)').matches) host.querySelector('.maplibregl-ctrl-attrib.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show');
  const compare = new Compare(before, after, overlay, {});
  const swiper = overlay.querySelector<HTMLElement>('.compare-swiper-vertical')!;
  swiper.tabIndex = 0;
  swiper.setAttribute('role', 'slider');
  swiper.setAttribute('aria-valuemin', '0');
  swiper.setAttribute('aria-valuemax', '100');
  swiper.setAttribute('aria-orientation', 'horizontal');
  const width = () => host.offsetWidth;
  const share = () => Math.round((100 * (compare.currentPosition ?? width() / 2)) / Math.max(1, width()));
  const describe = () => {
    swiper.setAttribute('aria-label', t('handle'));
    swiper.setAttribute('aria-valuenow', String(share()));
    swiper.setAttribute('aria-valuetext', t('handleText', { share: `${share()}%` }));
  };
  describe();
  compare.on('slideend', describe);
  swiper.addEventListener('keydown', (e) => {
    const step = width() * (e.shiftKey ? 0.2 : 0.05);
    const x = compare.currentPosition ?? width() / 2;
    const next = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? x - step
      : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? x + step
        : e.key === 'PageDown' ? x - width() * 0.2 : e.key === 'PageUp' ? x + width() * 0.2
          : e.key === 'Home' ? 0 : e.key === 'End' ? width() : null;
    if (next === null) return;
    e.preventDefault();
    compare.setSlider(Math.max(0, Math.min(width(), next)));
    describe();
  });
  const painter = createPainter(before);
  const styleLoaded = new Promise<void>((resolve) => before.once('style.load', () => resolve()));
  let ticket = 0;

  async function draw(): Promise<void> {
    const s = store.get();
    const my = ++ticket;
    const period = beforePeriod(app, s);
    const afterPeriod = periodOf(s.period, health);
    const beforeSet = setAt(catalogue, period);
    const afterSet = setAt(catalogue, afterPeriod);
    const mode = beforeMode(s, beforeSet, afterSet);
    const state: AppState = { ...s, mode, period, province: null, district: null, commune: null };
    overlay.setAttribute('aria-label', t('region', { before: formatPeriod(period), after: afterPeriod ? formatPeriod(afterPeriod) : '' }));
    const status: Status = await fetchStatus(statusQueryOf(state));
    await styleLoaded;
    if (my !== ticket) return;
    showSpecial(before, s.special, s.onlySpecial);
    painter.paint(mode, status.communes, { count: status.criteria_count, levels: beforeSet.levels });
    const classes = legendClasses(mode, status, beforeSet.levels);
    const rows = classes.filter((c) => c.count > 0 || !['no_data', 'not_scored'].includes(c.key)).map((c) => {
      const li = document.createElement('li');
      li.dataset.class = c.key;
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.setAttribute('aria-hidden', 'true');
      sw.style.background = c.color;
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = formatNumber(c.count);
      li.append(sw, c.label, count);
      return li;
    });
    const details = document.createElement('details');
    details.className = 'compare-legend';
    // Open where there is room (a desktop); folded on a phone, where it would cover the left side.
    details.open = window.matchMedia?.('(min-width: 641px)').matches ?? true;
    const summary = document.createElement('summary');
    summary.textContent = legendTitle(state, beforeSet);
    const list = document.createElement('ul');
    list.append(...rows);
    details.append(summary, list);
    if (mode !== s.mode) details.append(Object.assign(document.createElement('p'), { className: 'compare-note', textContent: t('metInstead') }));
    labelBefore.replaceChildren(
      Object.assign(document.createElement('h2'), { textContent: t('before', { period: formatPeriod(period) }) }),
      Object.assign(document.createElement('p'), { textContent: t(structureAt(health, period) === health.structures![0]!.code ? 'oldUnits' : 'newUnits') }),
      Object.assign(document.createElement('p'), { textContent: t('communes', { count: formatNumber(status.communes.length) }) }),
      details,
      Object.assign(document.createElement('p'), { className: 'compare-attribution', textContent: t('attribution') }));
    labelAfter.replaceChildren(
      Object.assign(document.createElement('h2'), { textContent: t('after', { period: afterPeriod ? formatPeriod(afterPeriod) : '' }) }),
      Object.assign(document.createElement('p'), { textContent: t(structureAt(health, afterPeriod) === health.structures![0]!.code ? 'oldUnits' : 'newUnits') }));
    describe();
  }

  return {
    draw: () => draw().catch((error: unknown) => {
      labelBefore.textContent = error instanceof Error ? error.message : String(error);
    }),
    close() {
      ticket++;
      resize.disconnect();
      compare.remove();
      before.remove();
      delete window.ntmCompare;
      overlay.remove();
      document.documentElement.classList.remove('comparing');
    },
  };
}
