/** @module The comparison view itself, loaded when it is first opened (compare.ts): the second map of the month
 * before, synced and clipped by @maplibre/maplibre-gl-compare at a keyboard-usable handle, its labels and legend. */
import Compare from '@maplibre/maplibre-gl-compare';
import '@maplibre/maplibre-gl-compare/style.css';
import { Map as MapLibreMap } from 'maplibre-gl';
import type { App } from '../app.ts';
import type { Criteria, Status } from '../api/answers.ts';
import { fetchStatus } from '../api/status.ts';
import { statusQueryOf } from '../api/status-query.ts';
import { periodOf, setAt, structureAt } from '../era/era.ts';
import { formatNumber, formatPeriod, getLang } from '../i18n/i18n.ts';
import { BOUNDARY_ATTRIBUTIONS } from '../../scripts/boundary/attribution.ts';
import { boundaryStyle } from '../map/boundary-style.ts';
import { createPainter, legendClasses } from '../map/choropleth.ts';
import { legendTitle } from '../map/legend-title.ts';
import { h } from '../dom/h.ts';
import { provideHatch, showSpecial } from '../map/special.ts';
import type { AppState } from '../state/app-state.ts';
import { beforeMode, beforePeriod } from './sides.ts';
import { t } from './texts.ts';

/** An open comparison: redraw it after a change of state, or close it. */
export interface CompareView { draw(): Promise<void>; close(): void }

declare global {
  /** The map before, while the comparison is open (for tests and the console, as `window.ntm`). */
  interface Window { ntmCompare?: { before: MapLibreMap } }
}

/** Opens the comparison over the page's map. */
export function openView(app: App, catalogue: Criteria): CompareView {
  const { store, health, map: after } = app;
  const host = after.getContainer();
  document.documentElement.classList.add('comparing');
  // A landmark of its own (a region named by its two months): its labels are part of no other.
  const container = h('div', { id: 'map-before', class: 'compare-map' });
  const labelBefore = h('div', { id: 'compare-before', class: 'compare-label compare-label-before' });
  const labelAfter = h('div', { id: 'compare-after', class: 'compare-label compare-label-after' });
  const overlay = h('section', { id: 'compare', class: 'compare-overlay' }, container, labelBefore, labelAfter);
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
      // As the page's legend says of its own figures: the left side's are illustrative where its reviews are.
      status.provenance.reviews.illustrative > 0 ? Object.assign(document.createElement('p'), { className: 'compare-note', textContent: t('illustrative') }) : '',
      details,
      Object.assign(document.createElement('p'), { className: 'compare-attribution', textContent: t('attribution', { boundaries: BOUNDARY_ATTRIBUTIONS[structureAt(health, period)][getLang()] }) }));
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
