/** @module Reads chosen entries of an uploaded zip (an XLSX workbook) with a bound on the bytes they really inflate
 * to. A zip states each entry's inflated size, but nothing makes it true: a 3 MB upload that declares a
 * few kilobytes can inflate to a gibibyte inside a spreadsheet library. Here the central directory is read
 * (as Excel and ExcelJS's loader do), and each chosen entry is inflated by node's zlib with
 * `maxOutputLength` set to what is left of the budget, so inflation stops as soon as the produced bytes
 * pass it, whatever the entry declares. Entries that are not chosen are never inflated. Hand-written:
 * fflate and the zip libraries either trust the declared sizes or inflate everything. */
import { inflateRawSync } from 'node:zlib';

/** One entry of the zip's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (others are refused when read). */
  method: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** A malformed zip, or an entry past the budget (`code` says which). */
export class ZipError extends Error {
  constructor(
    readonly code: 'not_zip' | 'too_big' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** The entries of the zip's central directory, in their order (zip64 archives are refused: an 8 MB upload never needs one). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - MAX_COMMENT); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not_zip', 'no end of central directory');
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff || at + size > end) throw new ZipError('not_zip', 'bad central directory');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw new ZipError('not_zip', 'bad central directory entry');
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + skip > end) throw new ZipError('not_zip', 'bad central directory entry');
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Bytes produced so far by a `readEntries` call, and the most it may produce. */
export interface InflateBudget {
  used: number;
  readonly max: number;
}

/** The entry's inflated bytes; throws ZipError('too_big') as soon as the budget is passed (counted on the
 * bytes zlib really produces: at most `max - used + 1` bytes are ever allocated). */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) throw new ZipError('not_zip', `bad local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new ZipError('not_zip', `${entry.name} is cut short`);
  const data = bytes.subarray(start, start + entry.compressedSize);
  const left = budget.max - budget.used;
  let out: Uint8Array;
  if (entry.method === 0) {
    if (data.byteLength > left) throw new ZipError('too_big', `${entry.name} passes the budget`);
    out = data;
  } else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, left + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError('too_big', `${entry.name} passes the budget`);
      throw new ZipError('not_zip', `${entry.name} cannot be inflated`);
    }
    if (out.byteLength > left) throw new ZipError('too_big', `${entry.name} passes the budget`);
  } else {
    throw new ZipError('unsupported', `${entry.name} uses compression method ${entry.method}`);
  }
  budget.used += out.byteLength;
  return out;
}
