// Sign-in, sessions, sign-out and CSRF of the officials' workspace, on a writable copy of the seeded
// database (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { ErrorBody } from '../../support/api.ts';
import { forgetSignIns, ORIGIN, TEST_PASSWORD, writableApis, type Workspace } from '../../support/workspace.ts';

const login = (ws: Workspace, email: string, password: string, headers: Record<string, string> = {}) =>
  ws.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...headers }, body: JSON.stringify({ email, password }) });

describe.each(writableApis())('workspace sign-in on $name', ({ open }) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await open();
  });
  afterAll(async () => {
    await ws?.close();
  });

  it('signs in with e-mail and password: HttpOnly SameSite=Lax cookie, the user, scope and CSRF token', async () => {
    const email = await ws.addUser('district', '610', 'Can.Bo@Example.org'.toLowerCase());
    const res = await login(ws, '  CAN.BO@example.org ', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^ntm_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // plain http here; see the HTTPS test
    const body = (await res.json()) as { user: { email: string; role: string; unit: { code: string; name: string; level: string } }; csrf_token: string; expires_at: string };
    expect(body.user).toMatchObject({ email, role: 'district', unit: { code: '610', level: 'district' } });
    expect(body.user.unit.name).toBe('Huyện Đắk Glei');
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(11 * 3600_000);
    // the database keeps only a digest of the cookie's token
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await ws.ctx.ndb.db.selectFrom('session').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('the password hash is scrypt with a salt, never the password', async () => {
    const email = await ws.addUser('province', '62');
    const row = await ws.ctx.ndb.db.selectFrom('app_user').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('behind HTTPS: a Secure cookie with the __Host- prefix, the only name read there', async () => {
    const email = await ws.addUser('commune', '03037');
    // X-Forwarded-Proto is read from a trusted proxy only (NTM_TRUST_PROXY=1).
    const trust = process.env.NTM_TRUST_PROXY;
    process.env.NTM_TRUST_PROXY = '1';
    onTestFinished(() => {
      if (trust === undefined) delete process.env.NTM_TRUST_PROXY;
      else process.env.NTM_TRUST_PROXY = trust;
    });
    const https = { 'X-Forwarded-Proto': 'https' };
    const res = await ws.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', ...https }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^__Host-ntm_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    expect((await ws.request('/api/v1/auth/me', { headers: { ...https, Cookie: `__Host-ntm_session=${token}` } })).status).toBe(200);
    // The bare name (which a subdomain or a plain-HTTP page could have set) is not read over HTTPS.
    expect((await ws.request('/api/v1/auth/me', { headers: { ...https, Cookie: `ntm_session=${token}` } })).status).toBe(401);
    const me = (await (await ws.request('/api/v1/auth/me', { headers: { ...https, Cookie: `__Host-ntm_session=${token}` } })).json()) as { csrf_token: string };
    const out = await ws.request('/api/v1/auth/logout', { method: 'POST', headers: { ...https, Cookie: `__Host-ntm_session=${token}`, 'X-CSRF-Token': me.csrf_token, Origin: ORIGIN } });
    expect(out.status).toBe(200);
    expect(out.headers.get('Set-Cookie')).toMatch(/^__Host-ntm_session=;.*Max-Age=0/);
  });

  it('a wrong password and an unknown e-mail get the same 401', async () => {
    const email = await ws.addUser('province', '62');
    const wrong = await login(ws, email, 'not the password at all');
    const unknown = await login(ws, 'nobody@example.org', TEST_PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('Set-Cookie')).toBeNull();
      expect(((await res.json()) as ErrorBody).error).toEqual({ code: 'invalid_credentials', message: 'E-mail or password is wrong' });
    }
  });

  it('GET /auth/me gives the user and the CSRF token; without a session 401', async () => {
    const official = await ws.official('province', '62');
    const me = await official.request('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { csrf_token: string }).csrf_token).toBe(official.csrf);
    const anonymous = await ws.request('/api/v1/auth/me');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.code).toBe('not_signed_in');
  });

  it('workspace answers may be read by this site only (CORP same-origin); public reads by any', async () => {
    const official = await ws.official('province', '62');
    for (const path of ['/api/v1/auth/me', '/api/v1/admin/reviews?district=610']) {
      const res = await official.request('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Cross-Origin-Resource-Policy'), path).toBe('same-origin');
    }
    const anonymous = await ws.request('/api/v1/auth/me');
    expect(anonymous.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    const publicRead = await ws.request('/api/v1/criteria');
    expect(publicRead.status).toBe(200);
    expect(publicRead.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });

  it('a forged or malformed cookie is no session', async () => {
    for (const cookie of ['ntm_session=' + 'A'.repeat(43), 'ntm_session=x', "ntm_session=' or 1=1 --"]) {
      const res = await ws.request('/api/v1/auth/me', { headers: { Cookie: cookie } });
      expect(res.status).toBe(401);
    }
  });

  it('an expired session is refused', async () => {
    const official = await ws.official('province', '62');
    await ws.ctx.ndb.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('csrf_token', '=', official.csrf).execute();
    expect((await official.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('signing in again rotates the session: the old cookie stops working', async () => {
    const email = await ws.addUser('district', '611');
    const first = await ws.signIn(email);
    const res = await ws.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: ORIGIN, Cookie: first.cookie }, body: JSON.stringify({ email, password: TEST_PASSWORD }) });
    expect(res.status).toBe(200);
    const second = res.headers.get('Set-Cookie')!.split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    expect((await first.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await ws.request('/api/v1/auth/me', { headers: { Cookie: second } })).status).toBe(200);
  });

  it('sign-out ends this session; sign-out everywhere ends every session of the account', async () => {
    const email = await ws.addUser('district', '612');
    const a = await ws.signIn(email);
    const b = await ws.signIn(email);
    const c = await ws.signIn(email);
    const out = await a.request('POST', '/api/v1/auth/logout');
    expect(out.status).toBe(200);
    expect(out.headers.get('Set-Cookie')).toMatch(/ntm_session=;/);
    expect((await a.request('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await b.request('GET', '/api/v1/auth/me')).status).toBe(200);
    const all = await b.request('POST', '/api/v1/auth/logout', { everywhere: true });
    expect(await all.json()).toEqual({ ended: 2 });
    expect((await c.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('CSRF: a state-changing request without the token, with a wrong one, or from another origin is refused and changes nothing', async () => {
    const official = await ws.official('province', '62');
    const attempts = [
      official.request('POST', '/api/v1/auth/logout', undefined, { csrf: false }),
      official.request('POST', '/api/v1/auth/logout', undefined, { headers: { 'X-CSRF-Token': 'x'.repeat(43) } }),
      official.request('POST', '/api/v1/auth/logout', undefined, { headers: { Origin: 'https://evil.example' } }),
      official.request('POST', '/api/v1/auth/logout', undefined, { headers: { Origin: 'null' } }),
      official.request('POST', '/api/v1/auth/logout', undefined, { headers: { 'Sec-Fetch-Site': 'cross-site' } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('csrf');
    }
    expect((await official.request('GET', '/api/v1/auth/me')).status).toBe(200); // still signed in
  });

  it('sign-in from another origin is refused (login CSRF)', async () => {
    const email = await ws.addUser('province', '62');
    const res = await login(ws, email, TEST_PASSWORD, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('Set-Cookie')).toBeNull();
  });

  it('throttles failed sign-ins per account: the sixth attempt in 15 minutes waits, even with the right password', async () => {
    const email = await ws.addUser('district', '613');
    for (let i = 0; i < 5; i++) expect((await login(ws, email, `wrong password ${i}`)).status).toBe(401);
    const blocked = await login(ws, email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(800);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe('too_many_attempts');
    // another account from the same address is not locked by this one
    const other = await ws.addUser('district', '614');
    expect((await login(ws, other, TEST_PASSWORD)).status).toBe(200);
  });

  it('a burst of 40 parallel wrong passwords for one account gets at most 5 checked; the rest wait (429)', async () => {
    const email = await ws.addUser('district', '616');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(ws, email, `wrong password ${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    await forgetSignIns(ws); // the burst also counted against the address
  });

  it('throttles per address: 20 failures on different accounts block the address', async () => {
    // In process every request comes from the address "local".
    for (let i = 0; i < 20; i++) await login(ws, `spray-${i}@example.org`, 'guess');
    const email = await ws.addUser('district', '615');
    expect((await login(ws, email, TEST_PASSWORD)).status).toBe(429);
    await forgetSignIns(ws); // the next tests sign in from the same address
  });

  it('a disabled account cannot sign in and its sessions stop working', async () => {
    const official = await ws.official('commune', '03040');
    await ws.ctx.ndb.db.updateTable('app_user').set({ disabled: 1 }).where('email', '=', official.email).execute();
    expect((await official.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('rejects a bad body with 400 naming the field, and an oversized body with 413', async () => {
    const bad = await ws.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@b.c' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.message).toMatch(/password/);
    const huge = await ws.request('/api/v1/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(100_000) }) });
    expect(huge.status).toBe(413);
  });

  it('the workspace routes need a session (401) and are never cached', async () => {
    const res = await ws.request('/api/v1/admin/audit');
    expect(res.status).toBe(401);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });

  it('creating an account is in the audit trail, without the password', async () => {
    const email = await ws.addUser('province', '62');
    const entry = await ws.ctx.ndb.db.selectFrom('audit_entry').selectAll().where('action', '=', 'user.create').where('after', 'like', `%${email}%`).executeTakeFirstOrThrow();
    expect(entry.actor).toBe('cli:test');
    expect(entry.entity).toBe('app_user');
    expect(entry.after).not.toContain(TEST_PASSWORD);
    expect(entry.after).not.toContain('scrypt');
  });
});
