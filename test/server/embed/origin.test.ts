// Absolute URLs come from the configured public origin (NTM_PUBLIC_ORIGIN), never from a request's Host;
// X-Forwarded-* are read only behind a trusted proxy (NTM_TRUST_PROXY=1); every page has a
// Permissions-Policy; an unknown file path is a real 404 (not the map page), and no dot-path is served,
// the build's manifest whatever its case or encoding.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../../../server/app.ts';
import { CLIENT_DIST_DIR } from '../../../server/config/paths.ts';
import { readEnv } from '../../../server/config/env.ts';
import { seededApis } from '../../support/api.ts';

const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];
const saved = { origin: process.env.NTM_PUBLIC_ORIGIN, trust: process.env.NTM_TRUST_PROXY };
const restore = (name: 'NTM_PUBLIC_ORIGIN' | 'NTM_TRUST_PROXY', value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));

describe.each(seededApis())('public origin and unknown paths ($name)', (engine) => {
  let api: Awaited<ReturnType<typeof engine.open>>;
  let app: Hono;
  beforeAll(async () => {
    api = await engine.open();
    if (!existsSync(join(CLIENT_DIST_DIR, 'index.html'))) throw new Error('no client build in dist/ (the test setup builds it)');
    app = createApp({ ctx: api.ctx, distDir: CLIENT_DIST_DIR });
  });
  afterAll(() => api?.close());
  afterEach(() => {
    restore('NTM_PUBLIC_ORIGIN', saved.origin);
    restore('NTM_TRUST_PROXY', saved.trust);
  });

  const hostile = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };

  it('writes Open Graph, oEmbed discovery and the oEmbed answer with NTM_PUBLIC_ORIGIN, whatever Host says', async () => {
    process.env.NTM_PUBLIC_ORIGIN = 'https://ntm.example.gov.vn';
    const html = await (await app.request('http://evil.example/?province=62', { headers: hostile })).text();
    expect(meta(html, 'og:url')).toBe('https://ntm.example.gov.vn/?province=62');
    expect(html).toContain('href="https://ntm.example.gov.vn/oembed?url=https%3A%2F%2Fntm.example.gov.vn%2F%3Fprovince%3D62&amp;format=json"');
    expect(html).not.toContain('evil.example');
    const mine = await app.request(`http://evil.example/oembed?url=${encodeURIComponent('https://ntm.example.gov.vn/?province=62')}`, { headers: hostile });
    expect(mine.status).toBe(200);
    const body = (await mine.json()) as { html: string; provider_url: string };
    expect(body.provider_url).toBe('https://ntm.example.gov.vn/');
    expect(body.html).toContain('src="https://ntm.example.gov.vn/embed?province=62"');
    // A URL on the host the request names (not this map's origin) is not this map.
    expect((await app.request(`http://evil.example/oembed?url=${encodeURIComponent('http://evil.example/?province=62')}`, { headers: hostile })).status).toBe(404);
  });

  it('reads X-Forwarded-Proto and -Host only with NTM_TRUST_PROXY=1', async () => {
    delete process.env.NTM_PUBLIC_ORIGIN;
    process.env.NTM_TRUST_PROXY = '0';
    const plain = await (await app.request('http://localhost/?province=62', { headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' } })).text();
    expect(meta(plain, 'og:url')).toBe('http://localhost/?province=62');
    process.env.NTM_TRUST_PROXY = '1';
    const proxied = await (await app.request('http://localhost/?province=62', { headers: { 'X-Forwarded-Host': 'ntm.example.gov.vn', 'X-Forwarded-Proto': 'https' } })).text();
    expect(meta(proxied, 'og:url')).toBe('https://ntm.example.gov.vn/?province=62');
  });

  it('NTM_PUBLIC_ORIGIN must be an origin', () => {
    expect(() => readEnv({ NTM_PUBLIC_ORIGIN: 'https://ntm.example.gov.vn/map' })).toThrow(/NTM_PUBLIC_ORIGIN/);
    expect(() => readEnv({ NTM_PUBLIC_ORIGIN: 'javascript:alert(1)' })).toThrow(/NTM_PUBLIC_ORIGIN/);
    expect(readEnv({ NTM_PUBLIC_ORIGIN: 'https://ntm.example.gov.vn' }).NTM_PUBLIC_ORIGIN).toBe('https://ntm.example.gov.vn');
  });

  it('sends a Permissions-Policy; unknown files and dot-paths are 404, client routes the map page', async () => {
    const page = await app.request('/');
    expect(page.headers.get('Permissions-Policy')).toMatch(/camera=\(\).*geolocation=\(\)/);
    for (const path of ['/.env', '/.git/config', '/.VITE/manifest.json', '/.Vite/manifest.json', '/%2Evite/manifest.json', '/wp-login.php', '/config.json']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('"file"');
    }
    expect((await app.request('/some/client/path?province=62')).status).toBe(200);
    expect((await app.request('/embed?province=62')).status).toBe(200);
    expect((await app.request('/workspace/')).status).toBe(200);
  });
});
