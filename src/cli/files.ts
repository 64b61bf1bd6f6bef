import { readFile, stat } from "node:fs/promises";
import path from "node:path";
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

/**
 * Checks an output path before any work is done: not a folder, and its folder exists (a typo in a path is not
 * silently turned into new folders). `CLI_INVALID_INPUT` (exit 2) naming the option, and nothing is written.
 * @example
 * await checkOutputPath(opts.car, "--car");
 */
export async function checkOutputPath(file: string, option: string): Promise<void> {
  const target = path.resolve(file);
  const kind = async (p: string) =>
    stat(p).then(
      (s) => (s.isDirectory() ? "folder" : "file"),
      () => "missing" as const,
    );
  if ((await kind(target)) === "folder") {
    throw new CliError("CLI_INVALID_INPUT", `${option} ${file} is a folder, not a file.`, {
      hint: `Give a file path for ${option}, e.g. ${path.join(file, "out.car")}; nothing was written.`,
      details: { field: option, value: file, reason: "is a folder" },
    });
  }
  const folder = path.dirname(target);
  const folderKind = await kind(folder);
  if (folderKind !== "folder") {
    const what = folderKind === "missing" ? "does not exist" : "is a file, not a folder";
    throw new CliError("CLI_INVALID_INPUT", `The folder of ${option} ${file} ${what}.`, {
      hint: `Create the folder first (mkdir -p ${path.dirname(file)}) or choose a path in an existing folder; nothing was written.`,
      details: { field: option, value: file, reason: `folder ${what}` },
    });
  }
}
