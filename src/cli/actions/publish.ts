/** The work of `mintkit publish` (loaded lazily by the command). */
import type { PublishCliOptions } from "../publishOptions.js";
import { existsSync } from "node:fs";
import { CID } from "multiformats/cid";
import { readJournalFile } from "../../batch/BatchJournal.js";
import { CliError } from "../../errors/CliError.js";
import { createGatewayStore } from "../../ipfs/remote/createGatewayStore.js";
import { createKuboStore } from "../../ipfs/remote/createKuboStore.js";
import type { BlockStore } from "../../ipfs/stores/BlockStore.js";
import { verifyRetrievable } from "../../ipfs/verifyRetrievable.js";
import type { GlobalOptions } from "../globalOptions.js";
import { openEmbeddedStore, publishRemote, readPinningToken } from "../ipfsSupport.js";
import { note, type CommandResult } from "../output.js";
import { PROJECT_CONFIG_FILE } from "../projectConfig.js";
import { rootOf } from "../publishDeployUris.js";
import { parseHttpUrl } from "../parse.js";
import { resolvePublishTargets } from "../publishOptions.js";

/** Options of `mintkit publish`. */
export interface PublishCommandOptions extends PublishCliOptions {
  check?: boolean;
  gatewayUrl?: string;
}

/** What `<target>` names: a CID, a batch journal (its directory CID), or a collection (its ipfs:// base and contract URIs). */
async function resolveTarget(g: GlobalOptions, target: string): Promise<{ roots: CID[]; source: "cid" | "journal" | "collection" }> {
  try {
    return { roots: [CID.parse(target)], source: "cid" };
  } catch {
    // not a CID: maybe a journal file
  }
  if (existsSync(target)) {
    const journal = readJournalFile(target);
    const plan = journal?.records[0];
    if (plan?.type === "plan") return { roots: [CID.parse(plan.dirCid)], source: "journal" };
  }
  if (/^0x[0-9a-f]{40}$/i.test(target) || /^[^./\\][^/\\]*$/.test(target)) {
    // A collection: its address or its name in deployments/<chainId>.json; what it points at on chain now.
    const { resolveContext } = await import("../context.js");
    const { resolveCollectionAddress } = await import("../resolveCollection.js");
    const { mintkitCollectionAbi } = await import("../../contracts/mintkitCollection.js");
    const ctx = await resolveContext(g);
    const address = await resolveCollectionAddress(ctx, target, "<target>");
    const read = (functionName: "baseURI" | "contractURI") =>
      ctx.publicClient.readContract({ address, abi: mintkitCollectionAbi, functionName }).catch(() => "");
    const uris = [await read("baseURI"), await read("contractURI")];
    const roots = uris.map(rootOf).filter((c): c is CID => c !== undefined);
    if (roots.length > 0) return { roots, source: "collection" };
    throw new CliError("CLI_INVALID_INPUT", `The collection ${address} points at no ipfs:// content (base URI "${uris[0]}", contract URI "${uris[1]}").`, {
      hint: "Publish the CIDs themselves (mintkit publish <cid>), or set an ipfs:// base URI first (mintkit batch sets it).",
      details: { field: "<target>", value: target, reason: "no ipfs:// URI on the collection" },
    });
  }
  throw new CliError("CLI_INVALID_INPUT", `"${target}" is neither a CID, a batch journal file nor a collection.`, {
    hint: "Pass the CID `mintkit upload` printed (root), the journal of a `mintkit batch` run (.mintkit/batches/*.jsonl), or a collection address / recorded name.",
    details: { field: "<target>", value: target, reason: "not a CID, journal or collection" },
  });
}

export async function publish(g: GlobalOptions, target: string, opts: PublishCommandOptions): Promise<CommandResult> {
  const targets = resolvePublishTargets(opts);
  // Checked before anything is read or fetched: a URL without a scheme is bad input (2), not an IPFS failure (4).
  if (opts.gatewayUrl !== undefined) parseHttpUrl(opts.gatewayUrl, "--gateway-url");
  const { roots, source } = await resolveTarget(g, target);

  if (opts.check) {
    let remote: BlockStore;
    if (opts.gatewayUrl !== undefined) remote = createGatewayStore({ url: opts.gatewayUrl });
    else if (targets.kuboUrl !== undefined) remote = createKuboStore({ url: targets.kuboUrl });
    else {
      throw new CliError("CLI_INVALID_INPUT", "--check needs somewhere to fetch from.", {
        hint: "Pass --gateway-url <url> (an HTTP gateway serving raw blocks) or --kubo-url <url>.",
        details: { field: "--gateway-url", reason: "missing" },
      });
    }
    const checked = [];
    for (const root of roots) {
      note(g.json, `fetching and re-hashing every block of ${root} from ${remote.label} …`);
      const report = await verifyRetrievable(root, remote, { rehash: true });
      checked.push({ root: root.toString(), blocks: report.blocks, bytes: report.bytesRead });
    }
    return {
      data: { ...(checked.length === 1 ? checked[0] : {}), roots: checked, source, checkedAt: remote.label, retrievable: true },
      text: checked.map((c) => `${c.root}: all ${c.blocks} blocks (${c.bytes} bytes) fetched from ${remote.label} and re-hashed`),
    };
  }

  if (targets.kuboUrl === undefined && targets.pinningEndpoint === undefined) {
    throw new CliError("CLI_INVALID_INPUT", "No publishing provider is configured.", {
      hint: `Pass --kubo-url and/or --pinning-endpoint (with --pinning-token-file), set MINTKIT_KUBO_URL / MINTKIT_PINNING_ENDPOINT, or add a "publish" section to ${PROJECT_CONFIG_FILE}.`,
      details: { field: "--kubo-url", reason: "no provider" },
    });
  }
  const pinningToken = readPinningToken(targets);
  const store = await openEmbeddedStore(g.dataDir);
  try {
    const published = [];
    for (const root of roots) {
      // Never publish what is not whole and good here: every block re-hashed first.
      const local = await verifyRetrievable(root, store, { rehash: true });
      const remote = await publishRemote(root, store, { ...targets, pinningToken, pinName: targets.pinName ?? root.toString() }, (m) => note(g.json, m));
      published.push({ root: root.toString(), blocks: local.blocks, bytes: local.bytesRead, ...remote });
    }
    const text = published.flatMap((p) => [
      `${p.root}: published (${p.blocks} blocks, ${p.bytes} bytes)`,
      ...(p.kubo ? [`  Kubo ${p.kubo.url}: ${p.kubo.blocksSent} blocks sent, pinned ${p.kubo.pinned}`] : []),
      ...(p.pinning ? [`  pin ${p.pinning.requestid} at ${p.pinning.endpoint}: ${p.pinning.status}`] : []),
    ]);
    return { data: { ...(published.length === 1 ? published[0] : {}), roots: published, source }, text };
  } finally {
    await store.close();
  }
}
