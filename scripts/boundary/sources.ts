/** @module Reads and validates the boundary inputs of one unit structure from a folder: data/sources/<folder>
 * (vendored, checksummed) by default, or a user's folder of plain or gzipped files. */
import { createHash } from 'node:crypto';
import type { UnitStructure } from '../../server/db/schema.ts';
import { STRUCTURES, type LoadedStructure } from './structures.ts';
import { readBoundaryFile as readFile } from './topology-input.ts';

export { BoundaryInputError } from './topology-input.ts';
export type { Layer } from './topology-input.ts';
export type { CommuneProperties, DistrictProperties, GsoUnits, ProvinceProperties } from './structure-pre2025.ts';

/** The pre-2025 input files (the other structure's: STRUCTURES[s].files). */
export const BOUNDARY_FILES = STRUCTURES.pre2025.files;

/** Reads one input file of a boundaries folder (see topology-input.ts). */
export const readBoundaryFile = (dir: string, file: string): Buffer => readFile(dir, file);

/** A structure's boundary inputs loaded and validated, with the folder they came from and their hash. */
export interface BoundarySources extends LoadedStructure {
  structure: UnitStructure;
  dir: string;
  /** SHA-256 over the inputs' contents: the build is redone only when it changes. */
  hash: string;
}

/** A structure's input files as read, before validation, with their hash. */
export type RawBoundaryInputs = { structure: UnitStructure; dir: string; files: Record<string, Buffer>; hash: string };

/** Reads a structure's inputs and hashes their contents (cheap: no parsing). */
export function readBoundaryInputs(dir: string, structure: UnitStructure = 'pre2025'): RawBoundaryInputs {
  const names = STRUCTURES[structure].files;
  const files = Object.fromEntries(names.map((f) => [f, readFile(dir, f, names)]));
  const hash = createHash('sha256');
  for (const f of names) hash.update(f).update(files[f]!);
  return { structure, dir, files, hash: hash.digest('hex') };
}

/** Parses and cross-checks the inputs; throws BoundaryInputError naming file, feature and field. */
export function loadBoundarySources(inputs: RawBoundaryInputs): BoundarySources {
  const loaded = STRUCTURES[inputs.structure].load(inputs.dir, inputs.files);
  return { ...loaded, structure: inputs.structure, dir: inputs.dir, hash: inputs.hash };
}
