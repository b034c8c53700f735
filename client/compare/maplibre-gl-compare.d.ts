// Types of @maplibre/maplibre-gl-compare 0.5 (the package ships none): the part of its API this page uses.
declare module '@maplibre/maplibre-gl-compare' {
  import type { Map as MapLibreMap } from 'maplibre-gl';
  /** Syncs two maps' cameras and clips `a` (left) and `b` (right) at a swipe handle appended to `container`. */
  export default class Compare {
    constructor(a: MapLibreMap, b: MapLibreMap, container: string | HTMLElement, options?: { orientation?: 'vertical' | 'horizontal'; mousemove?: boolean });
    /** The handle's position in pixels from the left (set once the handle is placed). */
    currentPosition?: number;
    setSlider(x: number): void;
    on(type: 'slideend', listener: (e: { currentPosition: number }) => void): this;
    off(type: 'slideend', listener: (e: { currentPosition: number }) => void): this;
    remove(): void;
  }
}
