// Typed reads of the public API that the map needs: the server's health, the criteria catalogue and the
// status table (one rural commune a row) of the country, a province or a district.
import type { Criteria, Health, Status } from './answers.ts';
import { apiPath, fetchJson, getJson } from './http.ts';


export const fetchHealth = () => fetchJson<Health>('/api/v1/health');

export interface StatusQuery { province?: string; district?: string; period?: string; criterion?: string; group?: string }
/** The status path for a query (also the key that tells whether two draws need the same answer). */
export const statusPath = (q: StatusQuery): string => apiPath('/api/v1/status', { ...q });
/** Not kept by the page (the browser's HTTP cache keeps it a few minutes): a whole-country table is large. */
export const fetchStatus = (q: StatusQuery) => fetchJson<Status>(statusPath(q));

export const fetchCriteria = () => getJson<Criteria>('/api/v1/criteria');
