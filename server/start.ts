// Prepares everything the server needs on start: boundary build, client build, database schema and
// seed. Each step is skipped when its output is already there and up to date.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildAllBoundaries, readUnitsIndex, type BuildManifest } from '../scripts/boundary/build.ts';
import { openDatabase, type NtmDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { isSeeded, seedDatabase } from './seed/seed.ts';
import { CLIENT_DIST_DIR, ROOT } from './config/paths.ts';
import type { Env } from './config/env.ts';
import { loadApiContext, type ApiContext } from './api/context.ts';
import { boundaryBuilds, type BoundaryBuilds } from './tiles/builds.ts';

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

export async function buildClientIfStale(log: (line: string) => void): Promise<void> {
  if (!clientIsStale()) return;
  log('Building the client (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export async function prepare(env: Env, log: (line: string) => void): Promise<Prepared> {
  const manifests = await buildAllBoundaries({ sources: { pre2025: env.NTM_BOUNDARIES_DIR, '2025-07': env.NTM_BOUNDARIES_2025_DIR }, buildDir: env.NTM_BUILD_DIR, log });
  const builds = boundaryBuilds(env.NTM_BUILD_DIR, manifests);
  await buildClientIfStale(log);
  const ndb = await openDatabase(env.DATABASE_URL);
  try {
    const applied = await migrateToLatest(ndb.db);
    if (applied.length) log(`Database ${ndb.engine}: applied migrations ${applied.join(', ')}`);
    if (!(await isSeeded(ndb))) {
      log(`Seeding the ${ndb.engine} database (first start)…`);
      const units = readUnitsIndex(builds.pre2025.dir);
      const report = await seedDatabase(ndb, { units: units.units, factsDir: env.NTM_FACTS_DIR, seed: env.NTM_SEED, onProgress: (line: string) => log(`  ${line}`) });
      log(`Seeded in ${report.seconds.toFixed(1)} s: ${Object.entries(report.rows).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    }
    const ctx = await loadApiContext(ndb, builds, { responseCacheBytes: env.NTM_RESPONSE_CACHE_MB * 1024 * 1024 });
    return { ndb, manifest: builds.pre2025.manifest, builds, ctx };
  } catch (error) {
    await ndb.close();
    throw error;
  }
}
