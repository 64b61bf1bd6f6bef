import { importDirectory, importer, type ImportCandidate } from "ipfs-unixfs-importer";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../errors/IpfsError.js";
import { MintkitError } from "../errors/MintkitError.js";
import { createImportSink, discardingSink } from "./createImportSink.js";
import { normalizePath } from "./normalizePath.js";
import { resolveProfile, type ImportProfile, type ProfileInput } from "./profiles.js";
import type { BlockStore } from "./stores/BlockStore.js";
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

  const countBytes = async function* (path: string, content: ImportContent): AsyncGenerator<Uint8Array> {
    sizes.set(path, 0);
    const pieces: Iterable<Uint8Array> | AsyncIterable<Uint8Array> =
      content instanceof Uint8Array ? slices(content, profile.chunkSize) : content;
    for await (const piece of pieces) {
      if (!(piece instanceof Uint8Array)) throw invalidContent(path, piece);
      sizes.set(path, (sizes.get(path) ?? 0) + piece.byteLength);
      bytesRead += piece.byteLength;
      onProgress?.({ type: "bytes", path, bytes: bytesRead, totalBytes });
      yield piece;
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
      yield { path, content: countBytes(path, content) };
    }
  };

  const fileCids = new Map<string, CID>();
  const directories: ImportedDirectory[] = [];
  let root: CID | undefined;
  let filesDone = 0;

  try {
    const results = importer(candidates(), sink, toImporterOptions(profile, { wrapWithDirectory: true }));
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
    const empty = await importDirectory({ path: "empty" }, discardingSink, toImporterOptions(profile));
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
