/** @module What an import would change: for each commune and month of the file, the review it replaces (that
 * month's review) or starts from (the latest earlier review), the content after the file's values, and
 * the difference: criteria gained and lost, notes changed, criteria the file leaves to the earlier value. */
import type { Kysely } from 'kysely';
import { maskOf } from '../criterion/mask.ts';
import { latestReviewsAt } from '../db/review-query.ts';
import type { Database } from '../db/schema.ts';
import { addMonths, type Period } from '../period/period.ts';
import { decodeReview, metList, type ReviewContent, type ReviewRecord, sameContent } from '../review/review-record.ts';
import type { ReviewInput } from './validate.ts';
import type { UnitStructure } from '../db/schema.ts';

/** new: the month had no review; changed: criteria or notes differ; confirmed: same values, an illustrative
 * record becomes official; unchanged: an official review with the same values (nothing is written). */
export type PlanStatus = 'new' | 'changed' | 'confirmed' | 'unchanged';

/** What an import would do to one commune's month: the review it replaces or starts from, the content after it, and
 * the criteria gained and lost. */
export interface PlannedReview {
  input: ReviewInput;
  current: ReviewRecord | null;
  base: ReviewRecord | null;
  content: ReviewContent;
  status: PlanStatus;
  gained: number[];
  lost: number[];
  notesChanged: string[];
  /** Criteria the file does not give: they keep the base review's value. */
  kept: number[];
  /** Values of the file (rows in the long layout) that equal the base review's already. */
  unchangedValues: number;
}

const CHUNK = 500;

/** The reviews of communes and months, keyed "structure/commune/period"… as "commune/period" (a month has one structure). */
async function reviewsAt(db: Kysely<Database>, pairs: ReadonlyArray<{ structure: UnitStructure; commune: string; period: Period }>): Promise<Map<string, ReviewRecord>> {
  const out = new Map<string, ReviewRecord>();
  const byPeriod = new Map<string, string[]>();
  for (const p of pairs) {
    const key = `${p.structure} ${p.period}`;
    (byPeriod.get(key) ?? byPeriod.set(key, []).get(key)!).push(p.commune);
  }
  for (const [key, codes] of byPeriod) {
    const [structure, period] = key.split(' ') as [UnitStructure, Period];
    for (let i = 0; i < codes.length; i += CHUNK) {
      const rows = await db.selectFrom('review').selectAll().where('structure', '=', structure).where('period', '=', period).where('commune_code', 'in', codes.slice(i, i + CHUNK)).execute();
      for (const row of rows) out.set(`${row.commune_code}/${row.period}`, decodeReview(row as Parameters<typeof decodeReview>[0]));
    }
  }
  return out;
}

/** Reads the reviews the file's communes and months replace or start from, and plans the change. */
export async function planImport(db: Kysely<Database>, inputs: readonly ReviewInput[]): Promise<PlannedReview[]> {
  const current = await reviewsAt(db, inputs);
  // Months without a review start from the commune's latest earlier review.
  const missing = new Map<string, ReviewInput[]>();
  for (const i of inputs) {
    if (current.has(`${i.commune}/${i.period}`)) continue;
    const key = `${i.structure} ${i.period}`;
    (missing.get(key) ?? missing.set(key, []).get(key)!).push(i);
  }
  const previousPeriod = new Map<string, Period>();
  for (const [, list] of missing) {
    const { structure, period } = list[0]!;
    for (const r of await latestReviewsAt(db, structure, addMonths(period, -1), list.map((i) => i.commune))) previousPeriod.set(`${r.commune_code}/${period}`, r.period);
  }
  const structureOf = new Map(inputs.map((i) => [`${i.commune}/${i.period}`, i.structure]));
  const previous = await reviewsAt(db, [...previousPeriod].map(([key, period]) => ({ structure: structureOf.get(key)!, commune: key.split('/')[0]!, period })));

  return inputs.map((input) => {
    const key = `${input.commune}/${input.period}`;
    const now = current.get(key) ?? null;
    const earlier = previousPeriod.get(key);
    // The earlier review starts the month only on the same criteria set (another set numbers other criteria).
    const before = earlier ? (previous.get(`${input.commune}/${earlier}`) ?? null) : null;
    const base = now ?? (before && before.setCode === input.set.code ? before : null);
    const baseMask = base?.mask ?? 0;
    const given = [...input.met.keys()];
    const metGiven = given.filter((n) => input.met.get(n));
    const mask = (baseMask & ~maskOf(given)) | maskOf(metGiven);
    const notes = { ...(base?.notes ?? {}) };
    const notesChanged: string[] = [];
    for (const [k, note] of input.notes) {
      if (notes[k] !== note) notesChanged.push(k);
      notes[k] = note;
    }
    const content: ReviewContent = { mask, notes, indicators: { ...(base?.indicators ?? {}) } };
    const status: PlanStatus = !now ? 'new' : !sameContent(now, content) ? 'changed' : now.provenance === 'official' ? 'unchanged' : 'confirmed';
    const compared = base?.mask ?? 0;
    const unchangedValues = given.filter((n) => ((compared >> (n - 1)) & 1) === (input.met.get(n) ? 1 : 0) && !notesChanged.includes(String(n))).length;
    return {
      input,
      current: now,
      base,
      content,
      status,
      gained: metList(mask & ~compared),
      lost: metList(compared & ~mask),
      notesChanged,
      kept: input.set.criteria.map((c) => c.number).filter((n) => !input.met.has(n)),
      unchangedValues,
    };
  });
}
