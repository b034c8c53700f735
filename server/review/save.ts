/** @module Saving a commune's monthly review from the form: every criterion of the set exactly once, indicator
 * codes of their own criterion, then one transaction that writes the review only at the version the
 * official read (optimistic concurrency: a stale or concurrent save gets 409, never a lost update) and
 * appends the audit entry. The saved review is official, names who saved it and bumps its version. */
import type { z } from '@hono/zod-openapi';
import type { ApiContext } from '../context/context.ts';
import { actorOf, appendAudit } from '../audit/audit.ts';
import type { SessionUser } from '../auth/session.ts';
import type { CriteriaSet } from '../criterion/catalogue.ts';
import { maskOf } from '../criterion/mask.ts';
import { ApiError } from '../http/errors.ts';
import type { Period } from '../period/period.ts';
import type { Unit } from '../unit/unit-store.ts';
import { officerLabel } from './officer.ts';
import {
  auditSnapshot,
  GENERAL_NOTE,
  insertReviews,
  type IndicatorValue,
  type Notes,
  previousReview,
  readReview,
  type ReviewContent,
  type ReviewRecord,
  updateReview,
} from './review-record.ts';
import type { SaveReviewSchema } from './schemas.ts';

/** A review as the form sends it. */
export type SaveReviewBody = z.infer<typeof SaveReviewSchema>;

const list = (numbers: Iterable<number>) => [...numbers].sort((a, b) => a - b).join(', ');

/** 400 unless the body gives every criterion of the set exactly once, with indicator codes of that criterion. */
export function checkCriteria(set: CriteriaSet, body: SaveReviewBody): void {
  const known = new Set(set.criteria.map((c) => c.number));
  const seen = new Set<number>();
  const duplicate = new Set<number>();
  const unknown = new Set<number>();
  for (const c of body.criteria) {
    if (!known.has(c.number)) unknown.add(c.number);
    else if (seen.has(c.number)) duplicate.add(c.number);
    seen.add(c.number);
  }
  const missing = [...known].filter((n) => !seen.has(n));
  if (missing.length || duplicate.size || unknown.size) {
    const parts = [
      missing.length ? `missing criteria ${list(missing)}` : '',
      duplicate.size ? `criteria given more than once ${list(duplicate)}` : '',
      unknown.size ? `criteria not in the ${set.code} set ${list(unknown)} (it has 1 to ${set.criteria_count})` : '',
    ].filter(Boolean);
    const message = `give every criterion of the ${set.code} set exactly once: ${parts.join('; ')}`;
    throw new ApiError(400, 'invalid_parameter', `Parameter 'criteria' (json): ${message}`, {
      parameter: 'criteria',
      issues: [{ parameter: 'criteria', in: 'json', message }],
      missing,
      duplicate: [...duplicate].sort((a, b) => a - b),
      unknown: [...unknown].sort((a, b) => a - b),
    });
  }
  body.criteria.forEach((c, i) => {
    const codes = new Set(set.criteria.find((k) => k.number === c.number)!.indicators.map((ind) => ind.code));
    for (const code of Object.keys(c.indicators ?? {})) {
      if (!codes.has(code)) {
        const allowed = codes.size ? `its indicators are ${[...codes].join(', ')}` : 'it has no indicators in the catalogue';
        const parameter = `criteria.${i}.indicators.${code}`;
        const message = `indicator ${code} is not an indicator of criterion ${c.number} (${allowed})`;
        throw new ApiError(400, 'invalid_parameter', `Parameter '${parameter}' (json): ${message}`, { parameter, issues: [{ parameter, in: 'json', message }] });
      }
    }
  });
}

/**
 * The content to store. The form is saved whole: each criterion's note is the one sent (none when absent or
 * empty). Indicator values and the note on the whole review, which the form may not show, keep the base
 * review's (this month's, or the pre-fill's) unless sent: null clears an indicator, "" the note.
 */
function contentOf(body: SaveReviewBody, base: Pick<ReviewRecord, 'notes' | 'indicators'> | null): ReviewContent {
  const notes: Notes = {};
  const general = body.note ?? base?.notes[GENERAL_NOTE];
  if (general !== undefined && general.trim() !== '') notes[GENERAL_NOTE] = general;
  const indicators: Record<string, IndicatorValue> = { ...(base?.indicators ?? {}) };
  for (const c of body.criteria) {
    if (c.note !== undefined && c.note.trim() !== '') notes[String(c.number)] = c.note;
    for (const [code, value] of Object.entries(c.indicators ?? {})) {
      if (value === null) delete indicators[code];
      else indicators[code] = value;
    }
  }
  return { mask: maskOf(body.criteria.filter((c) => c.met).map((c) => c.number)), notes, indicators };
}

/** The 409 of a save that lost a race: who saved the review meanwhile and its version, so that the form can say so. */
export function conflict(current: ReviewRecord | null, message: string): ApiError {
  return new ApiError(409, 'conflict', message, { current_version: current?.version ?? null, reviewed_by: current?.reviewedBy ?? null, reviewed_at: current?.reviewedAt ?? null });
}

const savedBy = (r: ReviewRecord) => (r.reviewedBy ? `${r.reviewedBy} at ${r.reviewedAt}` : `the ${r.provenance} record of ${r.reviewedAt}`);

/** Saves the review of `commune` (a unit of the month's structure: the review is stored in it) on `set`; `expected` is the version the official read (body or If-Match; 0: the month had no review). */
export async function saveReview(ctx: Pick<ApiContext, 'dataChanged' | 'eras' | 'ndb'>, user: SessionUser, commune: Unit, period: Period, set: CriteriaSet, body: SaveReviewBody, expected: number | undefined): Promise<void> {
  checkCriteria(set, body);
  const by = { source: `NTM workspace: monthly review by the ${officerLabel(ctx.eras.unitsOf(user.structure), user)}`, reviewedBy: user.email, reviewedAt: new Date().toISOString() };
  await ctx.ndb.db.transaction().execute(async (trx) => {
    const current = await readReview(trx, commune.structure, commune.code, period);
    if (current) {
      if (expected === undefined || expected === 0) throw conflict(current, `${commune.name} already has a review of ${period} (version ${current.version}, ${savedBy(current)}): send the version you read`);
      if (expected !== current.version) throw conflict(current, `The review of ${period} changed since you read it: you sent version ${expected}, it is now version ${current.version} (${savedBy(current)})`);
      const content = contentOf(body, current);
      if (!(await updateReview(trx, current.id, current.version, content, by))) {
        const now = await readReview(trx, commune.structure, commune.code, period);
        throw conflict(now, `Someone saved the review of ${period} at the same moment (now version ${now?.version ?? '?'}): reload it and save again`);
      }
      const after = { ...current, ...content, provenance: 'official' as const, version: current.version + 1 };
      await appendAudit(trx, actorOf(user), { action: 'review.save', unit: commune.code, structure: commune.structure, entity: 'review', entityId: current.id, before: auditSnapshot(current), after: auditSnapshot(after) });
      return;
    }
    if (expected !== undefined && expected !== 0) throw conflict(null, `${commune.name} has no review of ${period} yet: save without a version`);
    const content = contentOf(body, await previousReview(trx, commune.structure, set.code, commune.code, period));
    const { inserted } = await insertReviews(trx, [{ structure: commune.structure, commune: commune.code, period, setCode: set.code, content, by }]);
    const id = inserted.get(`${commune.code}/${period}`);
    if (id === undefined) {
      const now = await readReview(trx, commune.structure, commune.code, period);
      throw conflict(now, `Someone saved the first review of ${period} at the same moment (${now ? savedBy(now) : 'unknown'}): reload it and save again`);
    }
    await appendAudit(trx, actorOf(user), {
      action: 'review.save',
      unit: commune.code,
      structure: commune.structure,
      entity: 'review',
      entityId: id,
      before: null,
      after: auditSnapshot({ ...content, period, provenance: 'official', version: 1 }),
    });
  });
  await ctx.dataChanged({ reviews: [period] });
}
