/** @module CLI: npm run db:seed [-- --replace] [--today] [--last-period YYYY-MM] — create (migrate) and seed the database
 * named by DATABASE_URL, building the boundary data first if needed. --today also seeds today's structure
 * (34 provinces, 3,321 communes) from 2025-07 to the last complete month (or --last-period): docs/eras.md. */
import { parseArgs } from 'node:util';
import { buildAllBoundaries } from './boundary/build.ts';
import { seedInputs } from '../server/seed/inputs.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { isSeeded, seedDatabase } from '../server/seed/seed.ts';
import { readEnv } from '../server/config/env.ts';

try {
  const { values } = parseArgs({ options: { replace: { type: 'boolean', default: false }, today: { type: 'boolean', default: false }, 'last-period': { type: 'string' } } });
  const lastPeriod = values['last-period'];
  if (lastPeriod !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(lastPeriod)) throw new Error(`--last-period: expected a month YYYY-MM, got "${lastPeriod}"`);
  const env = readEnv();
  await buildAllBoundaries({ sources: { pre2025: env.NTM_BOUNDARIES_DIR, '2025-07': env.NTM_BOUNDARIES_2025_DIR }, buildDir: env.NTM_BUILD_DIR, log: (l) => console.log(l) });
  const ndb = await openDatabase(env.DATABASE_URL);
  try {
    await migrateToLatest(ndb.db);
    if (await isSeeded(ndb)) {
      if (!values.replace) throw new Error(`${ndb.engine} database is already seeded (use --replace to empty and re-seed it)`);
    }
    const report = await seedDatabase(ndb, {
      ...seedInputs({ buildDir: env.NTM_BUILD_DIR, factsDir: env.NTM_FACTS_DIR, boundaries2025Dir: values.today ? env.NTM_BOUNDARIES_2025_DIR : undefined }),
      seed: env.NTM_SEED,
      replace: values.replace,
      ...(lastPeriod ? { lastPeriod } : {}),
      onProgress: (line: string) => console.log(`  ${line}`),
    });
    console.log(`Seeded ${ndb.engine} in ${report.seconds.toFixed(1)} s`);
    for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table}: ${n}`);
    for (const [what, n] of Object.entries(report.skipped)) if (n) console.log(`  skipped ${what}: ${n}`);
  } finally {
    await ndb.close();
  }
} catch (error) {
  console.error(`db:seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
