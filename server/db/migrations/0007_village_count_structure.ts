/** @module 0007: a commune's village counts are keyed by (structure, commune_code). Migration 0005 gave village_count a
 * structure column but kept commune_code alone as its key, so today's commune 00004 (Phường Ba Đình) and the old
 * 00004 (Phường Trúc Bạch) would share one row. The table is rebuilt with the two-column key (SQLite cannot
 * change a primary key in place); every row is kept. */
import { type Kysely, type Migration, sql } from 'kysely';

type AnyDb = Kysely<any>;

const COLUMNS = ['structure', 'commune_code', 'villages', 'ntm_villages', 'model_villages', 'updated_by', 'updated_at'];

async function rebuild(db: AnyDb, key: string[]): Promise<void> {
  await db.schema
    .createTable('village_count_next')
    .addColumn('structure', 'text', (col) => col.notNull().defaultTo('pre2025'))
    .addColumn('commune_code', 'text', (col) => col.notNull())
    .addColumn('villages', 'integer', (col) => col.notNull())
    .addColumn('ntm_villages', 'integer', (col) => col.notNull())
    .addColumn('model_villages', 'integer', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint(`village_count_${key.length}_pkey`, key as never)
    .execute();
  const columns = sql.join(COLUMNS.map((c) => sql.ref(c)));
  await sql`insert into village_count_next (${columns}) select ${columns} from village_count`.execute(db);
  await db.schema.dropTable('village_count').execute();
  await db.schema.alterTable('village_count_next').renameTo('village_count').execute();
}

/** Rebuilds village_count with the (structure, commune_code) key, keeping every row. */
export const migration0007: Migration = {
  async up(db: AnyDb) {
    await rebuild(db, ['structure', 'commune_code']);
  },
  async down(db: AnyDb) {
    // Rows of later structures cannot be keyed by the commune code alone: refuse rather than merge them.
    await db.deleteFrom('village_count').where('structure', '<>', 'pre2025').execute();
    await rebuild(db, ['commune_code']);
  },
};
