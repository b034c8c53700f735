import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type Kysely, NO_MIGRATIONS, type Selectable, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NtmDatabase, parseDatabaseUrl } from '../../../server/db/database.ts';
import { createMigrator, MIGRATIONS, migrateToLatest } from '../../../server/db/migrate.ts';
import { latestReviewsAt, latestReviewsQuery } from '../../../server/db/review-query.ts';
import type { Database } from '../../../server/db/schema.ts';
import { engines } from '../../setup/engines.ts';

// ---- The schema.ts contract, checked by the compiler: every table and column of `Database`, with the
// storage kind its TypeScript type allows (string -> text; number -> integer or real) and its nullability.
type Kind<T> = [T] extends [string] ? 'text' : [T] extends [number] ? 'integer' | 'real' : never;
type ColumnSpec<Row> = { [K in keyof Row]-?: `${Kind<NonNullable<Row[K]>>}${null extends Row[K] ? ' null' : ''}` };
type SchemaSpec = { [T in keyof Database]: ColumnSpec<Selectable<Database[T]>> };

const SCHEMA: SchemaSpec = {
  unit: {
    structure: 'text',
    code: 'text',
    level: 'text',
    type: 'text',
    name: 'text',
    parent_code: 'text null',
    province_code: 'text',
    district_code: 'text null',
    rural: 'integer',
    has_polygon: 'integer',
    bbox: 'text null',
    label_lon: 'real null',
    label_lat: 'real null',
    valid_from: 'text',
    valid_to: 'text null',
    changes: 'text null',
  },
  criteria_set: {
    code: 'text',
    name_vi: 'text',
    name_en: 'text',
    decision: 'text',
    decision_date: 'text null',
    valid_from: 'text',
    valid_to: 'text null',
    unit_structure: 'text',
    criteria_count: 'integer',
    source_url: 'text',
    notes: 'text null',
    levels: 'text null',
    in_force_date: 'text null',
  },
  criterion_group: { set_code: 'text', number: 'integer', name_vi: 'text', name_en: 'text' },
  criterion: {
    set_code: 'text',
    number: 'integer',
    code: 'text',
    name_vi: 'text',
    name_en: 'text',
    group_number: 'integer',
    indicators_complete: 'integer',
    sources: 'text',
  },
  indicator: {
    set_code: 'text',
    criterion_number: 'integer',
    code: 'text',
    name_vi: 'text',
    name_en: 'text null',
    unit: 'text null',
    thresholds: 'text null',
    sources: 'text',
  },
  review: {
    structure: 'text',
    id: 'integer',
    commune_code: 'text',
    period: 'text',
    set_code: 'text',
    met_mask: 'integer',
    met_count: 'integer',
    indicators: 'text null',
    notes: 'text null',
    provenance: 'text',
    source: 'text null',
    reviewed_by: 'text null',
    reviewed_at: 'text',
    version: 'integer',
  },
  recognition: {
    structure: 'text',
    id: 'integer',
    unit_code: 'text',
    unit_level: 'text',
    level: 'text',
    year: 'integer null',
    decision: 'text null',
    decision_date: 'text null',
    effective_period: 'text null',
    signer: 'text null',
    status: 'text',
    revoked_date: 'text null',
    revocation_decision: 'text null',
    revocation_reason: 'text null',
    provenance: 'text',
    source_url: 'text null',
    note: 'text null',
    decision_key: 'text null',
  },
  special_difficulty: {
    structure: 'text',
    id: 'integer',
    commune_code: 'text',
    classification: 'text',
    special: 'integer',
    decision: 'text null',
    period_from: 'text',
    period_to: 'text',
    provenance: 'text',
    source_url: 'text null',
    note: 'text null',
  },
  target: {
    scope_structure: 'text',
    id: 'integer',
    scope: 'text',
    scope_code: 'text null',
    metric: 'text',
    value: 'text',
    value_num: 'real null',
    kind: 'text',
    deadline: 'text null',
    source: 'text',
    source_url: 'text null',
    note: 'text null',
  },
  planned_commune: {
    structure: 'text',
    id: 'integer',
    commune_code: 'text',
    target_level: 'text',
    due: 'text',
    due_period: 'text',
    plan: 'text',
    source: 'text',
    note: 'text null',
    plan_key: 'text null',
  },
  reported_criteria: {
    structure: 'text',
    id: 'integer',
    commune_code: 'text',
    criteria_met: 'integer',
    criteria_total: 'integer',
    criteria_set: 'text',
    as_of: 'text',
    source_url: 'text',
    note: 'text null',
  },
  meta: { key: 'text', value: 'text' },
  unit_structure: {
    code: 'text',
    name_vi: 'text',
    name_en: 'text',
    valid_from: 'text null',
    valid_to: 'text null',
    in_force_date: 'text null',
    levels: 'text',
    decision: 'text null',
    source: 'text',
    attribution: 'text',
  },
  unit_lineage: { old_structure: 'text', old_code: 'text', new_structure: 'text', new_code: 'text', link: 'text', source: 'text' },
  commune_classification: {
    id: 'integer',
    structure: 'text',
    commune_code: 'text',
    kind: 'text',
    value: 'text',
    decision: 'text null',
    decision_date: 'text null',
    period_from: 'text',
    period_to: 'text null',
    provenance: 'text',
    source_url: 'text null',
    note: 'text null',
    recorded_by: 'text null',
    recorded_at: 'text',
  },
  official_count: {
    id: 'integer',
    scope: 'text',
    code: 'text',
    structure: 'text',
    as_of: 'text',
    metric: 'text',
    value: 'real null',
    value_text: 'text',
    denominator: 'real null',
    source_url: 'text null',
    verified: 'text',
    note: 'text null',
  },
  app_user: { id: 'integer', email: 'text', name: 'text null', role: 'text', unit_code: 'text null', unit_structure: 'text', password_hash: 'text', created_at: 'text', disabled: 'integer' },
  session: { id: 'text', user_id: 'integer', csrf_token: 'text', created_at: 'text', expires_at: 'text', address: 'text null', user_agent: 'text null' },
  audit_entry: { id: 'integer', at: 'text', user_id: 'integer null', actor: 'text', action: 'text', unit_code: 'text null', unit_structure: 'text', entity: 'text', entity_id: 'text null', before: 'text null', after: 'text null' },
  village_count: { structure: 'text', commune_code: 'text', villages: 'integer', ntm_villages: 'integer', model_villages: 'integer', updated_by: 'text', updated_at: 'text' },
  sign_in_attempt: { id: 'text', key: 'text', state: 'text', at: 'integer' },
  sign_in_device: { key: 'text', created_at: 'integer' },
  import_run: { id: 'text', user_id: 'integer', started_at: 'integer' },
  data_change: { id: 'integer', at: 'integer', origin: 'text', what: 'text' },
};

const TABLES_WITH_ID = ['review', 'recognition', 'special_difficulty', 'target', 'planned_commune', 'reported_criteria', 'app_user', 'audit_entry', 'commune_classification', 'official_count', 'data_change'];

/** Every index and key, as "table(col, col)" with " unique" when unique; integer ids are checked apart. */
const INDEXES = [
  'unit(structure,code) unique',
  'unit(structure,parent_code)',
  'unit(structure,level)',
  'criteria_set(code) unique',
  'criterion_group(set_code,number) unique',
  'criterion(set_code,number) unique',
  'indicator(set_code,code) unique',
  'review(structure,commune_code,period) unique',
  'review(period,structure,commune_code,met_mask,met_count,provenance)',
  'recognition(unit_code)',
  'recognition(structure,unit_code,level,decision_key) unique',
  'special_difficulty(commune_code)',
  'target(scope,scope_code)',
  'planned_commune(commune_code)',
  'planned_commune(structure,commune_code,target_level,plan_key) unique',
  'reported_criteria(commune_code)',
  'meta(key) unique',
  'app_user(email) unique',
  'session(user_id)',
  'audit_entry(unit_code,at)',
  'audit_entry(at)',
  'village_count(structure,commune_code) unique',
  'unit_structure(code) unique',
  'unit_lineage(old_structure,old_code,new_structure,new_code) unique',
  'unit_lineage(new_structure,new_code)',
  'commune_classification(structure,commune_code,kind)',
  'official_count(structure,scope,code,as_of)',
  'sign_in_attempt(key,state,at)',
  'sign_in_attempt(at)',
  'sign_in_device(key) unique',
].sort();

function storageKind(dataType: string): string {
  const type = dataType.toLowerCase();
  if (type === 'text') return 'text';
  if (type === 'integer' || type === 'int4' || type === 'int8' || type === 'bigint') return 'integer';
  if (type === 'double precision' || type === 'float8' || type === 'real') return 'real';
  return `unexpected ${dataType}`;
}

async function listIndexes(handle: NtmDatabase): Promise<string[]> {
  const tables = Object.keys(SCHEMA);
  if (handle.engine === 'sqlite') {
    const { rows } = await sql<{ tbl: string; name: string; unique: number; col: string }>`
      select m.name as tbl, il.name as name, il."unique" as "unique", ii.name as col
      from sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii
      where m.type = 'table' order by m.name, il.name, ii.seqno`.execute(handle.db);
    return group(rows.filter((row) => tables.includes(row.tbl)));
  }
  const { rows } = await sql<{ tbl: string; name: string; unique: boolean; col: string }>`
    select t.relname as tbl, i.relname as name, ix.indisunique as "unique", a.attname as col
    from pg_index ix
    join pg_class t on t.oid = ix.indrelid
    join pg_class i on i.oid = ix.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    cross join lateral unnest(ix.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
    where n.nspname = current_schema()
    order by t.relname, i.relname, k.ord`.execute(handle.db);
  return group(rows.filter((row) => tables.includes(row.tbl)));
}

function group(rows: Array<{ tbl: string; name: string; unique: number | boolean; col: string }>): string[] {
  const byIndex = new Map<string, { tbl: string; unique: boolean; cols: string[] }>();
  for (const row of rows) {
    const entry = byIndex.get(row.name) ?? { tbl: row.tbl, unique: Boolean(row.unique), cols: [] };
    entry.cols.push(row.col);
    byIndex.set(row.name, entry);
  }
  return [...byIndex.values()]
    .map((entry) => `${entry.tbl}(${entry.cols.join(',')})${entry.unique ? ' unique' : ''}`)
    .sort();
}

const reviewRow = (commune_code: string, period: string) => ({
  commune_code,
  period,
  set_code: '2021-2025',
  met_mask: 0b101,
  met_count: 2,
  provenance: 'illustrative' as const,
  reviewed_at: '2025-01-01T00:00:00Z',
});

describe.each(engines())('migrations on $name', ({ name, open }) => {
  let handle: NtmDatabase;
  beforeAll(async () => {
    handle = await open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('create every table and column of schema.ts, with its type and nullability', async () => {
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual(Object.keys(SCHEMA).sort());
    for (const table of tables) {
      const actual = Object.fromEntries(
        table.columns.map((column) => {
          const notNull = !column.isNullable || column.isAutoIncrementing; // SQLite's rowid alias reads as nullable
          return [column.name, `${storageKind(column.dataType)}${notNull ? '' : ' null'}`];
        }),
      );
      expect(actual, table.name).toEqual(SCHEMA[table.name as keyof Database]);
    }
  });

  it('create the keys and indexes, and autoincrement ids', async () => {
    const indexes = (await listIndexes(handle)).filter((index) => !/^\w+\(id\) unique$/.test(index));
    expect(indexes).toEqual(INDEXES);
    const tables = await handle.db.introspection.getTables();
    for (const table of TABLES_WITH_ID) {
      const id = tables.find((t) => t.name === table)?.columns.find((column) => column.name === 'id');
      expect(id?.isAutoIncrementing, `${table}.id`).toBe(true);
    }
  });

  it('re-running applies nothing', async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(Object.keys(MIGRATIONS)).toEqual(['0001_initial', '0002_workspace', '0003_unique_decisions', '0004_review_covering_index', '0005_eras', '0006_shared_state', '0007_village_count_structure']);
  });

  it('review: unique (commune_code, period), ids assigned, version defaults to 1', async () => {
    const db = handle.db;
    await db.insertInto('review').values([reviewRow('00001', '2024-01'), reviewRow('00001', '2024-02')]).execute();
    await expect(db.insertInto('review').values(reviewRow('00001', '2024-01')).execute()).rejects.toThrow(
      /unique|duplicate/i,
    );
    const rows = await db.selectFrom('review').select(['id', 'period', 'version']).orderBy('period').execute();
    expect(rows.map((row) => [row.period, row.version])).toEqual([
      ['2024-01', 1],
      ['2024-02', 1],
    ]);
    expect(rows[0]!.id).toBeGreaterThan(0);
    expect(rows[1]!.id).toBeGreaterThan(rows[0]!.id);
    // an explicit id is accepted too (seed and imports keep their ids)
    await db
      .insertInto('review')
      .values({ ...reviewRow('00002', '2024-01'), id: 1000 })
      .execute();
    const [inserted] = await db
      .insertInto('review')
      .values(reviewRow('00003', '2024-01'))
      .returning('id')
      .execute();
    expect(inserted!.id).toBeGreaterThan(0);
    await db.deleteFrom('review').execute();
  });

  it('criteria tables reference criteria_set', async () => {
    const db = handle.db;
    const group = { set_code: 'nope', number: 1, name_vi: 'Quy hoạch', name_en: 'Planning' };
    await expect(db.insertInto('criterion_group').values(group).execute()).rejects.toThrow(/foreign key/i);
    await db
      .insertInto('criteria_set')
      .values({
        code: '2021-2025',
        name_vi: 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025',
        name_en: 'National criteria for new-rural communes, 2021-2025',
        decision: '318/QĐ-TTg',
        decision_date: '2022-03-08',
        valid_from: '2022-03',
        valid_to: '2025-12',
        unit_structure: 'pre2025',
        criteria_count: 19,
        source_url: 'https://example.org/318',
        notes: null,
      })
      .execute();
    await db
      .insertInto('criterion_group')
      .values({ ...group, set_code: '2021-2025' })
      .execute();
    await expect(db.deleteFrom('criteria_set').execute()).rejects.toThrow(/foreign key/i);
    await db.deleteFrom('criterion_group').execute();
    await db.deleteFrom('criteria_set').execute();
  });

  it('a failing migration is named in the error', async () => {
    // Forget that 0001 ran: running it again fails on the existing tables.
    await sql`delete from kysely_migration`.execute(handle.db);
    await expect(migrateToLatest(handle.db)).rejects.toThrow(/migration "0001_initial" failed/);
    const now = new Date().toISOString();
    for (const name of Object.keys(MIGRATIONS)) await sql`insert into kysely_migration (name, timestamp) values (${name}, ${now})`.execute(handle.db);
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('migrating down drops every table', async () => {
    const scratch = await open();
    try {
      const { error } = await createMigrator(scratch.db).migrateTo(NO_MIGRATIONS);
      expect(error).toBeUndefined();
      expect(await scratch.db.introspection.getTables()).toEqual([]);
      expect(await migrateToLatest(scratch.db)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await scratch.close();
    }
  });

  // ---- Scale: ~7,700 rural communes × 65 monthly reviews, and "each commune's latest review at or before P".
  describe('at national scale', () => {
    const COMMUNES = 7700;
    const REVIEWS_EACH = 65;
    const P = '2024-06';
    const month = (index: number) => `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
    const monthIndex = (period: string) => (Number(period.slice(0, 4)) - 2000) * 12 + Number(period.slice(5, 7)) - 1;
    const codeOf = (i: number) => String(100 + i * 3).padStart(5, '0');
    /** The periods of commune i: most monthly (ending before or after P), some quarterly, some all after P. */
    function periodsOf(i: number): string[] {
      const step = i % 4 === 0 ? 3 : 1;
      let start = monthIndex('2018-01') + (i % 30); // monthly, ending between 2023-05 and 2025-10
      if (i % 4 === 0) start = monthIndex('2010-01') + (i % 3); // quarterly, 2010-2026
      if (i % 50 === 1) start = monthIndex('2024-07'); // reviewed only after P
      return Array.from({ length: REVIEWS_EACH }, (_, k) => month(start + k * step));
    }
    const popcount = (n: number) => n.toString(2).replaceAll('0', '').length;
    const maskOf = (i: number, period: string) => (i * 7919 + monthIndex(period) * 104729) & 0x7ffff;

    let big: NtmDatabase;
    beforeAll(async () => {
      big = await open();
    });
    afterAll(async () => {
      await big?.close();
    });

    it(
      'inserts 500,500 reviews and finds every commune latest review at or before P, through the index',
      async () => {
        const total = COMMUNES * REVIEWS_EACH;
        const started = performance.now();
        if (big.engine === 'sqlite') {
          // A second connection to the same file (WAL): better-sqlite3's prepared statement in one transaction.
          const parsed = parseDatabaseUrl(big.url);
          if (parsed.engine !== 'sqlite') throw new Error('expected a SQLite URL');
          const raw = new SqliteDatabase(parsed.path);
          try {
            const insert = raw.prepare(
              `insert into review (commune_code, period, set_code, met_mask, met_count, provenance, reviewed_at)
               values (?, ?, '2021-2025', ?, ?, 'illustrative', '2025-01-01T00:00:00Z')`,
            );
            raw.transaction(() => {
              for (let i = 0; i < COMMUNES; i++) {
                for (const period of periodsOf(i)) {
                  const mask = maskOf(i, period);
                  insert.run(codeOf(i), period, mask, popcount(mask));
                }
              }
            })();
          } finally {
            raw.close();
          }
        } else {
          // One array per column, unnest()ed server side: 7 bind parameters per statement whatever the batch.
          await bulkInsertPostgres(big.db, function* () {
            for (let i = 0; i < COMMUNES; i++) {
              for (const period of periodsOf(i)) {
                const mask = maskOf(i, period);
                yield [codeOf(i), period, mask, popcount(mask)] as const;
              }
            }
          });
        }
        const insertMs = performance.now() - started;
        const count = await big.db
          .selectFrom('review')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(total);

        // The expected answer, computed here.
        const expected = new Map<string, string>();
        for (let i = 0; i < COMMUNES; i++) {
          const before = periodsOf(i).filter((period) => period <= P);
          if (before.length > 0) expected.set(codeOf(i), before[before.length - 1]!);
        }

        const time = async (runs: number, f: () => Promise<unknown>) => {
          let best = Number.POSITIVE_INFINITY;
          for (let run = 0; run < runs; run++) {
            const t = performance.now();
            await f();
            best = Math.min(best, performance.now() - t);
          }
          return best;
        };
        const coldMs = await time(1, () => latestReviewsAt(big.db, 'pre2025', P));
        const analyzeStarted = performance.now();
        await sql.raw(big.engine === 'sqlite' ? 'analyze' : 'vacuum analyze review').execute(big.db);
        const analyzeMs = performance.now() - analyzeStarted;

        const rows = await latestReviewsAt(big.db, 'pre2025', P);
        expect(rows.length).toBe(expected.size);
        expect(rows.length).toBeGreaterThan(7000);
        expect(rows.length).toBeLessThan(COMMUNES); // communes reviewed only after P are absent
        const asOf = new Map(rows.map((row) => [row.commune_code, row.period]));
        expect(asOf).toEqual(expected);
        expect(new Set(asOf.values()).size).toBeGreaterThan(10); // as-of periods really differ
        expect(rows.map((row) => row.commune_code)).toEqual([...expected.keys()].sort());
        for (const row of rows.filter((_, index) => index % 97 === 0)) {
          const i = (Number(row.commune_code) - 100) / 3;
          expect(row.met_mask).toBe(maskOf(i, row.period));
          expect(row.met_count).toBe(popcount(row.met_mask));
          expect(row.provenance).toBe('illustrative');
        }

        const allCodes = Array.from({ length: COMMUNES }, (_, i) => codeOf(i));
        const fewCodes = allCodes.filter((_, i) => i % 500 === 0).concat(['99999']);
        const few = await latestReviewsAt(big.db, 'pre2025', P, fewCodes);
        expect(few.map((row) => [row.commune_code, row.period])).toEqual(
          fewCodes.filter((code) => expected.has(code)).map((code) => [code, expected.get(code)]),
        );
        expect(await latestReviewsAt(big.db, 'pre2025', P, [])).toEqual([]);
        expect(await latestReviewsAt(big.db, 'pre2025', '1999-12')).toEqual([]);
        const listed = await latestReviewsAt(big.db, 'pre2025', P, allCodes);
        expect(listed).toEqual(rows);

        const wholeMs = await time(7, () => latestReviewsAt(big.db, 'pre2025', P));
        const listMs = await time(7, () => latestReviewsAt(big.db, 'pre2025', P, allCodes));
        const oneMs = await time(7, () =>
          big.db.selectFrom('review').selectAll().where('commune_code', '=', codeOf(42)).orderBy('period').execute(),
        );

        // The plans: index probes on review, never a scan of the whole table.
        for (const codes of [undefined, fewCodes]) {
          const plan = await explain(big, latestReviewsQuery(big.db, 'pre2025', P, codes).compile());
          expect(plan).toContain('review_structure_commune_period_key');
          if (big.engine === 'sqlite') expect(plan).not.toMatch(/^\s*SCAN (review|r|r2)\b/m);
          else expect(plan).not.toMatch(/Seq Scan on review/);
        }
        const onePlan = await explain(
          big,
          big.db.selectFrom('review').selectAll().where('structure', '=', 'pre2025').where('commune_code', '=', '00001').orderBy('period').compile(),
        );
        expect(onePlan).toContain('review_structure_commune_period_key');
        // A month's reviews (the status of a month) come from the index alone on SQLite, no table lookups.
        const monthPlan = await explain(
          big,
          big.db.selectFrom('review').select(['commune_code', 'period', 'met_mask', 'met_count', 'provenance']).where('period', '=', P).compile(),
        );
        expect(monthPlan).toContain('review_period_status_idx');
        if (big.engine === 'sqlite') expect(monthPlan).toContain('COVERING INDEX');

        console.log(
          `[scale ${name}] insert ${total} reviews: ${Math.round(insertMs)} ms; ` +
            `${big.engine === 'sqlite' ? 'analyze' : 'vacuum analyze'}: ${Math.round(analyzeMs)} ms; ` +
            `latest at ${P} (${rows.length} communes): first run before analyze ${coldMs.toFixed(1)} ms, ` +
            `whole country best of 7 ${wholeMs.toFixed(1)} ms, with the ${COMMUNES} codes given ${listMs.toFixed(1)} ms; ` +
            `all reviews of one commune ${oneMs.toFixed(2)} ms`,
        );
      },
      240_000,
    );
  });
});

async function explain(handle: NtmDatabase, query: CompiledQuery): Promise<string> {
  const prefix = handle.engine === 'sqlite' ? 'explain query plan ' : 'explain ';
  const { rows } = await handle.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
  );
  return rows.map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n');
}

async function bulkInsertPostgres(
  db: Kysely<Database>,
  rows: () => Iterable<readonly [string, string, number, number]>,
): Promise<void> {
  const BATCH = 50_000;
  await db.transaction().execute(async (tx) => {
    let codes: string[] = [];
    let periods: string[] = [];
    let masks: number[] = [];
    let counts: number[] = [];
    const flush = async () => {
      if (codes.length === 0) return;
      await sql`
        insert into review (commune_code, period, set_code, met_mask, met_count, provenance, reviewed_at)
        select c, p, '2021-2025', m, n, 'illustrative', '2025-01-01T00:00:00Z'
        from unnest(${codes}::text[], ${periods}::text[], ${masks}::int[], ${counts}::int[]) as t(c, p, m, n)`.execute(tx);
      codes = [];
      periods = [];
      masks = [];
      counts = [];
    };
    for (const [code, period, mask, count] of rows()) {
      codes.push(code);
      periods.push(period);
      masks.push(mask);
      counts.push(count);
      if (codes.length === BATCH) await flush();
    }
    await flush();
  });
}
