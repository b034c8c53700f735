/** @module 0005: two eras in one database. Since 1/7/2025 Vietnam has a second unit structure (34 provinces >
 * 3,321 communes) whose 5-digit codes reuse the old ones with other meanings, so every table keyed by a
 * unit code now says in which structure the code is meant (rows written before this release are of the
 * pre-2025 structure: the column's default). The structures themselves become rows (their validity,
 * levels and sources), the old → new lineage a table, and each commune's group (nhóm) and khu vực a
 * record with provenance. The review key becomes (structure, commune_code, period): a review recorded by
 * the previous release for an old commune in a month after the reform is kept, not read as the new unit. */
import type { Kysely, Migration } from 'kysely';
import { withId } from './columns.ts';
import { structureRows } from '../../era/structures.ts';

type AnyDb = Kysely<any>;

/** Tables whose unit code gains a structure column, and the column's name. */
const CODED: ReadonlyArray<[table: string, column: string]> = [
  ['review', 'structure'],
  ['recognition', 'structure'],
  ['special_difficulty', 'structure'],
  ['planned_commune', 'structure'],
  ['reported_criteria', 'structure'],
  ['village_count', 'structure'],
  ['target', 'scope_structure'],
  ['app_user', 'unit_structure'],
  ['audit_entry', 'unit_structure'],
];

/** Adds the unit structures, lineage and classifications, and the structure column of every unit-keyed table. */
export const migration0005: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('unit_structure')
      .addColumn('code', 'text', (col) => col.primaryKey().notNull())
      .addColumn('name_vi', 'text', (col) => col.notNull())
      .addColumn('name_en', 'text', (col) => col.notNull())
      .addColumn('valid_from', 'text') // YYYY-MM, null: since before the first period
      .addColumn('valid_to', 'text') // YYYY-MM, null: still in force
      .addColumn('in_force_date', 'text') // YYYY-MM-DD the structure took effect (null: not dated)
      .addColumn('levels', 'text', (col) => col.notNull()) // JSON ["province","district","commune"]
      .addColumn('decision', 'text')
      .addColumn('source', 'text', (col) => col.notNull())
      .addColumn('attribution', 'text', (col) => col.notNull())
      .execute();

    // A database seeded by the previous release holds the pre-2025 units: record their structure, so that its
    // periods keep their era (today's units come with a new seed: docs/eras.md, "Upgrading").
    if (await db.selectFrom('unit').select('code').limit(1).executeTakeFirst()) {
      await db.insertInto('unit_structure').values(structureRows(false)).execute();
    }

    await db.schema.alterTable('criteria_set').addColumn('levels', 'text').execute(); // JSON ["dat_chuan",…]
    await db.schema.alterTable('criteria_set').addColumn('in_force_date', 'text').execute();
    await db.updateTable('criteria_set').set({ levels: JSON.stringify(['dat_chuan', 'nang_cao', 'kieu_mau']) }).where('code', '=', '2021-2025').execute();
    await db.schema.alterTable('unit').addColumn('changes', 'text').execute(); // JSON [{ until, type, name, rural }]

    for (const [table, column] of CODED) {
      // 'pre2025' for every row that exists now: before this release only that structure was stored.
      await db.schema.alterTable(table).addColumn(column, 'text', (col) => col.notNull().defaultTo('pre2025')).execute();
    }

    await db.schema.dropIndex('review_commune_period_key').execute();
    await db.schema.createIndex('review_structure_commune_period_key').unique().on('review').columns(['structure', 'commune_code', 'period']).execute();
    await db.schema.dropIndex('review_period_status_idx').execute();
    await db.schema
      .createIndex('review_period_status_idx')
      .on('review')
      .columns(['period', 'structure', 'commune_code', 'met_mask', 'met_count', 'provenance'])
      .execute();
    await db.schema.dropIndex('recognition_decision_key_idx').execute();
    await db.schema.createIndex('recognition_decision_key_idx').on('recognition').columns(['structure', 'unit_code', 'level', 'decision_key']).unique().execute();
    await db.schema.dropIndex('planned_commune_plan_key_idx').execute();
    await db.schema.createIndex('planned_commune_plan_key_idx').on('planned_commune').columns(['structure', 'commune_code', 'target_level', 'plan_key']).unique().execute();

    await db.schema
      .createTable('unit_lineage')
      .addColumn('old_structure', 'text', (col) => col.notNull())
      .addColumn('old_code', 'text', (col) => col.notNull())
      .addColumn('new_structure', 'text', (col) => col.notNull())
      .addColumn('new_code', 'text', (col) => col.notNull())
      .addColumn('link', 'text', (col) => col.notNull()) // 'full' | 'partial'
      .addColumn('source', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('unit_lineage_pkey', ['old_structure', 'old_code', 'new_structure', 'new_code'])
      .execute();
    await db.schema.createIndex('unit_lineage_new_idx').on('unit_lineage').columns(['new_structure', 'new_code']).execute();

    await withId(db, db.schema.createTable('commune_classification'))
      .addColumn('structure', 'text', (col) => col.notNull())
      .addColumn('commune_code', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull()) // 'group' (nhóm 1-3) | 'khu_vuc' (I-III)
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('decision', 'text')
      .addColumn('decision_date', 'text')
      .addColumn('period_from', 'text', (col) => col.notNull())
      .addColumn('period_to', 'text')
      .addColumn('provenance', 'text', (col) => col.notNull())
      .addColumn('source_url', 'text')
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (col) => col.notNull())
      .execute();
    await withId(db, db.schema.createTable('official_count'))
      .addColumn('scope', 'text', (col) => col.notNull()) // 'national' | 'province'
      .addColumn('code', 'text', (col) => col.notNull()) // 'VN' or a province code of `structure`
      .addColumn('structure', 'text', (col) => col.notNull())
      .addColumn('as_of', 'text', (col) => col.notNull()) // YYYY-MM
      .addColumn('metric', 'text', (col) => col.notNull())
      .addColumn('value', 'double precision')
      .addColumn('value_text', 'text', (col) => col.notNull()) // as the source writes it
      .addColumn('denominator', 'double precision')
      .addColumn('source_url', 'text')
      .addColumn('verified', 'text', (col) => col.notNull()) // 'read' | 'secondary'
      .addColumn('note', 'text')
      .execute();
    await db.schema.createIndex('official_count_scope_idx').on('official_count').columns(['structure', 'scope', 'code', 'as_of']).execute();

    await db.schema.createIndex('commune_classification_commune_idx').on('commune_classification').columns(['structure', 'commune_code', 'kind']).execute();
  },

  async down(db: AnyDb) {
    await db.schema.dropTable('official_count').execute();
    await db.schema.dropTable('commune_classification').execute();
    await db.schema.dropTable('unit_lineage').execute();
    // Rows of later structures cannot be expressed without the column: refuse rather than mis-key them.
    for (const table of ['review', 'recognition', 'special_difficulty', 'planned_commune', 'reported_criteria']) {
      await db.deleteFrom(table).where('structure', '<>', 'pre2025').execute();
    }
    await db.schema.dropIndex('planned_commune_plan_key_idx').execute();
    await db.schema.createIndex('planned_commune_plan_key_idx').on('planned_commune').columns(['commune_code', 'target_level', 'plan_key']).unique().execute();
    await db.schema.dropIndex('recognition_decision_key_idx').execute();
    await db.schema.createIndex('recognition_decision_key_idx').on('recognition').columns(['unit_code', 'level', 'decision_key']).unique().execute();
    await db.schema.dropIndex('review_period_status_idx').execute();
    await db.schema.createIndex('review_period_status_idx').on('review').columns(['period', 'commune_code', 'met_mask', 'met_count', 'provenance']).execute();
    await db.schema.dropIndex('review_structure_commune_period_key').execute();
    await db.schema.createIndex('review_commune_period_key').unique().on('review').columns(['commune_code', 'period']).execute();
    for (const [table, column] of CODED) await db.schema.alterTable(table).dropColumn(column).execute();
    await db.schema.alterTable('unit').dropColumn('changes').execute();
    await db.schema.alterTable('criteria_set').dropColumn('in_force_date').execute();
    await db.schema.alterTable('criteria_set').dropColumn('levels').execute();
    await db.deleteFrom('unit').where('structure', '<>', 'pre2025').execute();
    await db.schema.dropTable('unit_structure').execute();
  },
};
