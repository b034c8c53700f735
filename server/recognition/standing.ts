/** @module A commune's standing at a period from the recorded facts: the recognition level in force (with its
 * decision) and whether it is listed as special-difficulty (with the listing's decision). From the 2026-2030
 * khu vực lists (QĐ 60/QĐ-BDTTG) the special-difficulty communes are those of khu vực III: an official khu vực
 * recorded by an official (commune_classification) is a listing of its own, and while it is in force it
 * replaces every other listing of the commune (the illustrative stand-in). Held in memory: a few thousand
 * rows, read once and re-read when officials record a change. */
import { LEVELS_WITH_NONE } from './levels.ts';
import type { Kysely, Selectable } from 'kysely';
import { lastDayOf, type Period } from '../period/period.ts';
import type { Database, Provenance, RecognitionLevel, RecognitionTable, UnitStructure } from '../db/schema.ts';

const keyOf = (structure: UnitStructure, code: string) => `${structure}:${code}`;

/** A commune's recognition level, `chua_dat` when it has none. */
export type Level = 'chua_dat' | RecognitionLevel;
/** Every level from none up, in order. */
export const LEVELS: readonly Level[] = LEVELS_WITH_NONE;

/** A recognition decision in memory: unit, level, decision, dates, provenance and any revocation. */
export interface RecognitionRecord {
  id: number;
  unitCode: string;
  unitLevel: 'commune' | 'district';
  level: RecognitionLevel;
  year: number | null;
  decision: string | null;
  decisionDate: string | null;
  effectivePeriod: Period | null;
  signer: string | null;
  status: 'recognised' | 'proposed';
  revokedDate: string | null;
  revocationDecision: string | null;
  revocationReason: string | null;
  provenance: Provenance;
  sourceUrl: string | null;
  note: string | null;
}

/** A special-difficulty listing in memory: the unit, the decision listing it and the years it covers. */
export interface ListingRecord {
  communeCode: string;
  classification: string;
  special: boolean;
  decision: string | null;
  periodFrom: Period;
  /** Last month in force; null: until superseded (an official khu vực decision without an end). */
  periodTo: Period | null;
  provenance: Provenance;
  sourceUrl: string | null;
  note: string | null;
  /** The commune_classification record of an official khu vực this listing stands for; null for a listing. */
  khuVucId: number | null;
}

/** A unit's standing at a period: its level in force, the recognitions behind it and its listings. */
export interface Standing {
  level: Level;
  /** The recognition that gives `level` (null for chua_dat). */
  recognition: RecognitionRecord | null;
  special: boolean;
  listing: ListingRecord | null;
}

/** Recognitions and listings by unit; a code is always read in a structure (the eras reuse codes). */
export interface StandingStore {
  recognitionsOf(structure: UnitStructure, unitCode: string): readonly RecognitionRecord[];
  listingsOf(structure: UnitStructure, communeCode: string): readonly ListingRecord[];
  /** The listings of a commune in force at `period`: an official khu vực in force replaces all the others. */
  listingsInForce(structure: UnitStructure, communeCode: string, period: Period): readonly ListingRecord[];
  at(structure: UnitStructure, communeCode: string, period: Period): Standing;
  /** Re-reads recognitions and listings (after officials record a recognition or a revocation). */
  refresh(): Promise<void>;
}

/** Whether a recognition is in force during `period` (recognised, effective by then, not yet revoked). */
export function inForce(r: RecognitionRecord, period: Period): boolean {
  if (r.status !== 'recognised') return false;
  if (r.effectivePeriod !== null && r.effectivePeriod > period) return false;
  return r.revokedDate === null || r.revokedDate > lastDayOf(period);
}

const listingCovers = (l: ListingRecord, period: Period) => l.periodFrom <= period && (l.periodTo === null || period <= l.periodTo);

/** The listings in force at `period` among a commune's: the official khu vực record that started latest
 * (recorded last at equal start) when one is in force, else every listing whose months cover the period. */
function inForceAt(list: readonly ListingRecord[], period: Period): ListingRecord[] {
  let khuVuc: ListingRecord | null = null;
  for (const l of list) if (l.khuVucId !== null && listingCovers(l, period) && (!khuVuc || l.periodFrom > khuVuc.periodFrom || (l.periodFrom === khuVuc.periodFrom && l.khuVucId > khuVuc.khuVucId!))) khuVuc = l;
  return khuVuc ? [khuVuc] : list.filter((l) => l.khuVucId === null && listingCovers(l, period));
}

/** Loads every recognition and listing into memory once at start (writers refresh it), so that the map's status
 * needs no query per commune. */
export async function loadStandings(db: Kysely<Database>): Promise<StandingStore> {
  let { recognitions, listings } = await readStandings(db);
  return {
    recognitionsOf: (structure, code) => recognitions.get(keyOf(structure, code)) ?? [],
    listingsOf: (structure, code) => listings.get(keyOf(structure, code)) ?? [],
    listingsInForce: (structure, code, period) => inForceAt(listings.get(keyOf(structure, code)) ?? [], period),
    at(structure, code, period) {
      const key = keyOf(structure, code);
      let recognition: RecognitionRecord | null = null;
      for (const r of recognitions.get(key) ?? []) {
        if (r.unitLevel !== 'commune' || !inForce(r, period)) continue;
        // Highest level wins; at equal level an official record wins over an illustrative one.
        if (!recognition || LEVELS.indexOf(r.level) > LEVELS.indexOf(recognition.level) || (r.level === recognition.level && r.provenance === 'official')) recognition = r;
      }
      const current = inForceAt(listings.get(key) ?? [], period);
      const listing = current.find((l) => l.special) ?? null;
      return { level: recognition?.level ?? 'chua_dat', recognition, special: listing !== null, listing };
    },
    async refresh() {
      ({ recognitions, listings } = await readStandings(db));
    },
  };
}

/** A row of the `recognition` table as a record. */
export function recognitionRecordOf(r: Selectable<RecognitionTable>): RecognitionRecord {
  return {
    id: r.id,
    unitCode: r.unit_code,
    unitLevel: r.unit_level,
    level: r.level,
    year: r.year,
    decision: r.decision,
    decisionDate: r.decision_date,
    effectivePeriod: r.effective_period,
    signer: r.signer,
    status: r.status,
    revokedDate: r.revoked_date,
    revocationDecision: r.revocation_decision,
    revocationReason: r.revocation_reason,
    provenance: r.provenance,
    sourceUrl: r.source_url,
    note: r.note,
  };
}

async function readStandings(db: Kysely<Database>): Promise<{ recognitions: Map<string, RecognitionRecord[]>; listings: Map<string, ListingRecord[]> }> {
  const recognitions = new Map<string, RecognitionRecord[]>();
  for (const r of await db.selectFrom('recognition').selectAll().orderBy('id').execute()) {
    const record = recognitionRecordOf(r);
    const key = keyOf(r.structure, r.unit_code);
    (recognitions.get(key) ?? recognitions.set(key, []).get(key)!).push(record);
  }
  const listings = new Map<string, ListingRecord[]>();
  for (const l of await db.selectFrom('special_difficulty').selectAll().orderBy('id').execute()) {
    const record: ListingRecord = {
      communeCode: l.commune_code,
      classification: l.classification,
      special: l.special === 1,
      decision: l.decision,
      periodFrom: l.period_from,
      periodTo: l.period_to,
      provenance: l.provenance,
      sourceUrl: l.source_url,
      note: l.note,
      khuVucId: null,
    };
    const key = keyOf(l.structure, l.commune_code);
    (listings.get(key) ?? listings.set(key, []).get(key)!).push(record);
  }
  // Official khu vực decisions (recorded in the workspace): khu vực III is special-difficulty, I and II not.
  const khuVuc = await db.selectFrom('commune_classification').selectAll().where('kind', '=', 'khu_vuc').where('provenance', '=', 'official').orderBy('id').execute();
  for (const k of khuVuc) {
    const record: ListingRecord = {
      communeCode: k.commune_code,
      classification: `Khu vực ${k.value}${k.value === 'III' ? ' (xã đặc biệt khó khăn)' : ''}`,
      special: k.value === 'III',
      decision: k.decision,
      periodFrom: k.period_from,
      periodTo: k.period_to,
      provenance: 'official',
      sourceUrl: k.source_url,
      note: k.note,
      khuVucId: k.id,
    };
    const key = keyOf(k.structure, k.commune_code);
    (listings.get(key) ?? listings.set(key, []).get(key)!).push(record);
  }
  return { recognitions, listings };
}
