// Vitest globalSetup: Chromium and the PostgreSQL server found or installed (Debian's packages, when
// root), then a throw-away PostgreSQL cluster for the tests that run on both engines.
// NTM_SKIP_PG=1 skips it (pgUrl = null: engines() then gives SQLite only). Otherwise PostgreSQL must start,
// or the run fails: tests never skip PostgreSQL silently.
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildAllBoundaries } from '../../scripts/boundary/build.ts';
import { seedInputs } from '../../server/seed/inputs.ts';
import { POSTGRES_SERVER, startThrowawayCluster } from '../../scripts/pg/throwaway-cluster.ts';
import { provideDebianPrograms, systemHost } from '../../scripts/system/debian-program.ts';
import { BUILD_DIR, DEFAULT_BOUNDARIES_2025_DIR, DEFAULT_BOUNDARIES_DIR, DEFAULT_FACTS_DIR } from '../../server/config/paths.ts';
import { openDatabase } from '../../server/db/database.ts';
import { TODAY_LAST_PERIOD } from '../support/eras.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';
import { seedDatabase } from '../../server/seed/seed.ts';
import { buildClientIfStale } from '../../server/start.ts';
import { CHROMIUM } from '../support/browser.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgresql://postgres@127.0.0.1:<port>/postgres of the test cluster; null when NTM_SKIP_PG=1. */
    pgUrl: string | null;
    /** Seeded databases (whole country, default seed) that API tests read and never write. */
    seededSqliteUrl: string;
    seededPgUrl: string | null;
    /** A copy of the seeded PostgreSQL database that nobody connects to: tests that write clone it
     * (`create database … template …`, test/support/workspace.ts). Null when NTM_SKIP_PG=1. */
    seededPgTemplate: string | null;
    /** Seeded with both eras: the pre-2025 units to 2025-06, today's from 2025-07 to TODAY_LAST_PERIOD (read only). */
    todaySqliteUrl: string;
    todayPgUrl: string | null;
    /** A copy of the both-eras PostgreSQL database that nobody connects to, for tests that write (as seededPgTemplate). */
    todayPgTemplate: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  provideSystemPrograms();
  // The whole-country builds of both unit structures and the client, made once here (a no-op when up to
  // date) so that test files running in parallel never race to write data/build.
  await buildAllBoundaries({
    sources: { pre2025: DEFAULT_BOUNDARIES_DIR, '2025-07': DEFAULT_BOUNDARIES_2025_DIR },
    buildDir: BUILD_DIR,
    log: (line) => { if (line.startsWith('Boundary build ')) console.log(`[test] ${line}`); },
  });
  // NTM_SKIP_CLIENT_BUILD=1: API-only runs leave dist/ alone (a browser test running beside them keeps its files).
  if (process.env.NTM_SKIP_CLIENT_BUILD !== '1') await buildClientIfStale((line) => console.log(`[test] ${line}`));
  const seededDir = mkdtempSync(join(tmpdir(), 'ntm-seeded-'));
  const seededSqliteUrl = `sqlite:${join(seededDir, 'seeded.sqlite')}`;
  await seedInto(seededSqliteUrl);
  project.provide('seededSqliteUrl', seededSqliteUrl);
  const todaySqliteUrl = `sqlite:${join(seededDir, 'today.sqlite')}`;
  await seedInto(todaySqliteUrl, true);
  project.provide('todaySqliteUrl', todaySqliteUrl);
  const removeSeeded = () => rmSync(seededDir, { recursive: true, force: true });
  if (process.env.NTM_SKIP_PG === '1') {
    console.log('[test] NTM_SKIP_PG=1: PostgreSQL not started, tests run on SQLite only');
    project.provide('pgUrl', null);
    project.provide('seededPgUrl', null);
    project.provide('seededPgTemplate', null);
    project.provide('todayPgUrl', null);
    project.provide('todayPgTemplate', null);
    return removeSeeded;
  }
  let cluster;
  try {
    cluster = await startThrowawayCluster();
  } catch (error) {
    throw new Error(
      `Test PostgreSQL could not start (set NTM_SKIP_PG=1 to run on SQLite only): ${(error as Error).message}`,
      { cause: error },
    );
  }
  console.log(`[test] ${cluster.version} started in ${cluster.startMs} ms at ${cluster.url} (set NTM_SKIP_PG=1 to skip)`);
  project.provide('pgUrl', cluster.url);
  const seededPgUrl = await createDatabase(cluster.url, 'seeded');
  await seedInto(seededPgUrl);
  project.provide('seededPgUrl', seededPgUrl);
  await createDatabase(cluster.url, 'seeded_template', 'seeded');
  project.provide('seededPgTemplate', 'seeded_template');
  const todayPgUrl = await createDatabase(cluster.url, 'today');
  await seedInto(todayPgUrl, true);
  project.provide('todayPgUrl', todayPgUrl);
  await createDatabase(cluster.url, 'today_template', 'today');
  project.provide('todayPgTemplate', 'today_template');
  return () => {
    removeSeeded();
    const stopping = performance.now();
    cluster.stop();
    console.log(`[test] PostgreSQL stopped and removed in ${Math.round(performance.now() - stopping)} ms`);
  };
}

/**
 * Chromium and (unless NTM_SKIP_PG=1) the PostgreSQL server, found or installed here, once and first: test
 * files running in parallel then never race an apt-get, and a machine that lacks them fails in one line.
 */
function provideSystemPrograms(): void {
  const programs = process.env.NTM_SKIP_PG === '1' ? [CHROMIUM] : [CHROMIUM, POSTGRES_SERVER];
  const paths = provideDebianPrograms(programs, systemHost((line) => console.log(`[test] ${line}`)));
  console.log(`[test] ${programs.map((program, i) => `${program.label}: ${paths[i]}`).join('; ')}`);
}

/** Migrates and seeds the database at `url` with the whole country (default seed); `today`: with both eras. */
async function seedInto(url: string, today = false): Promise<void> {
  const started = performance.now();
  const ndb = await openDatabase(url);
  try {
    await migrateToLatest(ndb.db);
    await seedDatabase(ndb, {
      ...seedInputs({ buildDir: BUILD_DIR, factsDir: DEFAULT_FACTS_DIR, boundaries2025Dir: today ? DEFAULT_BOUNDARIES_2025_DIR : undefined }),
      ...(today ? { lastPeriod: TODAY_LAST_PERIOD } : {}),
    });
  } finally {
    await ndb.close();
  }
  console.log(`[test] seeded ${ndb.engine} database${today ? ' of both eras' : ''} for the API tests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
