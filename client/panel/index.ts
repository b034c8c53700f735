// The side panel (a bottom sheet on phones): the selected commune's card when `commune` is set, else the
// selected province's or district's summary; hidden for the whole country (the map and legend speak for
// it). A click on a commune of the map opens its card; the close button and Escape close it. Answers that
// arrive after a newer request are dropped, so the latest state always wins.
import type { App } from '../app.ts';
import { cardHeading, renderCard } from '../card/card.ts';
import { onLangChange, strings } from '../i18n/i18n.ts';
import type { AppState } from '../state/app-state.ts';
import type { CommuneCard, Plans, Ranking, Summary, Units } from '../api/answers.ts';
import { apiPath, cachedJson } from '../api/http.ts';
import { fetchCriteria } from '../api/criteria.ts';
import { renderScope, scopeHeading, type ScopeData } from './scope-summary.ts';
import { h } from '../dom/h.ts';
import { showSelected } from '../map/selected.ts';
import { showPredecessors } from '../map/predecessors.ts';
import type { LineageLinks } from '../card/lineage.ts';
import { searchFromState } from '../state/app-state.ts';
import './panel.css';

const t = strings({
  vi: {
    scopeLabel: 'Tóm tắt khu vực', cardLabel: 'Thông tin xã', loading: 'Đang tải…', close: 'Đóng thẻ xã', closeText: 'Đóng',
    collapse: 'Thu gọn', expand: 'Mở rộng', error: 'Không tải được số liệu: {message}', retry: 'Thử lại',
  },
  en: {
    scopeLabel: 'Area summary', cardLabel: 'Commune card', loading: 'Loading…', close: 'Close the commune card', closeText: 'Close',
    collapse: 'Collapse', expand: 'Expand', error: 'Could not load the figures: {message}', retry: 'Try again',
  },
});

type View = { kind: 'none' } | { kind: 'scope'; province: string | null; district: string | null } | { kind: 'card'; commune: string };

function viewOf(s: AppState): View {
  if (s.commune) return { kind: 'card', commune: s.commune };
  if (s.province || s.district) return { kind: 'scope', province: s.province, district: s.district };
  return { kind: 'none' };
}
const keyOf = (v: View) => (v.kind === 'card' ? `card:${v.commune}` : v.kind === 'scope' ? `scope:${v.province}:${v.district}` : 'none');

export function mountPanel(root: HTMLElement, app: App): void {
  const { store, map } = app;
  root.classList.add('ntm-panel');
  const head = h('div', { class: 'panel-head' });
  const body = h('div', { class: 'panel-body', id: 'panel-body' });
  root.replaceChildren(head, body);
  // The sheet's height, for what floats over the map on phones (the legend) to stay above it.
  new ResizeObserver(() => document.documentElement.style.setProperty('--ntm-panel-height', `${root.hidden ? 0 : root.offsetHeight}px`)).observe(root);

  let shownKey = 'none';
  let ticket = 0;
  let collapsed = false;
  let returnFocus: Element | null = null;

  const close = () => store.set({ commune: null }, 'push');
  const actions = {
    selectDistrict: (code: string | null) => store.set({ district: code, commune: null, view: null }, 'push'), // view null: the camera fits the district
    openCommune: (code: string) => store.set({ commune: code }, 'push'),
  };
  // A predecessor opens in the old units' last month, a successor in today's: the commune with its province,
  // the colour mode and the camera kept (the one lies within the other, so it is already in view).
  const lineageLinks: LineageLinks = {
    href: (x) => `${location.pathname}${searchFromState({ ...store.get(), province: x.province, district: null, commune: x.commune, period: x.period, compare: null })}`,
    open: (x) => store.set({ province: x.province, district: null, commune: x.commune, period: x.period, compare: null }, 'push'),
  };

  function renderHead(view: View, title: string, lines: string[]): void {
    const heading = h('h2', { tabindex: '-1', id: 'panel-title' }, title);
    const buttons = h('div', { class: 'panel-buttons' });
    if (view.kind === 'card') {
      buttons.append(h('button', { type: 'button', class: 'close', 'aria-label': t('close'), title: t('close'), onclick: close }, h('span', { 'aria-hidden': 'true' }, '×'), h('span', { class: 'close-text' }, t('closeText'))));
    } else {
      buttons.append(h('button', {
        type: 'button', class: 'collapse', 'aria-expanded': String(!collapsed), 'aria-controls': 'panel-body',
        onclick: () => {
          collapsed = !collapsed;
          applyCollapsed();
        },
      }, collapsed ? t('expand') : t('collapse')));
    }
    head.replaceChildren(h('div', { class: 'panel-titles' }, heading, ...lines.filter(Boolean).map((l) => h('p', { class: 'panel-sub' }, l))), buttons);
  }

  function applyCollapsed(): void {
    const isScope = shownKey.startsWith('scope');
    body.hidden = isScope && collapsed;
    root.classList.toggle('collapsed', isScope && collapsed);
    const button = head.querySelector<HTMLButtonElement>('button.collapse');
    if (button) {
      button.setAttribute('aria-expanded', String(!collapsed));
      button.textContent = collapsed ? t('expand') : t('collapse');
    }
  }

  function showError(view: View, error: unknown, retry: () => void): void {
    renderHead(view, view.kind === 'card' ? t('cardLabel') : t('scopeLabel'), []);
    body.replaceChildren(h('div', { class: 'error', role: 'alert' },
      h('p', null, t('error', { message: error instanceof Error ? error.message : String(error) })),
      h('button', { type: 'button', onclick: retry }, t('retry'))));
  }

  async function load(view: View, s: AppState): Promise<{ title: string; lines: string[]; content: HTMLElement[]; shown?: () => void }> {
    if (view.kind === 'card') {
      const card = await cachedJson<CommuneCard>(apiPath(`/api/v1/communes/${view.commune}`, { period: s.period }));
      const old = card.predecessors?.[0]?.structure as keyof typeof app.health.archives | undefined;
      const shown = () => showPredecessors(map, old ? (app.health.archives[old] ?? null) : null, card.predecessors?.map((p) => p.code) ?? null);
      return { ...cardHeading(card), content: renderCard(card, lineageLinks), shown };
    }
    if (view.kind !== 'scope') throw new Error('nothing to load');
    let province = view.province;
    if (!province && view.district) {
      const units = await cachedJson<Units>(apiPath('/api/v1/units', { parent: view.district }));
      province = units.units[0]?.province ?? null;
    }
    const scope = view.district ? { district: view.district } : { province };
    const [summary, plans, ranking, catalogue] = await Promise.allSettled([
      cachedJson<Summary>(apiPath('/api/v1/summary', { ...scope, period: s.period })),
      cachedJson<Plans>(apiPath('/api/v1/plans', { ...scope, period: s.period })),
      province ? cachedJson<Ranking>(apiPath('/api/v1/rankings', { province, period: s.period })) : Promise.reject(new Error('no province')),
      fetchCriteria(), // the map's own request (kept per URL): the levels of the summary's set
    ]);
    if (summary.status === 'rejected') throw summary.reason;
    const rankingValue = ranking.status === 'fulfilled' ? ranking.value : null;
    const data: ScopeData = {
      summary: summary.value,
      plans: plans.status === 'fulfilled' ? plans.value : null,
      ranking: rankingValue,
      province: province ? { code: province, name: rankingValue?.scope.name ?? (summary.value.scope.level === 'province' ? summary.value.scope.name : null) } : null,
      district: view.district,
      levels: catalogue.status === 'fulfilled' ? catalogue.value.sets.find((x) => x.code === summary.value.criteria_set)?.levels ?? null : null,
    };
    return { ...scopeHeading(data), content: renderScope(data, actions) };
  }

  async function update(initial = false): Promise<void> {
    const s = store.get();
    const view = viewOf(s);
    const key = keyOf(view);
    const previousKey = shownKey;
    const my = ++ticket;
    setSelected(view.kind === 'card' ? view.commune : null);
    if (view.kind !== 'card' || key !== previousKey) showPredecessors(map, null, null);
    root.setAttribute('aria-label', view.kind === 'card' ? t('cardLabel') : t('scopeLabel'));
    if (view.kind === 'none') {
      shownKey = key;
      root.hidden = true;
      root.removeAttribute('aria-busy');
      head.replaceChildren();
      body.replaceChildren();
      restoreFocusAfterClose(previousKey);
      return;
    }
    const opening = previousKey !== key;
    if (opening && view.kind === 'card' && !previousKey.startsWith('card')) {
      returnFocus = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
    }
    const hadFocus = root.contains(document.activeElement);
    const moveFocus = !initial && (opening || hadFocus);
    root.hidden = false;
    root.setAttribute('aria-busy', 'true');
    if (opening) {
      shownKey = key;
      renderHead(view, t('loading'), []);
      body.replaceChildren(h('p', { class: 'loading' }, t('loading')));
      applyCollapsed();
    }
    try {
      // After a crossing of the reform, the area's old codes mean nothing (or another unit) in the new month:
      // wait until they are mapped; a changed area is then another update's.
      await app.scopeReady();
      if (my !== ticket) return;
      if (keyOf(viewOf(store.get())) !== key) return;
      const loaded = await load(view, store.get());
      if (my !== ticket) return;
      renderHead(view, loaded.title, loaded.lines);
      const scroll = root.scrollTop;
      body.replaceChildren(...loaded.content);
      loaded.shown?.();
      root.scrollTop = opening ? 0 : scroll;
      shownKey = key;
      applyCollapsed();
    } catch (error) {
      if (my !== ticket) return;
      showError(view, error, () => void update());
    }
    root.removeAttribute('aria-busy');
    if (previousKey.startsWith('card') && view.kind === 'scope') restoreFocusAfterClose(previousKey);
    else if (moveFocus) head.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }

  /** After the card closes: back where the user was before it opened, else to the panel's title or the map. */
  function restoreFocusAfterClose(previousKey: string): void {
    if (!previousKey.startsWith('card')) return;
    const closedCommune = previousKey.slice(5);
    const target = returnFocus;
    returnFocus = null;
    if (target instanceof HTMLElement && target.isConnected && !root.contains(target)) {
      target.focus({ preventScroll: true });
      return;
    }
    const sameRow = root.hidden ? null : root.querySelector<HTMLElement>(`[data-code="${closedCommune}"] button`);
    if (sameRow) sameRow.focus({ preventScroll: true });
    else if (!root.hidden) head.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
    else map.getCanvas().focus({ preventScroll: true });
  }

  // The highlighted outline of the selected commune (a layer of the first style; its filter follows).
  // Before the style is in, the first style already outlines the commune in the URL.
  const setSelected = (code: string | null) => showSelected(map, code);

  map.on('click', 'communes-fill', (e) => {
    if (e.defaultPrevented) return; // a first tap on a touch screen only shows the tooltip
    const feature = e.features?.[0];
    const code = feature?.properties?.code;
    if (code !== undefined && code !== null) store.set({ commune: String(code) }, 'push');
  });

  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented || !store.get().commune) return;
    const target = e.target as Node | null;
    const fromPanel = target instanceof Node && root.contains(target);
    const fromPage = !target || target === document.body || target === document.documentElement || map.getContainer().contains(target);
    if (!fromPanel && !fromPage) return;
    e.preventDefault();
    close();
  });

  // A new month alone: the map's status is asked for first and the panel's figures once the map has drawn
  // it (or after a second), so that the map is re-coloured without waiting behind the summary's heavier work.
  let afterMap: (() => void) | null = null;
  app.onStatus(() => {
    const run = afterMap;
    if (run) map.once('idle', run);
  });
  const updateAfterMap = () => {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      afterMap = null;
      void update();
    };
    afterMap = run;
    setTimeout(run, 1000);
  };
  store.subscribe((s, p) => {
    const scopeChanged = s.province !== p.province || s.district !== p.district || s.commune !== p.commune;
    if (scopeChanged) void update();
    else if (s.period !== p.period) updateAfterMap();
  });
  onLangChange(() => void update());
  // The scope's summary waits for the first choropleth (at most 3 s): its requests would otherwise compete
  // with the map's tiles for the connection and the server.
  void Promise.race([app.ready, new Promise((resolve) => setTimeout(resolve, 3000))]).then(() => update(true));
}
