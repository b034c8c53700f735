/** @module 0001: the public data tables of schema.ts, on SQLite and PostgreSQL. Portable types only (text, integer,
 * double precision); JSON is stored as text. The one engine branch is the autoincrement id (columns.ts). */
import type { Kysely, Migration } from 'kysely';
import { withId } from './columns.ts';

// Migrations see the database as it was when they were written, not as schema.ts says today.
type AnyDb = Kysely<any>;

const TABLES_IN_DROP_ORDER = [
  'meta',
  'reported_criteria',
  'planned_commune',
  'target',
  'special_difficulty',
  'recognition',
  'review',
  'indicator',
  'criterion',
  'criterion_group',
  'criteria_set',
  'unit',
] as const;

/** Creates the public data tables. */
export const migration0001: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('unit')
      .addColumn('structure', 'text', (col) => col.notNull())
      .addColumn('code', 'text', (col) => col.notNull())
      .addColumn('level', 'text', (col) => col.notNull())
      .addColumn('type', 'text', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('parent_code', 'text')
      .addColumn('province_code', 'text', (col) => col.notNull())
      .addColumn('district_code', 'text')
      .addColumn('rural', 'integer', (col) => col.notNull())
      .addColumn('has_polygon', 'integer', (col) => col.notNull())
      .addColumn('bbox', 'text')
      .addColumn('label_lon', 'double precision')
      .addColumn('label_lat', 'double precision')
      .addColumn('valid_from', 'text', (col) => col.notNull())
      .addColumn('valid_to', 'text')
      .addPrimaryKeyConstraint('unit_pkey', ['structure', 'code'])
      .execute();
    await db.schema.createIndex('unit_structure_parent_idx').on('unit').columns(['structure', 'parent_code']).execute();
    await db.schema.createIndex('unit_structure_level_idx').on('unit').columns(['structure', 'level']).execute();

    await db.schema
      .createTable('criteria_set')
      .addColumn('code', 'text', (col) => col.primaryKey().notNull())
      .addColumn('name_vi', 'text', (col) => col.notNull())
      .addColumn('name_en', 'text', (col) => col.notNull())
      .addColumn('decision', 'text', (col) => col.notNull())
      .addColumn('decision_date', 'text')
      .addColumn('valid_from', 'text', (col) => col.notNull())
      .addColumn('valid_to', 'text')
      .addColumn('unit_structure', 'text', (col) => col.notNull())
      .addColumn('criteria_count', 'integer', (col) => col.notNull())
      .addColumn('source_url', 'text', (col) => col.notNull())
      .addColumn('notes', 'text')
      .execute();

    await db.schema
      .createTable('criterion_group')
      .addColumn('set_code', 'text', (col) => col.notNull())
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('name_vi', 'text', (col) => col.notNull())
      .addColumn('name_en', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('criterion_group_pkey', ['set_code', 'number'])
      .addForeignKeyConstraint('criterion_group_set_fkey', ['set_code'], 'criteria_set', ['code'])
      .execute();

    await db.schema
      .createTable('criterion')
      .addColumn('set_code', 'text', (col) => col.notNull())
      .addColumn('number', 'integer', (col) => col.notNull())
      .addColumn('code', 'text', (col) => col.notNull())
      .addColumn('name_vi', 'text', (col) => col.notNull())
      .addColumn('name_en', 'text', (col) => col.notNull())
      .addColumn('group_number', 'integer', (col) => col.notNull())
      .addColumn('indicators_complete', 'integer', (col) => col.notNull())
      .addColumn('sources', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('criterion_pkey', ['set_code', 'number'])
      .addForeignKeyConstraint('criterion_set_fkey', ['set_code'], 'criteria_set', ['code'])
      .execute();

    await db.schema
      .createTable('indicator')
      .addColumn('set_code', 'text', (col) => col.notNull())
      .addColumn('criterion_number', 'integer', (col) => col.notNull())
      .addColumn('code', 'text', (col) => col.notNull())
      .addColumn('name_vi', 'text', (col) => col.notNull())
      .addColumn('name_en', 'text')
      .addColumn('unit', 'text')
      .addColumn('thresholds', 'text')
      .addColumn('sources', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('indicator_pkey', ['set_code', 'code'])
      .addForeignKeyConstraint('indicator_set_fkey', ['set_code'], 'criteria_set', ['code'])
      .execute();

    await withId(db, db.schema.createTable('review'))
      .addColumn('commune_code', 'text', (col) => col.notNull())
      .addColumn('period', 'text', (col) => col.notNull())
      .addColumn('set_code', 'text', (col) => col.notNull())
      .addColumn('met_mask', 'integer', (col) => col.notNull())
      .addColumn('met_count', 'integer', (col) => col.notNull())
      .addColumn('indicators', 'text')
      .addColumn('notes', 'text')
      .addColumn('provenance', 'text', (col) => col.notNull())
      .addColumn('source', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text', (col) => col.notNull())
      .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
    // (commune_code, period): one review per commune and month; also serves "all reviews of one commune"
    // and "a commune's latest review at or before P" (one backward index probe per commune).
    await db.schema
      .createIndex('review_commune_period_key')
      .unique()
      .on('review')
      .columns(['commune_code', 'period'])
      .execute();
    // (period, commune_code): every review of one month (per-period aggregates, "who changed in P").
    await db.schema.createIndex('review_period_commune_idx').on('review').columns(['period', 'commune_code']).execute();

    await withId(db, db.schema.createTable('recognition'))
      .addColumn('unit_code', 'text', (col) => col.notNull())
      .addColumn('unit_level', 'text', (col) => col.notNull())
      .addColumn('level', 'text', (col) => col.notNull())
      .addColumn('year', 'integer')
      .addColumn('decision', 'text')
      .addColumn('decision_date', 'text')
      .addColumn('effective_period', 'text')
      .addColumn('signer', 'text')
      .addColumn('status', 'text', (col) => col.notNull())
      .addColumn('revoked_date', 'text')
      .addColumn('revocation_decision', 'text')
      .addColumn('revocation_reason', 'text')
      .addColumn('provenance', 'text', (col) => col.notNull())
      .addColumn('source_url', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('recognition_unit_idx').on('recognition').column('unit_code').execute();

    await withId(db, db.schema.createTable('special_difficulty'))
      .addColumn('commune_code', 'text', (col) => col.notNull())
      .addColumn('classification', 'text', (col) => col.notNull())
      .addColumn('special', 'integer', (col) => col.notNull())
      .addColumn('decision', 'text')
      .addColumn('period_from', 'text', (col) => col.notNull())
      .addColumn('period_to', 'text', (col) => col.notNull())
      .addColumn('provenance', 'text', (col) => col.notNull())
      .addColumn('source_url', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('special_difficulty_commune_idx')
      .on('special_difficulty')
      .column('commune_code')
      .execute();

    await withId(db, db.schema.createTable('target'))
      .addColumn('scope', 'text', (col) => col.notNull())
      .addColumn('scope_code', 'text')
      .addColumn('metric', 'text', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('value_num', 'double precision')
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('deadline', 'text')
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('source_url', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('target_scope_idx').on('target').columns(['scope', 'scope_code']).execute();

    await withId(db, db.schema.createTable('planned_commune'))
      .addColumn('commune_code', 'text', (col) => col.notNull())
      .addColumn('target_level', 'text', (col) => col.notNull())
      .addColumn('due', 'text', (col) => col.notNull())
      .addColumn('due_period', 'text', (col) => col.notNull())
      .addColumn('plan', 'text', (col) => col.notNull())
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('planned_commune_commune_idx').on('planned_commune').column('commune_code').execute();

    await withId(db, db.schema.createTable('reported_criteria'))
      .addColumn('commune_code', 'text', (col) => col.notNull())
      .addColumn('criteria_met', 'integer', (col) => col.notNull())
      .addColumn('criteria_total', 'integer', (col) => col.notNull())
      .addColumn('criteria_set', 'text', (col) => col.notNull())
      .addColumn('as_of', 'text', (col) => col.notNull())
      .addColumn('source_url', 'text', (col) => col.notNull())
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('reported_criteria_commune_idx')
      .on('reported_criteria')
      .column('commune_code')
      .execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (col) => col.primaryKey().notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: AnyDb) {
    for (const table of TABLES_IN_DROP_ORDER) await db.schema.dropTable(table).execute();
  },
};
