// The response cache: repeated reads come from memory (the route runs once), bodies are compressed with
// brotli or gzip by Accept-Encoding and decompress to the same bytes, 304 on a matching ETag, and only
// public 200 responses are kept; clear() forgets everything; a cache of 0 bytes (NTM_RESPONSE_CACHE_MB=0) keeps
// nothing but still compresses.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { describe, expect, it } from 'vitest';
import { createResponseCache, negotiate } from '../../../server/http/response-cache.ts';

function appWith(maxBytes?: number) {
  const cache = createResponseCache(maxBytes);
  let calls = 0;
  const app = new Hono();
  app.use('*', cache.middleware);
  app.use('*', etag());
  const body = JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ code: String(i).padStart(5, '0'), met: i % 20 })) });
  app.get('/public', (c) => {
    calls++;
    c.header('Cache-Control', 'public, max-age=60');
    return c.body(body, 200, { 'Content-Type': 'application/json' });
  });
  app.get('/private', (c) => {
    calls++;
    c.header('Cache-Control', 'no-store');
    return c.json({ n: calls });
  });
  return { app, cache, body, calls: () => calls };
}

describe('response cache', () => {
  it('negotiates brotli, then gzip, honouring q=0', () => {
    expect(negotiate('gzip, deflate, br')).toBe('br');
    expect(negotiate('gzip;q=1, br;q=0')).toBe('gzip');
    expect(negotiate(undefined)).toBe('identity');
    expect(negotiate('identity')).toBe('identity');
  });

  it('serves repeated reads from memory, compressed, with the same bytes once decompressed', async () => {
    const { app, body, calls } = appWith();
    const plain = await app.request('/public');
    expect(await plain.text()).toBe(body);
    const br = await app.request('/public', { headers: { 'Accept-Encoding': 'br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(body.length / 3);
    expect(brotliDecompressSync(brBytes).toString()).toBe(body);
    const gz = await app.request('/public', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(body);
    expect(calls()).toBe(1);
    const etag = plain.headers.get('ETag')!;
    expect((await app.request('/public', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it('does not keep private responses, and forgets everything on clear()', async () => {
    const { app, cache, calls } = appWith();
    await app.request('/private');
    await app.request('/private');
    expect(calls()).toBe(2);
    await app.request('/public');
    expect(cache.bytes).toBeGreaterThan(0);
    cache.clear();
    expect(cache.bytes).toBe(0);
    await app.request('/public');
    expect(calls()).toBe(4);
  });

  it('with 0 bytes (NTM_RESPONSE_CACHE_MB=0) runs the route for every read, still compressed', async () => {
    const { app, cache, body, calls } = appWith(0);
    for (let i = 0; i < 3; i++) {
      const br = await app.request('/public', { headers: { 'Accept-Encoding': 'br' } });
      expect(br.headers.get('Content-Encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(body);
    }
    expect(calls()).toBe(3);
    expect(cache.bytes).toBe(0);
  });
});
