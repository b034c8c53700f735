/** @module Benchmark of the monthly review import (issue #7: "10,000 rows import in under 10 s"): a long-layout file
 * of 526 communes × 19 criteria = 9,994 rows, as CSV and as XLSX, uploaded through the API as a signed-in
 * admin (multipart parse, validation of every row, preview or one-transaction apply with audit entries),
 * on SQLite and on a throw-away PostgreSQL cluster. Prints times and their ratio to the 10 s target.
 * NTM_BENCH_ERAS=today: on databases of both eras (to 2026-11), the file is 1,000 of today's communes × the 10
 * criteria of the 2026-2030 set = 10,000 rows for 2026-03 (updates) and 2026-12 (a month without reviews). */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

import { join } from 'node:path';
import { sql } from 'kysely';
import { buildAllBoundaries } from '../scripts/boundary/build.ts';
import { startThrowawayCluster } from '../scripts/pg/throwaway-cluster.ts';
import { loadApiContext } from '../server/context/context.ts';
import { boundaryBuilds } from '../server/tiles/builds.ts';
import { createApp } from '../server/app.ts';
import { cliActor } from '../server/audit/audit.ts';
import { createUser } from '../server/auth/users.ts';
import { BUILD_DIR, DEFAULT_BOUNDARIES_2025_DIR, DEFAULT_BOUNDARIES_DIR, DEFAULT_FACTS_DIR } from '../server/config/paths.ts';
import { openDatabase, type NtmDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { seedDatabase } from '../server/seed/seed.ts';
import { seedInputs } from '../server/seed/inputs.ts';
import type { UnitStructure } from '../server/db/schema.ts';
import { runBench, scratchDir } from './run.ts';

const COMMUNES = 526;
const TODAY = process.env.NTM_BENCH_ERAS === 'today';
const TODAY_COMMUNES = 1000;
const TARGET_MS = 10_000;
const ORIGIN = 'http://localhost';
const HEADERS = ['Mã xã', 'Tên xã', 'Kỳ báo cáo', 'Tiêu chí', 'Đạt', 'Ghi chú'];
const work = scratchDir('import');
const line = (label: string, value: string, note = '') => console.log(`${label.padEnd(62)} ${value.padStart(10)}   ${note}`);

/** `communesN` rural communes of `structure` × `count` criteria for `period`, with about one value in seven
 * flipped from the stored review of `basePeriod`. */
async function fileRows(ndb: NtmDatabase, period: string, structure: UnitStructure = 'pre2025', count = 19, communesN = COMMUNES, basePeriod = '2025-12'): Promise<string[][]> {
  const communes = await ndb.db
    .selectFrom('unit')
    .leftJoin('review', (j) => j.onRef('review.commune_code', '=', 'unit.code').onRef('review.structure', '=', 'unit.structure').on('review.period', '=', basePeriod))
    .select(['unit.code', 'unit.name', 'review.met_mask'])
    .where('unit.level', '=', 'commune')
    .where('unit.rural', '=', 1)
    .where('unit.structure', '=', structure)
    .orderBy('unit.code')
    .limit(communesN)
    .execute();
  const rows: string[][] = [];
  communes.forEach((c, i) => {
    for (let n = 1; n <= count; n++) {
      const met = (((c.met_mask ?? 0) >> (n - 1)) & 1) === 1;
      rows.push([c.code, c.name, period, `TC${String(n).padStart(2, '0')}`, met !== ((i + n) % 7 === 0) ? 'Đạt' : 'Không đạt', n === count && i % 10 === 0 ? 'Đã kiểm tra thực địa' : '']);
    }
  });
  return rows;
}

async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Rà soát');
  sheet.addRow(HEADERS);
  sheet.addRows(rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function run(engine: string, ndb: NtmDatabase): Promise<void> {
  const ctx = await loadApiContext(ndb, boundaryBuilds(BUILD_DIR));
  const app = createApp({ ctx });
  const email = `bench-${Date.now()}@example.org`;
  const password = 'bench password for the import';
  await createUser(ndb.db, { email, role: 'admin', password }, cliActor('bench'));
  const login = await app.request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN }, body: JSON.stringify({ email, password }) });
  const cookie = (login.headers.get('Set-Cookie') ?? '').split(';')[0]!;
  const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };

  const upload = async (label: string, bytes: Uint8Array | string, name: string, dryRun: 0 | 1) => {
    const form = new FormData();
    form.append('file', new Blob([bytes as BlobPart]), name);
    const started = performance.now();
    const res = await app.request(`${ORIGIN}/api/v1/admin/imports?dryRun=${dryRun}`, { method: 'POST', headers: { Cookie: cookie, Origin: ORIGIN, 'X-CSRF-Token': csrf }, body: form });
    const body = (await res.json()) as { counts?: Record<string, number>; error?: { message: string } };
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${body.error?.message}`);
    const c = body.counts!;
    line(`${label}, ${engine}`, `${(ms / 1000).toFixed(2)} s`, `${((ms / TARGET_MS) * 100).toFixed(0)} % of the 10 s target; ${c.reviews} reviews: ${c.new} new, ${c.changed} changed, ${c.confirmed} confirmed, ${c.unchanged} unchanged`);
  };

  if (TODAY) {
    // The 2026-2030 set on today's communes: 1,000 communes × 10 criteria.
    const march = await fileRows(ndb, '2026-03', '2025-07', 10, TODAY_COMMUNES, '2026-03');
    const text = stringify([HEADERS, ...march], { bom: true, record_delimiter: 'windows' });
    line(`file: ${march.length.toLocaleString('en')} rows (${TODAY_COMMUNES} of today's communes × 10)`, `${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB`, 'CSV, long layout, 2026-2030 set');
    await upload('CSV dry run (2026-03)', text, 'bench.csv', 1);
    await upload('CSV apply (2026-03, updates)', text, 'bench.csv', 0);
    const xlsx = await xlsxOf(await fileRows(ndb, '2026-04', '2025-07', 10, TODAY_COMMUNES, '2026-04'));
    await upload('XLSX apply (2026-04, updates)', xlsx, 'bench.xlsx', 0);
    const december = stringify([HEADERS, ...(await fileRows(ndb, '2026-12', '2025-07', 10, TODAY_COMMUNES, '2026-11'))], { bom: true });
    await upload('CSV apply (2026-12, a month without reviews: inserts)', december, 'bench-new.csv', 0);
    return;
  }
  const june = await fileRows(ndb, '2025-06');
  const csv = stringify([HEADERS, ...june], { bom: true, record_delimiter: 'windows' });
  line(`file: ${june.length.toLocaleString('en')} rows (${COMMUNES} communes × 19)`, `${(Buffer.byteLength(csv) / 1e6).toFixed(2)} MB`, 'CSV, long layout');
  await upload('CSV dry run (2025-06)', csv, 'bench.csv', 1);
  await upload('CSV apply (2025-06, updates)', csv, 'bench.csv', 0);
  const may = await xlsxOf(await fileRows(ndb, '2025-05'));
  line('file: the same rows for 2025-05 as XLSX', `${(may.byteLength / 1e6).toFixed(2)} MB`);
  await upload('XLSX dry run (2025-05)', may, 'bench.xlsx', 1);
  await upload('XLSX apply (2025-05, updates)', may, 'bench.xlsx', 0);
  const january = stringify([HEADERS, ...(await fileRows(ndb, '2026-01'))], { bom: true });
  await upload('CSV apply (2026-01, a month without reviews: inserts)', january, 'bench-new.csv', 0);
}

/** What both engines are seeded with; with NTM_BENCH_ERAS=today: today's units too, reviews to 2026-11. */
const seedOptions = () => ({
  ...seedInputs({ buildDir: BUILD_DIR, factsDir: DEFAULT_FACTS_DIR, boundaries2025Dir: TODAY ? DEFAULT_BOUNDARIES_2025_DIR : undefined }),
  ...(TODAY ? { lastPeriod: '2026-11' } : {}),
});

await runBench(async () => {
  await buildAllBoundaries({ sources: { pre2025: DEFAULT_BOUNDARIES_DIR, '2025-07': DEFAULT_BOUNDARIES_2025_DIR }, buildDir: BUILD_DIR });
  console.log('Import of 10,000 review rows (target: under 10 s)');
  const sqlite = await openDatabase(`sqlite:${join(work, 'bench.sqlite')}`);
  await migrateToLatest(sqlite.db);
  await seedDatabase(sqlite, seedOptions());
  await run('SQLite', sqlite);
  await sqlite.close();

  let cluster;
  try {
    cluster = await startThrowawayCluster();
  } catch (error) {
    console.log(`PostgreSQL skipped: ${(error as Error).message.split('\n')[0]}`);
  }
  if (cluster) {
    try {
      const pg = await openDatabase(cluster.url);
      await migrateToLatest(pg.db);
      await seedDatabase(pg, seedOptions());
      await sql`vacuum analyze`.execute(pg.db);
      await run('PostgreSQL', pg);
      await pg.close();
    } finally {
      cluster.stop();
    }
  }
});
