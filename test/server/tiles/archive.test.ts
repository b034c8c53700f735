// The tile archive over HTTP: byte ranges, 416, ETag and 304, HEAD, cache headers per name, and the
// real pmtiles reader reading tiles through the app.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoundaries, type BuildManifest } from '../../../scripts/boundary/build.ts';
import { archiveRoutes, parseRange } from '../../../server/tiles/archive.ts';
import { writeBoundaryFixture, writeBoundaryFixture2025 } from '../../fixtures/boundaries.ts';
import { FetchSource, openArchive } from '../../support/pmtiles.ts';

const work = mkdtempSync(join(tmpdir(), 'ntm-archive-'));
let manifest: BuildManifest;
let app: Hono;
let size: number;
let manifest2025: BuildManifest;
let both: Hono;

beforeAll(async () => {
  const out = join(work, 'build');
  ({ manifest } = await buildBoundaries({ boundariesDir: writeBoundaryFixture(join(work, 'in'), ['62']), outDir: out }));
  size = manifest.archive.bytes;
  app = new Hono().route('/tiles', archiveRoutes([{ file: join(out, manifest.archive.file), manifest }]));
  const out2025 = join(work, 'build-2025');
  ({ manifest: manifest2025 } = await buildBoundaries({ structure: '2025-07', boundariesDir: writeBoundaryFixture2025(join(work, 'in-2025'), ['51']), outDir: out2025 }));
  both = new Hono().route('/tiles', archiveRoutes([{ file: join(out, manifest.archive.file), manifest }, { file: join(out2025, manifest2025.archive.file), manifest: manifest2025 }]));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('parseRange', () => {
  it('reads single ranges and refuses what cannot be satisfied', () => {
    expect(parseRange(undefined, 100)).toBe('none');
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=9-3', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('none'); // several ranges: answered with the whole file
    expect(parseRange('items=0-1', 100)).toBe('none');
  });
});

describe('archive routes', () => {
  const hashed = () => `/tiles/${manifest.archive.hashedName}`;

  it('answers a range with 206, Content-Range, Accept-Ranges and the content ETag', async () => {
    const res = await app.request(hashed(), { headers: { Range: 'bytes=0-126' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes 0-126/${size}`);
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(res.headers.get('ETag')).toBe(`"${manifest.archive.sha256.slice(0, 32)}"`);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(127);
    expect(body.subarray(0, 7).toString('ascii')).toBe('PMTiles');
    expect(body[7]).toBe(3);
  });

  it('caches the hashed name for good and revalidates the plain name', async () => {
    expect((await app.request(hashed())).headers.get('Cache-Control')).toContain('immutable');
    const plain = await app.request('/tiles/ntm.pmtiles', { method: 'HEAD' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('Content-Length')).toBe(String(size));
    expect(plain.headers.get('Cache-Control')).toContain('must-revalidate');
    const again = await app.request('/tiles/ntm.pmtiles', { headers: { 'If-None-Match': plain.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });

  it('answers 304 to an If-None-Match list or weak tag naming the build, as a browser or proxy may send it', async () => {
    const etag = (await app.request('/tiles/ntm.pmtiles', { method: 'HEAD' })).headers.get('ETag')!;
    for (const header of [`"old", ${etag}`, `W/${etag}`, '*']) {
      expect((await app.request('/tiles/ntm.pmtiles', { headers: { 'If-None-Match': header } })).status, header).toBe(304);
    }
    expect((await app.request('/tiles/ntm.pmtiles', { headers: { 'If-None-Match': '"old"' } })).status).toBe(200);
  });

  it('refuses a range past the end with 416 and the size', async () => {
    const res = await app.request(hashed(), { headers: { Range: `bytes=${size}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get('Content-Range')).toBe(`bytes */${size}`);
  });

  it('sends the whole archive when If-Range names another build', async () => {
    const res = await app.request(hashed(), { headers: { Range: 'bytes=0-9', 'If-Range': '"another"' } });
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('Content-Length'))).toBe(size);
  });

  it('404s an old hashed name, pointing at the current one', async () => {
    const res = await app.request('/tiles/ntm.0123456789ab.pmtiles');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(manifest.archive.hashedName);
  });

  it('serves tiles that the pmtiles reader can read over HTTP ranges', async () => {
    const source = new FetchSource(`http://test${hashed()}`, async (url, init) => app.request(url, init));
    const pm = openArchive(source);
    const header = await pm.getHeader();
    expect(header.maxZoom).toBe(12);
    const tile = await pm.getZxy(8, 204, 117); // covers Kon Tum city (108.0 E, 14.35 N)
    expect(tile?.data.byteLength).toBeGreaterThan(100);
    expect(source.requests).toBeGreaterThanOrEqual(2);
  });
});

describe('archive routes of both unit structures', () => {
  it('serves each archive under its own plain and hashed names, with its own ETag and bytes', async () => {
    expect(manifest2025.archive.file).toBe('ntm-2025-07.pmtiles');
    expect(manifest2025.archive.hashedName).toMatch(/^ntm-2025-07\.[0-9a-f]{12}\.pmtiles$/);
    for (const m of [manifest, manifest2025]) {
      for (const name of [m.archive.file, m.archive.hashedName]) {
        const res = await both.request(`/tiles/${name}`, { method: 'HEAD' });
        expect(res.status, name).toBe(200);
        expect(res.headers.get('Content-Length')).toBe(String(m.archive.bytes));
        expect(res.headers.get('ETag')).toBe(`"${m.archive.sha256.slice(0, 32)}"`);
      }
    }
    expect(manifest2025.archive.sha256).not.toBe(manifest.archive.sha256);
  });

  it("reads today's archive over HTTP ranges with the pmtiles reader: its layers and its attribution", async () => {
    const pm = openArchive(new FetchSource(`http://test/tiles/${manifest2025.archive.hashedName}`, async (url, init) => both.request(url, init)));
    const metadata = (await pm.getMetadata()) as { attribution: string; structure: string; vector_layers: Array<{ id: string }> };
    expect(metadata.structure).toBe('2025-07');
    expect(metadata.vector_layers.map((l) => l.id)).toEqual(['provinces', 'communes', 'labels']);
    expect(metadata.attribution).toContain('sapnhap.bando.com.vn');
    expect(metadata.attribution).toContain('NXB Tài nguyên – Môi trường và Bản đồ Việt Nam');
    expect((await pm.getZxy(8, 204, 117))?.data.byteLength).toBeGreaterThan(100); // Kon Tum city, now in Quảng Ngãi
  });

  it('404s any other name, naming both current archives', async () => {
    const res = await both.request('/tiles/ntm-2025-07.0123456789ab.pmtiles');
    expect(res.status).toBe(404);
    const { message } = ((await res.json()) as { error: { message: string } }).error;
    expect(message).toContain(manifest.archive.hashedName);
    expect(message).toContain(manifest2025.archive.hashedName);
  });
});
