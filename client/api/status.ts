// Typed reads of the public API that the map needs: the server's health, the criteria catalogue and the
// status table (one rural commune a row) of the country, a province or a district.
import { apiPath, fetchJson, getJson } from './http.ts';

export type Level = 'chua_dat' | 'dat_chuan' | 'nang_cao' | 'kieu_mau' | 'hien_dai';
/** A unit structure: pre2025 (provinces > districts > communes, until 2025-06) or 2025-07 (provinces > communes). */
export type StructureCode = 'pre2025' | '2025-07';
/** The months a structure or a criteria set applies to (null: open). */
export interface Validity { valid_from: string | null; valid_to: string | null }

export interface CommuneStatus { code: string; met: number; level: Level; special: boolean; provenance: 'official' | 'illustrative'; as_of?: string; value?: number }
export interface Status {
  period: string;
  criteria_set: string;
  /** Criteria of the period's set (the most `met` can be): 19 until 2026-01, 10 from 2026-02. */
  criteria_count: number;
  /** The unit structure the codes are meant in. */
  structure: Validity & { code: StructureCode; name_vi: string; name_en: string; has_districts: boolean };
  scope: { level: 'country' | 'province' | 'district' | 'former_district'; code: string | null; name: string | null };
  /** Communes of the scope: all of them (xã, phường, thị trấn) and the rural ones (xã) that NTM scores. */
  units: { communes: number; rural: number };
  carried: number;
  provenance: { reviews: { official: number; illustrative: number }; note: string };
  communes: CommuneStatus[];
}
export interface Health { communes: number; periods: [string, string] | null; database: string; tiles: string; archives: Record<StructureCode, string>; structures?: Array<Validity & { code: StructureCode; in_force_date?: string | null }>; basemap: string | null }

export const fetchHealth = () => fetchJson<Health>('/api/v1/health');

export interface StatusQuery { province?: string; district?: string; period?: string; criterion?: string; group?: string }
/** The status path for a query (also the key that tells whether two draws need the same answer). */
export const statusPath = (q: StatusQuery): string => apiPath('/api/v1/status', { ...q });
/** Not kept by the page (the browser's HTTP cache keeps it a few minutes): a whole-country table is large. */
export const fetchStatus = (q: StatusQuery) => fetchJson<Status>(statusPath(q));

export interface CatalogueEntry { number: number; name_vi: string; name_en: string }
export interface Criteria {
  current: string;
  sets: CriteriaSet[];
}
/** A criteria set of the catalogue: its criteria (group null in a set without groups), groups and levels. */
export interface CriteriaSet extends Validity {
  code: string;
  valid_from: string;
  decision?: string;
  in_force_date?: string | null;
  criteria_count: number;
  levels: Array<Exclude<Level, 'chua_dat'>>;
  criteria: Array<CatalogueEntry & { group: number | null }>;
  groups: CatalogueEntry[];
}
export const fetchCriteria = () => getJson<Criteria>('/api/v1/criteria');
