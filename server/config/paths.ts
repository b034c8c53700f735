/** @module Where the project's files live, relative to the repository root (not to the working directory). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SOURCES_DIR = join(ROOT, 'data', 'sources');
export const DEFAULT_BOUNDARIES_DIR = join(SOURCES_DIR, 'boundaries');
/** The 2025-07 structure's boundaries (34 provinces > 3,321 communes) and the crosswalk. */
export const DEFAULT_BOUNDARIES_2025_DIR = join(SOURCES_DIR, 'boundaries-2025');
export const DEFAULT_FACTS_DIR = join(SOURCES_DIR, 'facts');
/** The build root: one folder per unit structure (structureBuildDir). */
export const BUILD_DIR = join(ROOT, 'data', 'build');
export const CLIENT_DIST_DIR = join(ROOT, 'dist');
