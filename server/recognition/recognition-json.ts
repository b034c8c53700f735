/** @module A recognition record as the API writes it (snake_case, `in_force` at a period): one shape for the public
 * commune card and the workspace's lists. */
import type { Period } from '../period/period.ts';
import { inForce, type RecognitionRecord } from './standing.ts';

/** A recognition record in the API's snake_case shape, with `in_force` at `period` (null: not asked). */
export function recognitionJson(r: RecognitionRecord, period: Period | null) {
  return {
    id: r.id,
    level: r.level,
    year: r.year,
    decision: r.decision,
    decision_date: r.decisionDate,
    effective_period: r.effectivePeriod,
    signer: r.signer,
    status: r.status,
    in_force: period !== null && inForce(r, period),
    revoked_date: r.revokedDate,
    revocation_decision: r.revocationDecision,
    revocation_reason: r.revocationReason,
    provenance: r.provenance,
    source_url: r.sourceUrl,
    note: r.note,
  };
}
