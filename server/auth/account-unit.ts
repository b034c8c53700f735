/** @module The unit an account is scoped to, resolved in a structure. A scope names a unit of one structure:
 * today's by default (current work), the pre-2025 one on request (corrections of history) and always for the
 * district role (today's units have no districts). Since the codes were reused on 1/7/2025, a code whose
 * meaning changed is refused unless the structure is named, and the refusal says what the code means today
 * and what the old unit became (unit_lineage), so that an admin never scopes an account to the wrong commune. */
import type { Kysely } from 'kysely';
import type { Database, Role, UnitLevel, UnitStructure } from '../db/schema.ts';
import { readStructures, type Structure } from '../era/structure.ts';
import { currentStructure } from '../era/workspace-structure.ts';
import { ROLE_UNIT_LEVEL } from './scope.ts';

/** What an account's scope is, once resolved. */
export interface AccountScope {
  role: Role;
  structure: UnitStructure;
  /** The unit's code; null for an admin. */
  unit: string | null;
  /** The unit's name (null for an admin), for messages. */
  name: string | null;
}

/** A scope that cannot be given (the message says why and what to give instead). */
export class ScopeError extends Error {
  override name = 'ScopeError';
  constructor(
    message: string,
    readonly field: 'unit' | 'role' | 'structure',
  ) {
    super(message);
  }
}

const named = (s: Structure) => (s.validTo !== null ? `the pre-2025 units (to ${s.validTo})` : `today's units (since ${s.validFrom ?? 'the start'})`);

type UnitRow = { code: string; name: string; level: UnitLevel };

async function unitIn(db: Kysely<Database>, structure: UnitStructure, code: string): Promise<UnitRow | undefined> {
  return db.selectFrom('unit').select(['code', 'name', 'level']).where('structure', '=', structure).where('code', '=', code).executeTakeFirst();
}

/** The units of `into` that an old unit (or the communes under it) became: communes for a commune or district, provinces for a province. */
async function successorsOf(db: Kysely<Database>, from: UnitStructure, unit: UnitRow, into: UnitStructure): Promise<string[]> {
  const column = unit.level === 'commune' ? 'old.code' : unit.level === 'district' ? 'old.district_code' : 'old.province_code';
  const rows = await db
    .selectFrom('unit_lineage as l')
    .innerJoin('unit as old', (j) => j.onRef('old.structure', '=', 'l.old_structure').onRef('old.code', '=', 'l.old_code'))
    .innerJoin('unit as new', (j) => j.onRef('new.structure', '=', 'l.new_structure').onRef('new.code', '=', 'l.new_code'))
    .select(['new.code', 'new.name', 'new.province_code'])
    .where('l.old_structure', '=', from)
    .where('l.new_structure', '=', into)
    .where(column, '=', unit.code)
    .execute();
  if (unit.level !== 'province') return [...new Map(rows.map((r) => [r.code, `${r.name} (${r.code})`])).values()].sort();
  const provinces = [...new Set(rows.map((r) => r.province_code))].sort();
  const names = await Promise.all(provinces.map(async (p) => `${(await unitIn(db, into, p))?.name ?? p} (${p})`));
  return names;
}

/**
 * Resolves the scope of an account: `structure` when given (a structure code, or "today"), else today's (the
 * pre-2025 one for the district role). Throws ScopeError for an unknown code, a unit of the wrong level, a
 * district outside the pre-2025 structure, and (without `structure`) a code that meant another unit before
 * 1/7/2025, naming what it means today.
 */
export async function resolveAccountScope(db: Kysely<Database>, role: Role, code: string | undefined | null, structure?: string): Promise<AccountScope> {
  const structures = await readStructures(db);
  if (structures.length === 0) throw new ScopeError('no unit structure in the database (has it been seeded? run npm start once)', 'unit');
  const today = currentStructure(structures);
  const wanted = structure === undefined || structure === 'today' ? undefined : structures.find((s) => s.code === structure);
  if (structure !== undefined && structure !== 'today' && !wanted) {
    throw new ScopeError(`--structure ${structure}: no such unit structure (known: ${structures.map((s) => s.code).join(', ')}, or "today")`, 'structure');
  }
  const level = ROLE_UNIT_LEVEL[role];
  if (level === null) {
    if (code) throw new ScopeError('an admin has no unit (the whole country)', 'unit');
    return { role, structure: (wanted ?? today).code, unit: null, name: null };
  }
  if (!code) throw new ScopeError(`a ${role} role needs the code of its ${role}`, 'unit');
  let target = wanted ?? today;
  if (role === 'district') {
    const withDistricts = structures.filter((s) => s.levels.includes('district'));
    if (wanted && !wanted.levels.includes('district')) {
      throw new ScopeError(`the district role exists only in the pre-2025 structure (corrections of history, to 2025-06): ${named(wanted)} have no districts; scope today's work to a province or commune`, 'role');
    }
    if (!wanted) target = withDistricts.at(-1) ?? target;
  }
  const unit = await unitIn(db, target.code, code);
  const others = structures.filter((s) => s.code !== target.code);
  if (!unit || unit.level !== level) {
    for (const other of others) {
      const then = await unitIn(db, other.code, code);
      if (!then || then.level !== level) continue;
      const became = other.validTo !== null ? await successorsOf(db, other.code, then, target.code) : [];
      const fate = became.length ? `, which became ${became.join(', ')} in ${named(target)}` : '';
      throw new ScopeError(
        `--unit ${code}: ${then.name} is a ${level} of ${named(other)}${fate}; ${code} names no ${level} of ${named(target)}. ` +
          `Give the code of today's unit, or --structure ${other.code} to scope the account to the history of ${then.name}`,
        'unit',
      );
    }
    if (!unit) throw new ScopeError(`--unit ${code}: no such unit among ${named(target)} (has the database been seeded? run npm start once)`, 'unit');
    throw new ScopeError(`--unit ${code}: ${unit.name} is a ${unit.level}, a ${role} role needs a ${level}`, 'unit');
  }
  if (!wanted) {
    // The eras reuse codes: without a named structure, a code that meant another unit before is ambiguous.
    for (const other of others) {
      const then = await unitIn(db, other.code, code);
      if (!then || then.level !== level || then.name === unit.name) continue;
      const became = await successorsOf(db, other.code, then, target.code);
      throw new ScopeError(
        `--unit ${code}: the code's meaning changed on 1/7/2025: among ${named(target)} it means ${unit.name}, among ${named(other)} it meant ${then.name}` +
          `${became.length ? ` (which became ${became.join(', ')})` : ''}. Add --structure ${target.code} for ${unit.name}, or --structure ${other.code} for the history of ${then.name}`,
        'unit',
      );
    }
  }
  return { role, structure: target.code, unit: unit.code, name: unit.name };
}
