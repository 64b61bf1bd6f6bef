import { readFile } from "node:fs/promises";
import { CliError } from "../errors/CliError.js";

/**
 * The CLI error for a failed file access: `CLI_FILE_NOT_FOUND` for ENOENT/ENOTDIR, else
 * `CLI_FILE_UNREADABLE` (permissions, a folder where a file is expected, I/O error). Exit code 2.
 */
export function fileError(err: unknown, file: string, hint?: string): CliError<"CLI_FILE_NOT_FOUND" | "CLI_FILE_UNREADABLE"> {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new CliError("CLI_FILE_NOT_FOUND", `File not found: ${file}`, {
      hint: hint ?? "Check the path (relative paths start from the working directory).",
      details: { path: file },
      cause: err,
    });
  }
  const reason =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EISDIR"
        ? "is a folder, not a file"
        : ((err as Error | undefined)?.message ?? String(err));
  return new CliError("CLI_FILE_UNREADABLE", `Cannot read ${file}: ${reason}.`, {
    hint: hint ?? "Check the file's permissions and that it is a regular file.",
    details: { path: file, reason },
    cause: err,
  });
}

/** Reads a whole file, mapping failures to `CLI_FILE_NOT_FOUND` / `CLI_FILE_UNREADABLE`. */
export async function readFileOrFail(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (err) {
    throw fileError(err, file);
  }
}
