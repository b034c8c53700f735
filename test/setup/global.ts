// Vitest globalSetup: a throw-away PostgreSQL cluster for the tests that run on both engines.
// NTM_SKIP_PG=1 skips it (pgUrl = null: engines() then gives SQLite only). Otherwise PostgreSQL must start,
// or the run fails: tests never skip PostgreSQL silently.
import type { TestProject } from 'vitest/node';
import { buildBoundaries } from '../../scripts/boundary/build.ts';
import { startThrowawayCluster } from '../../scripts/pg/throwaway-cluster.ts';
import { BUILD_DIR, DEFAULT_BOUNDARIES_DIR } from '../../server/config/paths.ts';
import { buildClientIfMissing } from '../../server/start.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgresql://postgres@127.0.0.1:<port>/postgres of the test cluster; null when NTM_SKIP_PG=1. */
    pgUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  // The whole-country build and the client, made once here (a no-op when up to date) so that test files
  // running in parallel never race to write data/build.
  const built = await buildBoundaries({ boundariesDir: DEFAULT_BOUNDARIES_DIR, outDir: BUILD_DIR });
  if (!built.skipped) console.log(`[test] boundary build made in ${built.manifest.seconds} s`);
  await buildClientIfMissing((line) => console.log(`[test] ${line}`));
  if (process.env.NTM_SKIP_PG === '1') {
    console.log('[test] NTM_SKIP_PG=1: PostgreSQL not started, tests run on SQLite only');
    project.provide('pgUrl', null);
    return undefined;
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
  return () => {
    const stopping = performance.now();
    cluster.stop();
    console.log(`[test] PostgreSQL stopped and removed in ${Math.round(performance.now() - stopping)} ms`);
  };
}
