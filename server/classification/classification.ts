/** @module A commune's group (nhóm 1-3 of 51/2025/QĐ-TTg, which sets its thresholds) and khu vực (I-III of the
 * ethnic-minority and mountainous area, QĐ 60/QĐ-BDTTG; khu vực III are the special-difficulty communes of
 * 2026-2030) at a period, each a record with its provenance: an official record (with its decision) wins over
 * the project's illustrative one. Records are never overwritten: a new decision is a new row, and the one in
 * force at a period is the official row that started latest (the latest recorded at equal start). */
import type { Kysely, Selectable } from 'kysely';
import type { ApiContext } from '../context/context.ts';
import type { CommuneClassificationTable, Database, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';
import type { CommuneCard } from '../commune/schema.ts';
import type { Structure } from '../era/structure.ts';

type Classification = NonNullable<CommuneCard['classification']>;
/** A stored classification record. */
export type ClassificationRow = Selectable<CommuneClassificationTable>;
/** The two kinds of classification. */
export const CLASSIFICATION_KINDS = ['group', 'khu_vuc'] as const;
/** What a classification record classifies: the commune's group (nhóm) or its khu vực. */
export type ClassificationKind = (typeof CLASSIFICATION_KINDS)[number];

/** Whether a record covers `period`. */
export const coversPeriod = (row: Pick<ClassificationRow, 'period_from' | 'period_to'>, period: Period): boolean =>
  row.period_from <= period && (row.period_to === null || period <= row.period_to);

/** The record of `kind` in force at `period` among a commune's rows: official before illustrative, then the one
 * that started latest, then the one recorded last (a later decision supersedes an earlier one without erasing it). */
export function inForceOf<R extends Pick<ClassificationRow, 'id' | 'kind' | 'provenance' | 'period_from' | 'period_to'>>(rows: readonly R[], kind: ClassificationKind, period: Period): R | null {
  const rank = (r: R): [number, string, number] => [r.provenance === 'official' ? 1 : 0, r.period_from, r.id];
  const wins = (a: R, b: R): boolean => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
  };
  let best: R | null = null;
  for (const r of rows) if (r.kind === kind && coversPeriod(r, period) && (best === null || wins(r, best))) best = r;
  return best;
}

/** Every classification record of a commune, oldest recorded first. */
export async function classificationRows(db: Kysely<Database>, structure: UnitStructure, code: string): Promise<ClassificationRow[]> {
  return db.selectFrom('commune_classification').selectAll().where('structure', '=', structure).where('commune_code', '=', code).orderBy('id').execute();
}

/** A record as the API shows it. */
export function classificationPart(row: ClassificationRow) {
  return { value: row.value, decision: row.decision, decision_date: row.decision_date, period_from: row.period_from, period_to: row.period_to, provenance: row.provenance, source_url: row.source_url, note: row.note };
}

/** The group and khu vực in force at `period` (null parts when none is recorded then). */
export async function classificationOf(ctx: Pick<ApiContext, 'ndb'>, structure: UnitStructure, code: string, period: Period): Promise<Classification | null> {
  const rows = (await classificationRows(ctx.ndb.db, structure, code)).filter((r) => coversPeriod(r, period));
  if (rows.length === 0) return null;
  const pick = (kind: ClassificationKind) => {
    const row = inForceOf(rows, kind, period);
    return row ? classificationPart(row) : null;
  };
  return { group: pick('group'), khu_vuc: pick('khu_vuc') };
}

/** The structure in force today (the one with no end): groups and khu vực are of its communes. */
export function currentStructure(ctx: Pick<ApiContext, 'eras'>): Structure {
  const open = ctx.eras.structures.filter((s) => s.validTo === null);
  return open.at(-1) ?? ctx.eras.structures.at(-1)!;
}
