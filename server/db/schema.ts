/** @module The database's tables as TypeScript types: the one contract between migrations, seed and queries.
 * Both engines (SQLite, PostgreSQL) store the same columns; booleans are 0/1 integers and structured
 * values are JSON text so that one query layer (Kysely) serves both. */
import type { ColumnType, Generated } from 'kysely';

/** Administrative structure a unit belongs to. `pre2025`: province > district > commune, GSO list of
 * 01/03/2025, valid until the July-2025 reform. A later structure (`2025-07`, two tiers) is added beside it. */
export type UnitStructure = 'pre2025' | '2025-07';
/** The three levels of the administrative units. */
export type UnitLevel = 'province' | 'district' | 'commune';
/** Recognition levels of every criteria set, lowest first within a set (each set says which it has:
 * 2021-2025 dat_chuan < nang_cao < kieu_mau; 2026-2030 dat_chuan < hien_dai). `chua_dat` is never stored:
 * it is the absence of a recognition. */
export type RecognitionLevel = 'dat_chuan' | 'nang_cao' | 'kieu_mau' | 'hien_dai';
/** The structure a unit code is meant in. Rows written before the 2026 release are `pre2025` (the column's
 * default); every writer of a later structure names it. */
export type StructureColumn = ColumnType<UnitStructure, UnitStructure | undefined, UnitStructure>;

/** An administrative structure and the periods it applies to (migration 0005). */
export interface UnitStructureTable {
  code: UnitStructure;
  name_vi: string;
  name_en: string;
  valid_from: string | null; // YYYY-MM; null: since before the first period
  valid_to: string | null; // YYYY-MM; null: in force
  in_force_date: string | null; // YYYY-MM-DD
  levels: string; // JSON UnitLevel[], top first
  decision: string | null;
  source: string;
  attribution: string; // credit for its boundaries
}

/** Old unit → its successor(s) across a reform (crosswalk.csv). */
export interface UnitLineageTable {
  old_structure: UnitStructure;
  old_code: string;
  new_structure: UnitStructure;
  new_code: string;
  link: 'full' | 'partial';
  source: string;
}

/** A commune's group (nhóm 1-3 of 51/2025/QĐ-TTg) or khu vực (I-III, QĐ 60/QĐ-BDTTG) over a span of periods. */
export interface CommuneClassificationTable {
  id: Generated<number>;
  structure: UnitStructure;
  commune_code: string;
  kind: 'group' | 'khu_vuc';
  value: string; // '1' | '2' | '3' (group); 'I' | 'II' | 'III' (khu_vuc)
  decision: string | null;
  decision_date: string | null;
  period_from: string;
  period_to: string | null;
  provenance: Provenance;
  source_url: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_at: string;
}
/** Where a figure comes from: an official record (with its source) or the project's illustrative generator. */
export type Provenance = 'official' | 'illustrative';

/** A province, district or commune of one unit structure, with its names, parents and kind. */
export interface UnitTable {
  structure: UnitStructure;
  code: string; // GSO code: 2 digits (province), 3 (district), 5 (commune)
  level: UnitLevel;
  type: string; // as GSO writes it: "Tỉnh", "Thành phố Trung ương", "Huyện", "Quận", "Thị xã", "Thành phố", "Xã", "Phường", "Thị trấn"
  name: string; // full name with type, e.g. "Xã Mường Hoong"
  parent_code: string | null; // district for a commune, province for a district, null for a province
  province_code: string;
  district_code: string | null; // for communes (and districts: their own code)
  rural: number; // 1 when the NTM criteria apply (communes of type Xã); 0 otherwise
  has_polygon: number; // 1 when the boundary build has a polygon for it
  bbox: string | null; // JSON [west, south, east, north]
  label_lon: number | null;
  label_lat: number | null;
  valid_from: string; // YYYY-MM-DD
  valid_to: string | null; // YYYY-MM-DD, null = still valid in this structure's data
  /** JSON [{ until: YYYY-MM-DD, type, name, rural }]: what the unit was before a change inside its structure
   * (10 Đồng Nai xã became phường on 30/04/2026); null when it never changed. */
  changes: string | null;
}

/** A national criteria set, e.g. "2021-2025" (Quyết định 318/QĐ-TTg). */
export interface CriteriaSetTable {
  code: string;
  name_vi: string;
  name_en: string;
  decision: string; // e.g. "318/QĐ-TTg"
  decision_date: string | null; // YYYY-MM-DD
  valid_from: string; // YYYY-MM (first period the set applies to)
  valid_to: string | null; // YYYY-MM (last period), null = open
  unit_structure: UnitStructure;
  criteria_count: number;
  source_url: string;
  notes: string | null; // JSON: caveats recorded from the source (e.g. grouping conflicts)
  levels: string | null; // JSON RecognitionLevel[] of this set, lowest first
  in_force_date: string | null; // YYYY-MM-DD
}

/** A group of criteria of one criteria set. */
export interface CriterionGroupTable {
  set_code: string;
  number: number;
  name_vi: string;
  name_en: string;
}

/** A criterion of one criteria set, with its group and sources. */
export interface CriterionTable {
  set_code: string;
  number: number; // 1..19 in the 2021-2025 set; the bit (number - 1) in a review's met_mask
  code: string; // e.g. "TC01"
  name_vi: string;
  name_en: string;
  group_number: number;
  indicators_complete: number; // 0/1: whether the catalogue lists every indicator of this criterion
  sources: string; // JSON string[] of URLs
}

/** An indicator of a criterion, with its thresholds and sources. */
export interface IndicatorTable {
  set_code: string;
  criterion_number: number;
  code: string; // e.g. "17.1"
  name_vi: string;
  name_en: string | null;
  unit: string | null; // "%", "count", …
  thresholds: string | null; // JSON: { "<region or group>": value | text } where the source gives them
  sources: string; // JSON string[]
}

/** One commune's monthly review of every criterion of a set: stored once per commune and month. */
export interface ReviewTable {
  id: Generated<number>;
  structure: StructureColumn;
  commune_code: string;
  period: string; // YYYY-MM
  set_code: string;
  met_mask: number; // bit (n-1) set when criterion n is met
  met_count: number; // popcount of met_mask, kept for fast aggregation
  indicators: string | null; // JSON { "<indicator code>": number | string | boolean }
  notes: string | null; // JSON { "<criterion number>": "note" }
  provenance: Provenance;
  source: string | null; // official: decision / report / URL; illustrative: generator name and seed
  reviewed_by: string | null; // user id or e-mail for official reviews
  reviewed_at: string; // ISO 8601 timestamp
  version: Generated<number>; // optimistic concurrency for the officials' workspace; defaults to 1
}

/** A recognition decision for a commune or a district, with its revocation when there is one. */
export interface RecognitionTable {
  id: Generated<number>;
  structure: StructureColumn;
  unit_code: string;
  unit_level: 'commune' | 'district';
  level: RecognitionLevel;
  year: number | null; // the "NTM năm Y" year the recognition counts for
  decision: string | null; // decision number as the source writes it
  decision_date: string | null; // YYYY-MM-DD
  /** First month (YYYY-MM) the recognition is in force; null when the source does not date it at all
   * (treated as in force before the first period). */
  effective_period: string | null;
  signer: string | null;
  status: 'recognised' | 'proposed'; // proposed = a council proposal, not a decision
  revoked_date: string | null;
  revocation_decision: string | null;
  revocation_reason: string | null;
  provenance: Provenance;
  source_url: string | null;
  note: string | null;
  /** The decision number normalised (case, spaces) for officials' records, unique per unit and level; null on seeded rows. */
  decision_key: string | null;
}

/** A commune's listing as special-difficulty (xã đặc biệt khó khăn) or another area classification. */
export interface SpecialDifficultyTable {
  id: Generated<number>;
  structure: StructureColumn;
  commune_code: string;
  classification: string; // as the decision words it, e.g. "Khu vực III (xã đặc biệt khó khăn)"
  special: number; // 1 when the classification counts as special-difficulty (KV III, P135, bãi ngang)
  decision: string | null;
  period_from: string; // YYYY-MM, first month the listing applies
  period_to: string; // YYYY-MM, last month
  provenance: Provenance;
  source_url: string | null;
  note: string | null;
}

/** A published target or a reported figure (scope national/province/district/commune). */
export interface TargetTable {
  id: Generated<number>;
  scope: 'national' | 'province' | 'district' | 'commune';
  scope_code: string | null; // GSO code; null for national
  scope_structure: StructureColumn;
  metric: string; // e.g. "target_communes_ntm"
  value: string; // as the source writes it, e.g. "84/127", ">=80%"
  value_num: number | null; // the number the target asks for, where it can be read
  kind: 'target' | 'reported'; // a goal, or a figure reported at a date
  deadline: string | null; // YYYY-MM-DD (target) or as-of date (reported)
  source: string; // decision / plan / article title
  source_url: string | null;
  note: string | null;
}

/** A commune named in a plan as due to reach a level by a half-year or year. */
export interface PlannedCommuneTable {
  id: Generated<number>;
  structure: StructureColumn;
  commune_code: string;
  target_level: RecognitionLevel;
  due: string; // as the plan writes it: "2024-H1", "2024-H2", "2025"
  due_period: string; // YYYY-MM, last month of the due half-year/year
  plan: string; // e.g. "Kế hoạch 104/KH-BCĐ ngày 15/02/2024"
  source: string;
  note: string | null;
  /** The plan's name normalised (case, spaces) for officials' entries, unique per commune and level; null on seeded rows. */
  plan_key: string | null;
}

/** Criteria-met counts that a public source reported for a named commune at a date. */
export interface ReportedCriteriaTable {
  id: Generated<number>;
  structure: StructureColumn;
  commune_code: string;
  criteria_met: number;
  criteria_total: number;
  criteria_set: string; // as the source says: "2016-2020 national set", "NC set", …
  as_of: string; // as the source gives it
  source_url: string;
  note: string | null;
}

/** Key/value facts about the database itself: seed version, facts hash, generator seed. */
export interface MetaTable {
  key: string;
  value: string;
}

/** Roles of the officials' workspace, each scoped to a unit and everything under it (admin: the country). */
export type Role = 'admin' | 'province' | 'district' | 'commune';

/** An official's account: e-mail, password hash, role, unit and structure. */
export interface AppUserTable {
  id: Generated<number>;
  email: string; // lower-cased
  name: string | null;
  role: Role;
  unit_code: string | null; // GSO code of the role's unit (null for admin)
  unit_structure: StructureColumn;
  password_hash: string; // scrypt$N$r$p$salt$hash (server/auth/password.ts)
  created_at: string; // ISO 8601
  disabled: Generated<number>; // 1: cannot sign in
}

/** A session: the hash of its cookie token, its CSRF token and its expiry. */
export interface SessionTable {
  id: string; // SHA-256 (hex) of the cookie's random token: a database leak gives no usable session
  user_id: number;
  csrf_token: string;
  created_at: string; // ISO 8601
  expires_at: string; // ISO 8601
  address: string | null;
  user_agent: string | null;
}

/** One change made through the workspace or a CLI: append-only (no route updates or deletes a row). */
export interface AuditEntryTable {
  id: Generated<number>;
  at: string; // ISO 8601
  user_id: number | null; // null for the command line
  actor: string; // e-mail, or "cli:<command>"
  action: string; // e.g. "review.save", "import.apply", "recognition.create", "user.create"
  unit_code: string | null; // the unit the change is about (commune, district, province)
  unit_structure: StructureColumn;
  entity: string; // table or concept: "review", "recognition", "target", "app_user", …
  entity_id: string | null;
  before: string | null; // JSON
  after: string | null; // JSON
}

/** Villages (thôn) of a commune and how many are recognised NTM / model villages, as officials entered them. */
export interface VillageCountTable {
  structure: StructureColumn;
  commune_code: string;
  villages: number;
  ntm_villages: number;
  model_villages: number;
  updated_by: string;
  updated_at: string;
}

/** A figure an official source published for the country or a province at a month (national_counts.csv). */
export interface OfficialCountTable {
  id: Generated<number>;
  scope: 'national' | 'province';
  code: string; // 'VN' or a province code of `structure`
  structure: UnitStructure;
  as_of: string; // YYYY-MM
  metric: string; // e.g. communes_ntm, communes_nang_cao, communes_khu_vuc_iii
  value: number | null;
  value_text: string;
  denominator: number | null;
  source_url: string | null;
  verified: 'read' | 'secondary';
  note: string | null;
}

/** A sign-in attempt being checked, or a failed one, counted under one key (0006). */
export interface SignInAttemptTable {
  id: string;
  key: string;
  state: 'pending' | 'failed';
  at: number;
}

/** A device token given at a successful sign-in: the account and the token's SHA-256 (0006). */
export interface SignInDeviceTable {
  key: string;
  created_at: number;
}

/** An import running in some process (0006). */
export interface ImportRunTable {
  id: string;
  user_id: number;
  started_at: number;
}

/** A write one process made, for the processes polling a shared SQLite file (0006). */
export interface DataChangeTable {
  id: Generated<number>;
  at: number;
  origin: string;
  what: string;
}

/** Every table of the database by name, for Kysely's typed queries. */
export interface Database {
  official_count: OfficialCountTable;
  unit_structure: UnitStructureTable;
  unit_lineage: UnitLineageTable;
  commune_classification: CommuneClassificationTable;
  unit: UnitTable;
  criteria_set: CriteriaSetTable;
  criterion_group: CriterionGroupTable;
  criterion: CriterionTable;
  indicator: IndicatorTable;
  review: ReviewTable;
  recognition: RecognitionTable;
  special_difficulty: SpecialDifficultyTable;
  target: TargetTable;
  planned_commune: PlannedCommuneTable;
  reported_criteria: ReportedCriteriaTable;
  meta: MetaTable;
  app_user: AppUserTable;
  session: SessionTable;
  audit_entry: AuditEntryTable;
  village_count: VillageCountTable;
  sign_in_attempt: SignInAttemptTable;
  sign_in_device: SignInDeviceTable;
  import_run: ImportRunTable;
  data_change: DataChangeTable;
}
