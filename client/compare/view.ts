/** @module The comparison view itself, loaded when it is first opened (compare.ts): the second map of the month
 * before, synced and clipped by @maplibre/maplibre-gl-compare at a keyboard-usable handle, its labels and legend. */
import Compare from '@maplibre/maplibre-gl-compare';
import '@maplibre/maplibre-gl-compare/style.css';
import { Map as MapLibreMap } from 'maplibre-gl';
import type { App } from '../app.ts';
import type { Criteria, Status } from '../api/answers.ts';
import { periodOf, setAt, structureAt } from '../era/era.ts';
import { formatNumber, formatPeriod, getLang } from '../i18n/i18n.ts';
import { BOUNDARY_ATTRIBUTIONS } from '../../scripts/boundary/attribution.ts';
import { boundaryStyle } from '../map/boundary-style.ts';
import { showArea } from '../map/scope.ts';
import { createPainter, legendClasses } from '../map/choropleth.ts';
import { legendTitle } from '../map/legend-title.ts';
import { h } from '../dom/h.ts';
import { provideHatch, showSpecial } from '../map/special.ts';
import type { AppState } from '../state/app-state.ts';
import { beforeArea, beforeStatus, type BeforeArea } from './area.ts';
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
  // The area of the left side, kept while the page's area and months stay (a change of mode asks nothing more).
  let area: { key: string; value: Promise<BeforeArea> } | null = null;
  const areaOf = (s: AppState, afterPeriod: string | null, period: string) => {
    const key = `${s.province}|${s.district}|${afterPeriod}|${period}`;
    if (area?.key !== key) {
      const value = beforeArea(health, s, afterPeriod, period);
      value.catch(() => { if (area?.value === value) area = null; });
      area = { key, value };
    }
    return area.value;
  };

  async function draw(): Promise<void> {
    const my = ++ticket;
    // Just after a crossing of the reform the page's area is still in the other structure's codes.
    await app.scopeReady();
    if (my !== ticket) return;
    const s = store.get();
    const period = beforePeriod(app, s);
    const afterPeriod = periodOf(s.period, health);
    const beforeSet = setAt(catalogue, period);
    const afterSet = setAt(catalogue, afterPeriod);
    const mode = beforeMode(s, beforeSet, afterSet);
    const state: AppState = { ...s, mode, period, province: null, district: null, commune: null };
    overlay.setAttribute('aria-label', t('region', { before: formatPeriod(period), after: afterPeriod ? formatPeriod(afterPeriod) : '' }));
    // The left side shows the same area as the right: its old units (the predecessors), the rest greyed out.
    const shownArea = await areaOf(s, afterPeriod, period);
    const status: Status = await beforeStatus(state, shownArea);
    await styleLoaded;
    if (my !== ticket) return;
    showArea(before, shownArea);
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
    const wide = window.matchMedia?.('(min-width: 641px)').matches ?? true;
    const legend = h('details', { class: 'compare-legend' }, h('summary', null, legendTitle(state, beforeSet)), h('ul', null, ...rows));
    legend.open = true;
    if (mode !== s.mode) legend.append(h('p', { class: 'compare-note' }, t('metInstead')));
    // The units in full where there is room, in two words on a phone (no text cut off; the rest a tap away).
    const unitsOf = (p: string | null) => {
      const old = structureAt(health, p) === health.structures![0]!.code;
      return [h('span', { class: 'long' }, t(old ? 'oldUnits' : 'newUnits')), h('span', { class: 'short' }, t(old ? 'oldUnitsShort' : 'newUnitsShort'))];
    };
    const areaName = shownArea.names.length ? shownArea.names.join(', ') : shownArea.district || shownArea.provinces.length ? status.scope.name : null;
    // Everything but the month folds behind its units line: open where there is room (a desktop); folded on a
    // phone, where it would cover a third of the left side — two short lines, and a tap opens the rest.
    const about = h('details', { class: 'compare-about' },
      h('summary', null, ...unitsOf(period)),
      h('p', { class: 'units-full' }, unitsOf(period)[0]!.textContent),
      h('p', { 'data-area': shownArea.provinces.join(' ') || null }, areaName ? t('communesIn', { count: formatNumber(status.communes.length), area: areaName }) : t('communes', { count: formatNumber(status.communes.length) })),
      // As the page's legend says of its own figures: the left side's are illustrative where its reviews are.
      status.provenance.reviews.illustrative > 0 ? h('p', { class: 'compare-note' }, t('illustrative')) : '',
      legend,
      h('p', { class: 'compare-attribution' }, t('attribution', { boundaries: BOUNDARY_ATTRIBUTIONS[structureAt(health, period)][getLang()] })));
    // A redraw (another month, mode or language) keeps it as the reader left it.
    about.open = labelBefore.querySelector<HTMLDetailsElement>('details.compare-about')?.open ?? wide;
    labelBefore.replaceChildren(h('h2', null, t('before', { period: formatPeriod(period) })), about);
    labelAfter.replaceChildren(h('h2', null, t('after', { period: afterPeriod ? formatPeriod(afterPeriod) : '' })), h('p', { class: 'compare-units' }, ...unitsOf(afterPeriod)));
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
