import * as dagPb from "@ipld/dag-pb";
import { UnixFS } from "ipfs-unixfs";
import type { CID } from "multiformats/cid";
import { getBlock } from "../blockBytes.js";
import type { BlockStore } from "../stores/BlockStore.js";

const DAG_PB = 0x70;
const RAW = 0x55;

/** A UnixFS node, decoded just enough to serve it. NODE-ONLY module folder (used by the gateway). @internal */
export type UnixfsNode =
  | { readonly kind: "file"; readonly cid: CID; readonly size: number; readonly bytes: Uint8Array; readonly node?: dagPb.PBNode; readonly unixfs?: UnixFS }
  | { readonly kind: "directory"; readonly cid: CID; readonly bytes: Uint8Array; readonly node: dagPb.PBNode; readonly unixfs: UnixFS; readonly sharded: boolean }
  | { readonly kind: "other"; readonly cid: CID; readonly bytes: Uint8Array; readonly type: string };

/** Reads and decodes the node of `cid` (raw blocks are whole files). @internal */
export async function loadUnixfsNode(cid: CID, store: BlockStore): Promise<UnixfsNode> {
  const bytes = await getBlock(store, cid);
  if (cid.code === RAW) return { kind: "file", cid, size: bytes.byteLength, bytes };
  if (cid.code !== DAG_PB) return { kind: "other", cid, bytes, type: `codec 0x${cid.code.toString(16)}` };
  const node = dagPb.decode(bytes);
  if (!node.Data) return { kind: "other", cid, bytes, type: "dag-pb without UnixFS data" };
  const unixfs = UnixFS.unmarshal(node.Data);
  if (unixfs.type === "file" || unixfs.type === "raw") {
    return { kind: "file", cid, size: Number(unixfs.fileSize()), bytes, node, unixfs };
  }
  if (unixfs.type === "directory" || unixfs.type === "hamt-sharded-directory") {
    return { kind: "directory", cid, bytes, node, unixfs, sharded: unixfs.type === "hamt-sharded-directory" };
  }
  return { kind: "other", cid, bytes, type: unixfs.type };
}

/** One entry of a directory, with the HAMT shard nodes between the directory and the entry. @internal */
export interface DirectoryEntry {
  readonly name: string;
  readonly cid: CID;
  /** Shard blocks below the directory's own node that lead to this entry (empty for plain directories). */
  readonly shards: readonly CID[];
  /** Cumulative size from the link (Tsize), when given. */
  readonly tsize: number | undefined;
}

/**
 * Every entry of a directory, plain or HAMT-sharded. A HAMT shard's link names are the bucket
 * index in hex (`(fanout-1).toString(16).length` characters) followed by the entry name; a link
 * with only the index is a sub-shard. Entries are found by walking every shard (no hashing of the
 * name), so lookups need no murmur3. @internal
 */
export async function listDirectory(dir: Extract<UnixfsNode, { kind: "directory" }>, store: BlockStore): Promise<DirectoryEntry[]> {
  if (!dir.sharded) {
    return dir.node.Links.map((l) => ({ name: l.Name ?? "", cid: l.Hash, shards: [], tsize: l.Tsize }));
  }
  const out: DirectoryEntry[] = [];
  const walk = async (node: dagPb.PBNode, unixfs: UnixFS, trail: readonly CID[]): Promise<void> => {
    const fanout = Number(unixfs.fanout ?? 256n);
    const pad = (fanout - 1).toString(16).length;
    for (const link of node.Links) {
      const name = link.Name ?? "";
      if (name.length > pad) {
        out.push({ name: name.slice(pad), cid: link.Hash, shards: trail, tsize: link.Tsize });
        continue;
      }
      const child = dagPb.decode(await getBlock(store, link.Hash));
      const childFs = child.Data ? UnixFS.unmarshal(child.Data) : undefined;
      if (childFs?.type !== "hamt-sharded-directory") continue;
      await walk(child, childFs, [...trail, link.Hash]);
    }
  };
  await walk(dir.node, dir.unixfs, []);
  return out;
}

/**
 * Streams bytes `[start, end)` of the UnixFS file `file` (a raw block, or a dag-pb file node whose
 * children are sized by `blockSizes`), reading only the blocks that overlap the range. @internal
 */
export async function* readFileRange(
  file: Extract<UnixfsNode, { kind: "file" }>,
  store: BlockStore,
  start: number,
  end: number,
): AsyncGenerator<Uint8Array> {
  if (start >= end) return;
  if (!file.unixfs || !file.node) {
    yield file.bytes.subarray(start, end);
    return;
  }
  const data = file.unixfs.data ?? new Uint8Array(0);
  if (start < data.byteLength) yield data.subarray(start, Math.min(end, data.byteLength));
  let offset = data.byteLength;
  const links = file.node.Links;
  for (let i = 0; i < links.length && offset < end; i++) {
    const size = Number(file.unixfs.blockSizes[i] ?? 0n);
    const link = links[i]!;
    if (offset + size > start) {
      const child = await loadUnixfsNode(link.Hash, store);
      if (child.kind !== "file") throw new Error(`file ${file.cid.toString()} links to a non-file node ${link.Hash.toString()}`);
      yield* readFileRange(child, store, Math.max(0, start - offset), Math.min(size, end - offset));
    }
    offset += size;
  }
}
