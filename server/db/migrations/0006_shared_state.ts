/** @module 0006: what several app processes on one database must share. Sign-in attempts (in flight and failed),
 * known devices and running imports were counted in one process's memory: N processes gave an attacker N
 * times the attempts. `data_change` tells the processes on one SQLite file what another one wrote
 * (PostgreSQL uses LISTEN/NOTIFY instead). Times are epoch milliseconds. */
import type { Kysely, Migration } from 'kysely';
import { withId } from './columns.ts';

type AnyDb = Kysely<any>;

/** Moves sign-in attempts, known devices and running imports into the database, and adds the change feed table. */
export const migration0006: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('sign_in_attempt')
      .addColumn('id', 'text', (col) => col.primaryKey().notNull())
      .addColumn('key', 'text', (col) => col.notNull()) // a:<account>, d:<account+device hash>, i:<address>
      .addColumn('state', 'text', (col) => col.notNull()) // 'pending' (being checked) or 'failed'
      .addColumn('at', 'bigint', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('sign_in_attempt_key_idx').on('sign_in_attempt').columns(['key', 'state', 'at']).execute();
    await db.schema.createIndex('sign_in_attempt_at_idx').on('sign_in_attempt').column('at').execute();

    await db.schema
      .createTable('sign_in_device')
      .addColumn('key', 'text', (col) => col.primaryKey().notNull()) // account + SHA-256 of the token, never the token
      .addColumn('created_at', 'bigint', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('import_run')
      .addColumn('id', 'text', (col) => col.primaryKey().notNull())
      .addColumn('user_id', 'integer', (col) => col.notNull())
      .addColumn('started_at', 'bigint', (col) => col.notNull())
      .execute();

    await withId(db, db.schema.createTable('data_change'))
      .addColumn('at', 'bigint', (col) => col.notNull())
      .addColumn('origin', 'text', (col) => col.notNull())
      .addColumn('what', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: AnyDb) {
    for (const table of ['data_change', 'import_run', 'sign_in_device', 'sign_in_attempt']) await db.schema.dropTable(table).execute();
  },
};
