/** @module Records an official group or khu vực decision for a commune: a new row (the earlier records stay, so
 * the history of a commune's classification is kept) in one transaction with its audit entry. */
import type { Kysely } from 'kysely';
import { type Actor, appendAudit } from '../audit/audit.ts';
import type { Database, UnitStructure } from '../db/schema.ts';
import { ApiError } from '../http/errors.ts';
import type { Unit } from '../unit/unit-store.ts';
import type { ClassificationKind, ClassificationRow } from './classification.ts';

/** A validated classification decision (ClassificationBody). */
export interface NewClassification {
  kind: ClassificationKind;
  value: string;
  decision: string;
  decision_date: string;
  period_from?: string | undefined;
  period_to?: string | undefined;
  document_url?: string | undefined;
  note?: string | undefined;
}

const decisionKey = (decision: string) => decision.toLowerCase().replace(/\s+/g, '');

/** Stores the decision as an official record of `unit` (a commune of `structure`); 409 when the same decision
 * already gives this commune the same value of this kind (a double submit). */
export async function createClassification(db: Kysely<Database>, actor: Actor, structure: UnitStructure, unit: Unit, input: NewClassification, now = new Date()): Promise<ClassificationRow> {
  return db.transaction().execute(async (trx) => {
    const same = await trx
      .selectFrom('commune_classification')
      .select(['id', 'decision', 'value'])
      .where('structure', '=', structure)
      .where('commune_code', '=', unit.code)
      .where('kind', '=', input.kind)
      .where('provenance', '=', 'official')
      .execute();
    const duplicate = same.find((r) => r.value === input.value && r.decision !== null && decisionKey(r.decision) === decisionKey(input.decision));
    if (duplicate) throw new ApiError(409, 'conflict', `${unit.name} already has this ${input.kind === 'group' ? 'group' : 'khu vực'} (${input.value}) by decision ${duplicate.decision} (record ${duplicate.id})`, { id: duplicate.id });
    const values = {
      structure,
      commune_code: unit.code,
      kind: input.kind,
      value: input.value,
      decision: input.decision,
      decision_date: input.decision_date,
      period_from: input.period_from ?? input.decision_date.slice(0, 7),
      period_to: input.period_to ?? null,
      provenance: 'official' as const,
      source_url: input.document_url ?? null,
      note: input.note ?? null,
      recorded_by: actor.label,
      recorded_at: now.toISOString(),
    };
    const { id } = await trx.insertInto('commune_classification').values(values).returning('id').executeTakeFirstOrThrow();
    const row: ClassificationRow = { id: Number(id), ...values };
    await appendAudit(trx, actor, { action: 'classification.create', unit: unit.code, entity: 'commune_classification', entityId: row.id, before: null, after: row }, now);
    return row;
  });
}
