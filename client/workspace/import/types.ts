/** @module Shapes of the import route's answers (server/import/schemas.ts). */

/** An import's preview or result as the server answers it. */
export interface ImportResult {
  dry_run: boolean;
  applied: boolean;
  import_id: string | null;
  file: { name: string; format: 'csv' | 'xlsx'; layout: 'long' | 'wide'; rows: number };
  counts: { reviews: number; new: number; changed: number; confirmed: number; unchanged: number; criteria_gained: number; criteria_lost: number; unchanged_values: number };
  reviews: Array<{ commune: string; name: string; period: string; status: 'new' | 'changed' | 'confirmed' | 'unchanged'; met_before: number | null; met_after: number; gained: number[]; lost: number[]; kept: number[]; kept_from: string | null; lines: number[] }>;
}
/** The details of a refused import: the problems found and their count. */
export interface ImportError {
  errors: Array<{ line: number; column: string | null; header: string | null; value: string; message: string }>;
  error_count: number;
  truncated: boolean;
}
