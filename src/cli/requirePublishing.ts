/**
 * The rule of every minting command: on a chain other than the dev chains (31337/1337) a token URI is set
 * only on content published to a provider (Kubo or a pinning service, which `publishRemote` verifies:
 * blocks re-checked on the Kubo node, pin waited on until `pinned`), unless the user says `--no-publish`.
 */
import { IpfsError } from "../errors/IpfsError.js";
import { PROJECT_CONFIG_FILE } from "./projectConfig.js";
import { DEV_CHAIN_IDS, hasProvider, type PublishTargets } from "./publishOptions.js";

/**
 * Decides before anything is stored or sent whether content must be published; throws when it must be
 * and no provider is configured.
 * @returns true when the caller must publish (a provider is configured and --no-publish was not given).
 * @throws IpfsError `IPFS_NOT_PUBLISHED` (exit 4).
 */
export function requirePublishing(chainId: number, targets: PublishTargets, publish: boolean, what: string): boolean {
  if (!publish) return false;
  if (hasProvider(targets)) return true;
  if (DEV_CHAIN_IDS.includes(chainId)) return false;
  throw new IpfsError("IPFS_NOT_PUBLISHED", `Chain ${chainId} is not a local dev chain, and ${what} would only be in this machine's IPFS store: nobody else could fetch it.`, {
    hint:
      `Publish as part of the command: pass --kubo-url <Kubo RPC URL> and/or --pinning-endpoint <Pinning Service API URL> --pinning-token-file <file> ` +
      `(or set them once in ${PROJECT_CONFIG_FILE}, "publish" section). If you publish it yourself, pass --no-publish.`,
    details: { chainId },
  });
}
