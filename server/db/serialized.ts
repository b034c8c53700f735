/** @module Check-then-write steps that several app processes must not interleave (sign-in counts, import slots). */
import { type Kysely, type Transaction, sql } from 'kysely';
import { engineOf } from './database.ts';
import type { Database } from './schema.ts';

/** Runs `step` in a transaction that no other process's step under the same `lock` overlaps.
 * PostgreSQL: a transaction-scoped advisory lock. SQLite: the file's write lock, which the transaction takes
 * at its first write, so `step` must write before it reads what it checks (e.g. insert its own row, count,
 * and delete it again when over the limit); inside one process the single connection already serializes. */
export async function serialized<T>(db: Kysely<Database>, lock: number, step: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const postgres = engineOf(db) === 'postgres';
  return db.transaction().execute(async (trx) => {
    if (postgres) await sql`select pg_advisory_xact_lock(${lock})`.execute(trx);
    return step(trx);
  });
}

/** The advisory lock ids of the steps above (any fixed numbers, distinct). */
export const LOCKS = { signIn: 190_001, imports: 190_002 } as const;
