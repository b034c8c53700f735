/** @module Prepares everything the server needs on start: boundary build, client build, database schema and
 * seed. Each step is skipped when its output is already there and up to date. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildAllBoundaries, type BuildManifest } from '../scripts/boundary/build.ts';
import { openDatabase, type NtmDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isSeeded, LAST_PRE2025_PERIOD, seedDatabase } from './seed/seed.ts';
import { seedInputs } from './seed/inputs.ts';
import { CLIENT_DIST_DIR, ROOT } from './config/paths.ts';
import type { Env } from './config/env.ts';
import { loadApiContext, type ApiContext } from './context/context.ts';
import { boundaryBuilds, type BoundaryBuilds } from './tiles/builds.ts';

/** Said on every start of a database seeded by an earlier release (the pre-2025 units only). It is not
 * upgraded in place: the illustrative reviews it holds for old communes after 2025-06 and any official
 * records entered since would have to be re-read as today's units, which nothing may do by code. */
export const PRE2025_ONLY_NOTICE =
  'This database holds only the pre-2025 units (63 provinces, 10,047 communes): the map shows them, not today\'s 34 provinces. ' +
  'To show both eras, seed a new database (an empty DATABASE_URL, or `npm run db:seed -- --replace --today`, which empties this one: ' +
  'the reviews officials entered are lost).';

/** What the server starts with: the database, the boundary builds and the API context over them. */
export interface Prepared {
  ndb: NtmDatabase;
  /** The pre-2025 build's manifest (each structure's: `builds`). */
  manifest: BuildManifest;
  builds: BoundaryBuilds;
  ctx: ApiContext;
}

/** Whether dist/ is missing or older than any file of client/ (or the Vite config). */
export function clientIsStale(): boolean {
  const built = join(CLIENT_DIST_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (path: string): boolean =>
    statSync(path).isDirectory() ? readdirSync(path).some((f) => newer(join(path, f))) : statSync(path).mtimeMs > builtAt;
  return newer(join(ROOT, 'client')) || newer(join(ROOT, 'vite.config.ts'));
}

/** Rebuilds the client (vite build) when dist/ is older than its sources, so that `npm start` never serves a stale
 * page. */
export async function buildClientIfStale(log: (line: string) => void): Promise<void> {
  if (!clientIsStale()) return;
  log('Building the client (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/** Gets everything the server needs ready: boundary builds, client, database migrated and seeded on first start,
 * and the context. */
export async function prepare(env: Env, log: (line: string) => void): Promise<Prepared> {
  const manifests = await buildAllBoundaries({ sources: { pre2025: env.NTM_BOUNDARIES_DIR, '2025-07': env.NTM_BOUNDARIES_2025_DIR }, buildDir: env.NTM_BUILD_DIR, log });
  const builds = boundaryBuilds(env.NTM_BUILD_DIR, manifests);
  await buildClientIfStale(log);
  const ndb = await openDatabase(env.DATABASE_URL);
  try {
    const applied = await migrateToLatest(ndb.db);
    if (applied.length) log(`Database ${ndb.engine}: applied migrations ${applied.join(', ')}`);
    if (!(await isSeeded(ndb))) {
      // Both eras, as `npm run db:seed -- --today` does: the pre-2025 units to 2025-06 and today's from
      // 2025-07 to the last complete month, so that a first start shows today's Vietnam (docs/eras.md).
      log(`Seeding the ${ndb.engine} database (first start: the pre-2025 units to ${LAST_PRE2025_PERIOD}, today's from 2025-07)…`);
      const report = await seedDatabase(ndb, {
        ...seedInputs({ buildDir: env.NTM_BUILD_DIR, factsDir: env.NTM_FACTS_DIR, boundaries2025Dir: env.NTM_BOUNDARIES_2025_DIR }),
        seed: env.NTM_SEED,
        onProgress: (line: string) => log(`  ${line}`),
      });
      log(`Seeded in ${report.seconds.toFixed(1)} s: ${Object.entries(report.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    }
    const ctx = await loadApiContext(ndb, builds, { responseCacheBytes: env.NTM_RESPONSE_CACHE_MB * 1024 * 1024 });
    if (!ctx.eras.structures.some((s) => s.code === '2025-07')) log(PRE2025_ONLY_NOTICE);
    return { ndb, manifest: builds.pre2025.manifest, builds, ctx };
  } catch (error) {
    await ndb.close();
    throw error;
  }
}
