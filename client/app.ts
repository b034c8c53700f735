// What every part of the page receives: the state store, the map, the server's health (periods,
// archive) and the status currently drawn. Parts mount into their own element and talk through these.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Health, Status } from './api/answers.ts';
import type { Store } from './state/app-state.ts';
import type { MovedUnit } from './era/notice.ts';

export interface App {
  store: Store;
  map: MapLibreMap;
  health: Health;
  /** The status last drawn on the map (for the current scope-free period/mode), or null before the first. */
  status(): Status | null;
  /** Settles once the first choropleth is on screen (parts that are not the map wait for it to ask the server). */
  ready: Promise<void>;
  /** Called after each redraw of the choropleth with the status drawn. */
  onStatus(listener: (status: Status) => void): () => void;
  /** Shows the one-line notice that a chosen unit is shown as what it became (or came from) in the period's structure. */
  notifyMoved(moved: MovedUnit): void;
  /** Settles once the chosen area is read in the period's unit structure: after the period crosses the reform,
   * when its codes have been mapped to what the units became (or were). Ask nothing about the area before. */
  scopeReady(): Promise<void>;
}
