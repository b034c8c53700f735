// The embed widget's parameters, read from its URL: the map's own (province, district, commune, mode,
// criterion, group, period, lang, read exactly as the main app reads them) and the widget's (title, legend,
// interactive, special, height). Anything malformed falls back to the default silently: a reader of an
// article never sees an error for a mistyped link. Pure (no DOM), so that the server reads links the same way.
import { DEFAULT_STATE, searchFromState, stateFromSearch, type AppState } from '../state/app-state.ts';

export interface EmbedParams {
  map: AppState;
  /** Title over the map; null: the widget names the scope and what is shown itself. */
  title: string | null;
  legend: boolean;
  interactive: boolean;
  /** Height of the whole widget in CSS pixels; null: it fills its frame. */
  height: number | null;
}

export const DEFAULT_EMBED: Omit<EmbedParams, 'map'> = { title: null, legend: true, interactive: true, height: null };
export const MIN_HEIGHT = 200;
export const MAX_HEIGHT = 2000;
export const MAX_TITLE = 140;

const ON = ['on', '1', 'true', 'yes'];
const OFF = ['off', '0', 'false', 'no'];
/** on/off (also 1/0, true/false, yes/no); anything else is the default. */
function flag(value: string | null, fallback: boolean): boolean {
  const v = value?.trim().toLowerCase() ?? '';
  if (ON.includes(v)) return true;
  if (OFF.includes(v)) return false;
  return fallback;
}

export function embedParamsFromSearch(search: string): EmbedParams {
  const q = new URLSearchParams(search);
  // The main app writes `special=0` to hide the hatch; the widget also takes on/off.
  const map = { ...stateFromSearch(search), special: flag(q.get('special'), DEFAULT_STATE.special), view: null };
  const title = (q.get('title') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
  const height = /^\d{2,4}$/.test(q.get('height') ?? '') ? Number(q.get('height')) : NaN;
  return {
    map,
    title: title || null,
    legend: flag(q.get('legend'), DEFAULT_EMBED.legend),
    interactive: flag(q.get('interactive'), DEFAULT_EMBED.interactive),
    height: height >= MIN_HEIGHT && height <= MAX_HEIGHT ? height : null,
  };
}

/** The widget's query string (what differs from the defaults), e.g. for the embed-code generator. */
export function searchFromEmbedParams(p: EmbedParams): string {
  const q = new URLSearchParams(searchFromState({ ...p.map, special: true, view: null }).slice(1));
  if (!p.map.special) q.set('special', 'off');
  if (p.title) q.set('title', p.title);
  if (!p.legend) q.set('legend', 'off');
  if (!p.interactive) q.set('interactive', 'off');
  if (p.height !== null) q.set('height', String(p.height));
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The same view in the full map (main app): the map's parameters only. */
export function mainSearchFromEmbedParams(p: EmbedParams): string {
  return searchFromState({ ...p.map, view: null });
}
