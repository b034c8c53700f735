/** @module What each unit was and became across a reform (unit_lineage, from crosswalk.csv), in memory: an
 * old commune's successor(s) and a new commune's predecessors, `full` (the whole old unit went in) or
 * `partial`. This is administrative lineage only: it carries no area or population shares, and no rule says a
 * merged commune keeps its predecessors' recognition (none was found), so nothing is inferred from it but
 * "was" and "became". */
import type { Kysely } from 'kysely';
import type { Database, UnitStructure } from '../db/schema.ts';

/** One edge old → new. */
export interface LineageLink {
  oldStructure: UnitStructure;
  oldCode: string;
  newStructure: UnitStructure;
  newCode: string;
  link: 'full' | 'partial';
  source: string;
}

/** Lineage of the units across every reform in the database. */
export interface LineageStore {
  /** What an old unit became (empty when it is not an old unit or no link is recorded). */
  successors(structure: UnitStructure, code: string): readonly LineageLink[];
  /** What a new unit came from. */
  predecessors(structure: UnitStructure, code: string): readonly LineageLink[];
  /** Every link into `structure`, for the seed's derivations. */
  into(structure: UnitStructure): readonly LineageLink[];
}

/** Reads every lineage link once. */
export async function loadLineage(db: Kysely<Database>): Promise<LineageStore> {
  const rows = await db.selectFrom('unit_lineage').selectAll().orderBy('old_code').orderBy('new_code').execute();
  return lineageOf(
    rows.map((r) => ({ oldStructure: r.old_structure, oldCode: r.old_code, newStructure: r.new_structure, newCode: r.new_code, link: r.link, source: r.source })),
  );
}

/** A lineage store over links already in memory (the seed builds one before anything is written). */
export function lineageOf(links: readonly LineageLink[]): LineageStore {
  const forward = new Map<string, LineageLink[]>();
  const backward = new Map<string, LineageLink[]>();
  const byTarget = new Map<UnitStructure, LineageLink[]>();
  const add = (map: Map<string, LineageLink[]>, key: string, link: LineageLink) => {
    const list = map.get(key);
    if (list) list.push(link);
    else map.set(key, [link]);
  };
  for (const l of links) {
    add(forward, `${l.oldStructure}:${l.oldCode}`, l);
    add(backward, `${l.newStructure}:${l.newCode}`, l);
    (byTarget.get(l.newStructure) ?? byTarget.set(l.newStructure, []).get(l.newStructure)!).push(l);
  }
  return {
    successors: (structure, code) => forward.get(`${structure}:${code}`) ?? [],
    predecessors: (structure, code) => backward.get(`${structure}:${code}`) ?? [],
    into: (structure) => byTarget.get(structure) ?? [],
  };
}
