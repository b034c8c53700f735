// Types of the API answers the side panel and the commune card show: summary, plans, rankings, units and
// the commune card. They are read through the page's shared per-URL cache (../api/http.ts), so that going
// back and forth between a card and its scope, or the panel and the filter asking for the same units,
// does not ask again.
import type { Level } from '../api/status.ts';

export type Provenance = 'official' | 'illustrative';
export type RecognitionLevel = Exclude<Level, 'chua_dat'>;
export interface ProvenanceCount { official: number; illustrative: number }
export interface Named { number: number; name_vi: string; name_en: string }

export interface TargetProgress {
  id: number;
  scope: { level: 'country' | 'province' | 'district'; code: string | null; name: string };
  metric: string;
  target: { value: string; number: number | null };
  clause: string | null;
  computable: boolean;
  reason: string | null;
  reason_vi: string | null;
  measure: { kind: MeasureKind; description: string; level?: RecognitionLevel; year?: number; min_criteria?: number; criteria?: number[] } | null;
  unit: 'communes' | '%' | 'criteria' | 'criteria/year' | null;
  value_now: number | null;
  deadline: string | null;
  expected_now: number | null;
  value_at_deadline: number | null;
  on_track: boolean | null;
  on_track_rule: 'straight_line' | 'reached_by_deadline' | 'rate' | null;
  on_track_reason: string | null;
  on_track_reason_vi: string | null;
  illustrative: boolean | null;
  source: string;
  source_url: string | null;
  note: string | null;
}
export type MeasureKind = 'communes_at_level' | 'share_at_level' | 'new_communes_at_level' | 'share_min_criteria' | 'share_criteria_met' | 'average_criteria_met' | 'criteria_gain_per_year';

export interface Summary {
  period: string;
  criteria_set: string;
  /** Criteria of the period's set (19 until 2026-01, 10 from 2026-02). */
  criteria_count: number;
  scope: { level: 'country' | 'province' | 'district' | 'former_district'; code: string | null; name: string | null };
  communes: number;
  carried: number;
  levels: Record<Level, number>;
  recognised: number;
  share_recognised: number | null;
  average_met: number | null;
  bins: Array<{ label: string; min: number; max: number; communes: number }>;
  criteria: Array<Named & { code: string; group: number; communes_met: number; rate: number | null }>;
  most_missing: Array<Named & { code: string; communes_missing: number; share_missing: number }>;
  special_difficulty: Record<'special' | 'other', { communes: number; average_met: number | null; recognised: number; share_recognised: number | null }>;
  targets: TargetProgress[];
  provenance: { reviews: ProvenanceCount; levels: ProvenanceCount; special: ProvenanceCount; note: string };
}

export interface PlannedCommune {
  code: string;
  name: string;
  district: { code: string; name: string } | null;
  due: string;
  due_period: string;
  target_level: RecognitionLevel;
  plan: string;
  source: string;
  met: number | null;
  criteria_total: number;
  missing: number[] | null;
  as_of: string | null;
  provenance: Provenance | null;
  level: Level;
  level_provenance: Provenance | null;
  recognised: boolean;
  at_risk: boolean;
  reached_by: 'recognition' | 'criteria' | null;
  status: 'reached' | 'on_track' | 'late';
}
export interface Plans {
  period: string;
  scope: { level: 'province' | 'district'; code: string; name: string };
  counts: { reached: number; on_track: number; late: number };
  dues: Array<{ due: string; due_period: string; communes: number; reached: number; on_track: number; late: number }>;
  communes: PlannedCommune[];
  provenance: { reviews: ProvenanceCount; levels: ProvenanceCount };
}

export interface RankingRow {
  code: string;
  name: string;
  communes: number;
  recognised: number;
  share: number;
  share_earlier: number | null;
  delta: number | null;
  rank: number | null;
}
export interface Ranking {
  period: string;
  earlier_period: string;
  scope: { level: 'country' | 'province'; code: string | null; name: string | null };
  rows: RankingRow[];
  excluded: Array<{ code: string; name: string; reason: string }>;
  provenance: { levels: ProvenanceCount; earlier_levels: ProvenanceCount | null };
}

export interface Unit { code: string; name: string; type: string; level: string; parent: string | null; province: string; district: string | null; rural: boolean; bbox: number[] | null; label: [number, number] | null }
export interface Units { parent: { code: string; name: string; type: string; level: string } | null; units: Unit[] }

export interface Recognition {
  id: number;
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
export interface Listing {
  classification: string;
  special: boolean;
  decision: string | null;
  period_from: string;
  period_to: string;
  in_force: boolean;
  provenance: Provenance;
  source_url: string | null;
  note: string | null;
}
export interface Indicator { code: string; name_vi: string; name_en: string | null; unit: string | null; thresholds: Record<string, string> | string | null; value: number | string | boolean | null }
export interface CardCriterion extends Named { code: string; met: boolean | null; note: string | null; indicators_complete: boolean; indicators: Indicator[]; sources: string[] }
export interface CardGroup extends Named { met: number | null; total: number; criteria: CardCriterion[] }
export interface CardPlan {
  target_level: RecognitionLevel;
  due: string;
  due_period: string;
  plan: string;
  source: string;
  note: string | null;
  due_passed: boolean;
  reached_period: string | null;
  on_track: boolean;
  missing_criteria: number[] | null;
}
export interface CardTarget {
  scope: 'national' | 'province' | 'district' | 'commune';
  scope_code: string | null;
  metric: string;
  value: string;
  kind: 'target' | 'reported';
  deadline: string | null;
  source: string;
  source_url: string | null;
  note: string | null;
}
export type IllustrativePart = 'review' | 'history' | 'recognitions' | 'special_difficulty';
export interface CommuneCard {
  code: string;
  name: string;
  type: string;
  district: { code: string; name: string; type: string } | null;
  province: { code: string; name: string; type: string };
  scored: boolean;
  scored_note: string | null;
  period: string;
  as_of?: string;
  level: Level;
  level_provenance: Provenance | null;
  level_recognition_id: number | null;
  recognitions: Recognition[];
  special: boolean;
  special_difficulty: Listing[];
  criteria_set: { code: string; name_vi: string; name_en: string; decision: string; source_url: string } | null;
  review: { period: string; criteria_set: string; met: number; total: number; provenance: Provenance; source: string | null; reviewed_at: string } | null;
  groups: CardGroup[];
  /** Each month with the set it was scored on (19 criteria to 2026-01, 10 from 2026-02). */
  history: Array<{ period: string; met: number; criteria_set: string; total: number; provenance: Provenance }>;
  plans: CardPlan[];
  targets: CardTarget[];
  reported_criteria: Array<{ criteria_met: number; criteria_total: number; criteria_set: string; as_of: string; source_url: string; note: string | null }>;
  at_risk: { criteria: number[]; level: RecognitionLevel; note: string } | null;
  illustrative: boolean;
  illustrative_parts: IllustrativePart[];
  /** A commune of today's structure: the pre-2025 communes it was formed from (their own last status, nothing carried over). */
  predecessors?: CardPredecessor[];
  /** A pre-2025 commune: the commune(s) of today's structure it became part of. */
  successors?: CardSuccessor[];
}
type UnitRef = { code: string; name: string; type: string };
export interface CardPredecessor {
  structure: string;
  code: string;
  name: string;
  type: string;
  district: UnitRef | null;
  province: UnitRef | null;
  link: 'full' | 'partial';
  last_period: string | null;
  last_status: { met: number; total: number | null; level: Level; provenance: Provenance; as_of: string } | null;
  recognitions: Recognition[];
}
export interface CardSuccessor {
  structure: string;
  code: string;
  name: string;
  type: string;
  province: UnitRef | null;
  link: 'full' | 'partial';
  since: string | null;
  first_period: string | null;
}

export { apiPath, getJson } from '../api/http.ts';
