/** @module Opens the project's database from a URL: SQLite (better-sqlite3) or PostgreSQL (pg), both behind Kysely.
 *   unset / ""                      -> sqlite:data/ntm.sqlite (relative to the working directory)
 *   sqlite:<path>, sqlite://<path>  -> a SQLite file (its folder is created); sqlite::memory: for an in-memory database
 *   postgres://…, postgresql://…    -> a PostgreSQL pool */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, SqliteIntrospector, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/** The two database engines the project runs on. */
export type Engine = 'sqlite' | 'postgres';

/** An opened database: its Kysely instance, its engine and how to close it. */
export interface NtmDatabase {
  db: Kysely<Database>;
  engine: Engine;
  /** The URL the database was opened from (as given; may hold a password: use redactUrl() to print it). */
  url: string;
  close(): Promise<void>;
}

/** The engine behind a Kysely instance (or transaction) opened by openDatabase. */
export function engineOf(db: Kysely<any>): Engine {
  return db.introspection instanceof SqliteIntrospector ? 'sqlite' : 'postgres';
}

/** The database used when DATABASE_URL is unset: a SQLite file under data/, so that a first start needs nothing
 * installed. */
export const DEFAULT_DATABASE_URL = 'sqlite:data/ntm.sqlite';

const ACCEPTED_FORMS = '"sqlite:<path>", "sqlite::memory:", "postgres://…" or "postgresql://…"';

/** A database could not be opened: the one-line message names the URL (password redacted) and the cause. */
export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError';
}

/** A database URL read into its engine and what it points at. */
export type ParsedDatabaseUrl =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; connectionString: string };

/** Reads a database URL (see the module header for the accepted forms), throwing a message that lists them when it
 * is none of them. */
export function parseDatabaseUrl(url: string | undefined): ParsedDatabaseUrl {
  const raw = url === undefined || url.trim() === '' ? DEFAULT_DATABASE_URL : url.trim();
  const lower = raw.toLowerCase();
  if (lower.startsWith('sqlite:')) {
    // sqlite:///abs/path and sqlite://rel/path are accepted too (the "//" is dropped).
    const path = lower.startsWith('sqlite://') ? raw.slice('sqlite://'.length) : raw.slice('sqlite:'.length);
    if (path === '') {
      throw new DatabaseOpenError(`Cannot open database "${raw}": the SQLite path is empty (use ${ACCEPTED_FORMS})`);
    }
    return { engine: 'sqlite', path };
  }
  if (lower.startsWith('postgres://') || lower.startsWith('postgresql://')) {
    return { engine: 'postgres', connectionString: raw };
  }
  throw new DatabaseOpenError(`Cannot open database "${redactUrl(raw)}": unsupported URL (use ${ACCEPTED_FORMS})`);
}

/** The URL with its password (if any) replaced by "***", for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:?#]*):[^/@?#]*@/i, '$1:***@');
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const line = text.replace(/\s+/g, ' ').trim();
  if (line !== '') return line;
  return typeof code === 'string' ? code : 'unknown error';
}

function openError(url: string, cause: unknown, password?: string | null): DatabaseOpenError {
  let reason = oneLine(cause);
  if (password) reason = reason.split(password).join('***');
  // AggregateError (e.g. ECONNREFUSED on both ::1 and 127.0.0.1) has an empty message: use its parts.
  if (reason === 'unknown error' && cause instanceof AggregateError && cause.errors.length > 0) {
    reason = cause.errors.map(oneLine).join('; ');
  }
  return new DatabaseOpenError(`Cannot open database "${redactUrl(url)}": ${reason}`, { cause });
}

// PostgreSQL returns bigint (count(*), sum of integers) as strings; SQLite gives numbers. Parse int8 as a
// number so that one query layer serves both engines (values stay exact up to 2^53). Per pool, not global.
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 && format !== 'binary') return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Opens the database a URL names (DATABASE_URL's default otherwise), ready for Kysely queries on either engine. */
export async function openDatabase(url?: string): Promise<NtmDatabase> {
  const given = url === undefined || url.trim() === '' ? DEFAULT_DATABASE_URL : url.trim();
  const parsed = parseDatabaseUrl(given);
  if (parsed.engine === 'sqlite') return openSqlite(given, parsed.path);
  return openPostgres(given, parsed.connectionString);
}

async function openSqlite(url: string, path: string): Promise<NtmDatabase> {
  const memory = path === ':memory:';
  let connection: SqliteDatabase.Database | undefined;
  try {
    if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
    connection = new SqliteDatabase(path);
    if (!memory) connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('synchronous = NORMAL'); // safe with WAL; commits do not fsync every time
    connection.prepare('select 1').get(); // fails here on a file that is not a database
  } catch (error) {
    connection?.close();
    throw openError(url, error);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  let closed = false;
  return {
    db,
    engine: 'sqlite',
    url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // closes the better-sqlite3 connection
    },
  };
}

async function openPostgres(url: string, connectionString: string): Promise<NtmDatabase> {
  let password: string | null = null;
  try {
    password = decodeURIComponent(new URL(connectionString).password) || null;
  } catch {
    // pg parses the string itself and reports a bad URL below
  }
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({ connectionString, types: pgTypes, connectionTimeoutMillis: 10_000, max: 10 });
  } catch (error) {
    throw openError(url, error, password);
  }
  // An idle client that loses its connection emits 'error' on the pool: without a listener the process dies.
  pool.on('error', (error) => {
    console.error(`[db] PostgreSQL pool error (${redactUrl(url)}): ${oneLine(error)}`);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw openError(url, error, password);
  }
  let closed = false;
  return {
    db,
    engine: 'postgres',
    url,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // ends the pool
    },
  };
}
