// Several app processes on one database (issue #19): two real server processes (`npm start`'s entry) on
// one PostgreSQL database and on one SQLite file. A review saved through one is served by the other within
// a second, and 5 wrong passwords spread over both lock the account as they would on one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
// First: the account schemas extend zod with OpenAPI metadata when their module loads.
import '@hono/zod-openapi';
import { cliActor } from '../../../server/audit/audit.ts';
import { createUser } from '../../../server/auth/users.ts';
import { openDatabase } from '../../../server/db/database.ts';
import { startServer, type ServerProcess } from '../../support/server-process.ts';
import { copyPostgres, copySqlite, TEST_PASSWORD } from '../../support/workspace.ts';

const MUONG_HOONG = '23362'; // district 610
const PERIOD = '2025-06';

interface Form { version: number; groups: Array<{ criteria: Array<{ number: number; met: boolean }> }> }
interface Status { communes: Array<{ code: string; met: number }> }

const engines = [{ name: 'sqlite', copy: async () => copySqlite() }, ...(inject('seededPgTemplate') ? [{ name: 'postgres', copy: () => copyPostgres(inject('seededPgTemplate')!) }] : [])];

/** Signs in through one process: the session cookie and CSRF token. */
async function signIn(base: string, email: string, password = TEST_PASSWORD) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ email, password }) });
  return { res, cookie: (res.headers.get('Set-Cookie') ?? '').split(';')[0]!, csrf: res.status === 200 ? ((await res.clone().json()) as { csrf_token: string }).csrf_token : '' };
}

const metOf = async (base: string) => {
  const res = await fetch(`${base}/api/v1/status?district=610&period=${PERIOD}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as Status).communes.find((c) => c.code === MUONG_HOONG)!.met;
};

describe.each(engines)('two app processes on one $name database', ({ copy }) => {
  let db: { url: string; drop: () => Promise<void> };
  let a: ServerProcess;
  let b: ServerProcess;
  const emails = { district: 'district-610@example.org', locked: 'commune-23362@example.org' };
  beforeAll(async () => {
    db = await copy();
    const ndb = await openDatabase(db.url);
    try {
      await createUser(ndb.db, { email: emails.district, role: 'district', unit: '610', password: TEST_PASSWORD }, cliActor('test'));
      await createUser(ndb.db, { email: emails.locked, role: 'commune', unit: MUONG_HOONG, password: TEST_PASSWORD }, cliActor('test'));
    } finally {
      await ndb.close();
    }
    // One after the other: the first start prepares (migrates) the copy; the second finds it ready.
    a = await startServer({ DATABASE_URL: db.url });
    b = await startServer({ DATABASE_URL: db.url });
  }, 400_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('a review saved through one process is served by the other within 1 s', async () => {
    const before = await metOf(b.url); // the second process now holds the month in its caches
    expect(await metOf(b.url)).toBe(before);
    const official = await signIn(a.url, emails.district);
    expect(official.res.status).toBe(200);
    const headers = { Cookie: official.cookie, Origin: a.url, 'X-CSRF-Token': official.csrf, 'Content-Type': 'application/json' };
    const form = (await (await fetch(`${a.url}/api/v1/admin/reviews/${MUONG_HOONG}/${PERIOD}`, { headers })).json()) as Form;
    const criteria = form.groups.flatMap((g) => g.criteria);
    const flip = criteria.find((c) => !c.met) ?? criteria[0]!;
    const saved = await fetch(`${a.url}/api/v1/admin/reviews/${MUONG_HOONG}/${PERIOD}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ criteria: criteria.map((c) => ({ number: c.number, met: c === flip ? !c.met : c.met })), version: form.version }),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const expected = before + (flip.met ? -1 : 1);
    expect(await metOf(a.url)).toBe(expected);
    const t0 = Date.now();
    let seen = before;
    while (Date.now() - t0 < 1000 && seen !== expected) {
      seen = await metOf(b.url);
      if (seen !== expected) await new Promise((r) => setTimeout(r, 25));
    }
    expect(seen, `the other process still serves ${seen} after ${Date.now() - t0} ms`).toBe(expected);
  });

  it('5 wrong passwords spread over both processes lock the account on both', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(i % 2 ? b.url : a.url, emails.locked, `wrong ${i}`)).res.status).toBe(401);
    for (const server of [a, b]) {
      const { res } = await signIn(server.url, emails.locked);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(14 * 60);
    }
  });
});
