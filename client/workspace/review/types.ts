/** @module Shapes of the review routes' answers that the workspace reads (server/review/schemas.ts). */

export type Provenance = 'official' | 'illustrative';

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

export interface ReviewIndicator { code: string; name_vi: string; name_en: string | null; unit: string | null; value: number | string | boolean | null }
export interface ReviewCriterion { number: number; code: string; name_vi: string; name_en: string; met: boolean; note: string | null; indicators: ReviewIndicator[]; previously_met: boolean | null; change: 'gained' | 'lost' | null }
export interface ReviewGroup { number: number; name_vi: string; name_en: string; criteria: ReviewCriterion[] }
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
