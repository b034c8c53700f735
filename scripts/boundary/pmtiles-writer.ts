/** @module Writes gzip-compressed MVT tiles into a single PMTiles v3 archive (header, root directory, metadata,
 * leaf directories, tile data) for the boundary build. Hand-written from the PMTiles v3 spec because no
 * npm package writes PMTiles (the `pmtiles` package only reads them). */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile to write: its address and its gzip-compressed MVT bytes. */
export interface TileInput { z: number; x: number; y: number; data: Uint8Array } // data already gzip-compressed MVT
/** The archive's header fields: zoom range, bounds, centre and JSON metadata (vector_layers, attribution, …). */
export interface ArchiveOptions {
  minZoom: number; maxZoom: number;
  bounds: [west: number, south: number, east: number, north: number];
  center: [lon: number, lat: number, zoom: number];
  metadata: Record<string, unknown>; // JSON metadata (vector_layers, attribution, …), stored gzip-compressed
}
/** What the writer wrote: tiles addressed and stored, directory sizes and the archive's size, for the build's
 * report. */
export interface ArchiveStats {
  addressedTiles: number; tileEntries: number; tileContents: number;
  rootDirectoryBytes: number; leafDirectoryBytes: number; leafDirectories: number; bytes: number;
}

const HEADER_BYTES = 127;
const ROOT_LIMIT = 16_384; // header + root directory must lie within the first 16 KiB
const MAX_ZOOM = 26; // highest zoom whose tile ids are exact in a JS number (pmtiles' zxyToTileId limit)
const COMPRESSION_GZIP = 2;
const TILE_TYPE_MVT = 1;

/** A directory entry; runLength 0 means offset/length point at a leaf directory. */
interface Entry { tileId: number; offset: number; length: number; runLength: number }

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) { out.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); } // n may exceed 2^32
  out.push(n);
}

/** Columnar varint encoding: count, tile-id deltas, run lengths, lengths, offsets (0 = contiguous, else offset+1); gzip. */
function serializeDirectory(entries: readonly Entry[]): Buffer {
  const out: number[] = [];
  pushVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) { pushVarint(out, e.tileId - lastId); lastId = e.tileId; }
  for (const e of entries) pushVarint(out, e.runLength);
  for (const e of entries) pushVarint(out, e.length);
  let prev: Entry | undefined;
  for (const e of entries) {
    pushVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
    prev = e;
  }
  return gzipSync(Uint8Array.from(out));
}

/** Single root if it fits; otherwise leaves of `leafSize` entries (grown by 1.2× until the root fits, as go-pmtiles does). */
function buildDirectories(entries: readonly Entry[]): { root: Buffer; leaves: Buffer[] } {
  const budget = ROOT_LIMIT - HEADER_BYTES;
  const single = serializeDirectory(entries);
  if (single.length <= budget) return { root: single, leaves: [] };
  for (let leafSize = Math.max(4096, Math.ceil(entries.length / 3500)); ; leafSize = Math.ceil(leafSize * 1.2)) {
    const leaves: Buffer[] = [];
    const rootEntries: Entry[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = serializeDirectory(entries.slice(i, i + leafSize));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leaves.push(leaf);
      offset += leaf.length;
    }
    const root = serializeDirectory(rootEntries);
    if (root.length <= budget) return { root, leaves };
  }
}

function validate(tiles: readonly TileInput[], o: ArchiveOptions): void {
  const { minZoom, maxZoom } = o;
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > MAX_ZOOM || minZoom > maxZoom) {
    throw new Error(`invalid zoom range ${minZoom}..${maxZoom} (need integers 0 <= minZoom <= maxZoom <= ${MAX_ZOOM})`);
  }
  if (tiles.length === 0) throw new Error('no tiles: a PMTiles directory must not be empty');
  for (const { z, x, y, data } of tiles) {
    const where = `tile ${z}/${x}/${y}`;
    if (!Number.isInteger(z) || z < minZoom || z > maxZoom) throw new Error(`${where}: zoom outside ${minZoom}..${maxZoom}`);
    const n = 2 ** z;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
      throw new Error(`${where}: x/y outside 0..${n - 1}`);
    }
    if (data.length === 0) throw new Error(`${where}: empty tile data`);
  }
}

function writeHeader(o: ArchiveOptions, f: {
  rootLength: number; metadataLength: number; leavesLength: number; dataLength: number;
  addressed: number; entries: number; contents: number;
}): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'ascii');
  h.writeUInt8(3, 7);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + f.rootLength;
  const leavesOffset = metadataOffset + f.metadataLength;
  const dataOffset = leavesOffset + f.leavesLength;
  [rootOffset, f.rootLength, metadataOffset, f.metadataLength, leavesOffset, f.leavesLength, dataOffset, f.dataLength,
    f.addressed, f.entries, f.contents].forEach((v, i) => h.writeBigUInt64LE(BigInt(v), 8 + 8 * i));
  h.writeUInt8(1, 96); // clustered: tile data is in tile-id order
  h.writeUInt8(COMPRESSION_GZIP, 97); // internal compression (directories, metadata)
  h.writeUInt8(COMPRESSION_GZIP, 98); // tile compression
  h.writeUInt8(TILE_TYPE_MVT, 99);
  h.writeUInt8(o.minZoom, 100);
  h.writeUInt8(o.maxZoom, 101);
  const e7 = (deg: number) => Math.round(deg * 1e7);
  const [west, south, east, north] = o.bounds;
  [west, south, east, north].forEach((v, i) => h.writeInt32LE(e7(v), 102 + 4 * i));
  const [lon, lat, zoom] = o.center;
  h.writeUInt8(zoom, 118);
  h.writeInt32LE(e7(lon), 119);
  h.writeInt32LE(e7(lat), 123);
  return h;
}

/** Builds a clustered, de-duplicated PMTiles v3 archive in memory. */
export function writePmtiles(tiles: readonly TileInput[], options: ArchiveOptions): { archive: Buffer; stats: ArchiveStats } {
  validate(tiles, options);
  const sorted = tiles.map((t) => ({ tile: t, tileId: zxyToTileId(t.z, t.x, t.y) })).sort((a, b) => a.tileId - b.tileId);

  const entries: Entry[] = [];
  const blobs: Uint8Array[] = [];
  const stored = new Map<string, { offset: number; length: number }>(); // content hash -> location in tile data
  let dataLength = 0;
  for (const [i, { tile, tileId }] of sorted.entries()) {
    if (i > 0 && sorted[i - 1]!.tileId === tileId) throw new Error(`duplicate tile ${tile.z}/${tile.x}/${tile.y}`);
    const hash = createHash('sha256').update(tile.data).digest('base64');
    let loc = stored.get(hash);
    if (!loc) {
      loc = { offset: dataLength, length: tile.data.length };
      stored.set(hash, loc);
      blobs.push(tile.data);
      dataLength += tile.data.length;
    }
    const last = entries.at(-1);
    if (last && last.offset === loc.offset && last.tileId + last.runLength === tileId) last.runLength++;
    else entries.push({ tileId, offset: loc.offset, length: loc.length, runLength: 1 });
  }

  const { root, leaves } = buildDirectories(entries);
  const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata), 'utf8'));
  const leavesLength = leaves.reduce((sum, l) => sum + l.length, 0);
  const header = writeHeader(options, {
    rootLength: root.length, metadataLength: metadata.length, leavesLength, dataLength,
    addressed: tiles.length, entries: entries.length, contents: stored.size,
  });
  const archive = Buffer.concat([header, root, metadata, ...leaves, ...blobs]);
  return {
    archive,
    stats: {
      addressedTiles: tiles.length, tileEntries: entries.length, tileContents: stored.size,
      rootDirectoryBytes: root.length, leafDirectoryBytes: leavesLength, leafDirectories: leaves.length, bytes: archive.length,
    },
  };
}
