/** @module Recognises the error a database driver throws when an insert breaks a unique index, so that a lost race
 * becomes the same 409 as the duplicate check it slipped past. (PostgreSQL: SQLSTATE 23505; better-sqlite3:
 * SQLITE_CONSTRAINT_UNIQUE.) */

/** Whether a database error is a broken unique index, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error as { code: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
