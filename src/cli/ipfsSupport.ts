/**
 * IPFS plumbing shared by `upload`, `mint` and `dev` (loaded lazily): the embedded store under the data
 * folder, walking a file or folder into import entries, and publishing a root to Kubo / a pinning service.
 */
import { accessSync, constants, createReadStream, lstatSync, readFileSync, readdirSync, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { CID } from "multiformats/cid";
import { CliError } from "../errors/CliError.js";
import type { ImportEntry } from "../ipfs/importFiles.js";
import type { BlockStore } from "../ipfs/stores/BlockStore.js";
import { createFsStore, type FsStore } from "../ipfs/stores/fsStore.js";
import { fileError } from "./files.js";

/** Opens the embedded IPFS store at `<dataDir>/ipfs`. */
export function openEmbeddedStore(dataDir: string): Promise<FsStore> {
  return createFsStore({ path: path.join(path.resolve(dataDir), "ipfs") });
}

/** A file found by `collectEntries`. */
export interface CollectedFile {
  /** Path relative to the upload root (forward slashes). */
  readonly path: string;
  /** Absolute path on disk. */
  readonly absolute: string;
  readonly size: number;
}

/**
 * Lists what `upload` imports: a single file (entry = its base name) or a folder (every file below it,
 * relative paths, empty folders kept). Dotfiles are skipped unless `hidden` (like `ipfs add -r`).
 * Every file is checked readable and within `maxSize` BEFORE anything is imported.
 * Symbolic links inside the folder are refused (never followed: a link could point outside the folder,
 * and Kubo stores a link as a link, not as its target); `input` itself may be a link (followed, like
 * `ipfs add <path>`).
 * @throws CliError `CLI_FILE_NOT_FOUND`, `CLI_FILE_UNREADABLE`, `CLI_INVALID_INPUT` (over `maxSize`, a
 * symbolic link inside the folder, nothing to upload).
 */
export async function collectEntries(
  input: string,
  options: { readonly hidden?: boolean; readonly maxSize?: number } = {},
): Promise<{ kind: "file" | "directory"; files: CollectedFile[]; emptyDirectories: string[] }> {
  const root = path.resolve(input);
  let info: Stats;
  try {
    info = await stat(root);
  } catch (err) {
    throw fileError(err, input);
  }
  const files: CollectedFile[] = [];
  const emptyDirectories: string[] = [];
  // Synchronous file-system calls: the CLI does nothing else meanwhile, and 10,000 small files cost a
  // thread-pool round trip each otherwise (the bench measured the async version at 5x the import itself).
  const check = (absolute: string, relative: string, s: Stats, shown: string) => {
    try {
      accessSync(absolute, constants.R_OK);
    } catch (err) {
      throw fileError(err, shown);
    }
    if (options.maxSize !== undefined && s.size > options.maxSize) {
      throw new CliError("CLI_INVALID_INPUT", `${relative} is ${s.size} bytes, over the limit of ${options.maxSize} bytes.`, {
        hint: "Raise the limit with --max-size (e.g. --max-size 500M) or leave the file out.",
        details: { field: "--max-size", value: String(s.size), reason: "file over the size limit" },
      });
    }
    files.push({ path: relative, absolute, size: s.size });
  };
  if (info.isFile()) {
    check(root, path.basename(root), info, input);
    return { kind: "file", files, emptyDirectories };
  }
  if (!info.isDirectory()) {
    throw new CliError("CLI_FILE_UNREADABLE", `${input} is neither a file nor a folder.`, {
      hint: "Pass a regular file or a folder.",
      details: { path: input, reason: "not a file or folder" },
    });
  }
  const walk = (dir: string, relative: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      throw fileError(err, path.join(input, relative));
    }
    let kept = 0;
    for (const name of names) {
      if (!options.hidden && name.startsWith(".")) continue;
      const absolute = path.join(dir, name);
      const rel = relative ? `${relative}/${name}` : name;
      let s: Stats;
      try {
        s = lstatSync(absolute);
      } catch (err) {
        throw fileError(err, path.join(input, rel));
      }
      if (s.isSymbolicLink()) {
        const shown = path.join(input, rel);
        throw new CliError("CLI_INVALID_INPUT", `${shown} is a symbolic link.`, {
          hint: "mintkit does not follow symbolic links (Kubo stores them as links, not as the file): replace it with the file itself or remove it",
          details: { field: "<path>", value: shown, reason: "symbolic link inside the folder" },
        });
      }
      if (s.isDirectory()) {
        walk(absolute, rel);
        kept++;
      } else if (s.isFile()) {
        check(absolute, rel, s, path.join(input, rel));
        kept++;
      }
    }
    if (kept === 0 && relative) emptyDirectories.push(relative);
  };
  walk(root, "");
  return { kind: "directory", files, emptyDirectories };
}

/** Files up to this size are read whole (one read, no stream set-up per file); larger ones are streamed. */
const READ_WHOLE_LIMIT = 1024 * 1024;

/** Import entries: small files read whole, larger ones streamed from disk (never held in memory). */
export async function* entriesFor(collected: { files: readonly CollectedFile[]; emptyDirectories: readonly string[] }): AsyncGenerator<ImportEntry> {
  for (const dir of collected.emptyDirectories) yield { path: dir, type: "directory" };
  for (const file of collected.files) {
    if (file.size <= READ_WHOLE_LIMIT) {
      let content: Uint8Array;
      try {
        content = readFileSync(file.absolute);
      } catch (err) {
        throw fileError(err, file.absolute);
      }
      yield { path: file.path, content };
    } else {
      yield { path: file.path, content: streamFile(file.absolute) };
    }
  }
}

async function* streamFile(absolute: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(absolute, { highWaterMark: 1024 * 1024 })) {
    yield new Uint8Array((chunk as Buffer).buffer, (chunk as Buffer).byteOffset, (chunk as Buffer).byteLength);
  }
}

/** The environment variable holding the pinning service's access token (the alternative to `--pinning-token-file`). */
export const PINNING_TOKEN_ENV = "MINTKIT_PINNING_TOKEN";

/**
 * The pinning service's access token: the first line of `--pinning-token-file` when given (the token is
 * never taken on the command line, where `ps` and the shell history would show it), else the
 * `MINTKIT_PINNING_TOKEN` environment variable, else `undefined`. Called before anything is imported,
 * so a missing or empty token fails early.
 * @throws CliError `CLI_FILE_NOT_FOUND`, `CLI_FILE_UNREADABLE`, `CLI_INVALID_INPUT` (the file's first
 * line is empty, or `--pinning-endpoint` without any token).
 */
export function readPinningToken(
  opts: { readonly pinningTokenFile?: string; readonly pinningEndpoint?: string },
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  let token: string | undefined;
  if (opts.pinningTokenFile === undefined) {
    token = env[PINNING_TOKEN_ENV]?.trim() || undefined;
  } else {
    const file = opts.pinningTokenFile;
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw fileError(err, file, "Pass a file holding the pinning service's access token on its first line.");
    }
    token = (text.split(/\r?\n/, 1)[0] ?? "").trim();
    if (!token) {
      throw new CliError("CLI_INVALID_INPUT", `${file} holds no token on its first line.`, {
        hint: "Put the pinning service's access token on the first line of the file.",
        details: { field: "--pinning-token-file", value: file, reason: "empty first line" },
      });
    }
  }
  if (opts.pinningEndpoint !== undefined && !token) throw missingPinningToken();
  return token;
}

function missingPinningToken(): CliError<"CLI_INVALID_INPUT"> {
  return new CliError("CLI_INVALID_INPUT", "--pinning-endpoint needs an access token.", {
    hint: `Pass --pinning-token-file <path> (a file holding the token on its first line) or set ${PINNING_TOKEN_ENV}.`,
    details: { field: "--pinning-token-file", reason: "missing" },
  });
}

/** Remote targets given on the command line. */
export interface RemoteTargets {
  readonly kuboUrl?: string;
  readonly pinningEndpoint?: string;
  readonly pinningToken?: string;
  /** Name of the pin at the pinning service. */
  readonly pinName?: string;
  /** How long to wait for the pinning service to report `pinned` (default 600,000 ms). */
  readonly pinTimeoutMs?: number;
  /** Interval between pin status checks (default 2,000 ms). */
  readonly pinPollMs?: number;
}

/** What `publishRemote` did. */
export interface RemoteOutcome {
  kubo?: { url: string; blocks: number; blocksSent: number; bytesSent: number; pinned: boolean; alreadyPinned: boolean };
  pinning?: { endpoint: string; requestid: string; status: string; reused: boolean; origins: string[] };
}

/**
 * Publishes `root` from the local store: pushes the missing blocks to a Kubo node (and pins it there)
 * and/or asks a pinning service to pin it, with `origins` = the Kubo node's publicly dialable multiaddrs
 * when both are given (the local gateway is HTTP on loopback: no origin a provider can dial). Then WAITS
 * until the service reports `pinned` (status changes as notes, up to `pinTimeoutMs`): `failed` throws
 * `IPFS_PIN_FAILED` with the provider's reason, a timeout `IPFS_PIN_TIMEOUT` (the pin request stays; running
 * again reuses it).
 */
export async function publishRemote(root: CID, store: BlockStore, targets: RemoteTargets, onNote: (msg: string) => void): Promise<RemoteOutcome> {
  const outcome: RemoteOutcome = {};
  if (targets.pinningEndpoint !== undefined && !targets.pinningToken) throw missingPinningToken();
  const remote = await import("../ipfs/remote/index.js");
  let origins: string[] | undefined;
  if (targets.kuboUrl !== undefined) {
    const kubo = remote.createKuboStore({ url: targets.kuboUrl });
    onNote(`pushing to Kubo at ${kubo.url} …`);
    const pushed = await remote.pushToKubo(root, { from: store, to: kubo });
    outcome.kubo = {
      url: kubo.url,
      blocks: pushed.blocks,
      blocksSent: pushed.blocksSent,
      bytesSent: pushed.bytesSent,
      pinned: pushed.pinned,
      alreadyPinned: pushed.alreadyPinned,
    };
    if (targets.pinningEndpoint !== undefined) origins = await kubo.origins().catch(() => undefined);
  }
  if (targets.pinningEndpoint !== undefined && targets.pinningToken) {
    const service = remote.createPinningService({ endpoint: targets.pinningEndpoint, accessToken: targets.pinningToken });
    onNote(
      origins && origins.length > 0
        ? `requesting a pin at ${service.endpoint} (origins: ${origins.join(", ")}) …`
        : `requesting a pin at ${service.endpoint} (no origin: the provider must find the blocks on the network, e.g. from your Kubo node) …`,
    );
    let last = "";
    const started = Date.now();
    const pin = await service.pin(root, {
      wait: true,
      waitTimeoutMs: targets.pinTimeoutMs ?? 600_000,
      ...(targets.pinPollMs !== undefined ? { pollIntervalMs: targets.pinPollMs } : {}),
      onStatus: (p) => {
        if (p.status === last) return;
        last = p.status;
        onNote(`pin ${p.requestid}: ${p.status} (${Math.round((Date.now() - started) / 1000)} s)`);
      },
      ...(targets.pinName ? { name: targets.pinName } : {}),
      ...(origins && origins.length > 0 ? { origins } : {}),
    });
    outcome.pinning = { endpoint: service.endpoint, requestid: pin.requestid, status: pin.status, reused: pin.reused, origins: origins ?? [] };
  }
  return outcome;
}
