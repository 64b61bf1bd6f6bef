import type { CID } from "multiformats/cid";
import type { BlockBytes, BlockStore } from "./stores/BlockStore.js";

/**
 * Collects streamed block bytes into one `Uint8Array`. Browser-safe.
 * @internal
 */
export async function collectBytes(bytes: BlockBytes): Promise<Uint8Array> {
  if (bytes instanceof Uint8Array) return bytes;
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const part of bytes) {
    parts.push(part);
    length += part.byteLength;
  }
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Reads a whole block from a store. Browser-safe. */
export async function getBlock(store: BlockStore, cid: CID): Promise<Uint8Array> {
  return collectBytes(store.get(cid));
}
