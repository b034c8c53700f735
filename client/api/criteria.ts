// GET /api/v1/criteria: the criteria catalogue (every set, its groups, criteria and levels), kept for the
// session (it changes only with a new seed).
import type { Criteria } from './answers.ts';
import { cachedJson } from './http.ts';

/** The criteria catalogue, kept per session. */
export const fetchCriteria = () => cachedJson<Criteria>('/api/v1/criteria');
