/** @module The era of a period, looked up in one place. A period (YYYY-MM) decides which unit structure its
 * codes are meant in and which criteria set scores its communes, from the data's own validity (unit_structure
 * and criteria_set rows): the pre-2025 units until 2025-06 and today's from 2025-07; the 2021-2025 set until
 * 2026-01 and the 2026-2030 set from 2026-02 (docs/eras.md says why the transition months are so). Everything
 * else — the criteria, their count and bins, the recognition levels, whether there are districts, which units a
 * code names — is read from the era, never written down again. */
import type { Kysely } from 'kysely';
import type { CriteriaSet, Catalogue } from '../criterion/catalogue.ts';
import type { Database, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import { loadUnitStore, type Unit, type UnitStore } from '../unit/unit-store.ts';
import { covers, readStructures, type Structure } from './structure.ts';

/** What a period is read in: its unit structure (with its units) and its criteria set. */
export interface Era {
  /** A stable key, e.g. "2025-07/2026-2030". */
  key: string;
  structure: Structure;
  units: UnitStore;
  set: CriteriaSet;
  /** Whether the structure has districts (before 1/7/2025); after, `district` filters by former district. */
  hasDistricts: boolean;
}

/** The eras of every period, and each structure's units. */
export interface EraStore {
  structures: readonly Structure[];
  /** The units of a structure. */
  unitsOf(structure: UnitStructure): UnitStore;
  structure(code: UnitStructure): Structure;
  /** The era of a period; throws EraError when no structure or no criteria set covers it. */
  at(period: Period): Era;
  /** The district of another structure that a former-district code of `structure` names (today's communes of
   * `structure` descend from it), or null when no commune of `structure` lies in such a district. */
  formerDistrict(structure: UnitStructure, code: string): Unit | null;
}

/** No structure or criteria set covers a period. */
export class EraError extends Error {}

/** Loads the structures and their units (each structure's units once), and looks eras up from the catalogue. */
export async function loadEras(db: Kysely<Database>, catalogue: Catalogue): Promise<EraStore> {
  const structures = await readStructures(db);
  const stores = new Map<UnitStructure, UnitStore>();
  for (const s of structures) stores.set(s.code, await loadUnitStore(db, s.code));
  const byCode = new Map(structures.map((s) => [s.code, s]));
  const cache = new Map<Period, Era>();
  const unitsOf = (code: UnitStructure): UnitStore => {
    const store = stores.get(code);
    if (!store) throw new EraError(`No units of structure '${code}' in the database`);
    return store;
  };
  return {
    structures,
    unitsOf,
    structure(code) {
      const s = byCode.get(code);
      if (!s) throw new EraError(`Unknown unit structure '${code}'`);
      return s;
    },
    at(period) {
      const known = cache.get(period);
      if (known) return known;
      const structure = [...structures].reverse().find((s) => covers(s, period));
      if (!structure) throw new EraError(`No unit structure applies to ${period}`);
      const set = catalogue.setFor(period);
      if (!set) throw new EraError(`No criteria set applies to ${period}`);
      const era: Era = { key: `${structure.code}/${set.code}`, structure, units: unitsOf(structure.code), set, hasDistricts: structure.levels.includes('district') };
      cache.set(period, era);
      return era;
    },
    formerDistrict(structure, code) {
      if (unitsOf(structure).communesOfFormerDistrict(code).length === 0) return null;
      for (const s of structures) {
        if (s.code === structure) continue;
        const unit = unitsOf(s.code).byCode.get(code);
        if (unit?.level === 'district') return unit;
      }
      return null;
    },
  };
}
