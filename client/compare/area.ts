/** @module The area the comparison's left side shows: the page's chosen province or district read in the
 * month before's unit structure — today's Quảng Ngãi (51) was Quảng Ngãi (51) and Kon Tum (62) — through the
 * crosswalk (/api/v1/units/{code}/relatives), never by code; and its status, the communes of those units. */
import { apiPath, cachedJson } from '../api/http.ts';
import type { Health, Relatives, Status } from '../api/answers.ts';
import { fetchStatus } from '../api/status.ts';
import { statusQueryOf } from '../api/status-query.ts';
import { provinceOfDistrict } from '../controls/units.ts';
import { structureAt } from '../era/era.ts';
import type { AppState } from '../state/app-state.ts';

/** Provinces (each outlined, the rest greyed out) or one district of the month before's structure; none: the country. */
export interface BeforeArea { provinces: string[]; district: string | null; names: string[] }

const COUNTRY: BeforeArea = { provinces: [], district: null, names: [] };

/** The page's area (`s`, in the structure of `afterPeriod`) as units of `beforePeriod`'s structure. */
export async function beforeArea(health: Pick<Health, 'structures'>, s: Pick<AppState, 'province' | 'district'>, afterPeriod: string | null, beforePeriod: string): Promise<BeforeArea> {
  if (!s.province && !s.district) return COUNTRY;
  if (structureAt(health, afterPeriod) === structureAt(health, beforePeriod)) return { provinces: s.province ? [s.province] : [], district: s.district, names: [] };
  // A former district (khu vực huyện cũ) of today is the old district of the same code.
  if (s.district) {
    const province = await provinceOfDistrict(s.district, beforePeriod);
    return { provinces: province ? [province] : [], district: s.district, names: [] };
  }
  const r = await cachedJson<Relatives>(apiPath(`/api/v1/units/${encodeURIComponent(s.province!)}/relatives`, { from: afterPeriod ?? undefined, to: beforePeriod }));
  const provinces = r.relatives.filter((u) => u.level === 'province');
  return { provinces: provinces.map((u) => u.code), district: null, names: provinces.map((u) => u.name) };
}

/** The left side's status: the area's communes (several provinces: one answer each, joined), or the country's. */
export async function beforeStatus(state: Pick<AppState, 'period' | 'mode' | 'criterion' | 'group'>, area: BeforeArea): Promise<Status> {
  if (area.district) return fetchStatus(statusQueryOf({ ...state, province: null, district: area.district }));
  if (!area.provinces.length) return fetchStatus(statusQueryOf({ ...state, province: null, district: null }));
  const parts = await Promise.all(area.provinces.map((province) => fetchStatus(statusQueryOf({ ...state, province, district: null }))));
  const first = parts[0]!;
  return {
    ...first,
    units: { communes: parts.reduce((n, p) => n + p.units.communes, 0), rural: parts.reduce((n, p) => n + p.units.rural, 0) },
    carried: parts.reduce((n, p) => n + p.carried, 0),
    provenance: { ...first.provenance, reviews: { official: parts.reduce((n, p) => n + p.provenance.reviews.official, 0), illustrative: parts.reduce((n, p) => n + p.provenance.reviews.illustrative, 0) } },
    communes: parts.flatMap((p) => p.communes),
  };
}
