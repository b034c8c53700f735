// The administrative units the filter and the camera need (provinces, districts of a province, communes
// of a district: names, bbox, label point), read from /api/v1/units through the page's per-URL cache (the
// panel asks for the same lists), and indexed by code within each unit structure: codes collide across the
// July-2025 reform (province 15 was Yên Bái and is Lào Cai), so every look-up names the structure by one of
// its months (`at`, see era.ts `structureMonth`; null: the latest structure).
import type { CommuneCard, Unit as ListedUnit, Units } from '../api/answers.ts';
import { apiPath, cachedJson } from '../api/http.ts';
import { mainlandBox } from '../map/archipelagos.ts';

/** [west, south, east, north]. */
export type BBox = NonNullable<ListedUnit['bbox']>;

/** What the filter and the camera keep of a unit of /api/v1/units (a search hit gives as much). */
export type Unit = Pick<ListedUnit, 'code' | 'name' | 'type' | 'level' | 'province' | 'district' | 'bbox' | 'label'>;

const known = new Map<string, Unit>();
const key = (at: string | null, code: string) => `${at ?? ''}|${code}`;

/** The provinces (no parent), the districts of a province or the communes of a district, in the structure of
 * month `at`. */
export async function unitsOf(parent: string | null, at: string | null = null): Promise<Unit[]> {
  const body = await cachedJson<Units>(apiPath('/api/v1/units', { parent, period: at }));
  for (const u of body.units) known.set(key(at, u.code), u);
  return body.units;
}

/** The former districts (khu vực huyện cũ) of a province of today's structure: the pre-2025 districts its
 * communes came from. Known under `at` too, so that the camera finds a chosen one. */
export async function formerDistrictsOf(province: string, at: string | null): Promise<Unit[]> {
  const body = await cachedJson<Units>(apiPath('/api/v1/units', { parent: province, period: at, former: 'true' }));
  for (const u of body.units) known.set(key(at, u.code), u);
  return body.units;
}

/** Remembers a unit learnt elsewhere (a search hit, of the latest structure), so that the camera needs no extra request. */
export function rememberUnit(unit: Unit, at: string | null = null): void {
  if (!known.has(key(at, unit.code))) known.set(key(at, unit.code), unit);
}

/** One unit by code in the structure of `at`, reading its parent's list when it is not known yet. */
export async function unitByCode(code: string, parent: string | null, at: string | null = null): Promise<Unit | undefined> {
  const hit = known.get(key(at, code));
  if (hit) return hit;
  await unitsOf(parent, at);
  return known.get(key(at, code));
}

/** The area to show for a province: its bbox, or for one with an island district its mainland (mainlandBox). */
export async function provinceViewBox(province: Unit, at: string | null = null): Promise<BBox | null> {
  const districts = await unitsOf(province.code, at).catch(() => [] as Unit[]);
  return mainlandBox(districts) ?? province.bbox;
}

/** The commune's district, when only its code is known (a hand-written `?commune=` link). */
export async function districtOfCommune(code: string, at: string | null = null): Promise<string | null> {
  const hit = known.get(key(at, code));
  if (hit) return hit.district;
  // The same URL as the panel's card of the commune at the latest period, so that it is read once.
  const card = await cachedJson<Pick<CommuneCard, 'district'>>(apiPath(`/api/v1/communes/${encodeURIComponent(code)}`, { period: at })).catch(() => null);
  return card?.district?.code ?? null;
}

/** The province of a district, from the list of its communes (a `?district=` link without its province). */
export async function provinceOfDistrict(code: string, at: string | null = null): Promise<string | null> {
  const hit = known.get(key(at, code));
  if (hit) return hit.province;
  const communes = await unitsOf(code, at).catch(() => []);
  return communes[0]?.province ?? null;
}

/** Sorting key: the name without its type word, so that "Tỉnh An Giang" and "Thành phố Cần Thơ" sort by "An…", "Cần…". */
const TYPE_WORDS = /^(Thành phố|Tỉnh|Huyện|Quận|Thị xã|Xã|Phường|Thị trấn)\s+/;
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
export const byName = (a: Unit, b: Unit): number => collator.compare(a.name.replace(TYPE_WORDS, ''), b.name.replace(TYPE_WORDS, ''));
