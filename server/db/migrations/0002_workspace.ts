/** @module 0002: the officials' workspace — accounts, sessions, the append-only audit trail and village counts. */
import type { Kysely, Migration } from 'kysely';
import { withId } from './columns.ts';

type AnyDb = Kysely<any>;

/** Creates the workspace's tables: accounts, sessions, the audit trail and village counts. */
export const migration0002: Migration = {
  async up(db: AnyDb) {
    await withId(db, db.schema.createTable('app_user'))
      .addColumn('email', 'text', (col) => col.notNull().unique())
      .addColumn('name', 'text')
      .addColumn('role', 'text', (col) => col.notNull())
      .addColumn('unit_code', 'text')
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('session')
      .addColumn('id', 'text', (col) => col.primaryKey().notNull()) // SHA-256 of the cookie's token, never the token
      .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull())
      .addColumn('address', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();

    await withId(db, db.schema.createTable('audit_entry'))
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('actor', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('unit_code', 'text')
      .addColumn('entity', 'text', (col) => col.notNull())
      .addColumn('entity_id', 'text')
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema.createIndex('audit_entry_unit_at_idx').on('audit_entry').columns(['unit_code', 'at']).execute();
    await db.schema.createIndex('audit_entry_at_idx').on('audit_entry').column('at').execute();

    await db.schema
      .createTable('village_count')
      .addColumn('commune_code', 'text', (col) => col.primaryKey().notNull())
      .addColumn('villages', 'integer', (col) => col.notNull())
      .addColumn('ntm_villages', 'integer', (col) => col.notNull())
      .addColumn('model_villages', 'integer', (col) => col.notNull())
      .addColumn('updated_by', 'text', (col) => col.notNull())
      .addColumn('updated_at', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: AnyDb) {
    for (const table of ['village_count', 'audit_entry', 'session', 'app_user']) await db.schema.dropTable(table).execute();
  },
};
