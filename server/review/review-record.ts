/** @module A commune's monthly review as the workspace reads and writes it: the stored row decoded (criteria met
 * as numbers, notes by criterion, indicator values), reads of one month and of the latest earlier month,
 * and the two guarded writes: insert a first review (refused when one appeared meanwhile) and update a
 * review at the version the writer read (refused when someone saved in between). */
import type { Kysely, Selectable } from 'kysely';
import { popcount } from '../criterion/mask.ts';
import type { Database, Provenance, UnitStructure } from '../db/schema.ts';
import type { Period } from '../period/period.ts';

/** An indicator's value as a review stores it. */
export type IndicatorValue = number | string | boolean;

/** Notes by criterion number ("1" … "19"); the key GENERAL_NOTE holds a note on the whole review. */
export type Notes = Record<string, string>;
/** The notes key of a note on the whole review rather than on one criterion. */
export const GENERAL_NOTE = 'general';

/** A stored review decoded: commune, month, criteria set, met criteria, notes, indicators, version, provenance and
 * who saved it. */
export interface ReviewRecord {
  id: number;
  commune: string;
  period: Period;
  setCode: string;
  mask: number;
  notes: Notes;
  indicators: Record<string, IndicatorValue>;
  provenance: Provenance;
  source: string | null;
  reviewedBy: string | null;
  reviewedAt: string;
  version: number;
}

/** What a save writes: the criteria met, notes and indicator values. */
export interface ReviewContent {
  mask: number;
  notes: Notes;
  indicators: Record<string, IndicatorValue>;
}

type Row = Selectable<Database['review']>;

const parse = <T>(text: string | null): T | null => {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
};

/** Decodes a review row (mask, JSON notes and indicators) into a ReviewRecord. */
export function decodeReview(row: Row): ReviewRecord {
  return {
    id: Number(row.id),
    commune: row.commune_code,
    period: row.period,
    setCode: row.set_code,
    mask: Number(row.met_mask),
    notes: parse<Notes>(row.notes) ?? {},
    indicators: parse<Record<string, IndicatorValue>>(row.indicators) ?? {},
    provenance: row.provenance,
    source: row.source,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    version: Number(row.version),
  };
}

/** Criteria numbers met in a mask, ascending (up to `count` criteria). */
export function metList(mask: number, count = 31): number[] {
  const out: number[] = [];
  for (let n = 1; n <= count; n++) if ((mask >> (n - 1)) & 1) out.push(n);
  return out;
}

/** What the audit trail records of a review: criteria met, notes, indicators, provenance and version. */
export function auditSnapshot(r: Pick<ReviewRecord, 'mask' | 'notes' | 'indicators' | 'provenance' | 'version' | 'period'>): Record<string, unknown> {
  return { period: r.period, met: metList(r.mask), met_count: popcount(r.mask), notes: r.notes, indicators: r.indicators, provenance: r.provenance, version: r.version };
}

/** Same criteria met, notes and indicator values. */
export function sameContent(a: ReviewContent, b: ReviewContent): boolean {
  return a.mask === b.mask && sameRecord(a.notes, b.notes) && sameRecord(a.indicators, b.indicators);
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** The review of a commune (a code of `structure`: the eras reuse codes) and month. */
export async function readReview(db: Kysely<Database>, structure: UnitStructure, commune: string, period: Period): Promise<ReviewRecord | null> {
  const row = await db.selectFrom('review').selectAll().where('structure', '=', structure).where('commune_code', '=', commune).where('period', '=', period).executeTakeFirst();
  return row ? decodeReview(row as Row) : null;
}

/** The commune's latest review before `period` on the same criteria set (the month the form is pre-filled
 * from): a review of another set numbers other criteria (TC01 of 2026-2030 is not TC01 of 2021-2025). */
export async function previousReview(db: Kysely<Database>, structure: UnitStructure, setCode: string, commune: string, period: Period): Promise<ReviewRecord | null> {
  const row = await db
    .selectFrom('review')
    .selectAll()
    .where('structure', '=', structure)
    .where('set_code', '=', setCode)
    .where('commune_code', '=', commune)
    .where('period', '<', period)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? decodeReview(row as Row) : null;
}

/** Who saved a review, with what: the columns every workspace write sets. */
export interface Authorship {
  source: string;
  reviewedBy: string;
  reviewedAt: string;
}

const encode = (value: Record<string, unknown>): string | null => (Object.keys(value).length ? JSON.stringify(value) : null);

function columns(content: ReviewContent, by: Authorship) {
  return {
    met_mask: content.mask,
    met_count: popcount(content.mask),
    indicators: encode(content.indicators),
    notes: encode(content.notes),
    provenance: 'official' as const,
    source: by.source,
    reviewed_by: by.reviewedBy,
    reviewed_at: by.reviewedAt,
  };
}

/** Inserts first reviews; returns the codes of the communes whose month already had a review (not written). */
export async function insertReviews(
  trx: Kysely<Database>,
  reviews: ReadonlyArray<{ structure: UnitStructure; commune: string; period: Period; setCode: string; content: ReviewContent; by: Authorship }>,
): Promise<{ inserted: Map<string, number>; taken: string[] }> {
  const inserted = new Map<string, number>();
  const taken: string[] = [];
  // One statement per review: ON CONFLICT DO NOTHING turns a concurrent first save into "not inserted"
  // (never a unique-violation error), and RETURNING gives the new id for the audit entry.
  for (const r of reviews) {
    const row = await trx
      .insertInto('review')
      .values({ structure: r.structure, commune_code: r.commune, period: r.period, set_code: r.setCode, ...columns(r.content, r.by), version: 1 })
      .onConflict((oc) => oc.columns(['structure', 'commune_code', 'period']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) inserted.set(`${r.commune}/${r.period}`, Number(row.id));
    else taken.push(`${r.commune}/${r.period}`);
  }
  return { inserted, taken };
}

/** Updates a review only if it is still at `version`; returns false when someone saved it in between. */
export async function updateReview(trx: Kysely<Database>, id: number, version: number, content: ReviewContent, by: Authorship): Promise<boolean> {
  const result = await trx
    .updateTable('review')
    .set({ ...columns(content, by), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
