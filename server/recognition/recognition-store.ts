/** @module Officials' recognition records: record a recognition decision (commune or district) and a revocation, each
 * in one transaction with its audit entry, and show a record as the workspace lists it. */
import type { Kysely, Selectable } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit.ts';
import type { Database, RecognitionLevel, RecognitionTable, UnitStructure } from '../db/schema.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { ApiError } from '../http/errors.ts';
import type { Period } from '../period/period.ts';
import type { Unit, UnitStore } from '../unit/unit-store.ts';
import { recognitionJson } from './recognition-json.ts';
import { recognitionRecordOf, type RecognitionRecord } from './standing.ts';

/** A recognition's row as stored. */
export type RecognitionRow = Selectable<RecognitionTable>;

/** A recognition decision to record, as an official enters it. */
export interface NewRecognition {
  level: RecognitionLevel;
  decision: string;
  decision_date: string;
  signer: string;
  document_url?: string | undefined;
  year?: number | undefined;
  effective_period?: string | undefined;
  note?: string | undefined;
}

/** The revocation of a recognition: its decision, date and reason. */
export interface Revocation {
  decision: string;
  date: string;
  reason: string;
}

/** Decision numbers compare without case and spacing differences ("1234/QĐ-UBND" = "1234 / qđ-ubnd"). */
const decisionKey = (decision: string) => decision.toLowerCase().replace(/\s+/g, '');

/** Records a recognition decision of `unit` (a unit of the structure in force on the decision's date). */
export async function createRecognition(db: Kysely<Database>, actor: Actor, unit: Unit, input: NewRecognition): Promise<RecognitionRow> {
  const conflict = (found: { id: number; decision: string | null } | undefined) =>
    new ApiError(409, 'conflict', `${unit.name} already has a ${input.level} recognition by decision ${found?.decision ?? input.decision}${found ? ` (record ${found.id})` : ''}`, found ? { id: found.id } : undefined);
  const record = () => db.transaction().execute(async (trx) => {
    const same = await trx.selectFrom('recognition').select(['id', 'decision']).where('structure', '=', unit.structure).where('unit_code', '=', unit.code).where('level', '=', input.level).execute();
    const duplicate = same.find((r) => r.decision !== null && decisionKey(r.decision) === decisionKey(input.decision));
    if (duplicate) throw conflict(duplicate);
    const values = {
      unit_code: unit.code,
      unit_level: unit.level === 'district' ? ('district' as const) : ('commune' as const),
      level: input.level,
      year: input.year ?? null,
      decision: input.decision,
      decision_date: input.decision_date,
      effective_period: input.effective_period ?? input.decision_date.slice(0, 7),
      signer: input.signer,
      status: 'recognised' as const,
      revoked_date: null,
      revocation_decision: null,
      revocation_reason: null,
      provenance: 'official' as const,
      source_url: input.document_url ?? null,
      note: input.note ?? null,
      decision_key: decisionKey(input.decision),
      structure: unit.structure as UnitStructure,
    };
    const { id } = await trx.insertInto('recognition').values(values).returning('id').executeTakeFirstOrThrow();
    const row: RecognitionRow = { id: Number(id), ...values };
    await appendAudit(trx, actor, { action: 'recognition.create', unit: unit.code, entity: 'recognition', entityId: row.id, before: null, after: row });
    return row;
  });
  try {
    return await record();
  } catch (error) {
    // Another official recorded the same decision between our check and our insert (the unique index saw it).
    if (isUniqueViolation(error)) throw conflict(undefined);
    throw error;
  }
}

/** The recognition with this id, or null. */
export async function findRecognition(db: Kysely<Database>, id: number): Promise<RecognitionRow | null> {
  return (await db.selectFrom('recognition').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Records a revocation: 409 when already revoked (or a proposal), 400 when dated before the decision. The
 * scope check (`allowed`) runs inside the transaction, on the row read there. */
export async function revokeRecognition(db: Kysely<Database>, actor: Actor, id: number, input: Revocation, allowed: (row: RecognitionRow) => void): Promise<RecognitionRow> {
  return db.transaction().execute(async (trx) => {
    const before = await findRecognition(trx, id);
    if (!before) throw new ApiError(404, 'not_found', `No recognition with id ${id}`, { parameter: 'id' });
    allowed(before);
    if (before.status !== 'recognised') throw new ApiError(409, 'conflict', `Recognition ${id} is a proposal, not a decision: there is nothing to revoke`);
    if (before.revoked_date !== null) {
      throw new ApiError(409, 'conflict', `Recognition ${id} was already revoked on ${before.revoked_date} (${before.revocation_decision ?? 'no decision number'})`);
    }
    if (before.decision_date !== null && input.date < before.decision_date) {
      throw new ApiError(400, 'invalid_parameter', `Parameter 'date' (json): the revocation cannot be dated before the recognition's decision (${before.decision_date})`, { parameter: 'date' });
    }
    const change = { revoked_date: input.date, revocation_decision: input.decision, revocation_reason: input.reason };
    const result = await trx.updateTable('recognition').set(change).where('id', '=', id).where('revoked_date', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new ApiError(409, 'conflict', `Recognition ${id} was revoked by someone else meanwhile`);
    const after: RecognitionRow = { ...before, ...change };
    await appendAudit(trx, actor, { action: 'recognition.revoke', unit: before.unit_code, entity: 'recognition', entityId: id, before, after });
    return after;
  });
}

/** A recognition as the workspace shows it, with `in_force` at `period`; `units`: those of the record's structure. */
export function recognitionOut(units: UnitStore, record: RecognitionRecord | RecognitionRow, period: Period | null) {
  const r = 'unitCode' in record ? record : recognitionRecordOf(record);
  const unit = units.byCode.get(r.unitCode);
  const district = unit?.district ? units.byCode.get(unit.district) : undefined;
  return {
    structure: units.structure,
    ...recognitionJson(r, period),
    unit: { code: r.unitCode, name: unit?.name ?? r.unitCode, level: r.unitLevel },
    district: district ? { code: district.code, name: district.name } : null,
  };
}
