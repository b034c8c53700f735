/** @module Seeds an empty (migrated) database: the GSO units, the criteria catalogue, the official facts and the
 * illustrative dataset, in one transaction. All facts are loaded and validated before the database is touched. */
import type { Insertable, Transaction } from 'kysely';
import type { NtmDatabase } from '../db/database.ts';
import type { Database, ReviewTable, UnitStructure, UnitTable } from '../db/schema.ts';
import type { UnitRecord } from '../unit/units-index.ts';
import { changesOf } from '../unit/unit-change.ts';
import { isPeriod } from './facts/dates.ts';
import { type Facts, loadFacts } from './facts/index.ts';
import { loadCrosswalk } from './facts/crosswalk.ts';
import { generateReform } from './illustrative/reform.ts';
import { type GeneratorSummary, popcount, summarise } from './illustrative/summary.ts';
import { type IllustrativeData, type ReviewSeries, generateIllustrative } from './illustrative/generator.ts';
import { structureRows } from '../era/structures.ts';

/** The version of the seed's rules, stored with the seed so that a changed seed can be told from the old one. */
export const SEED_VERSION = 'seed-1';
/** The default seed of the illustrative generator: the same seed gives the same database. */
export const DEFAULT_SEED = 20210101;
/** The first month the seed fills by default (the 2021-2025 programme's start). */
export const DEFAULT_FIRST_PERIOD = '2021-01';
/** The last month the seed fills by default. */
export const DEFAULT_LAST_PERIOD = '2025-12';
/** The date of the GSO unit list the pre-2025 units come from. */
export const UNITS_VALID_FROM = '2025-03-01';
/** Today's units took effect on 1/7/2025. */
export const TODAY_VALID_FROM = '2025-07-01';
/** The last month of the pre-2025 units. */
export const LAST_PRE2025_PERIOD = '2025-06';

/** The last complete month before `now` (a first start in any month shows last month). */
export function lastCompleteMonth(now: Date): string {
  const month = now.getUTCFullYear() * 12 + now.getUTCMonth() - 1;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Today's structure: units, lineage and the reform stage of the illustrative data. */
function todayData(today: NonNullable<SeedOptions['today']>, oldUnits: readonly UnitRecord[], facts: Facts, data: IllustrativeData, seed: number, lastPeriod: string) {
  const lineage = loadCrosswalk(today.boundariesDir, oldUnits, today.units);
  const oldSpecial = new Set(
    [...facts.specialDifficulty.listings.map((f) => f.record), ...data.specialDifficulty]
      .filter((l) => l.special === 1 && l.period_from <= LAST_PRE2025_PERIOD && l.period_to >= LAST_PRE2025_PERIOD)
      .map((l) => l.commune_code),
  );
  const later = facts.laterSets[0];
  if (!later) throw new Error('criteria.json has no later set: today\'s communes cannot be scored from 2026-02');
  const reform = generateReform({
    seed,
    lastPeriod,
    oldSeries: data.reviews,
    oldSpecial,
    newUnits: today.units,
    lineage,
    officialCounts: facts.officialCounts,
    sets: { old: { code: facts.catalogue.set.code, count: facts.catalogue.set.criteria_count }, today: { code: later.set.code, count: later.set.criteria_count } },
  });
  return { units: today.units, lineage, reform };
}

/** What to seed from: the units, the facts folder, the generator's seed and months, and optionally today's
 * structure. */
export interface SeedOptions {
  units: UnitRecord[];
  factsDir: string;
  seed?: number; // default 20210101
  firstPeriod?: string; // default 2021-01
  lastPeriod?: string; // default 2025-12
  /** Today's structure (2025-07): its units (the 2025-07 boundary build's index) and the folder holding its
   * crosswalk.csv. When given, the pre-2025 history ends at 2025-06, today's communes carry it from 2025-07
   * (docs/eras.md), and `lastPeriod` defaults to the last complete month. */
  today?: { units: UnitRecord[]; boundariesDir: string };
  /** Empty every table first (in the same transaction) instead of refusing a seeded database. */
  replace?: boolean;
  onProgress?: (line: string) => void;
}

/** What the seed did: rows per table and the generator's summary. */
export interface SeedReport {
  /** Rows inserted, by table. */
  rows: Record<string, number>;
  /** Source rows skipped (no 2025 GSO code), by facts file. */
  skipped: Record<string, number>;
  seconds: number;
  /** What the illustrative data adds up to (national shares, province counts, special vs other). */
  illustrative: GeneratorSummary;
}

/** Tables in the order rows are deleted (children first; the reverse of insertion). */
const TABLES: ReadonlyArray<keyof Database> = [
  'meta',
  'official_count',
  'commune_classification',
  'unit_lineage',
  'review',
  'reported_criteria',
  'planned_commune',
  'target',
  'special_difficulty',
  'recognition',
  'indicator',
  'criterion',
  'criterion_group',
  'criteria_set',
  'unit',
  'unit_structure',
];

/** Whether the database has been seeded (it has units). */
export async function isSeeded(ndb: NtmDatabase): Promise<boolean> {
  const row = await ndb.db.selectFrom('unit').select('code').limit(1).executeTakeFirst();
  return row !== undefined;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Seeds the database (in one transaction) with the structures, catalogue, facts and the illustrative history;
 * refuses a seeded database unless `replace`. */
export async function seedDatabase(ndb: NtmDatabase, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const seed = options.seed ?? DEFAULT_SEED;
  const firstPeriod = options.firstPeriod ?? DEFAULT_FIRST_PERIOD;
  const lastPeriod = options.lastPeriod ?? (options.today ? lastCompleteMonth(new Date()) : DEFAULT_LAST_PERIOD);
  // The pre-2025 units end with 2025-06 when today's are seeded.
  const lastOld = options.today && lastPeriod > LAST_PRE2025_PERIOD ? LAST_PRE2025_PERIOD : lastPeriod;
  if (!Number.isSafeInteger(seed)) throw new Error(`Seed must be an integer, got ${seed}`);
  if (!isPeriod(firstPeriod) || !isPeriod(lastPeriod) || firstPeriod > lastPeriod) {
    throw new Error(`Periods must be YYYY-MM with first <= last, got ${firstPeriod}..${lastPeriod}`);
  }
  if (!options.units.some((unit) => unit.level === 'commune' && unit.rural)) {
    throw new Error('No rural communes in the units: is the units index empty?');
  }

  // 1. Every facts file, validated against the units (throws a FactsError before the database is touched).
  const facts = loadFacts(options.factsDir, options.units);
  const skippedTotal = Object.values(facts.skipped).reduce((a, b) => a + b, 0);
  progress(
    `facts: ${facts.recognitions.communes.length} commune and ${facts.recognitions.districts.length} district recognitions, ` +
      `${facts.specialDifficulty.listings.length} special-difficulty listings, ${facts.targets.length} targets, ` +
      `${facts.plannedCommunes.communes.length} planned communes, ${facts.reportedCriteria.reports.length} reported counts` +
      (skippedTotal ? ` (${skippedTotal} source rows without a 2025 GSO code skipped)` : ''),
  );

  // 2. The illustrative dataset.
  const generating = performance.now();
  const data = generateIllustrative({ units: options.units, facts, seed, firstPeriod, lastPeriod: lastOld });
  const summary = summarise(data, facts);
  const today = options.today ? todayData(options.today, options.units, facts, data, seed, lastPeriod) : null;
  if (today) {
    progress(
      `illustrative (${today.reform.source}): ${fmt(today.reform.reviews.count)} reviews of today's communes, ` +
        `${fmt(today.reform.classifications.length)} group and khu vực records, ${fmt(today.reform.recognitions.length)} recognitions under 51/2025`,
    );
  }
  progress(
    `illustrative (${data.source}): ${fmt(data.reviews.count)} reviews, ${fmt(data.recognitions.length)} recognitions, ` +
      `${fmt(data.specialDifficulty.length)} special-difficulty listings in ${((performance.now() - generating) / 1000).toFixed(1)} s`,
  );

  // 3. One transaction.
  const rows: Record<string, number> = Object.fromEntries([...TABLES].reverse().map((t) => [t, 0]));
  const engine = ndb.engine;
  await ndb.db.transaction().execute(async (trx) => {
    if (options.replace) {
      for (const table of TABLES) await trx.deleteFrom(table).execute();
    } else if ((await trx.selectFrom('unit').select('code').limit(1).executeTakeFirst()) !== undefined) {
      throw new Error(`The ${engine} database is already seeded (it has units); seed an empty database`);
    }
    const insert = async <T extends keyof Database>(table: T, values: Insertable<Database[T]>[], label: string = table) => {
      await insertRows(trx, engine, table, values);
      rows[table] = (rows[table] ?? 0) + values.length;
      if (values.length > 0) progress(`${label} ${fmt(values.length)}`);
    };

    await insert('unit_structure', structureRows(today !== null));
    await insert('unit', options.units.map((u) => unitRow('pre2025', u)));
    if (today) {
      await insert('unit', today.units.map((u) => unitRow('2025-07', u)), 'unit (2025-07)');
      await insert('unit_lineage', today.lineage);
      await insert('commune_classification', today.reform.classifications);
      await insert('special_difficulty', today.reform.specialDifficulty, 'special_difficulty (2025-07, illustrative)');
      await insert('recognition', today.reform.recognitions, 'recognition (51/2025, illustrative)');
    }
    for (const catalogue of [facts.catalogue, ...facts.laterSets]) {
      await insert('criteria_set', [catalogue.set]);
      await insert('criterion_group', catalogue.groups);
      await insert('criterion', catalogue.criteria);
      await insert('indicator', catalogue.indicators);
    }
    await insert(
      'recognition',
      [...facts.recognitions.communes, ...facts.recognitions.districts].map((f) => f.record),
      'recognition (official)',
    );
    await insert('recognition', data.recognitions, 'recognition (illustrative)');
    await insert(
      'special_difficulty',
      facts.specialDifficulty.listings.map((f) => f.record),
      'special_difficulty (official)',
    );
    await insert('special_difficulty', data.specialDifficulty, 'special_difficulty (illustrative)');
    await insert('target', facts.targets.map((f) => f.record));
    await insert('target', facts.targets2030, 'target (2030, national)');
    await insert('official_count', facts.officialCounts);
    await insert('planned_commune', facts.plannedCommunes.communes.map((f) => f.record));
    await insert('reported_criteria', facts.reportedCriteria.reports.map((f) => f.record));
    rows.review = await insertReviews(trx, engine, data.reviews, data.source, progress);
    if (today) rows.review += await insertReviews(trx, engine, today.reform.reviews, today.reform.source, progress);
    await insert('meta', [
      { key: 'seed_version', value: SEED_VERSION },
      { key: 'seed', value: String(seed) },
      { key: 'facts_sha256', value: facts.sha256 },
      { key: 'seeded_at', value: new Date().toISOString() },
      { key: 'generator', value: data.source },
      { key: 'periods', value: `${firstPeriod}..${lastPeriod}` },
    ]);
  });
  const seconds = (performance.now() - started) / 1000;
  progress(`seeded ${engine} in ${seconds.toFixed(1)} s`);
  return { rows, skipped: { ...facts.skipped }, seconds, illustrative: summary };
}

function unitRow(structure: UnitStructure, unit: UnitRecord): Insertable<UnitTable> {
  return {
    structure,
    code: unit.code,
    level: unit.level,
    type: unit.type,
    name: unit.name,
    parent_code: unit.parent,
    province_code: unit.province,
    district_code: unit.level === 'province' ? null : unit.level === 'district' ? unit.code : unit.district,
    rural: unit.rural ? 1 : 0,
    has_polygon: unit.hasPolygon ? 1 : 0,
    bbox: unit.bbox ? JSON.stringify(unit.bbox) : null,
    label_lon: unit.label ? unit.label[0] : null,
    label_lat: unit.label ? unit.label[1] : null,
    valid_from: structure === 'pre2025' ? UNITS_VALID_FROM : TODAY_VALID_FROM,
    valid_to: null,
    changes: unit.earlier ? JSON.stringify(changesOf(unit)) : null,
  };
}

/** Bound parameters per statement: SQLite's SQLITE_MAX_VARIABLE_NUMBER (32,766 since 3.32), PostgreSQL's
 * protocol limit (65,535), with a margin. */
const MAX_PARAMETERS = { sqlite: 32_000, postgres: 60_000 } as const;
/** Rows per statement, measured on 150,000 review rows (12 columns) in one transaction on a 2-core machine:
 * SQLite 70k rows/s at 100 rows, ~80k rows/s from 250 to 2,000; PostgreSQL 32k rows/s at 250, 35k at 1,000,
 * 38k at 2,000 (24,000 parameters), 33k at 4,000 (48,000 parameters). */
const MAX_ROWS_PER_STATEMENT = { sqlite: 1_000, postgres: 2_000 } as const;

function batchSize(engine: NtmDatabase['engine'], columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT[engine], Math.floor(MAX_PARAMETERS[engine] / columns)));
}

async function insertRows<T extends keyof Database>(
  trx: Transaction<Database>,
  engine: NtmDatabase['engine'],
  table: T,
  values: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (values.length === 0) return;
  const size = batchSize(engine, Object.keys(values[0]!).length);
  for (let i = 0; i < values.length; i += size) {
    await trx.insertInto(table).values(values.slice(i, i + size)).execute();
  }
}

/** The review rows of the illustrative series, in batches, with progress every ~10%. */
async function insertReviews(
  trx: Transaction<Database>,
  engine: NtmDatabase['engine'],
  series: ReviewSeries,
  source: string,
  progress: (line: string) => void,
): Promise<number> {
  const size = batchSize(engine, 12);
  const total = series.count;
  const step = Math.max(size, Math.ceil(total / 10 / size) * size);
  let done = 0;
  let reported = 0;
  for (const batch of reviewBatches(series, source, size)) {
    await trx.insertInto('review').values(batch).execute();
    done += batch.length;
    if (done - reported >= step || done === total) {
      progress(`reviews ${fmt(done)}/${fmt(total)}`);
      reported = done;
    }
  }
  return done;
}

/** The series as review rows, `size` at a time (commune by commune, month by month). */
export function* reviewBatches(
  series: ReviewSeries,
  source: string,
  size: number,
): Generator<Insertable<ReviewTable>[]> {
  const T = series.periods.length;
  const reviewedAt = series.periods.map((period) => `${period}-20T00:00:00.000Z`);
  let batch: Insertable<ReviewTable>[] = [];
  for (let c = 0; c < series.communes.length; c++) {
    const code = series.communes[c]!;
    for (let t = 0; t < T; t++) {
      const cell = c * T + t;
      const mask = series.masks[cell]!;
      if (mask === -1) continue;
      batch.push({
        structure: series.structure,
        commune_code: code,
        period: series.periods[t]!,
        set_code: series.setCodes[t]!,
        met_mask: mask,
        met_count: popcount(mask),
        indicators: null,
        notes: series.notes.get(cell) ?? null,
        provenance: 'illustrative',
        source,
        reviewed_by: null,
        reviewed_at: reviewedAt[t]!,
        version: 1,
      });
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
