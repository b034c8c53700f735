/** @module Shapes of the review routes' answers that the workspace reads (server/review/schemas.ts). */

/** Whether a figure is official or illustrative. */
export type Provenance = 'official' | 'illustrative';

/** A scope's reviews of a month as GET /admin/reviews answers them. */
export interface ReviewList {
  scope: { level: 'province' | 'district' | 'commune'; code: string; name: string };
  period: string;
  structure: string;
  criteria_set: string;
  criteria_count: number;
  deadline: { date: string; passed: boolean; rule: string };
  counts: { communes: number; done: number; missing: number };
  communes: Array<{
    code: string;
    name: string;
    district: string | null;
    status: 'done' | 'missing';
    review: { version: number; provenance: Provenance; met_count: number; reviewed_by: string | null; reviewed_at: string } | null;
  }>;
}

/** An indicator of a criterion with its value in the review. */
export interface ReviewIndicator { code: string; name_vi: string; name_en: string | null; unit: string | null; value: number | string | boolean | null }
/** A criterion of the review form: met or not, its note and indicators, and whether it was met before (gained or lost). */
export interface ReviewCriterion { number: number; code: string; name_vi: string; name_en: string; met: boolean; note: string | null; indicators: ReviewIndicator[]; previously_met: boolean | null; change: 'gained' | 'lost' | null }
/** A group of criteria on the review form. */
export interface ReviewGroup { number: number; name_vi: string; name_en: string; criteria: ReviewCriterion[] }
/** The review form of a commune and month as the server answers it. */
export interface Review {
  commune: { code: string; name: string; district: { code: string; name: string } | null; province: { code: string; name: string } };
  period: string;
  criteria_set: { code: string; decision: string; criteria_count: number };
  exists: boolean;
  version: number | null;
  provenance: Provenance | null;
  source: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  prefilled_from: string | null;
  previous: { period: string; met_count: number; provenance: Provenance } | null;
  met_count: number;
  note: string | null;
  changes: { gained: number[]; lost: number[] };
  groups: ReviewGroup[];
}
