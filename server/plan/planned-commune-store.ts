/** @module Officials' changes to the planned communes (planned_commune): add a commune to a plan and remove it, each
 * in one transaction with its audit entry (`plan.add`, `plan.remove`). */
import type { Kysely, Selectable } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit.ts';
import type { Database, PlannedCommuneTable, RecognitionLevel, UnitStructure } from '../db/schema.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { ApiError } from '../http/errors.ts';
import { duePeriod } from './due.ts';

/** A planned commune's row as stored. */
export type PlannedCommuneRow = Selectable<PlannedCommuneTable>;

/** A planned commune to add, with the plan that names it. */
export interface NewPlannedCommune {
  commune: string;
  target_level: RecognitionLevel;
  due: string;
  plan: string;
  source?: string | undefined;
  note?: string | undefined;
}

const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** Adds a commune of `structure` (the structure of the due period) to a plan. */
export async function addPlannedCommune(db: Kysely<Database>, actor: Actor, structure: UnitStructure, input: NewPlannedCommune): Promise<PlannedCommuneRow> {
  const add = () => db.transaction().execute(async (trx) => {
    const same = await trx.selectFrom('planned_commune').selectAll().where('structure', '=', structure).where('commune_code', '=', input.commune).where('target_level', '=', input.target_level).execute();
    const duplicate = same.find((r) => key(r.plan) === key(input.plan));
    if (duplicate) throw new ApiError(409, 'conflict', `The plan "${duplicate.plan}" already names commune ${input.commune} for ${input.target_level} (due ${duplicate.due}, record ${duplicate.id})`, { id: duplicate.id });
    const values = {
      commune_code: input.commune,
      target_level: input.target_level,
      due: input.due,
      due_period: duePeriod(input.due),
      plan: input.plan,
      source: input.source ?? input.plan,
      note: input.note ?? null,
      plan_key: key(input.plan),
      structure,
    };
    const { id } = await trx.insertInto('planned_commune').values(values).returning('id').executeTakeFirstOrThrow();
    const row: PlannedCommuneRow = { id: Number(id), ...values };
    await appendAudit(trx, actor, { action: 'plan.add', unit: input.commune, entity: 'planned_commune', entityId: row.id, before: null, after: row });
    return row;
  });
  try {
    return await add();
  } catch (error) {
    // Another official added the same commune to the same plan between our check and our insert.
    if (isUniqueViolation(error)) throw new ApiError(409, 'conflict', `The plan "${input.plan}" already names commune ${input.commune} for ${input.target_level}`);
    throw error;
  }
}

/** Removes a planned commune after `allowed` (the scope check) accepts the row read in the transaction. */
export async function removePlannedCommune(db: Kysely<Database>, actor: Actor, id: number, allowed: (row: PlannedCommuneRow) => void): Promise<PlannedCommuneRow> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('planned_commune').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new ApiError(404, 'not_found', `No planned commune with id ${id}`, { parameter: 'id' });
    allowed(row);
    const result = await trx.deleteFrom('planned_commune').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new ApiError(409, 'conflict', `Planned commune ${id} was removed by someone else meanwhile`);
    await appendAudit(trx, actor, { action: 'plan.remove', unit: row.commune_code, entity: 'planned_commune', entityId: id, before: row, after: null });
    return row;
  });
}
