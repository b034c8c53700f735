/** @module Where the project's files live, relative to the repository root (not to the working directory). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository's root folder, found from this file's place so that no command depends on the working directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the vendored upstream data lives (data/sources). */
export const SOURCES_DIR = join(ROOT, 'data', 'sources');
/** The default folder of the boundary sources. */
export const DEFAULT_BOUNDARIES_DIR = join(SOURCES_DIR, 'boundaries');
/** The 2025-07 structure's boundaries (34 provinces > 3,321 communes) and the crosswalk. */
export const DEFAULT_BOUNDARIES_2025_DIR = join(SOURCES_DIR, 'boundaries-2025');
/** The default folder of the hand-checked facts (recognitions, plans, targets, …) the seed loads. */
export const DEFAULT_FACTS_DIR = join(SOURCES_DIR, 'facts');
/** The build root: one folder per unit structure (structureBuildDir). */
export const BUILD_DIR = join(ROOT, 'data', 'build');
/** Where `vite build` writes the client, which the server serves. */
export const CLIENT_DIST_DIR = join(ROOT, 'dist');
