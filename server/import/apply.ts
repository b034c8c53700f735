/** @module Applies an import: the whole file in one transaction or nothing. The plan is made again inside the
 * transaction (what is stored now), each changed review is written at the version just read (a review
 * saved meanwhile by someone else makes the whole import fail with 409), and one audit entry
 * `import.apply` per written review carries the import id. */
import type { ApiContext } from '../context/context.ts';
import { actorOf, appendAudit } from '../audit/audit.ts';
import type { SessionUser } from '../auth/session.ts';
import { auditSnapshot, insertReviews, updateReview } from '../review/review-record.ts';
import { conflict } from '../review/save.ts';
import { planImport, type PlannedReview } from './plan.ts';
import type { ReviewInput } from './validate.ts';

/** Writes an import's reviews in one transaction, at the versions read inside it, with one audit entry per review;
 * 409 when a review changed meanwhile. */
export async function applyImport(ctx: Pick<ApiContext, 'dataChanged' | 'ndb'>, user: SessionUser, inputs: readonly ReviewInput[], by: { source: string; importId: string; fileName: string }): Promise<PlannedReview[]> {
  const authorship = { source: by.source, reviewedBy: user.email, reviewedAt: new Date().toISOString() };
  const plan = await ctx.ndb.db.transaction().execute(async (trx) => {
    const planned = await planImport(trx, inputs);
    const writes = planned.filter((p) => p.status !== 'unchanged');
    const audit = [];
    for (const p of writes.filter((w) => w.current)) {
      const current = p.current!;
      if (!(await updateReview(trx, current.id, current.version, p.content, authorship))) {
        throw conflict(current, `The review of ${p.input.commune} for ${p.input.period} was saved by someone else during the import: nothing was imported; run the import again`);
      }
      audit.push({ id: current.id, p, before: auditSnapshot(current), version: current.version + 1 });
    }
    const fresh = writes.filter((w) => !w.current);
    const { inserted, taken } = await insertReviews(
      trx,
      fresh.map((p) => ({ structure: p.input.structure, commune: p.input.commune, period: p.input.period, setCode: p.input.set.code, content: p.content, by: authorship })),
    );
    if (taken.length) throw conflict(null, `A review of ${taken[0]} was saved by someone else during the import: nothing was imported; run the import again`);
    for (const p of fresh) audit.push({ id: inserted.get(`${p.input.commune}/${p.input.period}`)!, p, before: null, version: 1 });
    await appendAudit(
      trx,
      actorOf(user),
      audit.map(({ id, p, before, version }) => ({
        action: 'import.apply',
        unit: p.input.commune,
        structure: p.input.structure,
        entity: 'review',
        entityId: id,
        before,
        after: { ...auditSnapshot({ ...p.content, period: p.input.period, provenance: 'official', version }), import_id: by.importId, file: by.fileName, lines: p.input.lines },
      })),
    );
    return planned;
  });
  const written = plan.filter((p) => p.status !== 'unchanged');
  if (written.length) await ctx.dataChanged({ reviews: [...new Set(written.map((p) => p.input.period))] });
  return plan;
}
