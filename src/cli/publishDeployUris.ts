/**
 * `mintkit deploy` publishing: the `ipfs://` URIs given to a new contract (`--contract-uri`, `--base-uri`)
 * are published from the embedded store before the deploy, with the same options and rule as `mint` and
 * `batch` (a provider required on a chain other than 31337/1337 unless --no-publish). Loaded lazily.
 */
import { CID } from "multiformats/cid";
import { CliError } from "../errors/CliError.js";
import type { GlobalOptions } from "./globalOptions.js";
import { openEmbeddedStore, publishRemote, readPinningToken, type RemoteOutcome } from "./ipfsSupport.js";
import { note } from "./output.js";
import { resolvePublishTargets, type PublishCliOptions } from "./publishOptions.js";
import { requirePublishing } from "./requirePublishing.js";

export interface DeployPublishOptions extends PublishCliOptions {
  readonly contractUri?: string;
  readonly baseUri?: string;
  /** false with --no-publish. */
  readonly publish?: boolean;
}

/**
 * The root CID of an `ipfs://<cid>[/…]` URI (templates such as `{id}` only in the path); undefined for
 * another scheme, or for a first segment that is not a CID (a placeholder: nothing mintkit could publish).
 */
export function rootOf(uri: string | undefined): CID | undefined {
  if (uri === undefined || !uri.startsWith("ipfs://")) return undefined;
  try {
    return CID.parse(uri.slice("ipfs://".length).split("/")[0] ?? "");
  } catch {
    return undefined;
  }
}

/**
 * Publishes the contract's `ipfs://` URIs when a provider is configured (and requires one on a non-dev
 * chain), before anything is deployed; the chain is asked only when there is an ipfs:// URI. Returns what
 * was published, by URI.
 * @throws IpfsError `IPFS_NOT_PUBLISHED`; CliError `CLI_INVALID_INPUT` (a CID not in the local store).
 */
export async function publishDeployUris(
  g: GlobalOptions,
  chainId: () => Promise<number>,
  opts: DeployPublishOptions,
): Promise<Record<string, RemoteOutcome>> {
  const roots = new Map<string, CID>();
  for (const uri of [opts.contractUri, opts.baseUri]) {
    const root = rootOf(uri);
    if (root && uri) roots.set(uri, root);
  }
  if (roots.size === 0) return {};
  const targets = resolvePublishTargets(opts);
  const pinningToken = readPinningToken(targets);
  if (!requirePublishing(await chainId(), targets, opts.publish !== false, "the contract's metadata")) return {};
  const store = await openEmbeddedStore(g.dataDir);
  try {
    const out: Record<string, RemoteOutcome> = {};
    for (const [uri, root] of roots) {
      if (!(await store.has(root))) {
        throw new CliError("CLI_INVALID_INPUT", `${uri} is not in the local IPFS store, so mintkit cannot publish it.`, {
          hint: "Upload it first (`mintkit upload <file|folder>` with the same publishing options), or pass --no-publish if it is already published.",
          details: { field: "--contract-uri", value: uri, reason: "not in the local store" },
        });
      }
      out[uri] = await publishRemote(root, store, { ...targets, pinningToken, pinName: targets.pinName ?? uri }, (m) => note(g.json, m));
    }
    return out;
  } finally {
    await store.close();
  }
}
