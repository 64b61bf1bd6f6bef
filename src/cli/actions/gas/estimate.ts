import type { Address } from "viem";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import type { GasEstimate } from "../../../gas/index.js";
import { contract, count, freshAddress, setup, type GasOptions, type Setup } from "./support.js";
import { estimateReport } from "./report.js";
import { mintkitCollectionAbi } from "../../../contracts/index.js";
import { GasError } from "../../../errors/GasError.js";
import { invalidInput, parseAddress, parseBigIntOption } from "../../parse.js";
import { checkUri } from "../../../metadata/checkUri.js";
import { ProblemCollector } from "../../../metadata/collectProblems.js";

/** `mintkit gas mint|batch|airdrop|editions-mint|transfer`: one estimate, the limit to send with first, priced per fee tier. */
export async function estimate(g: GlobalOptions, opts: GasOptions, operation: string, input?: string): Promise<CommandResult> {
  const s = await setup(g, opts);
  const { lib, ctx, from } = s;
  const client = ctx.publicClient;
  let estimate: GasEstimate;
  const extra: string[] = [];
  switch (operation) {
    case "mint": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const to = opts.to ? await parseAddress(opts.to, "--to") : await freshAddress(lib, "mint");
      if (opts.uri !== undefined) checkTokenUri(opts.uri);
      estimate = await lib.estimateMintGas(client, { collection, to, account: from, ...(opts.uri !== undefined ? { uri: opts.uri } : {}) });
      break;
    }
    case "batch": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const quantity = input === undefined ? await count(opts.count, 100n) : await batchInputCount(input, opts);
      if (input !== undefined) extra.push(`${input}: ${quantity} token(s), as mintkit batch would mint them (see mintkit gas plan to split a large batch)`);
      const to = opts.to ? await parseAddress(opts.to, "--to") : input !== undefined ? from : await freshAddress(lib, "batch");
      estimate = await lib.estimateMintBatchGas(client, { collection, to, quantity, account: from });
      break;
    }
    case "airdrop": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const n = await count(opts.count, 10n);
      const recipients = lib.sampleRecipients(n, `mintkit-cli:airdrop:${Date.now()}`);
      estimate = await lib.estimateAirdropGas(client, { collection, recipients, account: from });
      break;
    }
    case "editions-mint": {
      const editions = await contract(ctx, opts.editions!, "--editions");
      const to = opts.to ? await parseAddress(opts.to, "--to") : await freshAddress(lib, "editions");
      estimate = await lib.estimateEditionsMintGas(client, {
        editions,
        to,
        amount: await count(opts.count, 1n),
        ...(opts.id !== undefined ? { id: parseBigIntOption(opts.id, "--id", { min: 1n }) } : {}),
        account: from,
      });
      break;
    }
    case "transfer":
      estimate = await transferEstimate(s, opts);
      break;
    default:
      throw new Error(`unknown operation ${operation}`);
  }
  return estimateReport(s, estimate, opts, extra);
}

/** The tokens `mintkit batch` would mint from a folder or manifest (every item checked the same way; a bad one is refused). */
async function batchInputCount(input: string, opts: GasOptions): Promise<bigint> {
  if (opts.count !== undefined) {
    throw new GasError("GAS_INVALID_PARAMETER", "Pass either a batch folder (or manifest) or --count, not both.", {
      hint: "The folder's items are the count: mintkit gas batch <folder> --collection <c>.",
      details: { parameter: "--count", value: opts.count, reason: "given with a batch input" },
    });
  }
  const { loadBatchInput } = await import("../../../batch/loadBatchInput.js");
  const { validateBatchItems } = await import("../../../batch/validateBatchItems.js");
  const { source, problems } = await loadBatchInput(input);
  const items = await validateBatchItems(source, { problems });
  return BigInt(items.length);
}

/** A transferFrom of --token-id by its owner. */
async function transferEstimate(s: Setup, opts: GasOptions): Promise<GasEstimate> {
  const { lib, ctx } = s;
  const client = ctx.publicClient;
  const collection = await contract(s.ctx, opts.collection!, "--collection");
  const tokenId = parseBigIntOption(opts.tokenId!, "--token-id", { min: 1n });
  let owner: Address;
  try {
    owner = await client.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [tokenId] });
  } catch (err) {
    throw new GasError("GAS_INVALID_PARAMETER", `Token ${tokenId} does not exist on ${collection}.`, {
      hint: "Pass the id of a minted token.",
      details: { parameter: "--token-id", value: String(tokenId), reason: "no owner" },
      cause: err,
    });
  }
  const to = opts.to ? await parseAddress(opts.to, "--to") : await freshAddress(lib, "transfer");
  return await lib.estimateTransferGas(client, { collection, from: owner, to, tokenId });
}

/** `--uri` of `gas mint`: the same rule as a minted token's URI (ipfs://, ar://, https://, data:application/json). */
function checkTokenUri(uri: string): void {
  const out = new ProblemCollector();
  checkUri(uri, "--uri", out, { expect: "any", placeholders: [], standard: "ERC-721" });
  const error = out.problems.find((p) => p.severity === "error");
  if (error !== undefined) throw invalidInput("--uri", uri, error.message, "Give the token's metadata URI: ipfs://<cid>, ar://<id> or https://….");
}
