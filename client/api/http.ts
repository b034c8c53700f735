// The one way the client asks the API: every request of the map page, the widget and the workspace goes
// through `requestJson`, which turns the API's error body (server/http/schemas.ts `ErrorSchema`) into an
// ApiFailure. The map page's GETs are kept per URL for the session (`cachedJson`): every part of the page
// (controls, panel, camera, map) asks through it, so that the same URL is fetched once however many parts
// need it. A failed answer is forgotten so that it is asked again next time; the oldest answers make room
// for new ones. The workspace adds its session's CSRF token (client/workspace/workspace-http.ts).
import type { ApiErrorBody } from './answers.ts';

const cache = new Map<string, Promise<unknown>>();
const CACHE_SIZE = 120;

/** An API error answer: its message, HTTP status, error code, the details the server gave (e.g. a 404's
 * successors, a 400's issues) and, on a 429, the seconds to wait. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> | null,
    readonly code: string = 'http_error',
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The API's error, or the path and HTTP status when the body says nothing. */
async function failure(path: string, res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  const error = body?.error;
  const details = error?.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : null;
  return new ApiFailure(error?.message ?? `${path}: HTTP ${res.status}`, res.status, details, error?.code ?? 'http_error', Number(res.headers.get('Retry-After')) || undefined);
}

/** One request; its JSON answer (null for a 204), or an ApiFailure. */
export async function requestJson<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  if (!res.ok) throw await failure(path, res);
  return (res.status === 204 ? null : await res.json()) as T;
}

/** One GET, not kept (answers that must be fresh, such as the server's health). */
export const fetchJson = <T>(path: string): Promise<T> => requestJson<T>(path);

/** A GET kept per URL: the first call fetches, later calls (even while it is in flight) share its answer. */
export function cachedJson<T>(path: string): Promise<T> {
  const hit = cache.get(path);
  if (hit) {
    cache.delete(path); // most recently used last
    cache.set(path, hit);
    return hit as Promise<T>;
  }
  const answer = fetchJson<T>(path);
  cache.set(path, answer);
  answer.catch(() => {
    if (cache.get(path) === answer) cache.delete(path);
  });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return answer;
}

/** A path with the query parameters that are set. */
export function apiPath(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return query.size ? `${path}?${query}` : path;
}
