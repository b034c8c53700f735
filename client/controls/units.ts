// The administrative units the filter and the camera need (provinces, districts of a province, communes
// of a district: names, bbox, label point), read from /api/v1/units through the page's per-URL cache (the
// panel asks for the same lists), and indexed by code.
import { apiPath, getJson } from '../api/http.ts';
import { mainlandBox } from '../map/archipelagos.ts';

export type BBox = [number, number, number, number];

export interface Unit {
  code: string;
  name: string;
  type: string;
  level: 'province' | 'district' | 'commune';
  province: string;
  district: string | null;
  bbox: BBox | null;
  label: [number, number] | null;
}

interface UnitList { units: Unit[] }

const known = new Map<string, Unit>();

/** The provinces (no parent), the districts of a province or the communes of a district. */
export async function unitsOf(parent: string | null): Promise<Unit[]> {
  const body = await getJson<UnitList>(apiPath('/api/v1/units', { parent }));
  for (const u of body.units) known.set(u.code, u);
  return body.units;
}

/** Remembers a unit learnt elsewhere (a search hit), so that the camera needs no extra request. */
export function rememberUnit(unit: Unit): void {
  if (!known.has(unit.code)) known.set(unit.code, unit);
}

/** One unit by code, reading its parent's list when it is not known yet. */
export async function unitByCode(code: string, parent: string | null): Promise<Unit | undefined> {
  const hit = known.get(code);
  if (hit) return hit;
  await unitsOf(parent);
  return known.get(code);
}

/** The area to show for a province: its bbox, or for one with an island district its mainland (mainlandBox). */
export async function provinceViewBox(province: Unit): Promise<BBox | null> {
  const districts = await unitsOf(province.code).catch(() => [] as Unit[]);
  return mainlandBox(districts) ?? province.bbox;
}

/** The commune's district, when only its code is known (a hand-written `?commune=` link). */
export async function districtOfCommune(code: string): Promise<string | null> {
  const hit = known.get(code);
  if (hit) return hit.district;
  // The same URL as the panel's card of the commune at the latest period, so that it is read once.
  const card = await getJson<{ district?: { code: string } | null }>(`/api/v1/communes/${encodeURIComponent(code)}`).catch(() => null);
  return card?.district?.code ?? null;
}

/** The province of a district, from the list of its communes (a `?district=` link without its province). */
export async function provinceOfDistrict(code: string): Promise<string | null> {
  const hit = known.get(code);
  if (hit) return hit.province;
  const communes = await unitsOf(code).catch(() => []);
  return communes[0]?.province ?? null;
}

/** Sorting key: the name without its type word, so that "Tỉnh An Giang" and "Thành phố Cần Thơ" sort by "An…", "Cần…". */
const TYPE_WORDS = /^(Thành phố|Tỉnh|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+/;
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const byName = (a: Unit, b: Unit): number => collator.compare(a.name.replace(TYPE_WORDS, ''), b.name.replace(TYPE_WORDS, ''));
