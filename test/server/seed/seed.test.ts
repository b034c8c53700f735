// The seed on both engines: a full seed (counted; its time is bench:foundation's), a replace, and failures that must leave the database empty.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NtmDatabase } from '../../../server/db/database.ts';
import type { Database } from '../../../server/db/schema.ts';
import { FactsError } from '../../../server/seed/facts/csv.ts';
import { loadFacts } from '../../../server/seed/facts/index.ts';
import { generateIllustrative } from '../../../server/seed/illustrative/generator.ts';
import { DEFAULT_SEED, isSeeded, seedDatabase } from '../../../server/seed/seed.ts';
import { engines } from '../../setup/engines.ts';
import { FACTS_DIR, gsoUnits } from './units-fixture.ts';

const TABLES: Array<keyof Database> = [
  'unit_structure',
  'unit_lineage',
  'commune_classification',
  'official_count',
  'unit',
  'criteria_set',
  'criterion_group',
  'criterion',
  'indicator',
  'review',
  'recognition',
  'special_difficulty',
  'target',
  'planned_commune',
  'reported_criteria',
  'meta',
];

const units = gsoUnits();

async function counts(ndb: NtmDatabase): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await ndb.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

const empty = Object.fromEntries(TABLES.map((t) => [t, 0]));

// The expected review totals, from the generator itself (the database must hold exactly these).
const expected = (() => {
  const data = generateIllustrative({
    units,
    facts: loadFacts(FACTS_DIR, units),
    seed: DEFAULT_SEED,
    firstPeriod: '2021-01',
    lastPeriod: '2025-12',
  });
  let maskSum = 0;
  for (const mask of data.reviews.masks) if (mask !== -1) maskSum += mask;
  return { reviews: data.reviews.count, maskSum, recognitions: data.recognitions.length };
})();

// The same for a seed of the first two months only (the replace check).
const SHORT = (() => {
  const lastPeriod = '2021-02';
  const data = generateIllustrative({ units, facts: loadFacts(FACTS_DIR, units), seed: DEFAULT_SEED, firstPeriod: '2021-01', lastPeriod });
  let maskSum = 0;
  for (const mask of data.reviews.masks) if (mask !== -1) maskSum += mask;
  return { lastPeriod, reviews: data.reviews.count, maskSum };
})();

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function brokenFacts(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-facts-'));
  dirs.push(dir);
  cpSync(FACTS_DIR, dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text.includes(from)).toBe(true);
  writeFileSync(join(dir, file), text.replace(from, to));
  return dir;
}

describe.each(engines())('seed on $name', ({ name, open }) => {
  it('seeds units, catalogue, facts and the illustrative data in one transaction', async () => {
    const ndb = await open();
    try {
      expect(await isSeeded(ndb)).toBe(false);
      const lines: string[] = [];
      const report = await seedDatabase(ndb, { units, factsDir: FACTS_DIR, onProgress: (line) => lines.push(line) });
      const rows = await counts(ndb);
      console.log(
        `[seed] ${name}: ${report.seconds.toFixed(1)} s — ` +
          Object.entries(rows)
            .map(([t, n]) => `${t} ${n}`)
            .join(', '),
      );
      expect(rows).toEqual(report.rows);
      expect(rows).toMatchObject({
        unit: units.length,
        unit_structure: 1,
        // 2021-2025 (19 criteria in 5 groups, the indicators the sources give) and 2026-2030 (10 criteria, no
        // groups, no indicator: none is in a readable source).
        criteria_set: 2,
        criterion_group: 5,
        criterion: 19 + 10,
        indicator: 13,
        official_count: 30,
        unit_lineage: 0,
        commune_classification: 0,
        review: expected.reviews,
        recognition: 136 + 6 + expected.recognitions,
        target: 86 + 4,
        planned_commune: 22,
        reported_criteria: 28,
        meta: 6,
      });
      expect(report.skipped['special_difficulty_communes.csv']).toBe(3);
      // Its time is a benchmark's figure (npm run bench:foundation), not a test's.
      expect(lines.some((line) => /^reviews [\d,]+\/[\d,]+$/.test(line))).toBe(true);
      expect(lines).toContain(`reviews ${expected.reviews.toLocaleString('en-US')}/${expected.reviews.toLocaleString('en-US')}`);
      expect(await isSeeded(ndb)).toBe(true);

      // The rows hold what the generator produced, on either engine.
      const sums = await ndb.db
        .selectFrom('review')
        .select((eb) => [eb.fn.sum<number>('met_mask').as('masks'), eb.fn.countAll<number>().as('n')])
        .executeTakeFirstOrThrow();
      expect(Number(sums.masks)).toBe(expected.maskSum);
      const badCounts = await ndb.db
        .selectFrom('review')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => eb.or([eb('met_count', '<', 0), eb('met_count', '>', 19)]))
        .executeTakeFirstOrThrow();
      expect(Number(badCounts.n)).toBe(0);

      // Known records.
      const haMon = await ndb.db
        .selectFrom('recognition')
        .selectAll()
        .where('unit_code', '=', '23521')
        .where('level', '=', 'dat_chuan')
        .executeTakeFirstOrThrow();
      expect(haMon).toMatchObject({ year: 2013, decision: '06/QĐ-BCĐ', decision_date: '2013-01-17', provenance: 'official', status: 'recognised' });
      const unit = await ndb.db.selectFrom('unit').selectAll().where('code', '=', '23521').executeTakeFirstOrThrow();
      expect(unit).toMatchObject({ structure: 'pre2025', level: 'commune', type: 'Xã', rural: 1, parent_code: '615', province_code: '62', district_code: '615', valid_from: '2025-03-01' });
      const district = await ndb.db.selectFrom('unit').selectAll().where('code', '=', '615').executeTakeFirstOrThrow();
      expect(district).toMatchObject({ level: 'district', parent_code: '62', district_code: '615' });
      const review = await ndb.db
        .selectFrom('review')
        .selectAll()
        .where('commune_code', '=', '23521')
        .where('period', '=', '2021-01')
        .executeTakeFirstOrThrow();
      expect(review).toMatchObject({ set_code: '2021-2025', met_count: 19, met_mask: (1 << 19) - 1, provenance: 'illustrative', source: `illustrative generator v1, seed ${DEFAULT_SEED}`, version: 1 });
      const meta = Object.fromEntries((await ndb.db.selectFrom('meta').selectAll().execute()).map((m) => [m.key, m.value]));
      expect(meta).toMatchObject({ seed_version: 'seed-1', seed: String(DEFAULT_SEED), periods: '2021-01..2025-12' });
      expect(meta.facts_sha256).toMatch(/^[0-9a-f]{64}$/);
      const set = await ndb.db.selectFrom('criteria_set').selectAll().executeTakeFirstOrThrow();
      expect(JSON.parse(set.notes!).structure.grouping_note).toMatch(/conflict/);

      // A seeded database is refused; replace: true empties it and seeds again. The second seed covers two
      // months only (the generator's own figures for them are known): nothing of the first may remain.
      await expect(seedDatabase(ndb, { units, factsDir: FACTS_DIR })).rejects.toThrow(/already seeded/);
      expect(await counts(ndb)).toEqual(rows);
      const again = await seedDatabase(ndb, { units, factsDir: FACTS_DIR, replace: true, lastPeriod: SHORT.lastPeriod });
      console.log(`[seed] ${name}: replaced (${SHORT.lastPeriod}) in ${again.seconds.toFixed(1)} s`);
      expect(await counts(ndb)).toEqual(again.rows);
      expect(again.rows.review).toBe(SHORT.reviews);
      const after = await ndb.db
        .selectFrom('review')
        .select((eb) => [eb.fn.sum<number>('met_mask').as('masks'), eb.fn.max('period').as('last')])
        .executeTakeFirstOrThrow();
      expect(Number(after.masks)).toBe(SHORT.maskSum);
      expect(after.last).toBe(SHORT.lastPeriod);
    } finally {
      await ndb.close();
    }
  }, 180_000);

  it('a broken facts file: a FactsError naming file, line and column, and nothing written', async () => {
    const ndb = await open();
    try {
      const cases: Array<[string, string]> = [
        [brokenFacts('recognitions.csv', ',23524,', ',2352,'), 'recognitions.csv line 14, column commune_code: expected a 5-digit GSO code, got "2352"'],
        [brokenFacts('planned_communes.csv', ',02956,', ',99999,'), 'planned_communes.csv line 3, column commune_code: unknown commune code "99999" (not in the GSO unit list)'],
        [brokenFacts('recognitions.csv', ',2014-12-30,', ',2014-12-32,'), 'recognitions.csv line 42, column decision_date: expected a day between 01 and 31 for 2014-12, got "2014-12-32"'],
      ];
      for (const [dir, message] of cases) {
        const failure = seedDatabase(ndb, { units, factsDir: dir });
        await expect(failure).rejects.toBeInstanceOf(FactsError);
        await expect(failure).rejects.toThrow(message);
        expect(await counts(ndb)).toEqual(empty);
      }
    } finally {
      await ndb.close();
    }
  });

  it('a failure inside the transaction (mid-reviews) leaves every table empty', async () => {
    const ndb = await open();
    try {
      const failure = seedDatabase(ndb, {
        units,
        factsDir: FACTS_DIR,
        onProgress: (line) => {
          if (line.startsWith('reviews ')) throw new Error('interrupted');
        },
      });
      await expect(failure).rejects.toThrow('interrupted');
      expect(await counts(ndb)).toEqual(empty);
      expect(await isSeeded(ndb)).toBe(false);
    } finally {
      await ndb.close();
    }
  }, 120_000);
});
