// The API on the seeded whole-country databases of the test setup (SQLite, and PostgreSQL unless
// NTM_SKIP_PG=1): `describe.each(seededApis())('$name', ...)` then `await api.get('/api/v1/...')`.
// These databases are shared by every test file: tests here only read. `seededApis('today')`: the databases
// seeded with both eras (the pre-2025 units to 2025-06, today's from 2025-07 to TODAY_LAST_PERIOD).
import { expect, inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { BUILD_DIR } from '../../server/config/paths.ts';
import { loadApiContext, type ApiContext } from '../../server/context/context.ts';
import { boundaryBuilds } from '../../server/tiles/builds.ts';
import { openDatabase, type Engine } from '../../server/db/database.ts';

export interface SeededApi {
  name: Engine;
  /** Opens the database and builds the app (call in beforeAll; close in afterAll). */
  open(): Promise<{ ctx: ApiContext; request: (path: string, init?: RequestInit) => Promise<Response>; close: () => Promise<void> }>;
}

export function seededApis(which: 'pre2025' | 'today' = 'pre2025'): SeededApi[] {
  const urls: Array<[Engine, string | null]> =
    which === 'today'
      ? [['sqlite', inject('todaySqliteUrl')], ['postgres', inject('todayPgUrl')]]
      : [['sqlite', inject('seededSqliteUrl')], ['postgres', inject('seededPgUrl')]];
  return urls
    .filter((entry): entry is [Engine, string] => entry[1] !== null)
    .map(([name, url]) => ({
      name,
      async open() {
        const ndb = await openDatabase(url);
        const ctx = await loadApiContext(ndb, boundaryBuilds(BUILD_DIR));
        const app = createApp({ ctx });
        return { ctx, request: async (path, init) => app.request(path, init), close: () => ndb.close() };
      },
    }));
}

/** The API's error body. */
export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

/** GET a path and parse its JSON body, with the response. */
export async function getJson<T = unknown>(request: (path: string, init?: RequestInit) => Promise<Response>, path: string): Promise<{ res: Response; body: T }> {
  const res = await request(path);
  return { res, body: (await res.json()) as T };
}

/** GETs a path that must be refused: checks the status, the error code and the message, and returns the response. */
export async function expectApiError(request: (path: string, init?: RequestInit) => Promise<Response>, path: string, status: number, code: string, message: RegExp): Promise<Response> {
  const { res, body } = await getJson<ErrorBody>(request, path);
  expect(res.status).toBe(status);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(message);
  return res;
}
