/** @module Shapes of the recognition routes' answers (server/recognition/schemas.ts) that the workspace reads. */
import type { Level } from '../common/labels.ts';

/** Whether a figure is official or illustrative. */
export type Provenance = 'official' | 'illustrative';
/** A level a recognition may grant. */
export type RecognitionLevel = Exclude<Level, 'chua_dat'>;
interface ScopeRef { level: 'province' | 'district'; code: string; name: string }

/** A recognition decision as the workspace lists it. */
export interface Recognition {
  id: number;
  unit: { code: string; name: string; level: 'commune' | 'district' };
  district: { code: string; name: string } | null;
  level: RecognitionLevel;
  year: number | null;
  decision: string | null;
  decision_date: string | null;
  effective_period: string | null;
  signer: string | null;
  status: 'recognised' | 'proposed';
  in_force: boolean;
  revoked_date: string | null;
  revocation_decision: string | null;
  revocation_reason: string | null;
  provenance: Provenance;
  source_url: string | null;
  note: string | null;
}

/** A scope's recognitions as GET /admin/recognitions answers them. */
export interface RecognitionList {
  structure?: string;
  scope: ScopeRef;
  period: string;
  /** The levels of the period's criteria set. */
  levels?: string[];
  /** What is not known across the 2025 merger (today's structure). */
  note?: string | null;
  counts: { recognitions: number; in_force: number; revoked: number; official: number; illustrative: number };
  recognitions: Recognition[];
}

/** The at-risk communes as GET /admin/recognitions/at-risk answers them. */
export interface AtRisk {
  note?: string | null;
  scope: ScopeRef;
  period: string;
  criteria_set: string;
  rule: string;
  communes: Array<{
    code: string;
    name: string;
    district: { code: string; name: string } | null;
    level: RecognitionLevel;
    recognition: { id: number; decision: string | null; decision_date: string | null; effective_period: string | null; provenance: Provenance };
    met: number;
    criteria_total: number;
    review_period: string;
    review_provenance: Provenance;
    criteria: Array<{ number: number; code: string; name_vi: string; name_en: string; failing_since: string }>;
  }>;
}
