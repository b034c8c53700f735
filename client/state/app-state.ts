// The map page's state, kept in the URL so that every view is a permalink: reload and back/forward
// restore it. One store; components read it and ask for changes; the URL follows.

export type Mode = 'level' | 'met' | 'criterion' | 'group';
export type Lang = 'vi' | 'en';

export interface View { lon: number; lat: number; zoom: number }

export interface AppState {
  province: string | null;
  district: string | null;
  commune: string | null;
  mode: Mode;
  criterion: number; // a criterion of the period's set (19 until 2026-01, 10 from 2026-02), used by mode 'criterion'
  group: number; // 1-5, used by mode 'group'
  period: string | null; // null = latest
  lang: Lang;
  special: boolean; // hatch special-difficulty communes
  onlySpecial: boolean; // grey out the others
  view: View | null; // null = fit the scope
  /** The comparison view: the month drawn beside `period` (on its own units, 2025-06 on the old ones), or null. */
  compare: string | null;
  /** The unit structure the link's province, district and commune codes are meant in (`units=`). Codes
   * collide across the July-2025 reform, so a link without a period says it; null: the period's structure, or
   * for a link with neither (written before links said it) the pre-2025 units (docs/eras.md). */
  units: UnitsParam | null;
}

/** The unit structures a link can name (server/db/schema.ts UnitStructure). */
export type UnitsParam = 'pre2025' | '2025-07';

export const DEFAULT_STATE: AppState = {
  province: null,
  district: null,
  commune: null,
  mode: 'level',
  criterion: 1,
  group: 1,
  period: null,
  lang: 'vi',
  special: true,
  onlySpecial: false,
  view: null,
  compare: null,
  units: null,
};

const MODES: readonly Mode[] = ['level', 'met', 'criterion', 'group'];
const int = (value: string | null, min: number, max: number): number | null => {
  if (value === null || !/^\d{1,2}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
};
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** `compare=2025-06..2026-11`: the month before and the month after (empty: the latest). */
const COMPARE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.\.(\d{4}-(?:0[1-9]|1[0-2]))?$/;
const code = (value: string | null, digits: number): string | null => (value && new RegExp(`^\\d{${digits}}$`).test(value) ? value : null);

/** Reads a state from a query string; anything malformed falls back to the default. */
export function stateFromSearch(search: string): AppState {
  const q = new URLSearchParams(search);
  const view = q.get('view')?.split(',').map(Number);
  const compare = COMPARE.exec(q.get('compare') ?? '');
  return {
    province: code(q.get('province'), 2),
    district: code(q.get('district'), 3),
    commune: code(q.get('commune'), 5),
    mode: MODES.includes(q.get('mode') as Mode) ? (q.get('mode') as Mode) : DEFAULT_STATE.mode,
    // At most the largest set's count (the link is read before the catalogue); a number the period's set lacks
    // (15 in 2026) falls back to criterion 1 when drawn, with a note (era/mode-fallback.ts).
    criterion: int(q.get('criterion'), 1, 19) ?? DEFAULT_STATE.criterion,
    group: int(q.get('group'), 1, 5) ?? DEFAULT_STATE.group,
    period: MONTH.test(q.get('period') ?? '') ? q.get('period') : (compare?.[2] ?? null),
    lang: q.get('lang') === 'en' ? 'en' : 'vi',
    special: q.get('special') !== '0',
    onlySpecial: q.get('only') === 'special',
    view:
      view && view.length === 3 && view.every(Number.isFinite) && Math.abs(view[0]!) <= 180 && Math.abs(view[1]!) <= 85 && view[2]! >= 0 && view[2]! <= 22
        ? { lon: view[0]!, lat: view[1]!, zoom: view[2]! }
        : null,
    compare: compare?.[1] ?? null,
    units: q.get('units') === 'pre2025' || q.get('units') === '2025-07' ? (q.get('units') as UnitsParam) : null,
  };
}

/** Writes the state as a query string, leaving out what equals the default. */
export function searchFromState(s: AppState): string {
  const q = new URLSearchParams();
  if (s.province) q.set('province', s.province);
  if (s.district) q.set('district', s.district);
  if (s.commune) q.set('commune', s.commune);
  if (s.mode !== DEFAULT_STATE.mode) q.set('mode', s.mode);
  if (s.mode === 'criterion') q.set('criterion', String(s.criterion));
  if (s.mode === 'group') q.set('group', String(s.group));
  // Comparing, the month after is the second half of `compare` (the map's own period).
  if (s.compare) q.set('compare', `${s.compare}..${s.period ?? ''}`);
  else if (s.period) q.set('period', s.period);
  if (s.lang !== DEFAULT_STATE.lang) q.set('lang', s.lang);
  if (!s.special) q.set('special', '0');
  if (s.onlySpecial) q.set('only', 'special');
  // Which units the codes mean, when the link names a unit and no period says it.
  if (s.units && !s.period && (s.province || s.district || s.commune)) q.set('units', s.units);
  if (s.view) q.set('view', [s.view.lon.toFixed(4), s.view.lat.toFixed(4), s.view.zoom.toFixed(2)].join(','));
  const text = q.toString();
  return text ? `?${text}` : '';
}

export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  /** Changes the state; `history: 'push'` for a user's step (back returns to it), 'replace' for map moves. */
  set(change: Partial<AppState>, history?: 'push' | 'replace'): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(location: Location, history: History, window: Window): Store {
  let state = stateFromSearch(location.search);
  const listeners = new Set<Listener>();
  const emit = (previous: AppState) => {
    for (const l of listeners) l(state, previous);
  };
  window.addEventListener('popstate', () => {
    const previous = state;
    state = stateFromSearch(location.search);
    emit(previous);
  });
  return {
    get: () => state,
    set(change, mode = 'push') {
      const previous = state;
      state = { ...state, ...change };
      const search = searchFromState(state);
      if (search !== location.search) {
        const url = `${location.pathname}${search}${location.hash}`;
        if (mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }
      emit(previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
