/** @module polylabel ships no type declarations: the pole of inaccessibility of a polygon (rings of [x, y]). */

declare module 'polylabel' {
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}
