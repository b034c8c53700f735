// GETs of the public API, kept per URL for the session: every part of the page (controls, panel, camera,
// map) asks through here, so that the same URL is fetched once however many parts need it. A failed
// answer is forgotten so that it is asked again next time; the oldest answers make room for new ones.
const cache = new Map<string, Promise<unknown>>();
const CACHE_SIZE = 120;

/** An API error answer: its message, HTTP status and the details the server gave (e.g. a 404's successors). */
export class ApiFailure extends Error {
  constructor(message: string, readonly status: number, readonly details: Record<string, unknown> | null) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The API's error message, or the path and HTTP status when the body says nothing. */
async function failure(path: string, res: Response): Promise<Error> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string; details?: Record<string, unknown> } } | null;
  return new ApiFailure(body?.error?.message ?? `${path}: HTTP ${res.status}`, res.status, body?.error?.details ?? null);
}

/** One GET, not kept (answers that must be fresh, such as the server's health). */
export async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  if (!res.ok) throw await failure(path, res);
  return (await res.json()) as T;
}

/** A GET kept per URL: the first call fetches, later calls (even while it is in flight) share its answer. */
export function getJson<T>(path: string): Promise<T> {
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
