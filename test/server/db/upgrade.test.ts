// Upgrading a database made by the previous release (migrations 0001-0004, the pre-2025 units only) to this
// one keeps every official record: accounts, sessions, reviews, recognitions, targets, plans, villages and
// audit, each now said to be of the pre-2025 structure, and the database serves its periods in their era.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../server/criterion/catalogue.ts';
import { createMigrator, migrateToLatest } from '../../../server/db/migrate.ts';
import type { NtmDatabase } from '../../../server/db/database.ts';
import { loadEras } from '../../../server/era/era.ts';
import { latestReviewsAt } from '../../../server/db/review-query.ts';
import { engines } from '../../setup/engines.ts';

const AT = '2025-10-20T08:00:00.000Z';

/** What the previous release wrote, column for column (its schema had no structure columns). */
async function previousRelease(db: Kysely<any>): Promise<void> {
  const unit = { structure: 'pre2025', type: 'Xã', rural: 0, has_polygon: 1, bbox: null, label_lon: null, label_lat: null, valid_from: '2025-03-01', valid_to: null };
  await db.insertInto('unit').values([
    { ...unit, code: '62', level: 'province', type: 'Tỉnh', name: 'Tỉnh Kon Tum', parent_code: null, province_code: '62', district_code: null },
    { ...unit, code: '610', level: 'district', type: 'Huyện', name: 'Huyện Đắk Glei', parent_code: '62', province_code: '62', district_code: '610' },
    { ...unit, code: '23284', level: 'commune', name: 'Xã Đắk Blô', parent_code: '610', province_code: '62', district_code: '610', rural: 1 },
  ]).execute();
  await db.insertInto('criteria_set').values({ code: '2021-2025', name_vi: 'Bộ tiêu chí', name_en: 'Criteria', decision: '318/QĐ-TTg', decision_date: '2022-03-08', valid_from: '2021-01', valid_to: '2026-01', unit_structure: 'pre2025', criteria_count: 19, source_url: 'https://example.org/318', notes: null }).execute();
  const review = { commune_code: '23284', set_code: '2021-2025', indicators: null, notes: null, source: 'Báo cáo xã', reviewed_at: AT, version: 2 };
  await db.insertInto('review').values([
    { ...review, period: '2024-06', met_mask: 0x3ffff, met_count: 18, provenance: 'official', reviewed_by: 'can.bo@example.org' },
    // The previous release accepted months up to 2026-01 on the old units: kept, as the old unit's.
    { ...review, period: '2025-09', met_mask: 0x7ffff, met_count: 19, provenance: 'official', reviewed_by: 'can.bo@example.org' },
  ]).execute();
  await db.insertInto('recognition').values({ unit_code: '23284', unit_level: 'commune', level: 'dat_chuan', year: 2024, decision: '12/QĐ-UBND', decision_date: '2024-12-30', effective_period: '2024-12', signer: 'Chủ tịch UBND tỉnh', status: 'recognised', revoked_date: null, revocation_decision: null, revocation_reason: null, provenance: 'official', source_url: null, note: null, decision_key: '12/qđ-ubnd' }).execute();
  await db.insertInto('target').values({ scope: 'province', scope_code: '62', metric: 'target_communes_ntm', value: '60', value_num: 60, kind: 'target', deadline: '2025-12-31', source: 'Kế hoạch', source_url: null, note: null }).execute();
  await db.insertInto('planned_commune').values({ commune_code: '23284', target_level: 'dat_chuan', due: '2025', due_period: '2025-12', plan: 'KH 1', source: 'KH 1', note: null, plan_key: 'kh 1' }).execute();
  const { id } = await db.insertInto('app_user').values({ email: 'can.bo@example.org', name: 'Cán bộ', role: 'district', unit_code: '610', password_hash: 'scrypt$x', created_at: AT, disabled: 0 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('session').values({ id: 'a'.repeat(64), user_id: id, csrf_token: 't', created_at: AT, expires_at: '2026-12-31T00:00:00.000Z', address: '127.0.0.1', user_agent: 'test' }).execute();
  await db.insertInto('audit_entry').values({ at: AT, user_id: id, actor: 'can.bo@example.org', action: 'review.save', unit_code: '23284', entity: 'review', entity_id: '2', before: null, after: '{}' }).execute();
  await db.insertInto('village_count').values({ commune_code: '23284', villages: 8, ntm_villages: 5, model_villages: 1, updated_by: 'can.bo@example.org', updated_at: AT }).execute();
}

const TABLES = ['unit', 'criteria_set', 'review', 'recognition', 'target', 'planned_commune', 'app_user', 'session', 'audit_entry', 'village_count'] as const;

describe.each(engines())('upgrading a database of the previous release on $name', ({ open }) => {
  let ndb: NtmDatabase;
  const before: Record<string, unknown[]> = {};
  beforeAll(async () => {
    ndb = await open();
    const { error } = await createMigrator(ndb.db).migrateTo('0004_review_covering_index');
    if (error) throw error;
    const db = ndb.db as unknown as Kysely<any>;
    await previousRelease(db);
    for (const t of TABLES) before[t] = await db.selectFrom(t).selectAll().execute();
    expect(await migrateToLatest(ndb.db)).toEqual(['0005_eras', '0006_shared_state', '0007_village_count_structure']);
  });
  afterAll(async () => {
    await ndb.close();
  });

  it('keeps every row, each marked as of the pre-2025 structure', async () => {
    const db = ndb.db as unknown as Kysely<any>;
    for (const t of TABLES) {
      const after = (await db.selectFrom(t).selectAll().execute()) as Array<Record<string, unknown>>;
      expect(after.length, t).toBe(before[t]!.length);
      for (const [i, row] of after.entries()) {
        const was = before[t]![i] as Record<string, unknown>;
        // Every column the row had keeps its value; the new ones say pre2025 (or are empty).
        for (const [column, value] of Object.entries(was)) expect(row[column], `${t}.${column}`).toEqual(value);
        for (const column of ['structure', 'unit_structure', 'scope_structure']) if (column in row) expect(row[column], `${t}.${column}`).toBe('pre2025');
      }
    }
  });

  it('records the pre-2025 structure, so that its periods keep their era and the official review is served', async () => {
    const eras = await loadEras(ndb.db, await loadCatalogue(ndb.db));
    expect(eras.structures.map((s) => s.code)).toEqual(['pre2025']);
    expect(eras.at('2024-06')).toMatchObject({ structure: { code: 'pre2025' }, set: { code: '2021-2025', levels: ['dat_chuan', 'nang_cao', 'kieu_mau'] } });
    const [review] = await latestReviewsAt(ndb.db, 'pre2025', '2024-06', ['23284']);
    expect(review).toMatchObject({ commune_code: '23284', period: '2024-06', met_count: 18, provenance: 'official' });
    // A review of an old commune in a month after the reform is never read as today's unit of that code.
    expect(await latestReviewsAt(ndb.db, '2025-07', '2025-09', ['23284'])).toEqual([]);
  });
});
