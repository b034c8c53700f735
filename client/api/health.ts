// GET /api/v1/health: what the server says of itself (its structures' archives, periods, basemap), asked
// fresh each time (the map page reads it from its HTML first: client/api/boot.ts).
import type { Health } from './answers.ts';
import { fetchJson } from './http.ts';

/** The server's health, not kept. */
export const fetchHealth = () => fetchJson<Health>('/api/v1/health');
