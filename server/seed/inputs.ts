/** @module What a seed reads from a boundary build: the units of each structure's index, and where today's
 * crosswalk lies. Every caller that seeds (first start, `db:seed`, the test setup, the benchmarks) takes its
 * inputs from here, so that "seed both eras from this build" is written once. */
import { readUnitsIndex, structureBuildDir } from '../../scripts/boundary/build.ts';
import type { SeedOptions } from './seed.ts';

/** Where the inputs are: the build folder (both structures' indexes under it) and the facts folder. */
export interface SeedSources {
  buildDir: string;
  factsDir: string;
  /** Today's boundary sources (their crosswalk.csv): given, the seed has both eras; omitted, pre-2025 only. */
  boundaries2025Dir?: string | undefined;
}

/**
 * The units and facts a seed of `sources` needs: the pre-2025 units always, today's units and crosswalk when
 * `boundaries2025Dir` is given (the pre-2025 history then ends at 2025-06 and today's communes carry it on).
 * Spread the result into {@link SeedOptions} with the caller's own period, seed and progress options.
 */
export function seedInputs(sources: SeedSources): Pick<SeedOptions, 'units' | 'factsDir' | 'today'> {
  const units = readUnitsIndex(structureBuildDir(sources.buildDir, 'pre2025')).units;
  if (sources.boundaries2025Dir === undefined) return { units, factsDir: sources.factsDir };
  return {
    units,
    factsDir: sources.factsDir,
    today: { units: readUnitsIndex(structureBuildDir(sources.buildDir, '2025-07')).units, boundariesDir: sources.boundaries2025Dir },
  };
}
