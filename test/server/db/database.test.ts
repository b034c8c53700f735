import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DatabaseOpenError,
  engineOf,
  openDatabase,
  parseDatabaseUrl,
  redactUrl,
} from '../../../server/db/database.ts';

describe('parseDatabaseUrl', () => {
  it('defaults to sqlite:data/ntm.sqlite when unset or empty', () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ engine: 'sqlite', path: 'data/ntm.sqlite' });
    expect(parseDatabaseUrl('')).toEqual({ engine: 'sqlite', path: 'data/ntm.sqlite' });
    expect(parseDatabaseUrl('  ')).toEqual({ engine: 'sqlite', path: 'data/ntm.sqlite' });
  });

  it('reads SQLite paths: relative, absolute, sqlite:// forms and :memory:', () => {
    expect(parseDatabaseUrl('sqlite:data/other.sqlite')).toEqual({ engine: 'sqlite', path: 'data/other.sqlite' });
    expect(parseDatabaseUrl('sqlite:/var/lib/ntm/ntm.sqlite')).toEqual({
      engine: 'sqlite',
      path: '/var/lib/ntm/ntm.sqlite',
    });
    expect(parseDatabaseUrl('sqlite:///var/lib/ntm.sqlite')).toEqual({ engine: 'sqlite', path: '/var/lib/ntm.sqlite' });
    expect(parseDatabaseUrl('sqlite://rel/ntm.sqlite')).toEqual({ engine: 'sqlite', path: 'rel/ntm.sqlite' });
    expect(parseDatabaseUrl('SQLite:x.db')).toEqual({ engine: 'sqlite', path: 'x.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ engine: 'sqlite', path: ':memory:' });
  });

  it('reads postgres:// and postgresql:// URLs as connection strings', () => {
    const a = 'postgres://ntm:pw@db.example.org:5433/ntm?sslmode=require';
    const b = 'postgresql://postgres@127.0.0.1/postgres';
    expect(parseDatabaseUrl(a)).toEqual({ engine: 'postgres', connectionString: a });
    expect(parseDatabaseUrl(b)).toEqual({ engine: 'postgres', connectionString: b });
  });

  it('rejects other schemes with one line naming the accepted forms, password redacted', () => {
    for (const url of ['mysql://root:hunter2@localhost/ntm', 'data/ntm.sqlite', 'file:ntm.sqlite', 'sqlite:']) {
      let error: unknown;
      try {
        parseDatabaseUrl(url);
      } catch (caught) {
        error = caught;
      }
      expect(error, url).toBeInstanceOf(DatabaseOpenError);
      const message = (error as Error).message;
      expect(message).toContain('sqlite:<path>');
      expect(message).toContain('postgres://');
      expect(message).not.toContain('\n');
      expect(message).not.toContain('hunter2');
    }
    expect(() => parseDatabaseUrl('mysql://root:hunter2@localhost/ntm')).toThrow(/mysql:\/\/root:\*\*\*@localhost/);
  });

  it('redactUrl hides only the password', () => {
    expect(redactUrl('postgres://ntm:s3cret@host:5432/db')).toBe('postgres://ntm:***@host:5432/db');
    expect(redactUrl('postgres://ntm@host/db')).toBe('postgres://ntm@host/db');
    expect(redactUrl('sqlite:data/ntm.sqlite')).toBe('sqlite:data/ntm.sqlite');
  });
});

describe('openDatabase (SQLite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ntm-db-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folder, sets WAL, foreign keys and a busy timeout', async () => {
    const path = join(dir, 'nested', 'deeper', 'ntm.sqlite');
    const handle = await openDatabase(`sqlite:${path}`);
    try {
      expect(handle.engine).toBe('sqlite');
      expect(engineOf(handle.db)).toBe('sqlite');
      expect(handle.url).toBe(`sqlite:${path}`);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
    await handle.close(); // closing twice is harmless
  });

  it('opens sqlite::memory:', async () => {
    const handle = await openDatabase('sqlite::memory:');
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
    expect(rows).toEqual([{ one: 1 }]);
    await handle.close();
  });

  it('fails with DatabaseOpenError on a file that is not a database, or a folder', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'this is not a SQLite database, just some text that is long enough to have a header');
    await expect(openDatabase(`sqlite:${junk}`)).rejects.toThrow(DatabaseOpenError);
    await expect(openDatabase(`sqlite:${junk}`)).rejects.toThrow(/junk\.sqlite.*not a database/);
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    await expect(openDatabase(`sqlite:${folder}`)).rejects.toThrow(DatabaseOpenError);
  });
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('openDatabase (PostgreSQL)', () => {
  it('a bad URL fails in openDatabase with one line naming the host, never the password', async () => {
    const port = await closedPort();
    const url = `postgres://alice:Sup3r-S3cret@127.0.0.1:${port}/ntm`;
    const error = await openDatabase(url).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    const message = (error as Error).message;
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toContain('alice:***@');
    expect(message).not.toContain('Sup3r-S3cret');
    expect(message).not.toContain('\n');
    expect(message).toMatch(/ECONNREFUSED|connect/i);
  });

  const pgUrl = process.env.NTM_SKIP_PG === '1' ? null : inject('pgUrl');
  it.skipIf(pgUrl === null)('opens the test cluster, parses bigint as number; a missing database fails', async () => {
    const handle = await openDatabase(pgUrl as string);
    try {
      expect(handle.engine).toBe('postgres');
      expect(engineOf(handle.db)).toBe('postgres');
      const { rows } = await sql<{ n: number }>`select count(*) as n from generate_series(1, 3)`.execute(handle.db);
      expect(rows).toEqual([{ n: 3 }]);
    } finally {
      await handle.close();
    }
    const missing = new URL(pgUrl as string);
    missing.pathname = '/no_such_database';
    missing.password = 'pw-not-shown';
    const error = await openDatabase(missing.toString()).then(
      () => null,
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(error?.message).toMatch(/no_such_database.*does not exist/);
    expect(error?.message).not.toContain('pw-not-shown');
  });
});
