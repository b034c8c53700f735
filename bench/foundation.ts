/** @module Benchmark of the foundation: boundary builds of both unit structures, archives and tiles, first start on a fresh SQLite file,
 * seed sizes, and reading one whole-country period of statuses on SQLite and PostgreSQL.
 * Prints figures and their ratio to the targets of the foundation issue; asserts nothing. */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildBoundaries, structureBuildDir } from '../scripts/boundary/build.ts';
import { UNIT_STRUCTURES } from '../scripts/boundary/structures.ts';
import { startThrowawayCluster } from '../scripts/pg/throwaway-cluster.ts';
import { DEFAULT_BOUNDARIES_2025_DIR, DEFAULT_BOUNDARIES_DIR, DEFAULT_FACTS_DIR, ROOT } from '../server/config/paths.ts';
import { openDatabase, type NtmDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { latestReviewsAt } from '../server/db/review-query.ts';
import { seedDatabase } from '../server/seed/seed.ts';
import { seedInputs } from '../server/seed/inputs.ts';
import { gzipSync } from 'node:zlib';
import type { UnitStructure } from '../server/db/schema.ts';
import { loadApiContext } from '../server/context/context.ts';
import { createApp } from '../server/app.ts';
import { boundaryBuilds } from '../server/tiles/builds.ts';
import { runBench, scratchDir } from './run.ts';

const PERIOD = '2024-06';
/** A period of today's structure and the 2026-2030 criteria. */
const TODAY_PERIOD = '2026-11';
const work = scratchDir('foundation');
const line = (label: string, value: string, target?: string) => console.log(`${label.padEnd(44)} ${value.padStart(14)}${target ? `   ${target}` : ''}`);
const ratio = (value: number, limit: number) => `(${((value / limit) * 100).toFixed(0)} % of the ${limit} limit)`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function statusReadMs(ndb: NtmDatabase, runs = 15, structure: UnitStructure = 'pre2025', period = PERIOD): Promise<{ median: number; rows: number }> {
  const rural = (await ndb.db.selectFrom('unit').select('code').where('structure', '=', structure).where('level', '=', 'commune').where('rural', '=', 1).execute()).map((u) => u.code);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    rows = (await latestReviewsAt(ndb.db, structure, period, rural)).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, rows };
}

async function firstStart(): Promise<{ seconds: number; dbFile: string }> {
  const dbFile = join(work, 'first-start.sqlite');
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${dbFile}`, NTM_BUILD_DIR: join(work, 'first-start-build') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return { seconds: (performance.now() - started) / 1000, dbFile };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/** Seeds both eras to TODAY_PERIOD; returns the seconds it took. */
async function seedBothEras(ndb: NtmDatabase): Promise<number> {
  const started = performance.now();
  const build = join(work, 'build');
  await seedDatabase(ndb, {
    ...seedInputs({ buildDir: build, factsDir: DEFAULT_FACTS_DIR, boundaries2025Dir: DEFAULT_BOUNDARIES_2025_DIR }),
    lastPeriod: TODAY_PERIOD,
  });
  return (performance.now() - started) / 1000;
}

/** The status of every scored commune at TODAY_PERIOD: the query, and the whole-country answer's size. */
async function reportToday(ndb: NtmDatabase, engine: string): Promise<void> {
  const q = await statusReadMs(ndb, 15, '2025-07', TODAY_PERIOD);
  line(`status of every scored commune at ${TODAY_PERIOD}, ${engine}`, `${q.median.toFixed(1)} ms`, `${ratio(q.median, 50)}; ${q.rows} communes, median of 15`);
  const ctx = await loadApiContext(ndb, boundaryBuilds(join(work, 'build')));
  const app = createApp({ ctx });
  const times: number[] = [];
  let body = '';
  for (let i = 0; i < 7; i++) {
    ctx.status.invalidate();
    ctx.responses.clear();
    const t = performance.now();
    body = await (await app.request(`/api/v1/status?period=${TODAY_PERIOD}`)).text();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  line(`  GET /api/v1/status?period=${TODAY_PERIOD}, uncached, ${engine}`, `${times[3]!.toFixed(1)} ms`, 'median of 7, status computed each time');
  if (engine === 'SQLite') line(`  whole-country status at ${TODAY_PERIOD} (gzip)`, `${(gzipSync(body).length / 1024).toFixed(1)} KB`, ratio(gzipSync(body).length / 1024, 60));
}

await runBench(async () => {
  console.log(`NTM Map foundation benchmark (node ${process.version}, ${new Date().toISOString()})\n`);

  const sources = { pre2025: DEFAULT_BOUNDARIES_DIR, '2025-07': DEFAULT_BOUNDARIES_2025_DIR };
  let buildTotal = 0;
  for (const structure of UNIT_STRUCTURES) {
    const buildStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    const { manifest } = await buildBoundaries({ structure, boundariesDir: sources[structure], outDir: structureBuildDir(join(work, 'build'), structure), force: true });
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    buildTotal += buildSeconds;
    // CPU seconds beside the wall clock: on a shared machine the wall clock also counts the other processes.
    line(`data build ${structure}, whole country`, `${buildSeconds.toFixed(1)} s`, `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${manifest.units.provinces} provinces, ${manifest.units.communes} communes`);
    line(`  archive size ${structure}`, mb(manifest.archive.bytes));
    line(`  tiles (zoom 0-12) ${structure}`, String(manifest.tiles.count));
    const { z, x, y, bytes, rawBytes } = manifest.tiles.largest;
    line(`  largest tile ${structure} z${z}/${x}/${y} (gzip)`, `${(bytes / 1024).toFixed(0)} KB`, `${ratio(bytes / 1024, 500)}; ${(rawBytes / 1024).toFixed(0)} KB uncompressed`);
  }
  line('data build, both structures', `${buildTotal.toFixed(1)} s`, ratio(buildTotal, 60));

  const clientBuilt = existsSync(join(ROOT, 'dist', 'index.html'));
  const first = await firstStart();
  line('first start to health (build + seed, SQLite)', `${first.seconds.toFixed(1)} s`, `${ratio(first.seconds, 120)}${clientBuilt ? ' (client already built)' : ' (incl. client build)'}`);
  const dbBytes = ['', '-wal', '-shm'].map((s) => first.dbFile + s).filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
  line('SQLite file size', mb(dbBytes), ratio(dbBytes / 1e6, 200));

  const sqlite = await openDatabase(`sqlite:${first.dbFile}`);
  for (const table of ['unit', 'criterion', 'indicator', 'review', 'recognition', 'special_difficulty', 'target', 'planned_commune', 'reported_criteria'] as const) {
    const { n } = await sqlite.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    line(`  rows: ${table}`, Number(n).toLocaleString('en'));
  }
  const s = await statusReadMs(sqlite);
  line(`status of every rural commune at ${PERIOD}, SQLite`, `${s.median.toFixed(1)} ms`, `${ratio(s.median, 50)}; ${s.rows} communes, median of 15`);
  await sqlite.close();

  // Both eras (npm run db:seed -- --today): today's communes at a 2026 period.
  const todayFile = join(work, 'today.sqlite');
  const todaySqlite = await openDatabase(`sqlite:${todayFile}`);
  await migrateToLatest(todaySqlite.db);
  const todaySeed = await seedBothEras(todaySqlite);
  line('seed of both eras, SQLite', `${todaySeed.toFixed(1)} s`);
  const todayBytes = ['', '-wal', '-shm'].map((s) => todayFile + s).filter(existsSync).reduce((n, f) => n + statSync(f).size, 0);
  line('SQLite file size, both eras', mb(todayBytes), ratio(todayBytes / 1e6, 250));
  await reportToday(todaySqlite, 'SQLite');
  await todaySqlite.close();

  const cluster = await startThrowawayCluster();
  try {
    const admin = await openDatabase(cluster.url);
    await sql`create database today`.execute(admin.db);
    await admin.close();
    const pgToday = await openDatabase(cluster.url.replace(/\/postgres$/, '/today'));
    await migrateToLatest(pgToday.db);
    line('seed of both eras, PostgreSQL', `${(await seedBothEras(pgToday)).toFixed(1)} s`);
    await sql`vacuum analyze`.execute(pgToday.db);
    await reportToday(pgToday, 'PostgreSQL');
    await pgToday.close();
    const pg = await openDatabase(cluster.url);
    await migrateToLatest(pg.db);
    const seedStarted = performance.now();
    await seedDatabase(pg, seedInputs({ buildDir: join(work, 'build'), factsDir: DEFAULT_FACTS_DIR }));
    line('seed, PostgreSQL', `${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    await sql`vacuum analyze`.execute(pg.db);
    const p = await statusReadMs(pg);
    line(`status of every rural commune at ${PERIOD}, PostgreSQL`, `${p.median.toFixed(1)} ms`, `${ratio(p.median, 50)}; ${p.rows} communes, median of 15`);
    await pg.close();
  } finally {
    cluster.stop();
  }
});
