/** @module Each unit structure the boundary build knows, described once: where its inputs are vendored, which
 * layers it has, what its archive is called and says of itself, which units are labelled as
 * archipelagos, and how its inputs are read into layers and a units index. */
import type { UnitStructure } from '../../server/db/schema.ts';
import { UNIT_STRUCTURES, type UnitsIndex } from '../../server/unit/units-index.ts';
import { ARCHIPELAGO_DISTRICTS } from '../../client/map/archipelagos.ts';
import { BOUNDARY_ATTRIBUTIONS } from './attribution.ts';
import type { BoundaryFeature, LayerName } from './layers.ts';
import { load2025, STRUCTURE_2025_FILES } from './structure-2025-07.ts';
import { loadPre2025, PRE2025_FILES } from './structure-pre2025.ts';
import type { Layer } from './topology-input.ts';

export { UNIT_STRUCTURES };

/** A structure's inputs, parsed and cross-checked. */
export interface LoadedStructure {
  /** The structure's layers in drawing order (provinces first); their topologies carry tile properties. */
  layers: ReadonlyArray<Layer<object>>;
  /** The units index, from the layers' full-resolution features. */
  indexUnits(features: Partial<Record<LayerName, BoundaryFeature[]>>, build: string): UnitsIndex;
}

/** How one unit structure is built: its input folder and files, its layers, archive name and loader. */
export interface StructureSpec {
  structure: UnitStructure;
  /** The folder of data/sources that holds the vendored inputs. */
  sourceFolder: string;
  /** The input files, read (and hashed) in this order. */
  files: readonly string[];
  layers: readonly LayerName[];
  /** The archive's plain name; its content-hashed name is `<base>.<hash>.pmtiles`. */
  archiveBase: string;
  /** The archive metadata's description. */
  description: string;
  attribution: string;
  /** Units whose labels are in the tiles from zoom 0 (Hoàng Sa and Trường Sa, far out at sea). */
  archipelagos: readonly string[];
  load(dir: string, files: Readonly<Record<string, Buffer>>): LoadedStructure;
}

/** The build of each unit structure. */
export const STRUCTURES: Record<UnitStructure, StructureSpec> = {
  pre2025: {
    structure: 'pre2025',
    sourceFolder: 'boundaries',
    files: PRE2025_FILES,
    layers: ['provinces', 'districts', 'communes'],
    archiveBase: 'ntm',
    description: 'Vietnam provinces, districts and communes (pre-July-2025 structure, GSO codes of 01/03/2025)',
    attribution: BOUNDARY_ATTRIBUTIONS.pre2025.vi,
    archipelagos: ARCHIPELAGO_DISTRICTS,
    load: loadPre2025,
  },
  '2025-07': {
    structure: '2025-07',
    sourceFolder: 'boundaries-2025',
    files: STRUCTURE_2025_FILES,
    layers: ['provinces', 'communes'],
    archiveBase: 'ntm-2025-07',
    description: 'Vietnam provinces and communes (two-tier structure in force since 1 July 2025: 34 provinces, 3,321 communes; no districts)',
    attribution: BOUNDARY_ATTRIBUTIONS['2025-07'].vi,
    // Đặc khu Hoàng Sa (Thành phố Đà Nẵng) and Đặc khu Trường Sa (Tỉnh Khánh Hòa).
    archipelagos: ['20333', '22736'],
    load: load2025,
  },
};

/** Whether a string names a unit structure (for CLI flags and query parameters). */
export const isUnitStructure = (value: string): value is UnitStructure => (UNIT_STRUCTURES as readonly string[]).includes(value);
