// Writable copies of the seeded whole-country database, for tests of the officials' workspace:
// `describe.each(writableApis())('$name', …)`; each open() gives a private copy (SQLite: a copy of the
// file; PostgreSQL: a database cloned from the setup's template), an app on it, and helpers to create
// accounts and sign in. close() deletes the copy.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadApiContext, type ApiContext } from '../../server/context/context.ts';
import { boundaryBuilds } from '../../server/tiles/builds.ts';
import { cliActor } from '../../server/audit/audit.ts';
import { createUser, type NewUser } from '../../server/auth/users.ts';
import { BUILD_DIR } from '../../server/config/paths.ts';
import { type Engine, openDatabase } from '../../server/db/database.ts';
import type { Role, UnitStructure } from '../../server/db/schema.ts';

export const ORIGIN = 'http://localhost';
export const TEST_PASSWORD = 'correct horse battery staple';

export interface Official {
  email: string;
  csrf: string;
  cookie: string;
  /** A same-origin request as this official: cookie, Origin and (unless `csrf: false`) the CSRF header. */
  request(method: string, path: string, body?: unknown, options?: { csrf?: boolean; headers?: Record<string, string> }): Promise<Response>;
}

export interface Workspace {
  ctx: ApiContext;
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** Creates an account (role + unit, read in `structure`: today's by default, as `user:add`) and returns its e-mail. */
  addUser(role: Role, unit: string | null, email?: string, structure?: UnitStructure): Promise<string>;
  /** Creates an account and signs it in. */
  official(role: Role, unit: string | null, email?: string): Promise<Official>;
  signIn(email: string, password?: string): Promise<Official>;
  close(): Promise<void>;
}

export interface WritableApi {
  name: Engine;
  open(): Promise<Workspace>;
}

/** A copy of the seeded PostgreSQL test database (a new database from the template); drop() deletes it. */
export async function copyPostgres(template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('pgUrl')!;
  const name = `w_${randomBytes(6).toString('hex')}`;
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(`create database ${name} template ${template}`);
      break;
    } catch (error) {
      // Two test files cloning the template at the same moment: the second waits and tries again.
      if (attempt > 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Which seeded database a writable copy starts from: the pre-2025 seed, or both eras (to TODAY_LAST_PERIOD). */
export type SeededEras = 'pre2025' | 'today';

/** A copy of the seeded SQLite test database in a new temp folder; drop() deletes it. */
export function copySqlite(eras: SeededEras = 'pre2025'): { url: string; drop: () => Promise<void> } {
  const source = inject(eras === 'today' ? 'todaySqliteUrl' : 'seededSqliteUrl').replace(/^sqlite:/, '');
  const dir = mkdtempSync(join(tmpdir(), 'ntm-writable-'));
  const file = join(dir, 'copy.sqlite');
  copyFileSync(source, file);
  return { url: `sqlite:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** One writable workspace per engine, each a fresh copy of the seeded database (`eras`: which one). */
export function writableApis(eras: SeededEras = 'pre2025'): WritableApi[] {
  const list: WritableApi[] = [{ name: 'sqlite', open: () => openWorkspace(copySqlite(eras)) }];
  const template = inject(eras === 'today' ? 'todayPgTemplate' : 'seededPgTemplate');
  if (template) list.push({ name: 'postgres', open: async () => openWorkspace(await copyPostgres(template)) });
  return list;
}

let counter = 0;

async function openWorkspace(copy: { url: string; drop: () => Promise<void> }): Promise<Workspace> {
  const ndb = await openDatabase(copy.url);
  const ctx = await loadApiContext(ndb, boundaryBuilds(BUILD_DIR));
  const app = createApp({ ctx });
  const request = async (path: string, init?: RequestInit) => app.request(`${ORIGIN}${path}`, init);
  const addUser = async (role: Role, unit: string | null, email = `${role}-${unit ?? 'vn'}-${++counter}@example.org`, structure?: UnitStructure) => {
    const input: NewUser = { email, role, password: TEST_PASSWORD, ...(unit ? { unit } : {}), ...(structure ? { structure } : {}) };
    await createUser(ndb.db, input, cliActor('test'));
    return email;
  };
  const signIn = async (email: string, password = TEST_PASSWORD): Promise<Official> => {
    const res = await request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const { csrf_token: csrf } = (await res.json()) as { csrf_token: string };
    return {
      email,
      csrf,
      cookie,
      request(method, path, body, options = {}) {
        const headers: Record<string, string> = { Cookie: cookie, Origin: ORIGIN, ...(options.csrf === false ? {} : { 'X-CSRF-Token': csrf }), ...options.headers };
        let payload: BodyInit | undefined;
        if (body instanceof FormData || typeof body === 'string') payload = body;
        else if (body !== undefined) {
          payload = JSON.stringify(body);
          headers['Content-Type'] = 'application/json';
        }
        return request(path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
      },
    };
  };
  return {
    ctx,
    request,
    addUser,
    signIn,
    official: async (role, unit, email) => signIn(await addUser(role, unit, email)),
    async close() {
      await ndb.close();
      await copy.drop();
    },
  };
}

/** Forgets every sign-in attempt the workspace's database counted (the tests sign in from one address). */
export async function forgetSignIns(ws: Workspace): Promise<void> {
  await ws.ctx.ndb.db.deleteFrom('sign_in_attempt').execute();
}
