// What an import would change: for each commune and month of the file, the review it replaces (that
// month's review) or starts from (the latest earlier review), the content after the file's values, and
// the difference: criteria gained and lost, notes changed, criteria the file leaves to the earlier value.
import type { Kysely } from 'kysely';
import { maskOf } from '../criterion/mask.ts';
import { latestReviewsAt } from '../db/review-query.ts';
import type { Database } from '../db/schema.ts';
import { addMonths, type Period } from '../period/period.ts';
import { decodeReview, metList, type ReviewContent, type ReviewRecord, sameContent } from '../review/review-record.ts';
import type { ReviewInput } from './validate.ts';
import { WORKSPACE_STRUCTURE } from '../era/workspace-structure.ts';

/** new: the month had no review; changed: criteria or notes differ; confirmed: same values, an illustrative
 * record becomes official; unchanged: an official review with the same values (nothing is written). */
export type PlanStatus = 'new' | 'changed' | 'confirmed' | 'unchanged';

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

async function reviewsAt(db: Kysely<Database>, pairs: ReadonlyArray<{ commune: string; period: Period }>): Promise<Map<string, ReviewRecord>> {
  const out = new Map<string, ReviewRecord>();
  const byPeriod = new Map<Period, string[]>();
  for (const p of pairs) (byPeriod.get(p.period) ?? byPeriod.set(p.period, []).get(p.period)!).push(p.commune);
  for (const [period, codes] of byPeriod) {
    for (let i = 0; i < codes.length; i += CHUNK) {
      const rows = await db.selectFrom('review').selectAll().where('structure', '=', WORKSPACE_STRUCTURE).where('period', '=', period).where('commune_code', 'in', codes.slice(i, i + CHUNK)).execute();
      for (const row of rows) out.set(`${row.commune_code}/${row.period}`, decodeReview(row as Parameters<typeof decodeReview>[0]));
    }
  }
  return out;
}

/** Reads the reviews the file's communes and months replace or start from, and plans the change. */
export async function planImport(db: Kysely<Database>, inputs: readonly ReviewInput[]): Promise<PlannedReview[]> {
  const current = await reviewsAt(db, inputs);
  // Months without a review start from the commune's latest earlier review.
  const missing = new Map<Period, string[]>();
  for (const i of inputs) if (!current.has(`${i.commune}/${i.period}`)) (missing.get(i.period) ?? missing.set(i.period, []).get(i.period)!).push(i.commune);
  const previousPeriod = new Map<string, Period>();
  for (const [period, codes] of missing) {
    for (const r of await latestReviewsAt(db, WORKSPACE_STRUCTURE, addMonths(period, -1), codes)) previousPeriod.set(`${r.commune_code}/${period}`, r.period);
  }
  const previous = await reviewsAt(db, [...previousPeriod].map(([key, period]) => ({ commune: key.split('/')[0]!, period })));

  return inputs.map((input) => {
    const key = `${input.commune}/${input.period}`;
    const now = current.get(key) ?? null;
    const earlier = previousPeriod.get(key);
    const base = now ?? (earlier ? (previous.get(`${input.commune}/${earlier}`) ?? null) : null);
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
