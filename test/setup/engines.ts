// The database engines the tests run on: `describe.each(engines())('$name', ({ open }) => …)`.
// Each open() gives a fresh, empty, migrated database: SQLite in a new temp file (folder removed on close),
// PostgreSQL as a new database `t_<random>` in the test cluster of test/setup/global.ts (dropped on close).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Engine, type NtmDatabase, openDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrate.ts';

export interface TestEngine {
  name: Engine;
  /** A fresh, empty, migrated database; close() also deletes it. */
  open(): Promise<NtmDatabase>;
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openSqlite(): Promise<NtmDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-sqlite-'));
  const handle = await openDatabase(`sqlite:${join(dir, 'test.sqlite')}`);
  const close = async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...handle, close };
}

async function openPostgres(adminUrl: string): Promise<NtmDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  let handle: NtmDatabase;
  try {
    handle = await openDatabase(url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
    await drop();
  };
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await close();
    throw error;
  }
  return { ...handle, close };
}

export function engines(): TestEngine[] {
  const list: TestEngine[] = [{ name: 'sqlite', open: openSqlite }];
  if (process.env.NTM_SKIP_PG === '1') return list;
  const pgUrl = inject('pgUrl');
  if (!pgUrl) {
    throw new Error('No test PostgreSQL (pgUrl missing from test/setup/global.ts); set NTM_SKIP_PG=1 to skip it');
  }
  list.push({ name: 'postgres', open: () => openPostgres(pgUrl) });
  return list;
}
