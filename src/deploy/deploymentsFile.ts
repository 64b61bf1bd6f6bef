import { readFile } from "node:fs/promises";
import path from "node:path";
import { DeployError } from "../errors/DeployError.js";
import { writeFileAtomic } from "../fs/writeFileAtomic.js";
import { emptyDeploymentRecord, type DeploymentRecord } from "./types.js";

/** Where the record of `chainId` lives: `<cwd>/deployments/<chainId>.json`. NODE-ONLY. */
export function deploymentsPath(chainId: number, options: { readonly cwd?: string } = {}): string {
  return path.join(path.resolve(options.cwd ?? process.cwd()), "deployments", `${chainId}.json`);
}

/**
 * Reads `deployments/<chainId>.json`, or returns an empty record (not written) when there is none.
 * NODE-ONLY.
 * @throws DeployError `DEPLOY_INVALID_RECORD` when the file is not a record of that chain.
 */
export async function readDeployments(
  chainId: number,
  options: { readonly cwd?: string; readonly network?: string } = {},
): Promise<DeploymentRecord> {
  const file = deploymentsPath(chainId, options);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return emptyDeploymentRecord(chainId, options.network ?? "unknown");
    throw invalidRecord(file, unreadableReason(err), err);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw invalidRecord(file, "not JSON", err);
  }
  const r = parsed as Partial<DeploymentRecord> | null;
  if (!r || typeof r !== "object" || Array.isArray(r)) throw invalidRecord(file, "not a JSON object");
  if (r.collections !== undefined && (typeof r.collections !== "object" || r.collections === null)) {
    throw invalidRecord(file, "\"collections\" is not an object");
  }
  if (r.chainId !== undefined && Number(r.chainId) !== chainId) {
    throw invalidRecord(file, `it records chain ${String(r.chainId)}, not ${chainId}`);
  }
  // Core contracts recorded before 1.0 (`contracts`) are dropped: their addresses are computed now, and a
  // record rewritten from this one keeps only the user's contracts.
  const { contracts: _legacy, ...rest } = r;
  void _legacy;
  return {
    ...rest,
    chainId,
    network: typeof r.network === "string" ? r.network : (options.network ?? "unknown"),
    collections: r.collections ?? {},
  } as DeploymentRecord;
}

/**
 * Writes `deployments/<record.chainId>.json` atomically (`writeFileAtomic`: temp file, fsync, rename), so a crash never leaves a half-written record. NODE-ONLY. Returns the path.
 */
export async function writeDeployments(record: DeploymentRecord, options: { readonly cwd?: string } = {}): Promise<string> {
  const file = deploymentsPath(record.chainId, options);
  await writeFileAtomic(file, `${JSON.stringify(record, null, 2)}\n`, { mkdir: true });
  return file;
}

function invalidRecord(file: string, reason: string, cause?: unknown): DeployError<"DEPLOY_INVALID_RECORD"> {
  return new DeployError("DEPLOY_INVALID_RECORD", `The deployments record ${file} cannot be used: ${reason}.`, {
    hint: "Fix or move the file away (it will be recreated by the next deploy).",
    details: { path: file, reason },
    cause,
  });
}

/** Why a record cannot be read, in words (never Node's raw `EISDIR: illegal operation…`). */
function unreadableReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a part of its path is a file, not a folder";
  return `it cannot be read (${code ?? "I/O error"})`;
}
