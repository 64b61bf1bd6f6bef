/**
 * The one atomic file writer of mintkit. NODE-ONLY (reached through `mintkit/node` and the CLI, never the
 * browser entry).
 *
 * A write goes to a temp file beside the target (same folder, so the same filesystem), is flushed to disk,
 * then committed in one step: `rename` over the old file, or with `noClobber` a hard `link` that fails when
 * the target exists (so two writers never both win, and nothing is overwritten). A crash at any point leaves
 * either the old file or the new one, never half of one (at worst a stray `.<name>.<random>.tmp` beside it).
 */
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { link, mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

export interface WriteFileAtomicOptions {
  /** Permission bits of the new file, applied exactly (not reduced by the umask). Default 0o644. */
  readonly mode?: number;
  /** Refuse to replace an existing file: fails with the Node error `EEXIST` and writes nothing. Default false. */
  readonly noClobber?: boolean;
  /** Flush the file and its folder to disk before returning (a power cut keeps the new file). Default true. */
  readonly fsync?: boolean;
  /** Create the missing parent folders first (mode 0o755, or `folderMode`). Default false. */
  readonly mkdir?: boolean;
  /** Mode of the folders that `mkdir` creates. */
  readonly folderMode?: number;
}

export type WriteFileAtomicReturnType = string;

/**
 * Writes `data` to `file` atomically. `data` may be streamed (an async iterable of chunks, e.g. a CAR
 * export): the old file stays in place until the last chunk is on disk. Returns the absolute path written.
 * @throws the Node error of the failing step (`EEXIST` with `noClobber`, `ENOENT` for a missing folder,
 *   `EISDIR`, `EACCES`, …); the temp file is removed and the old file is untouched.
 * @example
 * import { writeFileAtomic } from "mintkit/node";
 * await writeFileAtomic("deployments/31337.json", JSON.stringify(record), { mkdir: true });
 * await writeFileAtomic("key.json", secret, { mode: 0o600, noClobber: true });
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | AsyncIterable<Uint8Array>,
  options: WriteFileAtomicOptions = {},
): Promise<WriteFileAtomicReturnType> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (options.mkdir) await mkdir(dir, { recursive: true, ...(options.folderMode === undefined ? {} : { mode: options.folderMode }) });
  const temp = tempPathFor(target);
  const sync = options.fsync !== false;
  try {
    const handle = await open(temp, "wx", options.mode ?? 0o644);
    try {
      await handle.chmod(options.mode ?? 0o644);
      await handle.writeFile(data);
      if (sync) await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.noClobber) {
      await link(temp, target);
      await rm(temp, { force: true });
    } else {
      await rename(temp, target);
    }
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
  if (sync) await fsyncFolder(dir);
  return target;
}

/** `writeFileAtomic`, synchronous (for code paths that must not yield, like a write-ahead journal's mapping). */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: WriteFileAtomicOptions = {}): WriteFileAtomicReturnType {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  if (options.mkdir) mkdirSync(dir, { recursive: true, ...(options.folderMode === undefined ? {} : { mode: options.folderMode }) });
  const temp = tempPathFor(target);
  const sync = options.fsync !== false;
  try {
    const fd = openSync(temp, "wx", options.mode ?? 0o644);
    try {
      fchmodSync(fd, options.mode ?? 0o644);
      const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      if (sync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.noClobber) {
      linkSync(temp, target);
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, target);
    }
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // best effort: the error below is the one that matters
    }
    throw err;
  }
  if (sync) fsyncFolderSync(dir);
  return target;
}

/** A fresh hidden temp name beside `target`: `.<name>.<pid>.<random>.tmp`. */
function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

/** Flushes a folder's entries (the rename or link) to disk; a no-op where folders cannot be opened (Windows). */
async function fsyncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Not supported on every platform; the file's own bytes are already on disk.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function fsyncFolderSync(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Not supported on every platform; the file's own bytes are already on disk.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
