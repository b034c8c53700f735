// The two island districts out at sea: Huyện Hoàng Sa (Thành phố Đà Nẵng) and Huyện Trường Sa (Tỉnh Khánh
// Hòa), GSO codes 498 and 576. Every map of Viet Nam names them; their islands are too small to see at
// country zooms, so the boundary build puts their label points in the tiles from zoom 0 and the map names
// them as archipelagos until it is zoomed in far enough for the districts' own names. The camera, though,
// shows a province where its communes are (mainlandBox).
export const ARCHIPELAGO_DISTRICTS: readonly string[] = ['498', '576'];

type BBox = [number, number, number, number];

/** The box to show for a province, from its districts: null when none is an island district (the province's
 * own box is right), else the union of the other districts' boxes, where its communes are (Khánh Hòa's own
 * box runs to Trường Sa, 700 km out at sea, and would show the province as a speck). */
export function mainlandBox(districts: ReadonlyArray<{ code: string; bbox: BBox | null }>): BBox | null {
  if (!districts.some((d) => ARCHIPELAGO_DISTRICTS.includes(d.code))) return null;
  const boxes = districts.filter((d) => !ARCHIPELAGO_DISTRICTS.includes(d.code) && d.bbox).map((d) => d.bbox!);
  if (!boxes.length) return null;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}
