// The finder behind the test setup's own Chromium and PostgreSQL: what it picks on a given machine (a
// fake one: PATH folders and a root folder in a temp dir), what it installs when root, and the one line
// it fails with when it cannot.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POSTGRES_SERVER } from '../../../scripts/pg/throwaway-cluster.ts';
import { type Host, MissingProgramError, findProgram, provideDebianPrograms } from '../../../scripts/system/debian-program.ts';
import { CHROMIUM } from '../../support/browser.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ntm-finder-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file under the temp folder, executable unless told otherwise; its full path. */
function file(path: string, executable = true): string {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '#!/bin/sh\n');
  chmodSync(full, executable ? 0o755 : 0o644);
  return full;
}

/** A fake machine rooted in the temp folder; `installs` says which files apt-get would put there. */
function host(options: { env?: Record<string, string>; isRoot?: boolean; installs?: string[] } = {}) {
  const ran: string[] = [];
  const logged: string[] = [];
  const fake: Host = {
    env: { PATH: [join(dir, 'bin'), join(dir, 'usr/bin')].join(':'), ...options.env },
    isRoot: options.isRoot ?? false,
    root: join(dir, 'root'),
    run: (command, args) => {
      ran.push([command, ...args].join(' '));
      if (args[0] === 'install') for (const path of options.installs ?? []) file(path);
    },
    log: (line) => logged.push(line),
  };
  return { fake, ran, logged };
}

describe('finding a program', () => {
  it('takes $NTM_CHROMIUM first, then chromium, then chromium-browser on PATH', () => {
    const named = file('opt/my-chrome');
    const browser = file('bin/chromium-browser');
    const debian = file('usr/bin/chromium');
    expect(findProgram(CHROMIUM, host({ env: { NTM_CHROMIUM: named } }).fake)).toBe(named);
    expect(findProgram(CHROMIUM, host().fake)).toBe(debian);
    rmSync(debian);
    expect(findProgram(CHROMIUM, host().fake)).toBe(browser);
  });

  it('passes over an $NTM_CHROMIUM that is not there, saying so, and files that are not executable', () => {
    file('bin/chromium', false);
    const debian = file('usr/bin/chromium');
    const { fake, logged } = host({ env: { NTM_CHROMIUM: '/nonexistent' } });
    expect(findProgram(CHROMIUM, fake)).toBe(debian);
    expect(logged).toEqual(['NTM_CHROMIUM=/nonexistent is not an executable file: looking for Chromium elsewhere']);
  });

  it('takes PostgreSQL 15 when there, else the newest version installed', () => {
    file('root/usr/lib/postgresql/9.6/bin/postgres');
    file('root/usr/lib/postgresql/13/bin/postgres');
    const v16 = file('root/usr/lib/postgresql/16/bin/postgres');
    file('root/usr/lib/postgresql/17/bin/initdb'); // a client-only install: no server binary
    expect(findProgram(POSTGRES_SERVER, host().fake)).toBe(v16);
    const v15 = file('root/usr/lib/postgresql/15/bin/postgres');
    expect(findProgram(POSTGRES_SERVER, host().fake)).toBe(v15);
  });

  it('finds nothing on a bare machine, PostgreSQL on PATH included (Debian keeps it off PATH)', () => {
    file('bin/postgres');
    expect(findProgram(CHROMIUM, host().fake)).toBeNull();
    expect(findProgram(POSTGRES_SERVER, host().fake)).toBeNull();
  });
});

describe('providing programs', () => {
  it('returns what it finds without running apt-get', () => {
    const debian = file('usr/bin/chromium');
    const v15 = file('root/usr/lib/postgresql/15/bin/postgres');
    const { fake, ran } = host({ isRoot: true });
    expect(provideDebianPrograms([CHROMIUM, POSTGRES_SERVER], fake)).toEqual([debian, v15]);
    expect(ran).toEqual([]);
  });

  it('when root, installs the missing packages in one apt-get after an update, saying so', () => {
    const v15 = file('root/usr/lib/postgresql/15/bin/postgres');
    const { fake, ran, logged } = host({ isRoot: true, installs: ['usr/bin/chromium'] });
    expect(provideDebianPrograms([CHROMIUM, POSTGRES_SERVER], fake)).toEqual([join(dir, 'usr/bin/chromium'), v15]);
    expect(ran).toEqual(['apt-get update -q', 'apt-get install -y -q chromium']);
    expect(logged).toEqual(['Chromium not found: apt-get update; apt-get install -y chromium …', 'installed chromium']);
  });

  it('when not root, fails with one line naming what to install, and runs nothing', () => {
    const { fake, ran } = host({ env: { NTM_CHROMIUM: '/nonexistent' } });
    let error: unknown;
    try {
      provideDebianPrograms([CHROMIUM, POSTGRES_SERVER], fake);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MissingProgramError);
    const line = (error as Error).message;
    expect(line).toBe(
      'Missing Chromium (looked for $NTM_CHROMIUM, chromium or chromium-browser on PATH) and PostgreSQL server ' +
        '(looked for /usr/lib/postgresql/15/bin/postgres, /usr/lib/postgresql/*/bin/postgres): ' +
        'install them as root with "apt-get install -y chromium postgresql"',
    );
    expect((error as Error).stack).toBe(`MissingProgramError: ${line}`);
    expect(ran).toEqual([]);
  });

  it('fails in one line when apt-get ran but the program is still not there', () => {
    const { fake } = host({ isRoot: true });
    expect(() => provideDebianPrograms([POSTGRES_SERVER], fake)).toThrow(
      'Still missing after apt-get install -y postgresql: PostgreSQL server (looked for /usr/lib/postgresql/15/bin/postgres, /usr/lib/postgresql/*/bin/postgres)',
    );
  });
});
