/** @module Officials' changes to the published targets of a province or district (the `target` table): create,
 * replace and delete, each in one transaction with its audit entry (`target.create|update|delete`). */
import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit.ts';
import type { Database, UnitStructure } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import { readValueNumber } from '../target/value-number.ts';
import type { TargetRecord } from '../target/target-store.ts';

/** What an official enters for a target: metric, value, kind, deadline, source and note. */
export interface TargetFields {
  metric: string;
  value: string;
  value_num?: number | null | undefined;
  kind?: 'target' | 'reported' | undefined;
  deadline: string;
  source: string;
  source_url?: string | undefined;
  note?: string | undefined;
}

/** The columns a form sets (value_num read from the value when not given: "≥60" → 60, "84/127" → 84). */
function columnsOf(f: TargetFields) {
  return {
    metric: f.metric,
    value: f.value,
    value_num: f.value_num === undefined ? readValueNumber(f.value) : f.value_num,
    kind: f.kind ?? ('target' as const),
    deadline: f.deadline,
    source: f.source,
    source_url: f.source_url ?? null,
    note: f.note ?? null,
  };
}

/** The target with this id, or null. */
export async function findTarget(db: Kysely<Database>, id: number): Promise<TargetRecord | null> {
  return (await db.selectFrom('target').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Creates a target of a province or district of `scope.structure` (the structure of its deadline). */
export async function createTarget(db: Kysely<Database>, actor: Actor, scope: { level: 'province' | 'district'; code: string; structure: UnitStructure }, fields: TargetFields): Promise<TargetRecord> {
  return db.transaction().execute(async (trx) => {
    const values = { scope: scope.level, scope_code: scope.code, scope_structure: scope.structure, ...columnsOf(fields) };
    const { id } = await trx.insertInto('target').values(values).returning('id').executeTakeFirstOrThrow();
    const row: TargetRecord = { id: Number(id), ...values };
    await appendAudit(trx, actor, { action: 'target.create', unit: scope.code, entity: 'target', entityId: row.id, before: null, after: row });
    return row;
  });
}

const same = (a: TargetRecord, b: TargetRecord) => (Object.keys(a) as Array<keyof TargetRecord>).every((k) => a[k] === b[k]);

/** Replaces a target's fields (its scope stays); `changed: false` (nothing written or audited) when equal. */
export async function replaceTarget(db: Kysely<Database>, actor: Actor, id: number, fields: TargetFields, allowed: (row: TargetRecord) => void): Promise<{ row: TargetRecord; changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await findTarget(trx, id);
    if (!before) throw new ApiError(404, 'not_found', `No target with id ${id}`, { parameter: 'id' });
    allowed(before);
    const after: TargetRecord = { ...before, ...columnsOf(fields) };
    if (same(before, after)) return { row: before, changed: false };
    await trx.updateTable('target').set(columnsOf(fields)).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'target.update', unit: before.scope_code, entity: 'target', entityId: id, before, after });
    return { row: after, changed: true };
  });
}

/** Deletes a target after `allowed` checked the official may (it throws otherwise), with its audit entry, in one
 * transaction. */
export async function deleteTarget(db: Kysely<Database>, actor: Actor, id: number, allowed: (row: TargetRecord) => void): Promise<TargetRecord> {
  return db.transaction().execute(async (trx) => {
    const before = await findTarget(trx, id);
    if (!before) throw new ApiError(404, 'not_found', `No target with id ${id}`, { parameter: 'id' });
    allowed(before);
    const result = await trx.deleteFrom('target').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new ApiError(409, 'conflict', `Target ${id} was deleted by someone else meanwhile`);
    await appendAudit(trx, actor, { action: 'target.delete', unit: before.scope_code, entity: 'target', entityId: id, before, after: null });
    return before;
  });
}
