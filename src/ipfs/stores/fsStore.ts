import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, type FileHandle } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../../errors/IpfsError.js";
import { collectBytes } from "../blockBytes.js";
import { blockKey } from "../blockKey.js";
import type { BlockBytes, BlockStore } from "./BlockStore.js";
import { blockNotFound } from "./blockNotFound.js";
import { fromBlockstore } from "./fromBlockstore.js";
import { PACK_HEADER, recordHeader, scanPack, writeAll, type BlockLocation } from "./packFile.js";

/** Default data folder of the embedded store, relative to the working directory. */
export const defaultFsStorePath = ".mintkit/ipfs";

/** Sub-folder of the data folder that holds the pack files. */
const packsFolderName = "packs";

export interface FsStoreOptions {
  /** Folder holding the blocks. Default `.mintkit/ipfs` under `process.cwd()`. */
  readonly path?: string;
}

export interface FsStore extends BlockStore {
  /** Absolute path of the data folder. */
  readonly path: string;
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
  const store = new PackStore(path, packs, legacy);
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

class PackStore implements FsStore {
  readonly label: string;
  /** Where each known block is, by multihash. */
  private readonly index = new Map<string, BlockLocation>();
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
  ) {
    this.label = `fs:${path}`;
  }

  async put(cid: CID, bytes: BlockBytes): Promise<CID> {
    if (this.closed) throw this.failed("put", cid, new Error("the store is closed"));
    const key = blockKey(cid);
    if (this.index.has(key)) return cid;
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
    if (this.index.has(key)) return true;
    const pending = this.inflight.get(key);
    if (pending) return pending.then(
      () => true,
      () => false,
    );
    if (Date.now() - this.lastRefresh >= HAS_REFRESH_MS) {
      await this.refreshOrFail("has", cid);
      if (this.index.has(key)) return true;
    }
    return this.legacy ? this.legacy.has(cid) : false;
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
        const names = (await readdir(this.packs)).filter((n) => n.endsWith(".car")).sort();
        for (const name of names) {
          if (name === this.writer?.name) continue;
          const from = this.scanned.get(name) ?? 0;
          const handle = await this.reader(name);
          const { blocks, end } = await scanPack(handle, from);
          this.scanned.set(name, end);
          for (const b of blocks) {
            const key = blockKey(b.cid);
            if (!this.index.has(key)) this.index.set(key, { pack: name, offset: b.offset, length: b.length });
          }
        }
        this.lastRefresh = Date.now();
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
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
      if (this.legacy) return collectBytes(this.legacy.get(cid));
      throw blockNotFound(cid, this.label);
    }
    try {
      const handle = await this.reader(location.pack);
      const out = new Uint8Array(location.length);
      let done = 0;
      while (done < out.byteLength) {
        const { bytesRead } = await handle.read(out, done, out.byteLength - done, location.offset + done);
        if (bytesRead === 0) throw new Error(`pack ${location.pack} ends before the block's last byte`);
        done += bytesRead;
      }
      return out;
    } catch (err) {
      throw this.failed("get", cid, err);
    }
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
            if (!this.index.has(block.key)) this.index.set(block.key, located[i] as BlockLocation);
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
