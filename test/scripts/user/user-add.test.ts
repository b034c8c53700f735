// The user:add CLI on a copy of the seeded SQLite database: the password comes from stdin (never argv),
// the role's unit is checked, bad flags give a one-line error and exit 2, and nothing is written then.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { verifyPassword } from '../../../server/auth/password.ts';
import { ROOT } from '../../../server/config/paths.ts';
import { openDatabase, type NtmDatabase } from '../../../server/db/database.ts';

describe('npm run user:add', () => {
  let dir: string;
  let url: string;
  let ndb: NtmDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ntm-user-add-'));
    copyFileSync(inject('seededSqliteUrl').replace(/^sqlite:/, ''), join(dir, 'db.sqlite'));
    url = `sqlite:${join(dir, 'db.sqlite')}`;
    ndb = await openDatabase(url);
  });
  afterAll(async () => {
    await ndb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (args: string[], stdin: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/user-add.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, input: stdin, encoding: 'utf8', timeout: 60_000 });
  const users = () => ndb.db.selectFrom('app_user').selectAll().execute();

  it('creates a district account with the password read from stdin, hashed, and audited', async () => {
    const out = run(['--email', 'Officer@Example.org', '--role', 'district', '--unit', '610', '--name', 'Nguyễn Văn A'], 'a long enough password\n');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Created district account officer@example.org for unit 610/);
    const [user] = (await users()).filter((u) => u.email === 'officer@example.org');
    expect(user).toMatchObject({ role: 'district', unit_code: '610', name: 'Nguyễn Văn A', disabled: 0 });
    expect(await verifyPassword('a long enough password', user!.password_hash)).toBe(true);
    const audit = await ndb.db.selectFrom('audit_entry').selectAll().where('entity_id', '=', String(user!.id)).execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['user.create', 'cli:user:add']]);
  });

  it.each([
    [['--email', 'x@example.org', '--role', 'district', '--unit', '610', '--password', 'secret secret'], 'a long enough password', /--password is not accepted/],
    [['--email', 'x@example.org', '--role', 'district', '--unit', '610'], 'short', /password: the password needs at least 12 characters/],
    [['--email', 'x@example.org', '--role', 'district', '--unit', '62'], 'a long enough password', /--unit 62: .* is a province, a district role needs a district/],
    [['--email', 'x@example.org', '--role', 'province', '--unit', '99'], 'a long enough password', /--unit 99: no such unit/],
    [['--email', 'x@example.org', '--role', 'admin', '--unit', '62'], 'a long enough password', /--unit: an admin has no unit/],
    [['--email', 'x@example.org', '--role', 'district'], 'a long enough password', /--unit: a district role needs the code of its district/],
    [['--email', 'not-an-email', '--role', 'admin'], 'a long enough password', /--email: expected an e-mail address/],
    [['--email', 'x@example.org', '--role', 'king'], 'a long enough password', /--role: /],
    [['--email', 'x@example.org'], 'a long enough password', /--email and --role are required/],
    [['--email', 'x@example.org', '--role', 'admin', '--colour', 'red'], 'a long enough password', /Unknown option '--colour'/],
    [['--email', 'officer@example.org', '--role', 'admin'], 'a long enough password', /an account with this e-mail exists already/],
  ])('refuses %j with a one-line error, exit 2, nothing written', async (args, stdin, message) => {
    const before = (await users()).length;
    const out = run(args, `${stdin}\n`);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.startsWith('user:add: ')).toBe(true);
    expect((await users()).length).toBe(before);
  });
});
