import { randomBytes } from "node:crypto";
import { appendFile, mkdir, open, readFile, readdir, type FileHandle } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CID } from "multiformats/cid";
import { IpfsError, isIpfsError } from "../../errors/IpfsError.js";
import { collectBytes } from "../blockBytes.js";
import { blockKey } from "../blockKey.js";
import type { BlockBytes, BlockStore } from "./BlockStore.js";
import { blockNotFound } from "./blockNotFound.js";
import { blockCorrupt, blockHashMatches } from "./checkBlockHash.js";
import { fromBlockstore } from "./fromBlockstore.js";
import { PACK_HEADER, recordHeader, scanPack, writeAll, type BlockLocation } from "./packFile.js";

/** Default data folder of the embedded store, relative to the working directory. */
export const defaultFsStorePath = ".mintkit/ipfs";

/** Sub-folder of the data folder that holds the pack files. */
const packsFolderName = "packs";
/** File of the data folder listing the records `repair` dropped (JSON lines `{ pack, offset, cid }`). */
const droppedFileName = "dropped.jsonl";

export interface FsStoreOptions {
  /** Folder holding the blocks. Default `.mintkit/ipfs` under `process.cwd()`. */
  readonly path?: string;
  /**
   * Re-hash every block read against its CID (default true). `false` exists only so that the benchmark
   * can measure what hashing costs; never turn it off elsewhere.
   * @internal
   */
  readonly hashOnRead?: boolean;
}

/** A stored copy whose bytes do not hash to its CID. */
export interface BadBlock {
  readonly cid: string;
  /** Absolute path of the pack file holding the bad copy. */
  readonly pack: string;
  /** Byte offset of the block's bytes in the pack. */
  readonly offset: number;
  readonly length: number;
  /**
   * True when this is the copy the store uses for the block; false for an older copy already replaced by
   * a good one (a re-import), which comes back into use only if the newer copy is dropped.
   */
  readonly inUse: boolean;
}

/** Running totals of `verify` / `repair`. */
export interface StoreCheckProgress {
  readonly checked: number;
  readonly total: number;
  readonly bytes: number;
  readonly bad: number;
}

export interface StoreCheckOptions {
  /** Called after each block is checked. */
  readonly onProgress?: (event: StoreCheckProgress) => void;
}

export interface StoreCheckReport {
  /**
   * Copies re-hashed: every block record of the pack files, older copies of a block included (blocks of
   * the older one-file-per-block layout are not checked here; reads still re-hash them).
   */
  readonly blocks: number;
  readonly bytes: number;
  /** Copies whose bytes do not hash to their CID. */
  readonly bad: readonly BadBlock[];
  /** For `repair`: how many bad copies were dropped from the index (0 for `verify`). */
  readonly dropped: number;
  /**
   * Pack files whose bytes stop making sense before their end (garbage, a record cut short and not growing):
   * what is stored from `from` on cannot be read. `verify` fails with `IPFS_STORE_CORRUPT` when there is any.
   */
  readonly damaged: readonly DamagedPack[];
}

/** A pack file that cannot be read past `from` (of `size` bytes). */
export interface DamagedPack {
  readonly pack: string;
  readonly from: number;
  readonly size: number;
}

export interface FsStore extends BlockStore {
  /** Absolute path of the data folder. */
  readonly path: string;
  /** True: `get` re-hashes every block against its CID and fails with `IPFS_BLOCK_CORRUPT`. */
  readonly verifiesReads: boolean;
  /**
   * Re-hashes every block of the store and lists the bad copies (`mintkit store verify`). A bad copy
   * found is no longer served (`get` fails with `IPFS_BLOCK_CORRUPT`, `has` is false, the next `put`
   * writes a good copy).
   */
  verify(options?: StoreCheckOptions): Promise<StoreCheckReport>;
  /**
   * `verify`, then drops every bad copy for good (listed in `dropped.jsonl` of the data folder, skipped by
   * every store opened later): the block is then simply not stored, and the next import rewrites it
   * (`mintkit store repair`).
   */
  repair(options?: StoreCheckOptions): Promise<StoreCheckReport>;
  /** Waits for pending writes, then closes the files. Safe to call twice; `put` fails afterwards. */
  close(): Promise<void>;
}

/** At most this many blocks, or this many bytes, go into one write. */
const BATCH_BLOCKS = 512;
const BATCH_BYTES = 16 << 20;
/** A `has` that misses looks for packs written by other processes at most this often. */
const HAS_REFRESH_MS = 250;

/**
 * The embedded IPFS store: blocks on disk in a data folder, nothing to install or run.
 * NODE-ONLY (uses `node:fs`); import it from the Node entry, never from browser code.
 *
 * Layout: `<path>/packs/*.car` — append-only pack files, each a CARv1 file with no roots (readable by
 * `@ipld/car`; export a DAG with `exportCar`/`writeCarFile` for services and Kubo). Each store instance appends to a new pack of its own
 * (created on its first write), so processes sharing a data folder never write to the same file and
 * need no lock; a reader finds blocks written by others after it opened by rescanning the packs on a
 * miss (`get`: every miss; `has`: at most every 250 ms). The index of block locations is kept in memory.
 * A block is reported stored (`put` resolves, `has` is true) only once its record is written to the
 * file (in the OS, as with per-block files; not fsynced). Writes that arrive together go out in one
 * `pwritev`. A record cut short by a crash is ignored (the block is simply not stored; importing
 * again writes it). A block is stored once per data folder; the same block written by two processes
 * at the same time may be stored twice (harmless).
 * Blocks in the older one-file-per-block layout (`blockstore-fs`, Kubo flatfs-like sharding) in the
 * same folder stay readable.
 *
 * Nothing corrupt leaves the store: every block read (`get`, and `has` the first time it is asked about
 * a block it did not write) is re-hashed against its CID; a mismatch is `IPFS_BLOCK_CORRUPT` naming the
 * CID and the pack file, and the bad copy is no longer reported stored, so importing the content again
 * appends a good copy (the newest copy of a block is the one used). `verify` re-hashes the whole store;
 * `repair` drops the bad copies for good.
 *
 * @throws IpfsError `IPFS_STORE_FAILED` when the folder cannot be created or written.
 */
export async function createFsStore(options: FsStoreOptions = {}): Promise<FsStore> {
  const path = resolve(options.path ?? defaultFsStorePath);
  const packs = join(path, packsFolderName);
  let legacy: BlockStore | undefined;
  try {
    await mkdir(packs, { recursive: true });
    const entries = await readdir(path, { withFileTypes: true });
    if (entries.some((e) => e.isDirectory() && /^[A-Z2-7]{2}$/.test(e.name))) {
      // blockstore-fs (and its ~60 modules) loads only for a legacy one-file-per-block folder.
      const { FsBlockstore } = await import("blockstore-fs");
      const blockstore = new FsBlockstore(path, { createIfMissing: false });
      await blockstore.open();
      legacy = fromBlockstore(blockstore, { label: `fs:${path}` });
    }
  } catch (err) {
    throw new IpfsError("IPFS_STORE_FAILED", `Cannot open the IPFS block folder ${path}.`, {
      hint: "Check that the folder (or its parent) exists and is writable, or pass another `path` to createFsStore.",
      details: { operation: "open", location: path },
      cause: err,
    });
  }
  const store = new PackStore(path, packs, legacy, options.hashOnRead ?? true);
  await store.refresh();
  return store;
}

interface QueuedBlock {
  readonly key: string;
  readonly cid: CID;
  readonly data: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (err: unknown) => void;
}

interface Writer {
  readonly name: string;
  readonly handle: FileHandle;
  size: number;
}

/** Where a block's newest copy is, and whether its bytes were hashed since this store opened. */
interface IndexEntry extends BlockLocation {
  readonly cid: CID;
  verified: boolean;
}

class PackStore implements FsStore {
  readonly label: string;
  /** Where each known block is, by multihash. */
  private readonly index = new Map<string, IndexEntry>();
  /** Blocks whose only known copy is corrupt: the error `get` throws for them. */
  private readonly corrupt = new Map<string, { readonly error: IpfsError<"IPFS_BLOCK_CORRUPT">; readonly entry: IndexEntry }>();
  /** Records dropped by `repair` (here or in another process): `<pack>:<offset>`. */
  private readonly dropped = new Set<string>();
  /** Packs of other instances: how far each was scanned. */
  private readonly scanned = new Map<string, number>();
  private readonly readers = new Map<string, Promise<FileHandle>>();
  /** Blocks accepted by `put` and not yet written. */
  private readonly inflight = new Map<string, Promise<void>>();
  private queue: QueuedBlock[] = [];
  private flushing: Promise<void> | undefined;
  private writer: Writer | undefined;
  private refreshing: Promise<void> | undefined;
  private lastRefresh = 0;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly packs: string,
    private readonly legacy: BlockStore | undefined,
    readonly verifiesReads: boolean,
  ) {
    this.label = `fs:${path}`;
  }

  async put(cid: CID, bytes: BlockBytes): Promise<CID> {
    if (this.closed) throw this.failed("put", cid, new Error("the store is closed"));
    const key = blockKey(cid);
    // A copy already stored is kept only when its bytes are good (checked once per store instance).
    if (this.index.has(key) && (await this.hasGoodCopy(key, cid))) return cid;
    const pending = this.inflight.get(key);
    if (pending) {
      await pending.catch((err: unknown) => {
        throw this.failed("put", cid, err);
      });
      return cid;
    }
    let settle!: { resolve: () => void; reject: (err: unknown) => void };
    const written = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    this.inflight.set(key, written);
    try {
      const data = await collectBytes(bytes);
      this.queue.push({ key, cid, data, ...settle });
      this.flushing ??= this.flush();
      await written;
    } catch (err) {
      settle.reject(err);
      written.catch(() => {});
      throw this.failed("put", cid, err);
    } finally {
      this.inflight.delete(key);
    }
    return cid;
  }

  async *get(cid: CID): AsyncGenerator<Uint8Array> {
    yield await this.read(cid);
  }

  async has(cid: CID): Promise<boolean> {
    const key = blockKey(cid);
    if (this.index.has(key)) return this.hasGoodCopy(key, cid);
    const pending = this.inflight.get(key);
    if (pending) return pending.then(
      () => true,
      () => false,
    );
    if (Date.now() - this.lastRefresh >= HAS_REFRESH_MS) {
      await this.refreshOrFail("has", cid);
      if (this.index.has(key)) return this.hasGoodCopy(key, cid);
    }
    if (this.corrupt.has(key)) return false;
    return this.legacy ? this.legacy.has(cid) : false;
  }

  /** True when the indexed copy is good: hashed now unless already hashed by this instance. */
  private async hasGoodCopy(key: string, cid: CID): Promise<boolean> {
    const entry = this.index.get(key);
    if (!entry) return false;
    if (entry.verified || !this.verifiesReads) return true;
    try {
      await this.read(cid);
      return true;
    } catch (err) {
      if (isIpfsError(err, "IPFS_BLOCK_CORRUPT")) return false;
      throw err;
    }
  }

  async verify(options: StoreCheckOptions = {}): Promise<StoreCheckReport> {
    return this.check(false, options);
  }

  async repair(options: StoreCheckOptions = {}): Promise<StoreCheckReport> {
    return this.check(true, options);
  }

  private async check(drop: boolean, options: StoreCheckOptions): Promise<StoreCheckReport> {
    await this.flushing;
    await this.refresh();
    // Every copy on disk, not only the newest of each block: an older bad copy would come back into use
    // once a newer one is dropped.
    const records: IndexEntry[] = [];
    const damaged: DamagedPack[] = [];
    try {
      for (const name of await listPacks(this.packs)) {
        const handle = await this.reader(name);
        const { blocks, end } = await scanPack(handle, 0);
        if (name !== this.writer?.name) {
          const damage = await unreadableTail(handle, end);
          if (damage !== undefined) damaged.push({ pack: join(this.packs, name), ...damage });
        }
        for (const b of blocks) {
          if (!this.dropped.has(`${name}:${b.offset}`)) records.push({ pack: name, offset: b.offset, length: b.length, cid: b.cid, verified: false });
        }
      }
    } catch (err) {
      throw new IpfsError("IPFS_STORE_FAILED", `Cannot read the pack files of the ${this.label} store.`, {
        hint: "Check that the data folder is readable, then run the check again.",
        details: { operation: "get", location: this.packs },
        cause: err,
      });
    }
    const bad: { entry: IndexEntry; inUse: boolean }[] = [];
    let checked = 0;
    let bytes = 0;
    let next = 0;
    const worker = async () => {
      while (next < records.length) {
        const record = records[next++] as IndexEntry;
        const data = await this.readAt(record).catch((err: unknown) => {
          throw this.failed("get", record.cid, err);
        });
        const key = blockKey(record.cid);
        const indexed = this.index.get(key);
        const inUse = indexed !== undefined && indexed.pack === record.pack && indexed.offset === record.offset;
        if (blockHashMatches(record.cid, data)) {
          if (inUse) indexed.verified = true;
        } else {
          bad.push({ entry: record, inUse });
          if (inUse) this.markCorrupt(key, indexed);
        }
        checked++;
        bytes += data.byteLength;
        options.onProgress?.({ checked, total: records.length, bytes, bad: bad.length });
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, records.length) }, worker));
    const list = bad.map(({ entry, inUse }) => ({ cid: entry.cid.toString(), pack: join(this.packs, entry.pack), offset: entry.offset, length: entry.length, inUse }));
    if (drop && bad.length > 0) {
      const lines = bad.map(({ entry }) => `${JSON.stringify({ pack: entry.pack, offset: entry.offset, cid: entry.cid.toString() })}\n`).join("");
      try {
        await appendFile(join(this.path, droppedFileName), lines);
      } catch (err) {
        throw new IpfsError("IPFS_STORE_FAILED", `Cannot record the dropped blocks in ${join(this.path, droppedFileName)}.`, {
          hint: "Check that the data folder is writable, then run the repair again.",
          details: { operation: "put", location: this.path },
          cause: err,
        });
      }
      for (const { entry } of bad) {
        this.dropped.add(`${entry.pack}:${entry.offset}`);
        const key = blockKey(entry.cid);
        const corrupt = this.corrupt.get(key);
        if (corrupt && corrupt.entry.pack === entry.pack && corrupt.entry.offset === entry.offset) this.corrupt.delete(key);
      }
    }
    if (!drop && damaged.length > 0) {
      const first = damaged[0]!;
      throw new IpfsError(
        "IPFS_STORE_CORRUPT",
        `${damaged.length} pack file(s) of the embedded store ${this.path} cannot be read to the end: ${first.pack} from byte ${first.from} of ${first.size}` +
          `${damaged.length > 1 ? ", …" : ""} (a torn write or disk damage; blocks stored there cannot be read)` +
          (list.length > 0 ? `; ${list.length} block copies do not hash to their CID` : "") +
          ".",
        {
          hint: "Upload/mint/batch the same content again to write good copies of what was lost (`mintkit store repair` drops bad copies; keep a backup of the damaged pack if you need to inspect it). Check the disk.",
          details: { location: this.path, badCount: list.length, bad: list.slice(0, 20).map((b) => ({ cid: b.cid, pack: b.pack, inUse: b.inUse })), damaged },
        },
      );
    }
    return { blocks: records.length, bytes, bad: list, dropped: drop ? bad.length : 0, damaged };
  }

  private markCorrupt(key: string, entry: IndexEntry): void {
    if (this.index.get(key) === entry) this.index.delete(key);
    this.corrupt.set(key, { error: blockCorrupt(entry.cid, join(this.packs, entry.pack), this.label), entry });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    const handles = [...this.readers.values()];
    this.readers.clear();
    const writer = this.writer;
    this.writer = undefined;
    try {
      await Promise.all([
        ...handles.map(async (h) => (await h).close()),
        ...(writer ? [writer.handle.close()] : []),
        this.legacy?.close?.(),
      ]);
    } catch (err) {
      throw new IpfsError("IPFS_STORE_FAILED", `Closing the ${this.label} store failed.`, {
        hint: "Blocks already reported stored are on disk; check the folder, then open the store again.",
        details: { operation: "close", location: this.path },
        cause: err,
      });
    }
  }

  /** Indexes the packs written by other instances since the last refresh. @internal */
  async refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        await this.loadDropped();
        for (const name of await listPacks(this.packs)) {
          if (name === this.writer?.name) continue;
          const from = this.scanned.get(name) ?? 0;
          const handle = await this.reader(name);
          const { blocks, end } = await scanPack(handle, from);
          this.scanned.set(name, end);
          for (const b of blocks) {
            if (this.dropped.has(`${name}:${b.offset}`)) continue;
            const key = blockKey(b.cid);
            // The newest copy wins: a copy appended after a corrupt one (a re-import) replaces it.
            this.index.set(key, { pack: name, offset: b.offset, length: b.length, cid: b.cid, verified: false });
            this.corrupt.delete(key);
          }
        }
        this.lastRefresh = Date.now();
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  /** Records dropped by `repair` (this process or another): skipped by scans, removed from the index. */
  private async loadDropped(): Promise<void> {
    let text: string;
    try {
      text = await readFile(join(this.path, droppedFileName), "utf8");
    } catch (err) {
      if ((err as { code?: unknown }).code === "ENOENT") return;
      throw err;
    }
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      let record: { pack?: unknown; offset?: unknown };
      try {
        record = JSON.parse(line) as { pack?: unknown; offset?: unknown };
      } catch {
        continue; // a line cut short by a crash: that record was not dropped
      }
      if (typeof record.pack !== "string" || typeof record.offset !== "number") continue;
      const id = `${record.pack}:${record.offset}`;
      if (this.dropped.has(id)) continue;
      this.dropped.add(id);
      for (const [key, entry] of this.index) {
        if (entry.pack === record.pack && entry.offset === record.offset) {
          this.index.delete(key);
          this.corrupt.delete(key);
        }
      }
    }
  }

  private async read(cid: CID): Promise<Uint8Array> {
    const key = blockKey(cid);
    await this.inflight.get(key)?.catch(() => {});
    let location = this.index.get(key);
    if (!location) {
      await this.refreshOrFail("get", cid);
      location = this.index.get(key);
    }
    if (!location) {
      const corrupt = this.corrupt.get(key);
      if (corrupt) throw corrupt.error;
      if (this.legacy) {
        const bytes = await collectBytes(this.legacy.get(cid));
        if (this.verifiesReads && !blockHashMatches(cid, bytes)) throw blockCorrupt(cid, `the block file of ${cid.toString()} under ${this.path}`, this.label);
        return bytes;
      }
      throw blockNotFound(cid, this.label);
    }
    let out: Uint8Array;
    try {
      out = await this.readAt(location);
    } catch (err) {
      throw this.failed("get", cid, err);
    }
    if (this.verifiesReads) {
      if (!blockHashMatches(cid, out)) {
        this.markCorrupt(key, location);
        // Another process may have appended a good copy (a re-import): use it if so.
        await this.refreshOrFail("get", cid);
        if (this.index.has(key)) return this.read(cid);
        throw blockCorrupt(cid, join(this.packs, location.pack), this.label);
      }
      location.verified = true;
    }
    return out;
  }

  private async readAt(location: BlockLocation): Promise<Uint8Array> {
    const handle = await this.reader(location.pack);
    const out = new Uint8Array(location.length);
    let done = 0;
    while (done < out.byteLength) {
      const { bytesRead } = await handle.read(out, done, out.byteLength - done, location.offset + done);
      if (bytesRead === 0) throw new Error(`pack ${location.pack} ends before the block's last byte`);
      done += bytesRead;
    }
    return out;
  }

  private reader(name: string): Promise<FileHandle> {
    let handle = this.readers.get(name);
    if (!handle) {
      handle = open(join(this.packs, name), "r");
      handle.catch(() => this.readers.delete(name));
      this.readers.set(name, handle);
    }
    return handle;
  }

  private async refreshOrFail(operation: "get" | "has", cid: CID): Promise<void> {
    try {
      await this.refresh();
    } catch (err) {
      throw this.failed(operation, cid, err);
    }
  }

  /** Writes queued blocks, many per `pwritev`, until the queue is empty. */
  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        let bytes = 0;
        let count = 0;
        while (count < this.queue.length && count < BATCH_BLOCKS && bytes < BATCH_BYTES) {
          bytes += (this.queue[count] as QueuedBlock).data.byteLength;
          count++;
        }
        const batch = this.queue.splice(0, count);
        try {
          const writer = await this.openWriter();
          const buffers: Uint8Array[] = writer.size === 0 ? [PACK_HEADER] : [];
          let position = writer.size + (writer.size === 0 ? PACK_HEADER.byteLength : 0);
          const located: BlockLocation[] = [];
          for (const block of batch) {
            const header = recordHeader(block.cid, block.data.byteLength);
            buffers.push(header, block.data);
            located.push({ pack: writer.name, offset: position + header.byteLength, length: block.data.byteLength });
            position += header.byteLength + block.data.byteLength;
          }
          await writeAll(writer.handle, buffers, writer.size);
          writer.size = position;
          batch.forEach((block, i) => {
            // The copy just written (from bytes in hand) is the one used, also when it replaces a corrupt copy.
            this.index.set(block.key, { ...(located[i] as BlockLocation), cid: block.cid, verified: true });
            this.corrupt.delete(block.key);
            block.resolve();
          });
        } catch (err) {
          for (const block of batch) block.reject(err);
          // What reached the file may end in a partial record: never append after it.
          const broken = this.writer;
          this.writer = undefined;
          await broken?.handle.close().catch(() => {});
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async openWriter(): Promise<Writer> {
    if (this.writer) return this.writer;
    const name = `${Date.now().toString(36).padStart(9, "0")}-${process.pid.toString(36)}-${randomBytes(4).toString("hex")}.car`;
    const handle = await open(join(this.packs, name), "wx");
    this.writer = { name, handle, size: 0 };
    return this.writer;
  }

  private failed(operation: "put" | "get" | "has", cid: CID, cause: unknown): IpfsError {
    if (cause instanceof IpfsError) return cause;
    return new IpfsError("IPFS_STORE_FAILED", `The ${this.label} store failed to ${operation} block ${cid.toString()}.`, {
      hint: "Check that the store is open and its location is writable and not full, then run the import again (it resumes: blocks already stored are skipped).",
      details: { operation, cid: cid.toString(), location: this.path },
      cause,
    });
  }
}

/** The pack files (`*.car` regular files; a folder named like one is not a pack) of a packs folder, sorted. */
async function listPacks(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith(".car"))
    .map((e) => e.name)
    .sort();
}

/**
 * Where a pack stops being readable, when a scan ended before its end and the file is not growing: a record
 * being appended by a live writer is cut short only for an instant, so the size is checked again after a pause.
 */
async function unreadableTail(handle: FileHandle, end: number): Promise<{ from: number; size: number } | undefined> {
  const { size } = await handle.stat();
  if (end >= size) return undefined;
  await new Promise((r) => setTimeout(r, 250));
  const again = (await handle.stat()).size;
  if (again !== size) return undefined;
  const rescan = await scanPack(handle, 0);
  return rescan.end < again ? { from: rescan.end, size: again } : undefined;
}
