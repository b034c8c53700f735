// GET /api/v1/status: the status table (one rural commune a row) of the country, a province or a district,
// at a period, that the map colours communes with.
import type { Status } from './answers.ts';
import { apiPath, fetchJson } from './http.ts';

/** What a status table is asked for (client/api/status-query.ts builds it from a view's state). */
export interface StatusQuery { province?: string; district?: string; period?: string; criterion?: string; group?: string }
/** The status path for a query (also the key that tells whether two draws need the same answer). */
export const statusPath = (q: StatusQuery): string => apiPath('/api/v1/status', { ...q });
/** Not kept by the page (the browser's HTTP cache keeps it a few minutes): a whole-country table is large. */
export const fetchStatus = (q: StatusQuery) => fetchJson<Status>(statusPath(q));
