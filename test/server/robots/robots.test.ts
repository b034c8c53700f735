// /robots.txt is plain text that lets crawlers read the public map and the widget and keeps them out of the
// officials' workspace and its API (it was the map page's HTML before, which crawlers read as 44 errors).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { CLIENT_DIST_DIR } from '../../../server/config/paths.ts';
import { seededApis } from '../../support/api.ts';

/** Whether a crawler obeying `rules` (one `User-agent: *` group; the longest matching rule wins, Allow on a tie, as RFC 9309 says) may fetch `path`. */
function allowed(rules: string, path: string): boolean {
  let best: { length: number; allow: boolean } = { length: -1, allow: true };
  for (const raw of rules.split('\n')) {
    const m = /^(Allow|Disallow):\s*(\S*)$/i.exec(raw.trim());
    if (!m || !m[2] || !path.startsWith(m[2])) continue;
    const allow = m[1]!.toLowerCase() === 'allow';
    if (m[2].length > best.length || (m[2].length === best.length && allow)) best = { length: m[2].length, allow };
  }
  return best.allow;
}

describe.each(seededApis().slice(0, 1))('robots.txt ($name)', (engine) => {
  let api: Awaited<ReturnType<typeof engine.open>>;
  let app: Hono;
  beforeAll(async () => {
    api = await engine.open();
    app = createApp({ ctx: api.ctx, ...(existsSync(join(CLIENT_DIST_DIR, 'index.html')) ? { distDir: CLIENT_DIST_DIR } : {}) });
  });
  afterAll(() => api?.close());

  it('is plain text: the map, the widget and the public API allowed; the workspace and its API not', async () => {
    const res = await app.request('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).not.toContain('<');
    expect(text).toMatch(/^User-agent: \*$/m);
    for (const path of ['/', '/?province=62', '/embed', '/embed?province=62', '/api/v1/status', '/tiles/ntm.pmtiles']) expect(allowed(text, path), path).toBe(true);
    for (const path of ['/workspace', '/workspace/', '/workspace/?lang=en', '/api/v1/admin/reviews', '/api/v1/auth/me']) expect(allowed(text, path), path).toBe(false);
  });
});
