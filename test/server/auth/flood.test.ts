// Sign-in under a flood of wrong passwords: an IPv6 subscriber's /64 counts as one address, the account's
// owner still signs in from a browser the account used before (or a live session of it), an admin lifts a
// lock (audited) and a lock lifts by itself once its oldest failure is 15 minutes old, and one address
// cannot fill the password-check queue.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addressKey, createCheckLimiter, createSignInThrottle } from '../../../server/auth/throttle.ts';
import { engines } from '../../setup/engines.ts';
import type { ErrorBody } from '../../support/api.ts';
import { forgetSignIns, ORIGIN, TEST_PASSWORD, writableApis, type Workspace } from '../../support/workspace.ts';

const login = (ws: Workspace, email: string, password: string, from: string, headers: Record<string, string> = {}) =>
  ws.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Forwarded-For': from, ...headers }, body: JSON.stringify({ email, password }) });

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0]!);

describe('addresses and the check queue', () => {
  it('an IPv6 address counts as its /64; IPv4 and IPv4-mapped as themselves', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::7')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
  });

  it('a lock lifts by itself 15 minutes after its oldest counted failure', async () => {
    const ndb = await engines()[0]!.open();
    try {
      const throttle = createSignInThrottle(ndb.db);
      const t0 = Date.now();
      for (let i = 0; i < 5; i++) {
        const attempt = await throttle.begin('a@example.org', `198.51.100.${i}`, t0);
        if ('wait' in attempt) throw new Error('refused too early');
        await attempt.finish(false);
      }
      expect(await throttle.lockedFor('a@example.org', t0 + 1000)).toBeGreaterThan(14 * 60);
      expect('wait' in (await throttle.begin('a@example.org', '198.51.100.9', t0 + 14 * 60_000))).toBe(true);
      expect(await throttle.lockedFor('a@example.org', Date.now() + 15 * 60_000 + 1000)).toBe(0);
      expect('wait' in (await throttle.begin('a@example.org', '198.51.100.9', Date.now() + 15 * 60_000 + 1000))).toBe(false);
    } finally {
      await ndb.close();
    }
  });

  it('one address cannot fill the queue of password checks, and an address without failures goes first', async () => {
    const limit = createCheckLimiter(1, 200, 1);
    let release!: () => void;
    const order: string[] = [];
    const slow = () => new Promise<void>((r) => (release = r));
    expect(limit(slow, 'attacker-1', 3)).not.toBeNull(); // running
    const queued = [limit(async () => order.push('attacker-1'), 'attacker-1', 3), limit(async () => order.push('attacker-2'), 'attacker-2', 2)];
    expect(queued.every((q) => q !== null)).toBe(true);
    expect(limit(async () => 0, 'attacker-1', 3)).toBeNull(); // a second waiting check of one address is refused
    const owner = limit(async () => order.push('owner'), 'owner', 0);
    expect(owner).not.toBeNull();
    release();
    await Promise.all([owner, ...queued]);
    expect(order).toEqual(['owner', 'attacker-2', 'attacker-1']);
  });
});

describe.each(writableApis())('sign-in under a flood on $name', ({ open }) => {
  let ws: Workspace;
  const trust = process.env.NTM_TRUST_PROXY;
  beforeAll(async () => {
    ws = await open();
  });
  afterAll(() => ws?.close());
  beforeEach(async () => {
    process.env.NTM_TRUST_PROXY = '1'; // the address is the X-Forwarded-For each request names
    await forgetSignIns(ws);
  });
  afterEach(() => {
    if (trust === undefined) delete process.env.NTM_TRUST_PROXY;
    else process.env.NTM_TRUST_PROXY = trust;
  });

  it('20 failures from one IPv6 /64 block that /64 (whatever the address in it), not the next network', async () => {
    for (let i = 1; i <= 20; i++) expect((await login(ws, `spray-${i}@example.org`, 'guess', `2001:db8:5:6::${i.toString(16)}`)).status).toBe(401);
    const email = await ws.addUser('district', '610');
    const blocked = await login(ws, email, TEST_PASSWORD, '2001:db8:5:6:ffff:1:2:3');
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe('too_many_attempts');
    expect((await login(ws, email, TEST_PASSWORD, '2001:db8:5:7::1')).status).toBe(200);
  });

  it('the owner signs in from a known browser or a live session while the account is locked for everyone else', async () => {
    const email = await ws.addUser('district', '611');
    const first = await login(ws, email, TEST_PASSWORD, '203.0.113.10');
    expect(first.status).toBe(200);
    const [session, device] = cookiesOf(first);
    expect(device).toMatch(/^ntm_device=/);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('ntm_device='))).toMatch(/HttpOnly/i);
    // A flood of wrong passwords for the account from 40 other addresses.
    const flood = await Promise.all(Array.from({ length: 40 }, (_, i) => login(ws, email, `wrong ${i}`, `198.51.100.${i + 1}`)));
    expect(flood.every((r) => [401, 429, 503].includes(r.status))).toBe(true);
    // A stranger's browser, even with the right password, waits (the lock is what stops guessing) …
    const stranger = await login(ws, email, TEST_PASSWORD, '203.0.113.99');
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('Retry-After'))).toBeGreaterThan(800);
    // … the owner's browser signs in, by its device cookie or by its live session.
    expect((await login(ws, email, TEST_PASSWORD, '203.0.113.10', { Cookie: device! })).status).toBe(200);
    expect((await login(ws, email, TEST_PASSWORD, '203.0.113.11', { Cookie: session! })).status).toBe(200);
    // A known browser has its own budget: wrong passwords from it lock it too (a stolen cookie gives 5 guesses).
    for (let i = 0; i < 5; i++) expect((await login(ws, email, `wrong again ${i}`, '203.0.113.10', { Cookie: device! })).status).toBe(401);
    expect((await login(ws, email, TEST_PASSWORD, '203.0.113.10', { Cookie: device! })).status).toBe(429);
  });

  it('an admin lifts a lock, audited; other roles may not', async () => {
    const email = await ws.addUser('commune', '23362');
    for (let i = 0; i < 5; i++) await login(ws, email, `wrong ${i}`, `192.0.2.${i + 1}`);
    expect((await login(ws, email, TEST_PASSWORD, '192.0.2.50')).status).toBe(429);
    process.env.NTM_TRUST_PROXY = '0';
    const province = await ws.official('province', '62');
    const refused = await province.request('POST', '/api/v1/admin/sign-in-locks/unlock', { email });
    expect(refused.status).toBe(403);
    const admin = await ws.official('admin', null);
    const res = await admin.request('POST', '/api/v1/admin/sign-in-locks/unlock', { email });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ email, was_locked: true });
    const entry = await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().where('action', '=', 'user.unlock').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.actor).toBe(admin.email);
    expect(entry.after).toContain(email);
    process.env.NTM_TRUST_PROXY = '1';
    expect((await login(ws, email, TEST_PASSWORD, '192.0.2.50')).status).toBe(200);
  });

  it('a flood of 200 wrong sign-ins from 40 addresses: at most one check per address waits, a real sign-in goes through', async () => {
    const email = await ws.addUser('province', '62');
    const flood = Array.from({ length: 200 }, (_, i) => login(ws, `nobody-${i % 7}@example.org`, 'guess', `198.18.${i % 40}.1`));
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    const real = await login(ws, email, TEST_PASSWORD, '203.0.113.200');
    const waited = performance.now() - started;
    const answers = await Promise.all(flood);
    expect(real.status).toBe(200);
    expect(answers.every((r) => [401, 429, 503].includes(r.status))).toBe(true);
    // Before, all 200 waited in one queue in front of the real sign-in (21 s). Now at most one check of
    // each address waits (and one runs); the rest are refused at once with Retry-After.
    const checked = answers.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(40 * 2 + 4);
    expect(answers.filter((r) => r.status === 503).every((r) => r.headers.get('Retry-After') === '5')).toBe(true);
    console.log(`[flood] a real sign-in during 200 wrong ones from 40 addresses waited ${Math.round(waited)} ms (${checked} of them checked)`);
  });
});
