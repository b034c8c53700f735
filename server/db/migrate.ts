/** @module Versioned migrations (Kysely Migrator) from an in-code list: no file-system scanning, so the same code
 * runs from sources (tsx), tests (vitest) and a bundle. Add a migration: write migrations/NNNN_name.ts,
 * import it here and add it to MIGRATIONS under its name (names sort in order of application). */
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { migration0001 } from './migrations/0001_initial.ts';
import { migration0002 } from './migrations/0002_workspace.ts';
import { migration0003 } from './migrations/0003_unique_decisions.ts';
import { migration0004 } from './migrations/0004_review_covering_index.ts';
import { migration0005 } from './migrations/0005_eras.ts';
import { migration0006 } from './migrations/0006_shared_state.ts';
import { migration0007 } from './migrations/0007_village_count_structure.ts';
import type { Database } from './schema.ts';

/** Every migration by name, in the order they apply. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': migration0001,
  '0002_workspace': migration0002,
  '0003_unique_decisions': migration0003,
  '0004_review_covering_index': migration0004,
  '0005_eras': migration0005,
  '0006_shared_state': migration0006,
  '0007_village_count_structure': migration0007,
};

const provider: MigrationProvider = {
  async getMigrations() {
    return { ...MIGRATIONS };
  },
};

/** A Kysely migrator over MIGRATIONS, for the start-up, the seed and the tests. */
export function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider });
}

/** Applies every pending migration; returns the names applied (empty when up to date). Throws an Error
 * naming the failing migration (the driver's error is its `cause`). */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const { error, results = [] } = await createMigrator(db).migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    const what = failed ? `migration "${failed.migrationName}" failed` : 'migrations could not run';
    throw new Error(`Database ${what}: ${cause}`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
