import { readFile } from "node:fs/promises";
import path from "node:path";
import { DeployError } from "../errors/DeployError.js";
import { writeFileAtomic } from "../fs/writeFileAtomic.js";
import { emptyDeploymentRecord, type DeploymentRecord, type RecordSection } from "./types.js";

/** Where the record of `chainId` lives: `<cwd>/deployments/<chainId>.json`. NODE-ONLY. */
export function deploymentsPath(chainId: number, options: { readonly cwd?: string } = {}): string {
  return path.join(path.resolve(options.cwd ?? process.cwd()), "deployments", `${chainId}.json`);
}

/**
 * Reads `deployments/<chainId>.json`, or returns an empty record (not written) when there is none.
 * Records written before credential registries were recorded here read as they are. NODE-ONLY.
 * @throws DeployError `DEPLOY_INVALID_RECORD` when the file is a folder, unreadable, not JSON (truncated), of
 *   another chain, or of the wrong shape (a section that is not an object of `{ address }` entries). The file is
 *   never rewritten then.
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
  } catch {
    throw invalidRecord(file, "it is not valid JSON (truncated or edited by hand?)");
  }
  const r = checkRecordShape(file, parsed);
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
    collections: (r.collections as DeploymentRecord["collections"] | undefined) ?? {},
  } as DeploymentRecord;
}

const sections: readonly RecordSection[] = ["collections", "editions", "credentialRegistries"];

function checkRecordShape(file: string, parsed: unknown): Record<string, unknown> {
  if (!isObject(parsed)) throw invalidRecord(file, "it is not a JSON object");
  for (const section of sections) {
    const value = parsed[section];
    if (value === undefined) continue;
    if (!isObject(value)) throw invalidRecord(file, `"${section}" is not an object of named contracts`);
    for (const [name, entry] of Object.entries(value)) {
      if (!isObject(entry) || typeof entry["address"] !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(entry["address"])) {
        throw invalidRecord(file, `"${section}"."${name}" has no valid "address" (0x + 40 hex)`);
      }
    }
  }
  return parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The record with `entry` stored under `record[section][name]` (a new object; the record is not written).
 * @example
 * await writeDeployments(withRecordedContract(record, "credentialRegistries", "Diplomas", { address, owner, symbol: "DIP" }));
 */
export function withRecordedContract<TSection extends RecordSection>(
  record: DeploymentRecord,
  section: TSection,
  name: string,
  entry: NonNullable<DeploymentRecord[TSection]>[string],
): DeploymentRecord {
  return { ...record, [section]: { ...(record[section] ?? {}), [name]: entry } };
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
    hint: "mintkit does not rewrite it: fix it by hand (restore it from version control), or move it away and let the next deploy recreate it (the contracts stay on chain; pass --salt as before to find them).",
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
