/** @module The boundary builds a server serves: one per unit structure, each its folder under the build root and
 * the manifest it was started with (archive names, hashes, counts). */
import { readBuildManifest, structureBuildDir, type BuildManifest } from '../../scripts/boundary/build.ts';
import type { UnitStructure } from '../db/schema.ts';
import { UNIT_STRUCTURES } from '../unit/units-index.ts';

/** One boundary build per unit structure: its folder and its BUILD.json. */
export type BoundaryBuilds = Record<UnitStructure, { dir: string; manifest: BuildManifest }>;

/** The builds under a build root, from `buildAllBoundaries`'s manifests or, without them, read from disk;
 * throws naming the first structure that has no complete build. */
export function boundaryBuilds(buildDir: string, manifests?: Record<UnitStructure, BuildManifest>): BoundaryBuilds {
  const out: Partial<BoundaryBuilds> = {};
  for (const structure of UNIT_STRUCTURES) {
    const dir = structureBuildDir(buildDir, structure);
    const manifest = manifests?.[structure] ?? readBuildManifest(dir);
    if (!manifest) throw new Error(`no ${structure} boundary build in ${dir} (run npm run data:build)`);
    out[structure] = { dir, manifest };
  }
  return out as BoundaryBuilds;
}
