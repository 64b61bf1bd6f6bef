import type { CID } from "multiformats/cid";
import type { BlockStore } from "../stores/BlockStore.js";
import { listDirectory, loadUnixfsNode, type DirectoryEntry, type UnixfsNode } from "./unixfsNode.js";

export type ResolvedPath =
  | {
      readonly found: true;
      readonly node: UnixfsNode;
      /** Blocks traversed before the terminal node (directories and HAMT shards), in order. */
      readonly pathBlocks: readonly CID[];
      /** The CID of each path segment's target, from the root (the logical roots, no HAMT shards). */
      readonly roots: readonly CID[];
      /** The last path segment (file name), if any. */
      readonly name: string | undefined;
    }
  | { readonly found: false; readonly reason: string };

/** Directory listings by directory CID, most recent last (a small LRU). @internal */
export class DirectoryCache {
  private readonly entries = new Map<string, Map<string, DirectoryEntry>>();
  constructor(private readonly max = 64) {}

  async get(dir: Extract<UnixfsNode, { kind: "directory" }>, store: BlockStore): Promise<Map<string, DirectoryEntry>> {
    const key = dir.cid.toString();
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const listing = new Map((await listDirectory(dir, store)).map((e) => [e.name, e]));
    this.entries.set(key, listing);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return listing;
  }
}

/**
 * Resolves `/ipfs/<root>/<segments…>` through UnixFS directories (plain and HAMT-sharded).
 * Missing blocks throw `IPFS_BLOCK_NOT_FOUND`; a missing name is `{ found: false }`. @internal
 */
export async function resolveUnixfsPath(
  root: CID,
  segments: readonly string[],
  store: BlockStore,
  cache: DirectoryCache,
): Promise<ResolvedPath> {
  let node = await loadUnixfsNode(root, store);
  const pathBlocks: CID[] = [];
  const roots: CID[] = [root];
  let at = root.toString();
  for (const segment of segments) {
    if (node.kind !== "directory") return { found: false, reason: `${at} is not a directory, so it has no "${segment}"` };
    const entry = (await cache.get(node, store)).get(segment);
    if (!entry) return { found: false, reason: `no link named "${segment}" under ${at}` };
    pathBlocks.push(node.cid, ...entry.shards);
    node = await loadUnixfsNode(entry.cid, store);
    roots.push(entry.cid);
    at = `${at}/${segment}`;
  }
  return { found: true, node, pathBlocks, roots, name: segments.at(-1) };
}
