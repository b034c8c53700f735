/** @module Shapes of the plan and target routes' answers (server/plan/admin-schemas.ts, server/plan/routes.ts). */
import type { Level } from '../common/labels.ts';

/** Whether a figure is official or illustrative. */
export type Provenance = 'official' | 'illustrative';
/** A level a plan may target. */
export type TargetLevel = Exclude<Level, 'chua_dat'>;
/** Where a planned commune stands. */
export type PlanStatus = 'reached' | 'on_track' | 'late';

/** A planned commune as the plan board lists it. */
export interface PlannedCommune {
  id: number;
  code: string;
  name: string;
  district: { code: string; name: string } | null;
  due: string;
  due_period: string;
  target_level: TargetLevel;
  plan: string;
  source: string;
  note: string | null;
  met: number | null;
  criteria_total: number;
  missing: number[] | null;
  as_of: string | null;
  provenance: Provenance | null;
  level: Level;
  level_provenance: Provenance | null;
  recognised: boolean;
  all_criteria_met: boolean;
  at_risk: boolean;
  status: PlanStatus;
}

/** The plan board as GET /admin/plans answers it. */
export interface PlanBoard {
  period: string;
  scope: { level: 'province' | 'district'; code: string; name: string };
  counts: Record<PlanStatus, number>;
  dues: Array<{ due: string; due_period: string; communes: number } & Record<PlanStatus, number>>;
  communes: PlannedCommune[];
  provenance: { reviews: Record<Provenance, number>; levels: Record<Provenance, number>; note: string };
  criterion_completions: {
    total: number;
    communes_missing_criteria: number;
    communes_without_review: number;
    by_due: Array<{ due: string; due_period: string; communes: number; communes_missing_criteria: number; completions: number }>;
    note: string;
  };
}

/** A target as the workspace lists it. */
export interface Target {
  id: number;
  scope: 'national' | 'province' | 'district' | 'commune';
  scope_code: string | null;
  scope_name: string;
  metric: string;
  value: string;
  value_num: number | null;
  kind: 'target' | 'reported';
  deadline: string | null;
  source: string;
  source_url: string | null;
  note: string | null;
  editable: boolean;
}

/** A scope's targets and the national ones, as GET /admin/targets answers them. */
export interface TargetList {
  scope: { level: 'province' | 'district'; code: string; name: string };
  targets: Target[];
  /** The national targets of the same structure (2026-2030: the national programme's, from the facts). */
  national?: Target[];
  structure?: string;
}
