import type { ImportCandidate, ImporterOptions } from "ipfs-unixfs-importer";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";
import { IpfsError } from "../errors/IpfsError.js";
import { MintkitError } from "../errors/MintkitError.js";
import { createImportSink, discardingSink } from "./createImportSink.js";
import { normalizePath } from "./normalizePath.js";
import { resolveProfile, type ImportProfile, type ProfileInput } from "./profiles.js";
import type { BlockStore } from "./stores/BlockStore.js";
import { loadImporter, type ImporterModules } from "./loadImporter.js";
import { toImporterOptions } from "./toImporterOptions.js";

/** File content: whole bytes, or a (async) stream of byte pieces of any size. */
export type ImportContent = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** A file at `path` (relative to the upload root, e.g. `1.json` or `images/1.png`). */
export interface FileEntry {
  readonly path: string;
  readonly content: ImportContent;
}

/** An explicit directory, needed only for empty directories (others are implied by file paths). */
export interface DirectoryEntry {
  readonly path: string;
  readonly type: "directory";
}

export type ImportEntry = FileEntry | DirectoryEntry;

export type ImportProgressEvent =
  /** Bytes read so far, over the whole import. `totalBytes` is known when every entry is a `Uint8Array` in an array. */
  | {
      readonly type: "bytes";
      readonly path: string;
      readonly bytes: number;
      readonly totalBytes: number | undefined;
    }
  /** A file is fully imported. `filesTotal` is known when entries are given as an array. */
  | {
      readonly type: "file";
      readonly path: string;
      readonly cid: CID;
      readonly size: number;
      readonly filesDone: number;
      readonly filesTotal: number | undefined;
    };

export interface ImportFilesOptions {
  /** Where blocks go. Blocks already there are not written again. */
  readonly store: BlockStore;
  /** CID profile (name or object). Default `unixfs-v1-2025`. */
  readonly profile?: ProfileInput;
  /** Called synchronously as bytes are read and files complete. Must not throw. */
  readonly onProgress?: (event: ImportProgressEvent) => void;
}

export interface ImportedFile {
  /** Normalised path relative to the root, e.g. `1.json`. */
  readonly path: string;
  readonly cid: CID;
  /** Content size in bytes. */
  readonly size: number;
}

export interface ImportedDirectory {
  /** Normalised path relative to the root; `""` is the root itself. */
  readonly path: string;
  readonly cid: CID;
}

export interface ImportFilesResult {
  /** CID of the root directory holding every entry: `ipfs://<root>/<path>`. */
  readonly root: CID;
  readonly profile: ImportProfile;
  /** Every file, in the order they were given. */
  readonly files: readonly ImportedFile[];
  /** Every directory, the root (path `""`) last. */
  readonly directories: readonly ImportedDirectory[];
  /** What this import wrote: re-importing the same content writes 0 blocks. */
  readonly blocks: { readonly written: number; readonly skipped: number; readonly bytesWritten: number };
}

/**
 * Imports files into a store as one UnixFS directory and returns its CID and every file's CID —
 * the same CIDs Kubo's `ipfs add -r` gives for the directory under the same profile.
 * Idempotent and resumable: blocks already in the store are not written again.
 * Browser-safe (the store decides where blocks go).
 *
 * @example
 * const { root } = await importFiles(
 *   [{ path: "1.json", content: bytes1 }, { path: "2.json", content: bytes2 }],
 *   { store: createMemoryStore(), profile: "kubo-v1" },
 * ); // tokenURI of #1 = `ipfs://${root}/1.json`
 *
 * @throws IpfsError `IPFS_INVALID_PATH`, `IPFS_DUPLICATE_PATH`, `IPFS_INVALID_CONTENT`,
 *   `IPFS_UNKNOWN_PROFILE`, `IPFS_INVALID_PROFILE`, `IPFS_STORE_FAILED`, `IPFS_IMPORT_FAILED`.
 */
export async function importFiles(
  entries: Iterable<ImportEntry> | AsyncIterable<ImportEntry>,
  options: ImportFilesOptions,
): Promise<ImportFilesResult> {
  const profile = resolveProfile(options.profile);
  const { onProgress } = options;
  const sink = createImportSink(options.store);

  const filesTotal = Array.isArray(entries)
    ? (entries as readonly ImportEntry[]).filter((e) => !isDirectoryEntry(e)).length
    : undefined;
  const totalBytes = Array.isArray(entries)
    ? sumKnownBytes(entries as readonly ImportEntry[])
    : undefined;

  const sizes = new Map<string, number>();
  const kinds = new Map<string, "file" | "directory">();
  const fileOrder: string[] = [];
  const explicitDirectories: string[] = [];
  let bytesRead = 0;

  const count = (path: string, piece: unknown): Uint8Array => {
    if (!(piece instanceof Uint8Array)) throw invalidContent(path, piece);
    sizes.set(path, (sizes.get(path) ?? 0) + piece.byteLength);
    bytesRead += piece.byteLength;
    onProgress?.({ type: "bytes", path, bytes: bytesRead, totalBytes });
    return piece;
  };

  /** The pieces, counted as the importer reads them. */
  const countBytes = async function* (path: string, pieces: Iterator<unknown> | AsyncIterator<unknown>): AsyncGenerator<Uint8Array> {
    let done = false;
    try {
      for (let next = await pieces.next(); !next.done; next = await pieces.next()) yield count(path, next.value);
      done = true;
    } finally {
      if (!done) await pieces.return?.();
    }
  };

  const candidates = async function* (): AsyncGenerator<ImportCandidate> {
    for await (const entry of entries) {
      const path = normalizePath(entry?.path);
      const kind = isDirectoryEntry(entry) ? "directory" : "file";
      const isNew = claimPath(kinds, path, kind);
      if (kind === "directory") {
        // A directory already implied by an earlier file path must not be yielded again: the
        // importer would replace the populated directory by an empty one.
        if (isNew) {
          explicitDirectories.push(path);
          yield { path };
        }
        continue;
      }
      const content = (entry as FileEntry).content;
      if (!isContent(content)) throw invalidContent(path, content);
      fileOrder.push(path);
      sizes.set(path, 0);
      if (content instanceof Uint8Array) {
        if (content.byteLength <= profile.chunkSize) {
          // One chunk: handed over whole, so the importer stores it as one block right away.
          yield { path, content: count(path, content) };
        } else {
          yield { path, content: countBytes(path, slices(content, profile.chunkSize)) };
        }
        continue;
      }
      const pieces = Symbol.asyncIterator in content ? content[Symbol.asyncIterator]() : content[Symbol.iterator]();
      yield { path, content: countBytes(path, pieces) };
    }
  };

  const fileCids = new Map<string, CID>();
  const directories: ImportedDirectory[] = [];
  let root: CID | undefined;
  let filesDone = 0;

  try {
    const modules = await loadImporter();
    const importerOptions = await toImporterOptions(profile, { wrapWithDirectory: true });
    importerOptions.dagBuilder = singleChunkFilesDirect(modules, profile, await toImporterOptions(profile));
    const results = modules.importer(candidates(), sink, importerOptions);
    for await (const result of results) {
      const path = result.path ?? "";
      const type = result.unixfs?.type;
      const isDir = type === "directory" || type === "hamt-sharded-directory";
      if (path === "") {
        root = result.cid;
        directories.push({ path, cid: result.cid });
      } else if (isDir) {
        directories.push({ path, cid: result.cid });
      } else {
        fileCids.set(path, result.cid);
        filesDone++;
        onProgress?.({
          type: "file",
          path,
          cid: result.cid,
          size: sizes.get(path) ?? 0,
          filesDone,
          filesTotal,
        });
      }
    }
  } catch (err) {
    if (err instanceof MintkitError) throw err;
    throw new IpfsError("IPFS_IMPORT_FAILED", "Importing the files into UnixFS failed.", {
      hint: "Check the entries' content streams (a stream that throws or ends early fails the import), then import again: blocks already stored are skipped.",
      details: {},
      cause: err,
    });
  }

  if (!root) {
    throw new IpfsError("IPFS_IMPORT_FAILED", "The import produced no root directory.", {
      hint: "This is a mintkit bug: please report it with the list of entry paths.",
      details: {},
    });
  }

  // An explicit directory that no file went into is not reported by the importer: it is the
  // empty directory (already stored by the importer), whose CID depends only on the profile.
  const reported = new Set(directories.map((d) => d.path));
  const emptyDirectories = explicitDirectories.filter((path) => !reported.has(path));
  if (emptyDirectories.length > 0) {
    const { importDirectory } = await loadImporter();
    const empty = await importDirectory({ path: "empty" }, discardingSink, await toImporterOptions(profile));
    for (const path of emptyDirectories) directories.push({ path, cid: empty.cid });
  }
  // Parents after children, the root last.
  directories.sort((a, b) => depth(b.path) - depth(a.path));

  const files: ImportedFile[] = fileOrder.map((path) => {
    const cid = fileCids.get(path);
    if (!cid) {
      throw new IpfsError("IPFS_IMPORT_FAILED", `The importer returned no CID for "${path}".`, {
        hint: "This is a mintkit bug: please report it with the list of entry paths.",
        details: { path },
      });
    }
    return { path, cid, size: sizes.get(path) ?? 0 };
  });

  return {
    root,
    profile,
    files,
    directories,
    blocks: { written: sink.stats.written, skipped: sink.stats.skipped, bytesWritten: sink.stats.bytesWritten },
  };
}

type DagBuilder = NonNullable<ImporterOptions["dagBuilder"]>;

/**
 * The importer's DAG-building step with a shortcut: under a raw-leaves profile, a file that fits in one
 * chunk is a single raw block (`reduceSingleLeafToSelf`), so its CID is CIDv1(raw, sha2-256(bytes)) —
 * computed and stored here directly instead of through the chunker/layout/reducer pipeline (the same
 * block and CID, without a dozen async steps per file). Every other file (and every file under a
 * dag-pb-leaves profile) goes through the importer's own file import with the same options, and an
 * explicit directory through its directory import; the importer's tree builder then lays out the
 * directories (flat or HAMT) from these results exactly as before.
 */
function singleChunkFilesDirect(
  { importDirectory, importFile }: ImporterModules,
  profile: ImportProfile,
  fileOptions: ImporterOptions,
): DagBuilder {
  const direct = profile.rawLeaves && profile.reduceSingleLeafToSelf;
  return async function* (source, blockstore) {
    for await (const entry of source) {
      const path = entry.path ?? "";
      const content = "content" in entry ? entry.content : undefined;
      if (content === undefined) {
        yield async () => {
          const dir = await importDirectory({ path: "empty" }, blockstore, fileOptions);
          return { cid: dir.cid, path, size: dir.size, unixfs: dir.unixfs, originalPath: path };
        };
      } else {
        yield async () => {
          // A stream is read ahead up to one chunk (here, so files are read in parallel): one that ends
          // within it is a single-chunk file too (most metadata files); a longer one goes on streaming.
          const whole = direct ? await singleChunk(content, profile.chunkSize) : { rest: content };
          if (whole.bytes) {
            const cid = CID.createV1(raw.code, await sha256.digest(whole.bytes));
            await blockstore.put(cid, whole.bytes);
            return { cid, path, size: BigInt(whole.bytes.byteLength), originalPath: path };
          }
          const file = await importFile({ content: whole.rest }, blockstore, fileOptions);
          return { cid: file.cid, path, size: file.size, unixfs: file.unixfs, originalPath: path };
        };
      }
    }
  };
}

/** The content as one array if it is at most `limit` bytes; else the same content (what was read ahead first). */
async function singleChunk(content: ImportContent, limit: number): Promise<{ bytes?: Uint8Array; rest: ImportContent }> {
  if (content instanceof Uint8Array) return content.byteLength <= limit ? { bytes: content, rest: content } : { rest: content };
  const pieces = Symbol.asyncIterator in content ? content[Symbol.asyncIterator]() : content[Symbol.iterator]();
  const head: Uint8Array[] = [];
  let length = 0;
  while (length <= limit) {
    const next = await pieces.next();
    if (next.done) return { bytes: concat(head, length), rest: [] };
    head.push(next.value);
    length += next.value.byteLength;
  }
  return {
    rest: (async function* () {
      yield* head;
      for (let next = await pieces.next(); !next.done; next = await pieces.next()) yield next.value;
    })(),
  };
}

function depth(path: string): number {
  return path === "" ? -1 : path.split("/").length;
}

function isDirectoryEntry(entry: ImportEntry): entry is DirectoryEntry {
  return (entry as { type?: unknown }).type === "directory";
}

function isContent(content: unknown): content is ImportContent {
  if (content instanceof Uint8Array) return true;
  if (content === null || typeof content !== "object") return false;
  return Symbol.asyncIterator in content || Symbol.iterator in content;
}

function sumKnownBytes(entries: readonly ImportEntry[]): number | undefined {
  let total = 0;
  for (const entry of entries) {
    if (isDirectoryEntry(entry)) continue;
    if (!(entry.content instanceof Uint8Array)) return undefined;
    total += entry.content.byteLength;
  }
  return total;
}

/** The pieces as one array (the piece itself when there is one). */
function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.byteLength;
  }
  return out;
}

/** Yields views of `bytes` of at most `size` bytes (progress granularity; no copying). */
function* slices(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  if (bytes.byteLength === 0) {
    yield bytes;
    return;
  }
  for (let offset = 0; offset < bytes.byteLength; offset += size) {
    yield bytes.subarray(offset, Math.min(offset + size, bytes.byteLength));
  }
}

/** Records `path` (and its parents as directories); returns false if it was already a directory. */
function claimPath(kinds: Map<string, "file" | "directory">, path: string, kind: "file" | "directory"): boolean {
  const duplicate = () =>
    new IpfsError("IPFS_DUPLICATE_PATH", `Two entries claim the path "${path}".`, {
      hint: "Give every file a unique path, and do not use a file's path as a folder of another entry.",
      details: { path },
    });
  const existing = kinds.get(path);
  if (existing === "file" || (existing === "directory" && kind === "file")) throw duplicate();
  // Every parent must be (or become) a directory.
  const parts = path.split("/");
  for (let i = 1; i < parts.length; i++) {
    const parent = parts.slice(0, i).join("/");
    if (kinds.get(parent) === "file") throw duplicate();
    kinds.set(parent, "directory");
  }
  kinds.set(path, kind);
  return existing === undefined;
}

function invalidContent(path: string, received: unknown): IpfsError<"IPFS_INVALID_CONTENT"> {
  const kind = received === null ? "null" : received instanceof Object ? received.constructor.name : typeof received;
  return new IpfsError("IPFS_INVALID_CONTENT", `The content of "${path}" is not bytes (got ${kind}).`, {
    hint: "Pass a Uint8Array, or an (async) iterable of Uint8Array pieces; encode text with new TextEncoder().encode(text).",
    details: { path, received: kind },
  });
}
