/**
 * Files that hold a holder's private claims (values and salts): written atomically (a temp file in the same
 * folder, mode 0600, then a rename), so a crash or a failed step never leaves a half-written claims file and
 * no other user can read it. NODE-ONLY.
 */
import { randomBytes } from "node:crypto";
import { access, chmod, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../../../errors/CliError.js";
import { fileError } from "../../files.js";
import { writeFileAtomic } from "../../../fs/writeFileAtomic.js";

/** Refuses an output path that already exists (unless `force`): a claims file is never overwritten by accident. */
export async function refuseExisting(file: string, option: string, force: boolean): Promise<void> {
  if (force) return;
  try {
    await access(file);
  } catch {
    return;
  }
  throw new CliError("CLI_INVALID_INPUT", `${option} ${file} already exists.`, {
    hint: "Choose another path, or pass --force to replace it (a replaced claims file cannot be recovered).",
    details: { field: option, value: file, reason: "exists" },
  });
}

/** A temp file next to `file`, written now (mode 0600), to be committed by rename or discarded. */
export interface PendingFile {
  readonly tempPath: string;
  /** Replaces the pending content (still unpublished). */
  rewrite(text: string): Promise<void>;
  /** Renames the temp file to its final path (atomic on one filesystem). */
  commit(): Promise<void>;
  /** Deletes the temp file (nothing was published). */
  discard(): Promise<void>;
}

/**
 * Writes `text` to a temp file beside `file` with mode 0600 (fails early, before anything is sent, when the
 * folder is missing or not writable), to be published with `commit()`.
 */
export async function preparePrivateFile(file: string, text: string): Promise<PendingFile> {
  const dir = path.dirname(path.resolve(file));
  const tempPath = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const write = async (content: string) => {
    const handle = await open(tempPath, "w", 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(tempPath, 0o600);
  };
  try {
    await write(text);
  } catch (err) {
    await unlink(tempPath).catch(() => undefined);
    throw fileError(err, file, `Check that the folder of ${file} exists and is writable; nothing was sent.`);
  }
  return {
    tempPath,
    rewrite: write,
    commit: () => rename(tempPath, file),
    discard: () => unlink(tempPath).catch(() => undefined),
  };
}

/** Writes a private file atomically (`writeFileAtomic` with mode 0600). */
export async function writePrivateFile(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text, { mode: 0o600 });
  } catch (err) {
    throw fileError(err, file, `Check that the folder of ${file} exists and is writable.`);
  }
}
