/** @module Shape of the monthly board (GET /admin/board, server/board/schemas.ts) as the workspace reads it. */
import type { Level } from '../common/labels.ts';

type Provenance = 'official' | 'illustrative';
interface Ref { code: string; name: string }
interface CommuneRef extends Ref { district: Ref | null }

/** A target's progress as the board lists it. */
export interface TargetProgress {
  id: number;
  scope: { level: 'country' | 'province' | 'district'; code: string | null; name: string };
  metric: string;
  target: { value: string; number: number | null };
  clause: string | null;
  computable: boolean;
  reason: string | null;
  reason_vi: string | null;
  unit: 'communes' | '%' | 'criteria' | 'criteria/year' | null;
  value_now: number | null;
  deadline: string | null;
  expected_now: number | null;
  on_track: boolean | null;
  on_track_reason: string | null;
  on_track_reason_vi: string | null;
  illustrative: boolean | null;
  source: string;
  source_url: string | null;
  note: string | null;
}

/** The monthly board as GET /admin/board answers it. */
export interface Board {
  scope: { level: 'province' | 'district'; code: string; name: string; province: Ref };
  period: string;
  previous_period: string | null;
  criteria_set: string;
  report_deadline: string;
  summary: { communes: number; recognised: number; share_recognised: number | null; average_met: number | null; levels: Record<Level, number> };
  reviews: {
    due: number;
    received: number;
    missing: number;
    by_district: Array<Ref & { due: number; received: number; missing: number }>;
    missing_communes: CommuneRef[];
  };
  changes: {
    previous_period: string | null;
    gained: number;
    lost: number;
    communes_compared: number;
    criteria: Array<{ number: number; code: string; name_vi: string; gained: number; lost: number; gained_communes: Ref[]; lost_communes: Ref[] }>;
  };
  at_risk: Array<CommuneRef & {
    level: Exclude<Level, 'chua_dat'>;
    recognition: { decision: string | null; decision_date: string | null; provenance: Provenance };
    met: number;
    criteria_total: number;
    failing: Array<{ number: number; code: string; name_vi: string; failing_since: string }>;
    as_of: string;
    provenance: Provenance;
  }>;
  targets: TargetProgress[];
  plans: {
    half_year: string;
    from: string;
    to: string;
    communes: Array<CommuneRef & { due: string; due_period: string; target_level: Exclude<Level, 'chua_dat'>; plan: string; met: number | null; criteria_total: number; missing: number[] | null; criteria_needed: number | null; level: Level; status: 'reached' | 'on_track' | 'late'; provenance: Provenance | null }>;
    criteria_needed: number;
    counts: { reached: number; on_track: number; late: number };
  };
  provenance: { reviews: Record<Provenance, number>; levels: Record<Provenance, number>; illustrative: boolean; note: string };
}
