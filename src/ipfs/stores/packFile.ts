import type { FileHandle } from "node:fs/promises";
import { CID } from "multiformats/cid";
import { varint } from "multiformats";

/**
 * Pack files of the embedded store: append-only CARv1 files (header `{ version: 1, roots: [] }`,
 * then `varint(cid + bytes length) | cid | bytes` records). Each store
 * instance appends to a pack of its own, so several processes can write to one data folder without
 * locks; readers find blocks by scanning the packs. NODE-ONLY.
 * @internal
 */

/** dag-cbor `{ roots: [], version: 1 }` (keys in dag-cbor order), prefixed by its varint length. */
export const PACK_HEADER = Uint8Array.from([
  0x11, 0xa2, 0x65, 0x72, 0x6f, 0x6f, 0x74, 0x73, 0x80, 0x67, 0x76, 0x65, 0x72, 0x73, 0x69, 0x6f, 0x6e, 0x01,
]);

/** Where a block's bytes are: a pack file and a byte range. */
export interface BlockLocation {
  readonly pack: string;
  readonly offset: number;
  readonly length: number;
}

/** A block record found by a scan. */
export interface ScannedBlock {
  readonly cid: CID;
  readonly offset: number;
  readonly length: number;
}

/** How far a scan got: `end` is the byte after the last complete record. */
export interface ScanResult {
  readonly blocks: ScannedBlock[];
  readonly end: number;
}

const WINDOW = 1 << 20;
/** Records larger than this are stepped over, not read. */
const SMALL_RECORD = 64 << 10;
/** A record header is at most a 10-byte varint and a CID (CIDv1 with a 64-byte digest < 80 bytes). */
const MAX_RECORD_HEADER = 128;

/**
 * Reads the records of a pack from `from` (0 = the start, header included) up to its current size.
 * A record cut short (a writer that crashed, or one still writing) or a malformed one ends the scan:
 * `end` is where it starts, so a later scan can resume there. Block bytes are not read.
 */
export async function scanPack(handle: FileHandle, from: number): Promise<ScanResult> {
  const { size } = await handle.stat();
  const blocks: ScannedBlock[] = [];
  let window = new Uint8Array(0);
  let windowStart = 0;
  let lastRecord = 0;
  /**
   * Makes `window` cover [at, at + need) (the caller keeps at + need <= size). Small records are read
   * a window at a time; after a large one (media chunks) only the next record's header is read.
   */
  const ensure = async (at: number, need: number): Promise<boolean> => {
    if (at >= windowStart && at + need <= windowStart + window.byteLength) return true;
    const length = Math.min(Math.max(lastRecord > SMALL_RECORD ? MAX_RECORD_HEADER : WINDOW, need), size - at);
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, at);
    window = buffer.subarray(0, bytesRead);
    windowStart = at;
    return bytesRead >= need;
  };

  let pos = from;
  if (pos === 0) {
    // the header: a varint length and dag-cbor; only its length matters here
    if (size === 0 || !(await ensure(0, Math.min(10, size)))) return { blocks, end: 0 };
    const [headerLength, n] = decodeVarint(window, 0);
    if (headerLength === undefined || n + headerLength > size) return { blocks, end: 0 };
    pos = n + headerLength;
  }

  while (pos < size) {
    if (!(await ensure(pos, Math.min(MAX_RECORD_HEADER, size - pos)))) break;
    const local = pos - windowStart;
    const [recordLength, n] = decodeVarint(window, local);
    if (recordLength === undefined || recordLength === 0) break;
    if (pos + n + recordLength > size) break; // cut short: a crashed writer, or one still writing
    const head = window.subarray(local + n, Math.min(local + n + recordLength, window.byteLength));
    let cidLength: number;
    let cid: CID;
    try {
      const [decoded, rest] = CID.decodeFirst(head);
      cid = decoded;
      cidLength = head.byteLength - rest.byteLength;
    } catch {
      break;
    }
    blocks.push({ cid, offset: pos + n + cidLength, length: recordLength - cidLength });
    pos += n + recordLength;
    lastRecord = recordLength;
  }
  return { blocks, end: pos };
}

/** The bytes that precede a block in a pack: its record header. */
export function recordHeader(cid: CID, length: number): Uint8Array {
  const cidBytes = cid.bytes;
  const total = cidBytes.byteLength + length;
  const prefix = varint.encodeTo(total, new Uint8Array(varint.encodingLength(total)));
  const out = new Uint8Array(prefix.byteLength + cidBytes.byteLength);
  out.set(prefix, 0);
  out.set(cidBytes, prefix.byteLength);
  return out;
}

/** Decodes an unsigned LEB128 varint at `offset`; [undefined, 0] if it is incomplete or too long. */
function decodeVarint(bytes: Uint8Array, offset: number): [number | undefined, number] {
  let value = 0;
  let shift = 0;
  for (let i = offset; i < bytes.byteLength && i - offset < 8; i++) {
    const b = bytes[i] as number;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, i - offset + 1];
    shift += 7;
  }
  return [undefined, 0];
}

/** Writes all of `buffers` at `position`, looping over short writes. */
export async function writeAll(handle: FileHandle, buffers: Uint8Array[], position: number): Promise<void> {
  let pending = buffers;
  let at = position;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending, at);
    at += bytesWritten;
    let skip = bytesWritten;
    const next: Uint8Array[] = [];
    for (const b of pending) {
      if (skip >= b.byteLength) {
        skip -= b.byteLength;
        continue;
      }
      next.push(skip > 0 ? b.subarray(skip) : b);
      skip = 0;
    }
    if (bytesWritten === 0 && next.length > 0) throw new Error("the disk accepted no bytes (full?)");
    pending = next;
  }
}
