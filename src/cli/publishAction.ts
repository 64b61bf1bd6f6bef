/** The work of `mintkit publish` (loaded lazily by the command). */
import { existsSync } from "node:fs";
import { CID } from "multiformats/cid";
import { readJournalFile } from "../batch/BatchJournal.js";
import { CliError } from "../errors/CliError.js";
import { createGatewayStore } from "../ipfs/remote/createGatewayStore.js";
import { createKuboStore } from "../ipfs/remote/createKuboStore.js";
import type { BlockStore } from "../ipfs/stores/BlockStore.js";
import { verifyRetrievable } from "../ipfs/verifyRetrievable.js";
import type { PublishCommandOptions } from "./commands/publish.js";
import type { GlobalOptions } from "./globalOptions.js";
import { openEmbeddedStore, publishRemote, readPinningToken } from "./ipfsSupport.js";
import { note, type CommandResult } from "./output.js";
import { PROJECT_CONFIG_FILE } from "./projectConfig.js";
import { resolvePublishTargets } from "./publishOptions.js";

/** What `<target>` names: a CID, or a batch journal (its directory CID). */
function resolveTarget(target: string): { root: CID; source: "cid" | "journal" } {
  try {
    return { root: CID.parse(target), source: "cid" };
  } catch {
    // not a CID: maybe a journal file
  }
  if (existsSync(target)) {
    const journal = readJournalFile(target);
    const plan = journal?.records[0];
    if (plan?.type === "plan") return { root: CID.parse(plan.dirCid), source: "journal" };
  }
  throw new CliError("CLI_INVALID_INPUT", `"${target}" is neither a CID nor a batch journal file.`, {
    hint: "Pass the CID `mintkit upload` printed (root), or the journal of a `mintkit batch` run (.mintkit/batches/*.jsonl).",
    details: { field: "<target>", value: target, reason: "not a CID or journal" },
  });
}

export async function publish(g: GlobalOptions, target: string, opts: PublishCommandOptions): Promise<CommandResult> {
  const { root, source } = resolveTarget(target);
  const targets = resolvePublishTargets(opts);

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
    note(g.json, `fetching and re-hashing every block of ${root} from ${remote.label} …`);
    const report = await verifyRetrievable(root, remote, { rehash: true });
    return {
      data: { root: root.toString(), source, checkedAt: remote.label, retrievable: true, blocks: report.blocks, bytes: report.bytesRead },
      text: [`${root}: all ${report.blocks} blocks (${report.bytesRead} bytes) fetched from ${remote.label} and re-hashed`],
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
    // Never publish what is not whole and good here: every block re-hashed first.
    const local = await verifyRetrievable(root, store, { rehash: true });
    const remote = await publishRemote(root, store, { ...targets, pinningToken, pinName: targets.pinName ?? root.toString() }, (m) => note(g.json, m));
    const data = { root: root.toString(), source, blocks: local.blocks, bytes: local.bytesRead, ...remote };
    const text = [
      `${root}: published (${local.blocks} blocks, ${local.bytesRead} bytes)`,
      ...(remote.kubo ? [`  Kubo ${remote.kubo.url}: ${remote.kubo.blocksSent} blocks sent, pinned ${remote.kubo.pinned}`] : []),
      ...(remote.pinning ? [`  pin ${remote.pinning.requestid} at ${remote.pinning.endpoint}: ${remote.pinning.status}`] : []),
    ];
    return { data, text };
  } finally {
    await store.close();
  }
}
