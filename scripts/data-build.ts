// CLI: npm run data:build [-- --boundaries <folder>] [--force] — build tiles, downloads and units index.
import { parseArgs } from 'node:util';
import { buildBoundaries } from './boundary/build.ts';
import { BUILD_DIR, DEFAULT_BOUNDARIES_DIR } from '../server/config/paths.ts';

try {
  const { values } = parseArgs({
    options: { boundaries: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const boundariesDir = values.boundaries ?? process.env.NTM_BOUNDARIES_DIR ?? DEFAULT_BOUNDARIES_DIR;
  await buildBoundaries({ boundariesDir, outDir: values.out ?? BUILD_DIR, force: values.force, log: (line) => console.log(line) });
} catch (error) {
  console.error(`data:build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
