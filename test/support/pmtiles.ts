// Test helpers to read PMTiles archives with the real `pmtiles` reader: a Source over a Buffer or
// over HTTP through a Hono app, node-zlib decompression, and a walk over every addressed tile.
import { gunzipSync } from 'node:zlib';
import { Compression, type DecompressFunc, PMTiles, type RangeResponse, type Source, tileIdToZxy } from 'pmtiles';

let sourceCount = 0;

/** A pmtiles `Source` over an in-memory archive. */
export class BufferSource implements Source {
  private readonly key = `buffer-${sourceCount++}`;
  constructor(private readonly buf: Buffer) {}
  getKey(): string { return this.key; }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.buf.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  }
}

/** A pmtiles `Source` that sends HTTP Range requests to a fetch function (e.g. a Hono app's `request`). */
export class FetchSource implements Source {
  requests = 0;
  constructor(private readonly url: string, private readonly fetcher: (url: string, init: RequestInit) => Promise<Response>) {}
  getKey(): string { return this.url; }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    this.requests++;
    const response = await this.fetcher(this.url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    if (response.status !== 206) throw new Error(`expected 206 for a range request, got ${response.status}`);
    return { data: await response.arrayBuffer(), etag: response.headers.get('ETag') ?? undefined };
  }
}

export const zlibDecompress: DecompressFunc = async (buf, compression) => {
  if (compression === Compression.None) return buf;
  if (compression !== Compression.Gzip) throw new Error(`unexpected compression ${compression}`);
  const out = gunzipSync(new Uint8Array(buf));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
};

export const openArchive = (source: Source, decompress: DecompressFunc = zlibDecompress) => new PMTiles(source, undefined, decompress);

/** Every tile address in the archive, from the root and leaf directories. */
export async function addressedTiles(pm: PMTiles): Promise<Array<{ z: number; x: number; y: number }>> {
  const header = await pm.getHeader();
  const out: Array<{ z: number; x: number; y: number }> = [];
  const walk = async (offset: number, length: number) => {
    for (const entry of await pm.cache.getDirectory(pm.source, offset, length, header)) {
      if (entry.runLength === 0) await walk(header.leafDirectoryOffset + entry.offset, entry.length);
      else for (let i = 0; i < entry.runLength; i++) {
        const [z, x, y] = tileIdToZxy(entry.tileId + i);
        out.push({ z, x, y });
      }
    }
  };
  await walk(header.rootDirectoryOffset, header.rootDirectoryLength);
  return out;
}
