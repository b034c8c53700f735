// The camera following the scope. The state's `view: null` means "fit the scope": a choice (select, click,
// search) sets it, the camera brings the commune, district, province or country into view, and main.ts's
// moveend writes the view back. Links without a view, and back/forward to such a state, fit the same way.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { App } from '../app.ts';
import { countryBounds, fitArea, flyToCommune } from '../map/scope.ts';
import type { AppState } from '../state/app-state.ts';
import { structureMonth } from '../era/era.ts';
import { districtOfCommune, provinceOfDistrict, provinceViewBox, unitByCode, type BBox } from './units.ts';

interface Target { bbox: BBox | null; label: [number, number] | null; commune: boolean }

type Scope = Pick<AppState, 'province' | 'district' | 'commune'>;

async function targetOf(s: Scope, at: string | null): Promise<Target> {
  if (s.commune) {
    const unit = await unitByCode(s.commune, s.district ?? (await districtOfCommune(s.commune, at)), at);
    if (unit?.bbox || unit?.label) return { bbox: unit.bbox, label: unit.label, commune: true };
  }
  if (s.district) {
    const unit = await unitByCode(s.district, s.province ?? (await provinceOfDistrict(s.district, at)), at);
    if (unit?.bbox) return { bbox: unit.bbox, label: null, commune: false };
  }
  if (s.province) {
    const unit = await unitByCode(s.province, null, at);
    const bbox = unit ? await provinceViewBox(unit, at) : null;
    if (bbox) return { bbox, label: null, commune: false };
  }
  return { bbox: null, label: null, commune: false }; // the country
}

function moveTo(map: MapLibreMap, target: Target, animate: boolean): void {
  if (target.commune) flyToCommune(map, target.bbox, target.label, animate);
  else fitArea(map, target.bbox ?? countryBounds(map), animate);
}

const scopeChanged = (s: AppState, p: AppState) => s.province !== p.province || s.district !== p.district || s.commune !== p.commune;

export interface ScopeCamera {
  /** Brings a scope into view now, whatever the state's view (a click that also lets others act on it). */
  show(scope: Scope): void;
}

export function followScope(app: App): ScopeCamera {
  const { store, map } = app;
  let ticket = 0; // the latest scope asked for
  let userMoves = 0; // drags, wheel and keyboard zooms by the user
  // The last move made for the scope: in flight, or settled at a camera nobody has changed since.
  let last: { ticket: number; moves: number; target: Target; flying: boolean; settledAt: string | null } | null = null;
  const cameraKey = () => `${map.getCenter().lng.toFixed(7)},${map.getCenter().lat.toFixed(7)},${map.getZoom().toFixed(5)}`;

  const perform = (target: Target, animate: boolean) => {
    const move = { ticket, moves: userMoves, target, flying: true, settledAt: null as string | null };
    last = move;
    moveTo(map, target, animate);
    // A jump (or reduced motion) has already ended; a flight ends with its moveend, which is registered only
    // now so that the moveend of a flight this one interrupted is not taken for it.
    const settle = () => {
      move.flying = false;
      move.settledAt = cameraKey();
    };
    if (!map.isMoving()) settle();
    else map.once('moveend', () => last === move && settle());
  };

  const follow = async (s: Scope, animate: boolean) => {
    const mine = ++ticket;
    const moves = userMoves;
    let target: Target;
    try {
      target = await targetOf(s, structureMonth(app.health, store.get().period));
    } catch {
      return; // the units could not be read: the camera stays where it is
    }
    if (mine !== ticket || moves !== userMoves) return; // superseded, or the user moved the map meanwhile
    perform(target, animate);
  };

  // When the map's box changes size (the side panel opens, a phone turns), a flight for the scope starts
  // again towards the same target, and a settled fit that nobody has moved since is made again, so that the
  // scope stays whole and a commune centred.
  map.on('resize', () => {
    const move = last;
    if (!move || move.ticket !== ticket || move.moves !== userMoves) return;
    if (move.flying) perform(move.target, true);
    else if (move.settledAt === cameraKey()) perform(move.target, false);
  });
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: unknown }).originalEvent) userMoves++;
  });

  const initial = store.get();
  if (initial.view === null && (initial.province || initial.district || initial.commune)) void follow(initial, false);
  store.subscribe((s, p) => {
    // Before the first map is drawn (a link being completed) the camera jumps; afterwards it flies.
    if (s.view === null && (p.view !== null || scopeChanged(s, p))) void follow(s, document.documentElement.dataset.ready === 'true');
  });
  return { show: (scope) => void follow(scope, true) };
}
