/** @module CLI: npm run data:build [-- --structure pre2025|2025-07] [--boundaries <folder>] [--out <root>] [--force]
 * — build tiles, downloads and units index of both unit structures (or of the one named) into
 * <root>/<structure>. --boundaries is the input folder of the structure named (default pre2025). */
import { parseArgs } from 'node:util';
import { buildBoundaries, structureBuildDir } from './boundary/build.ts';
import { isUnitStructure, UNIT_STRUCTURES } from './boundary/structures.ts';
import { readEnv } from '../server/config/env.ts';
import type { UnitStructure } from '../server/db/schema.ts';

try {
  const { values } = parseArgs({
    options: {
      structure: { type: 'string' },
      boundaries: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.structure !== undefined && !isUnitStructure(values.structure)) {
    throw new Error(`--structure must be one of ${UNIT_STRUCTURES.join(', ')}, got ${JSON.stringify(values.structure)}`);
  }
  const env = readEnv();
  const sources: Record<UnitStructure, string> = { pre2025: env.NTM_BOUNDARIES_DIR, '2025-07': env.NTM_BOUNDARIES_2025_DIR };
  if (values.boundaries) sources[values.structure ?? 'pre2025'] = values.boundaries;
  const root = values.out ?? env.NTM_BUILD_DIR;
  const structures: readonly UnitStructure[] = values.structure ? [values.structure] : UNIT_STRUCTURES;
  for (const structure of structures) {
    await buildBoundaries({ structure, boundariesDir: sources[structure], outDir: structureBuildDir(root, structure), force: values.force, log: (line) => console.log(line) });
  }
} catch (error) {
  console.error(`data:build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
