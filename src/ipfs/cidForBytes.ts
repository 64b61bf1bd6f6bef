import type { CID } from "multiformats/cid";
import { IpfsError } from "../errors/IpfsError.js";
import { MintkitError } from "../errors/MintkitError.js";
import { discardingSink } from "./createImportSink.js";
import type { ImportContent } from "./importFiles.js";
import { resolveProfile, type ProfileInput } from "./profiles.js";
import { loadImportBytes } from "./loadImporter.js";
import { toImporterOptions } from "./toImporterOptions.js";

/**
 * The CID Kubo's `ipfs add` gives a file with these bytes under the profile — computed only,
 * nothing stored. Browser-safe.
 *
 * @example
 * await cidForBytes(new TextEncoder().encode("hello world\n"), "kubo-v0")
 * // QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o
 *
 * @throws IpfsError `IPFS_UNKNOWN_PROFILE`, `IPFS_INVALID_PROFILE`, `IPFS_IMPORT_FAILED`.
 */
export async function cidForBytes(content: ImportContent, profile?: ProfileInput): Promise<CID> {
  const resolved = resolveProfile(profile);
  try {
    const { importBytes } = await loadImportBytes();
    const result = await importBytes(content, discardingSink, await toImporterOptions(resolved));
    return result.cid;
  } catch (err) {
    if (err instanceof MintkitError) throw err;
    throw new IpfsError("IPFS_IMPORT_FAILED", "Computing the CID of the content failed.", {
      hint: "Pass a Uint8Array, or an (async) iterable of Uint8Array pieces that does not throw.",
      details: {},
      cause: err,
    });
  }
}
