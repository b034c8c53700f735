/** @module Workspace benchmark: 50 officials (district officers of 50 districts, each signed in with their own
 * session) save the monthly review of a commune of their district again and again for 10 s, at once, on
 * SQLite and on PostgreSQL, against the real server. Prints saves/s, p50 and p99, and checks in the
 * database afterwards that no save was lost or duplicated (each review's version and its audit entries
 * equal the saves the server acknowledged). Asserts nothing; prints figures.
 * NTM_BENCH_ERAS=today: on a database of both eras (today's units from 2025-07, seeded to 2026-11), the
 * officials are commune officers of 50 of today's communes saving their 2026 review on the 10 criteria of the
 * 2026-2030 set (a month of today's units has no districts). */

import { join } from 'node:path';
import { startThrowawayCluster } from '../scripts/pg/throwaway-cluster.ts';
import { cliActor } from '../server/audit/audit.ts';
import { createUser } from '../server/auth/users.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDatabase } from '../server/seed/seed.ts';
import { seedInputs } from '../server/seed/inputs.ts';
import { BUILD_DIR, DEFAULT_BOUNDARIES_2025_DIR, DEFAULT_FACTS_DIR } from '../server/config/paths.ts';
import { startServer, type ServerProcess } from '../test/support/server-process.ts';
import { runBench, scratchDir } from './run.ts';

const OFFICIALS = 50;
const SECONDS = Number(process.env.NTM_BENCH_SECONDS ?? 10);
const PASSWORD = 'benchmark password, not a secret';
const TODAY = process.env.NTM_BENCH_ERAS === 'today';

/** Seeds a database of both eras to 2026-11 (as the tests' `today` databases) before the server starts on it. */
async function seedBothEras(url: string): Promise<void> {
  const ndb = await openDatabase(url);
  try {
    await migrateToLatest(ndb.db);
    await seedDatabase(ndb, {
      ...seedInputs({ buildDir: BUILD_DIR, factsDir: DEFAULT_FACTS_DIR, boundaries2025Dir: DEFAULT_BOUNDARIES_2025_DIR }),
      lastPeriod: '2026-11',
    });
  } finally {
    await ndb.close();
  }
}

interface Worker { email: string; commune: string; cookie: string; csrf: string; saves: number; conflicts: number; errors: number; latencies: number[]; startVersion: number }

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function measure(server: ServerProcess, databaseUrl: string, engine: string): Promise<void> {
  const ndb = await openDatabase(databaseUrl);
  try {
    const period = (await ndb.db.selectFrom('review').select(({ fn }) => fn.max('period').as('p')).executeTakeFirstOrThrow()).p;
    // The month's structure (the latest that covers it) and criteria count: the eras of the workspace.
    const structures = await ndb.db.selectFrom('unit_structure').select(['code', 'valid_from', 'valid_to']).execute();
    const structure = structures.filter((s) => (s.valid_from === null || s.valid_from <= period) && (s.valid_to === null || period <= s.valid_to)).sort((a, b) => (a.valid_from ?? '').localeCompare(b.valid_from ?? '')).at(-1)!.code;
    const set = await ndb.db.selectFrom('criteria_set').select(['code', 'criteria_count']).where('valid_from', '<=', period).where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', period)])).orderBy('valid_from', 'desc').executeTakeFirstOrThrow();
    const count = set.criteria_count;
    // 50 districts, each with a rural commune: one official per district, one commune each (today's units:
    // 50 communes spread over the country, a commune officer each).
    const communes = await ndb.db.selectFrom('unit').select(['code', 'district_code']).where('structure', '=', structure).where('level', '=', 'commune').where('rural', '=', 1).orderBy('code').execute();
    const byDistrict = new Map<string, string>();
    if (structure === 'pre2025') {
      for (const c of communes) if (c.district_code && !byDistrict.has(c.district_code)) byDistrict.set(c.district_code, c.code);
    } else {
      for (let i = 0; i < OFFICIALS; i++) {
        const c = communes[Math.floor((i * communes.length) / OFFICIALS)]!;
        byDistrict.set(c.code, c.code);
      }
    }
    const picked = [...byDistrict].slice(0, OFFICIALS);
    const workers: Worker[] = [];
    for (const [district, commune] of picked) {
      const email = `bench-${district}-${Date.now()}@example.org`;
      const role = structure === 'pre2025' ? 'district' : 'commune';
      await createUser(ndb.db, { email, role, unit: district, structure, password: PASSWORD }, cliActor('bench'));
      const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      if (!login.ok) throw new Error(`sign-in ${email}: ${login.status} ${await login.text()}`);
      const { csrf_token } = (await login.json()) as { csrf_token: string };
      const current = await ndb.db.selectFrom('review').select('version').where('structure', '=', structure).where('commune_code', '=', commune).where('period', '=', period).executeTakeFirst();
      workers.push({ email, commune, cookie: login.headers.get('Set-Cookie')!.split(';')[0]!, csrf: csrf_token, saves: 0, conflicts: 0, errors: 0, latencies: [], startVersion: current?.version ?? 0 });
    }
    const auditBefore = new Map<string, number>();
    for (const w of workers) auditBefore.set(w.commune, Number((await ndb.db.selectFrom('audit_entry').select(({ fn }) => fn.countAll().as('n')).where('action', '=', 'review.save').where('unit_structure', '=', structure).where('unit_code', '=', w.commune).executeTakeFirstOrThrow()).n));

    const until = Date.now() + SECONDS * 1000;
    const started = Date.now();
    await Promise.all(
      workers.map(async (w, i) => {
        let version = w.startVersion || undefined;
        for (let n = 0; Date.now() < until; n++) {
          // Alternate criterion (n mod the set's count) so that every save changes something.
          const criteria = Array.from({ length: count }, (_, k) => ({ number: k + 1, met: k !== (n + i) % count }));
          const t0 = performance.now();
          const res = await fetch(`${server.url}/api/v1/admin/reviews/${w.commune}/${period}`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Cookie: w.cookie, 'X-CSRF-Token': w.csrf },
            body: JSON.stringify({ criteria, ...(version ? { version } : {}) }),
          });
          w.latencies.push(performance.now() - t0);
          if (res.ok) {
            version = ((await res.json()) as { version: number }).version;
            w.saves++;
          } else {
            if (res.status === 409) w.conflicts++;
            else w.errors++;
            await res.arrayBuffer();
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const all = workers.flatMap((w) => w.latencies).sort((a, b) => a - b);
    const saves = workers.reduce((n, w) => n + w.saves, 0);
    let lost = 0;
    let duplicated = 0;
    let auditMismatch = 0;
    for (const w of workers) {
      const rows = await ndb.db.selectFrom('review').select(['version', 'provenance']).where('structure', '=', structure).where('commune_code', '=', w.commune).where('period', '=', period).execute();
      if (rows.length !== 1) duplicated += Math.max(0, rows.length - 1);
      const version = rows[0]?.version ?? 0;
      // A first save creates version 1; later saves add one each: the version counts every acknowledged save.
      const acknowledged = w.startVersion ? version - w.startVersion : version;
      if (acknowledged !== w.saves) lost += Math.abs(w.saves - acknowledged);
      const audit = Number((await ndb.db.selectFrom('audit_entry').select(({ fn }) => fn.countAll().as('n')).where('action', '=', 'review.save').where('unit_structure', '=', structure).where('unit_code', '=', w.commune).executeTakeFirstOrThrow()).n);
      if (audit - auditBefore.get(w.commune)! !== w.saves) auditMismatch++;
    }
    const conflicts = workers.reduce((n, w) => n + w.conflicts, 0);
    const errors = workers.reduce((n, w) => n + w.errors, 0);
    console.log(`\n${engine}: ${OFFICIALS} officials, ${SECONDS} s, period ${period} (units of ${structure}, ${set.code} set of ${count} criteria)`);
    console.log(`  saves acknowledged        ${saves} (${(saves / seconds).toFixed(0)} saves/s)`);
    console.log(`  latency p50 / p99         ${quantile(all, 0.5).toFixed(1)} ms / ${quantile(all, 0.99).toFixed(1)} ms`);
    console.log(`  409 conflicts, errors     ${conflicts}, ${errors}   (each official writes only their own commune: expected 0, 0)`);
    console.log(`  lost / duplicated saves   ${lost} / ${duplicated}   (counted in the database: review version and rows)`);
    console.log(`  audit entries off         ${auditMismatch} of ${OFFICIALS} communes`);
  } finally {
    await ndb.close();
  }
}

const work = scratchDir('workspace');
await runBench(async () => {
  console.log(`NTM Map workspace benchmark (node ${process.version}, ${new Date().toISOString()})`);
  const sqliteUrl = `sqlite:${join(work, 'bench.sqlite')}`;
  if (TODAY) await seedBothEras(sqliteUrl);
  const sqlite = await startServer({ DATABASE_URL: sqliteUrl });
  try {
    await measure(sqlite, sqliteUrl, 'SQLite');
  } finally {
    await sqlite.stop();
  }
  const cluster = await startThrowawayCluster();
  try {
    if (TODAY) await seedBothEras(cluster.url);
    const pg = await startServer({ DATABASE_URL: cluster.url });
    try {
      await measure(pg, cluster.url, 'PostgreSQL');
    } finally {
      await pg.stop();
    }
  } finally {
    cluster.stop();
  }
});
