// Round-trip tests for the PMTiles v3 writer: archives are read back with the real `pmtiles` reader.
import { gunzipSync, gzipSync } from 'node:zlib';
import { VectorTile } from '@mapbox/vector-tile';
import fc from 'fast-check';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { PbfReader } from 'pbf';
import { Compression, findTile, type DecompressFunc, PMTiles, TileType, zxyToTileId } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { fromGeojsonVt } from 'vt-pbf';
import { BufferSource, zlibDecompress } from '../../support/pmtiles.ts';
import { writePmtiles, type ArchiveOptions, type TileInput } from '../../../scripts/boundary/pmtiles-writer.ts';

/** Opens an archive with pmtiles' default decompression (DecompressionStream), or node's zlib when speed matters. */
const open = (archive: Buffer, decompress?: DecompressFunc) => new PMTiles(new BufferSource(archive), undefined, decompress);

/** The stored (still gzipped) bytes of a tile, found by walking root -> leaf directories with pmtiles' own parser. */
async function rawTile(pm: PMTiles, archive: Buffer, z: number, x: number, y: number): Promise<Buffer | undefined> {
  const header = await pm.getHeader();
  const tileId = zxyToTileId(z, x, y);
  let [offset, length] = [header.rootDirectoryOffset, header.rootDirectoryLength];
  for (let depth = 0; depth < 4; depth++) {
    const entry = findTile(await pm.cache.getDirectory(pm.source, offset, length, header), tileId);
    if (!entry) return undefined;
    if (entry.runLength > 0) {
      const start = header.tileDataOffset + entry.offset;
      return archive.subarray(start, start + entry.length);
    }
    [offset, length] = [header.leafDirectoryOffset + entry.offset, entry.length];
  }
  throw new Error('directory too deep');
}

async function readTile(pm: PMTiles, z: number, x: number, y: number): Promise<Buffer | undefined> {
  const resp = await pm.getZxy(z, x, y);
  return resp && Buffer.from(resp.data);
}

const payloadOf = (z: number, x: number, y: number, noise = '') => Buffer.from(`tile ${z}/${x}/${y} ${noise}`);
/** Deterministic pseudo-random hex noise (mulberry32), so gzipped tile lengths vary like real tiles. */
function noise(seed: number, maxChars: number): string {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return Array.from({ length: Math.floor(next() * maxChars) }, () => Math.floor(next() * 16).toString(16)).join('');
}
const gz = (payload: Uint8Array): Uint8Array => gzipSync(payload);

const baseOptions: ArchiveOptions = {
  minZoom: 0, maxZoom: 3,
  bounds: [102.1445, 8.5617, 109.4693, 23.3934],
  center: [105.8342, 21.0278, 2],
  metadata: { name: 'test', attribution: '© test', vector_layers: [{ id: 'boundaries', fields: { code: 'String' } }] },
};

describe('writePmtiles', () => {
  it('writes header fields and metadata that pmtiles reads back', async () => {
    const tiles: TileInput[] = [
      { z: 0, x: 0, y: 0, data: gz(payloadOf(0, 0, 0)) },
      { z: 1, x: 1, y: 0, data: gz(payloadOf(1, 1, 0)) },
      { z: 3, x: 6, y: 3, data: gz(payloadOf(3, 6, 3)) },
    ];
    const { archive, stats } = writePmtiles(tiles, baseOptions);
    const pm = open(archive);
    const h = await pm.getHeader();
    expect(h).toMatchObject({
      specVersion: 3, minZoom: 0, maxZoom: 3,
      minLon: 102.1445, minLat: 8.5617, maxLon: 109.4693, maxLat: 23.3934,
      centerLon: 105.8342, centerLat: 21.0278, centerZoom: 2,
      clustered: true, internalCompression: Compression.Gzip, tileCompression: Compression.Gzip, tileType: TileType.Mvt,
      numAddressedTiles: 3, numTileEntries: 3, numTileContents: 3,
      rootDirectoryOffset: 127, leafDirectoryLength: 0,
    });
    expect(h.tileDataOffset + (h.tileDataLength ?? 0)).toBe(archive.length);
    expect(stats).toEqual({
      addressedTiles: 3, tileEntries: 3, tileContents: 3, rootDirectoryBytes: h.rootDirectoryLength,
      leafDirectoryBytes: 0, leafDirectories: 0, bytes: archive.length,
    });
    expect(await pm.getMetadata()).toEqual(baseOptions.metadata);
  });

  it('returns every written tile byte-identical and nothing for tiles not written', async () => {
    const tiles: TileInput[] = [];
    for (let z = 0; z <= 3; z++) {
      for (let x = 0; x < 2 ** z; x += 2) for (let y = 1; y < 2 ** z; y += 2) tiles.push({ z, x, y, data: gz(payloadOf(z, x, y, noise(x * 8 + y, 40))) });
    }
    tiles.push({ z: 0, x: 0, y: 0, data: gz(payloadOf(0, 0, 0)) });
    const { archive } = writePmtiles(tiles, baseOptions);
    const pm = open(archive);
    for (const t of tiles) {
      expect(await rawTile(pm, archive, t.z, t.x, t.y)).toEqual(Buffer.from(t.data)); // stored bytes, still gzipped
      expect(await readTile(pm, t.z, t.x, t.y)).toEqual(gunzipSync(t.data)); // via getZxy, which gunzips
    }
    for (const [z, x, y] of [[1, 1, 0], [2, 3, 2], [3, 7, 6], [4, 0, 1]] as const) expect(await pm.getZxy(z, x, y)).toBeUndefined();
  });

  it('splits a large archive into leaf directories and keeps header + root within 16 KiB', async () => {
    const tiles: TileInput[] = [];
    const payloads = new Map<string, Buffer>();
    for (let z = 0; z <= 9; z++) {
      const [lo, hi] = [100 >> (9 - z), 259 >> (9 - z)];
      for (let x = lo; x <= hi; x++) {
        for (let y = lo; y <= hi; y++) {
          const payload = payloadOf(z, x, y, noise(tiles.length, 200));
          payloads.set(`${z}/${x}/${y}`, payload);
          tiles.push({ z, x, y, data: gz(payload) });
        }
      }
    }
    expect(tiles.length).toBeGreaterThanOrEqual(30_000);
    const { archive, stats } = writePmtiles(tiles, { ...baseOptions, maxZoom: 9 });
    expect(stats.leafDirectories).toBeGreaterThan(0);
    expect(stats).toMatchObject({ addressedTiles: tiles.length, tileEntries: tiles.length, tileContents: tiles.length });

    const pm = open(archive, zlibDecompress); // ~34k reads: zlib is much faster than DecompressionStream here
    const h = await pm.getHeader();
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.leafDirectoryLength).toBe(stats.leafDirectoryBytes);
    expect(h.numTileEntries).toBe(tiles.length);
    const root = await pm.cache.getDirectory(pm.source, h.rootDirectoryOffset, h.rootDirectoryLength, h);
    expect(root).toHaveLength(stats.leafDirectories);
    expect(root.every((e) => e.runLength === 0 && e.offset + e.length <= h.leafDirectoryLength!)).toBe(true);

    let mismatches = 0;
    for (let i = 0; i < tiles.length; i += 1000) {
      const batch = tiles.slice(i, i + 1000);
      const read = await Promise.all(batch.map((t) => readTile(pm, t.z, t.x, t.y)));
      batch.forEach((t, j) => { if (!read[j]?.equals(payloads.get(`${t.z}/${t.x}/${t.y}`)!)) mismatches++; });
    }
    expect(mismatches).toBe(0);
    for (const [z, x, y] of [[9, 0, 0], [9, 99, 150], [9, 260, 260], [9, 511, 511]] as const) expect(await pm.getZxy(z, x, y)).toBeUndefined();
  });

  it('stores real MVT tiles (geojson-vt + vt-pbf) that decode back with @mapbox/vector-tile', async () => {
    const square = (w: number, s: number, e: number, n: number) => ({
      type: 'Polygon' as const, coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
    });
    const geojson: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: '01', name: 'Hà Nội' }, geometry: square(105, 20, 106, 21) },
        { type: 'Feature', properties: { code: '02', name: 'Hà Giang' }, geometry: square(106, 20, 107, 21) },
      ],
    };
    const index = new GeoJSONVT(geojson, { maxZoom: 5, indexMaxZoom: 5 });
    const tiles: TileInput[] = [];
    for (let z = 0; z <= 5; z++) {
      const n = 2 ** z;
      const x = Math.floor(((106 + 180) / 360) * n);
      const latRad = (20.5 * Math.PI) / 180;
      const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * n);
      const tile = index.getTile(z, x, y);
      if (!tile) throw new Error(`no geojson-vt tile at ${z}/${x}/${y}`);
      tiles.push({ z, x, y, data: gz(fromGeojsonVt({ boundaries: tile }, { version: 2 })) });
    }
    const { archive } = writePmtiles(tiles, { ...baseOptions, maxZoom: 5 });
    const pm = open(archive);
    for (const t of tiles) {
      const resp = await pm.getZxy(t.z, t.x, t.y);
      expect(resp).toBeDefined();
      const vt = new VectorTile(new PbfReader(new Uint8Array(resp!.data)));
      expect(Object.keys(vt.layers)).toEqual(['boundaries']);
      const layer = vt.layers['boundaries']!;
      expect(layer.length).toBe(2);
      const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
      expect(features.map((f) => f.type)).toEqual([3, 3]);
      expect(features.map((f) => f.properties).sort((a, b) => String(a['code']).localeCompare(String(b['code'])))).toEqual([
        { code: '01', name: 'Hà Nội' },
        { code: '02', name: 'Hà Giang' },
      ]);
    }
  });

  it('de-duplicates identical contents and run-length encodes consecutive tile ids', async () => {
    const ocean = gz(Buffer.from('ocean'));
    const land = gz(Buffer.from('land'));
    const tiles: TileInput[] = [];
    for (let z = 0; z <= 5; z++) for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) tiles.push({ z, x, y, data: ocean });

    const same = writePmtiles(tiles, { ...baseOptions, maxZoom: 5 });
    expect(same.stats).toMatchObject({ addressedTiles: 1365, tileEntries: 1, tileContents: 1 });
    expect((await open(same.archive).getHeader()).tileDataLength).toBe(ocean.length);

    const mixed = tiles.map((t) => (t.z === 5 && t.x === 10 && t.y === 10 ? { ...t, data: land } : t));
    const { archive, stats } = writePmtiles(mixed, { ...baseOptions, maxZoom: 5 });
    expect(stats).toMatchObject({ addressedTiles: 1365, tileEntries: 3, tileContents: 2 });
    const pm = open(archive);
    expect(await pm.getHeader()).toMatchObject({ numAddressedTiles: 1365, numTileEntries: 3, numTileContents: 2 });
    for (const t of mixed) expect(await readTile(pm, t.z, t.x, t.y)).toEqual(gunzipSync(t.data));
  });

  it('round-trips random sets of distinct tiles (property)', async () => {
    const tileArb = fc.integer({ min: 0, max: 14 }).chain((z) =>
      fc.record({
        z: fc.constant(z),
        x: fc.integer({ min: 0, max: 2 ** z - 1 }),
        y: fc.integer({ min: 0, max: 2 ** z - 1 }),
        payload: fc.oneof(fc.constant(Uint8Array.of(7)), fc.uint8Array({ maxLength: 64 })),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(tileArb, { minLength: 1, maxLength: 80, selector: (t) => `${t.z}/${t.x}/${t.y}` }), async (specs) => {
        const tiles = specs.map(({ z, x, y, payload }) => ({ z, x, y, data: gz(payload) }));
        const zooms = specs.map((t) => t.z);
        const { archive, stats } = writePmtiles(tiles, { ...baseOptions, minZoom: Math.min(...zooms), maxZoom: Math.max(...zooms) });
        expect(stats.addressedTiles).toBe(specs.length);
        expect(stats.tileContents).toBe(new Set(tiles.map((t) => Buffer.from(t.data).toString('hex'))).size);
        const pm = open(archive);
        for (const { z, x, y, payload } of specs) expect(await readTile(pm, z, x, y)).toEqual(Buffer.from(payload));
      }),
      { numRuns: 60 },
    );
  });

  it('rejects invalid input with a clear error', () => {
    const data = gz(Buffer.from('x'));
    const opts = { ...baseOptions, minZoom: 1, maxZoom: 3 };
    expect(() => writePmtiles([{ z: 2, x: 1, y: 1, data }, { z: 2, x: 1, y: 1, data }], opts)).toThrow(/duplicate tile 2\/1\/1/);
    expect(() => writePmtiles([{ z: 2, x: 4, y: 0, data }], opts)).toThrow(/2\/4\/0: x\/y outside 0\.\.3/);
    expect(() => writePmtiles([{ z: 2, x: 0, y: -1, data }], opts)).toThrow(/x\/y outside/);
    expect(() => writePmtiles([{ z: 0, x: 0, y: 0, data }], opts)).toThrow(/zoom outside 1\.\.3/);
    expect(() => writePmtiles([{ z: 4, x: 0, y: 0, data }], opts)).toThrow(/zoom outside 1\.\.3/);
    expect(() => writePmtiles([{ z: 2, x: 0, y: 0, data: new Uint8Array(0) }], opts)).toThrow(/empty tile data/);
    expect(() => writePmtiles([], opts)).toThrow(/no tiles/);
  });
});
