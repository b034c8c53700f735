/** @module 0003: one record per decision. Two officials recording the same recognition decision (or adding the same
 * commune to the same plan) at the same moment both passed the duplicate check on PostgreSQL; a unique index
 * on a normalised key now refuses the second. Rows from the seed keep a null key (not officials' entries). */
import type { Kysely, Migration } from 'kysely';

type AnyDb = Kysely<any>;

/** Adds the unique decision keys to recognitions and planned communes. */
export const migration0003: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('recognition').addColumn('decision_key', 'text').execute();
    await db.schema.createIndex('recognition_decision_key_idx').on('recognition').columns(['unit_code', 'level', 'decision_key']).unique().execute();
    await db.schema.alterTable('planned_commune').addColumn('plan_key', 'text').execute();
    await db.schema.createIndex('planned_commune_plan_key_idx').on('planned_commune').columns(['commune_code', 'target_level', 'plan_key']).unique().execute();
  },

  async down(db: AnyDb) {
    await db.schema.dropIndex('planned_commune_plan_key_idx').execute();
    await db.schema.alterTable('planned_commune').dropColumn('plan_key').execute();
    await db.schema.dropIndex('recognition_decision_key_idx').execute();
    await db.schema.alterTable('recognition').dropColumn('decision_key').execute();
  },
};
