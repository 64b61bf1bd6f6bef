import type { Address } from "viem";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import type { GasEstimate } from "../../../gas/index.js";
import { contract, costLines, count, feesData, freshAddress, gwei, REDEEM_CASES, setup, weiOf, type GasOptions, type Setup } from "./support.js";
import { mintkitCollectionAbi } from "../../../contracts/index.js";
import { mintkitFactoryAddress } from "../../../deploy/coreContracts.js";
import { hasCode } from "../../../deploy/deployAndWait.js";
import { CliError } from "../../../errors/CliError.js";
import { GasError } from "../../../errors/GasError.js";
import { createVoucher, signVoucher } from "../../../vouchers/index.js";
import { parseAddress, parseBigIntOption } from "../../parse.js";


/** `mintkit gas mint|batch|airdrop|redeem|editions-mint|deploy|transfer`: one estimate, priced per fee tier. */

export async function estimate(g: GlobalOptions, opts: GasOptions, operation: string, kind?: string): Promise<CommandResult> {
  const needSigner = operation === "redeem";
  const s = await setup(g, opts, needSigner);
  const { lib, ctx, from } = s;
  const client = ctx.publicClient;
  let estimate: GasEstimate;
  switch (operation) {
    case "mint": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const to = opts.to ? await parseAddress(opts.to, "--to") : await freshAddress(lib, "mint");
      estimate = await lib.estimateMintGas(client, { collection, to, account: from, ...(opts.uri !== undefined ? { uri: opts.uri } : {}) });
      break;
    }
    case "batch": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const to = opts.to ? await parseAddress(opts.to, "--to") : await freshAddress(lib, "batch");
      estimate = await lib.estimateMintBatchGas(client, { collection, to, quantity: await count(opts.count, 100n), account: from });
      break;
    }
    case "airdrop": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const n = await count(opts.count, 10n);
      const recipients = lib.sampleRecipients(n, `mintkit-cli:airdrop:${Date.now()}`);
      estimate = await lib.estimateAirdropGas(client, { collection, recipients, account: from });
      break;
    }
    case "redeem":
      estimate = await redeemEstimate(s, opts);
      break;
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
    case "deploy": {
      estimate = await deployEstimate(s, opts, kind ?? "");
      break;
    }
    case "transfer":
      estimate = await transferEstimate(s, opts);
      break;
    default:
      throw new Error(`unknown operation ${operation}`);
  }
  const { fees, cost, lines } = await costLines(s, estimate.gas, opts);
  return {
    data: { ...estimate, chainId: ctx.chainId, cost, fees: feesData(fees) },
    text: [
      `${estimate.operation}${estimate.via ? ` (${estimate.via})` : ""}${estimate.contract ? ` on ${estimate.contract}` : ""}: ${estimate.gas} gas` +
        (estimate.gasLimit !== estimate.gas ? ` (send with a limit of at least ${estimate.gasLimit})` : ""),
      ...(estimate.quantity > 0n ? [`  ${estimate.quantity} token(s)${estimate.value > 0n ? `, value ${estimate.value} wei` : ""}, as ${estimate.account}`] : [`  as ${estimate.account}`]),
      ...(estimate.redeemCase ? [`  voucher case: ${REDEEM_CASES[estimate.redeemCase]}`] : []),
      `Cost (base fee ${gwei(fees.nextBaseFeePerGas)} gwei, tips from ${fees.source === "feeHistory" ? "recent blocks" : "the node"}):`,
      ...lines,
    ],
  };
}

async function deployEstimate(s: Setup, opts: GasOptions, kind: string): Promise<GasEstimate> {
  if (kind !== "collection" && kind !== "editions") {
    throw new CliError("CLI_INVALID_INPUT", `gas deploy takes "collection" or "editions", got "${kind}".`, {
      hint: "Run mintkit gas deploy collection, or mintkit gas deploy editions.",
      details: { field: "<kind>", value: kind, reason: "unknown kind" },
    });
  }
  let factory: Address | undefined;
  if (!opts.direct) {
    factory = mintkitFactoryAddress();
    if (!(await hasCode(s.ctx.publicClient, factory))) {
      throw new CliError("CLI_CONTRACT_NOT_FOUND", `No MintkitFactory at ${factory} on chain ${s.ctx.chainId}.`, {
        hint: "Pass --direct to estimate a direct deploy, or deploy the factory first (mintkit dev does on a local chain).",
        details: { chainId: s.ctx.chainId, contract: "MintkitFactory" },
      });
    }
  }
  const owner = s.from;
  const base = { owner, name: "mintkit estimate", symbol: "MKE", baseURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/", contractURI: "", royaltyReceiver: owner, royaltyBps: 500n, primarySaleRecipient: "0x0000000000000000000000000000000000000000" as Address };
  return kind === "collection"
    ? s.lib.estimateDeployGas(s.ctx.publicClient, { kind, config: { ...base, maxSupply: 10_000n }, account: owner, ...(factory ? { factory } : {}) })
    : s.lib.estimateDeployGas(s.ctx.publicClient, { kind, config: { ...base, baseURI: `${base.baseURI}{id}.json` }, account: owner, ...(factory ? { factory } : {}) });
}


/** A sample voucher signed by the signing account, redeemed by --from (only simulated, never written out). */
async function redeemEstimate(s: Setup, opts: GasOptions): Promise<GasEstimate> {
  const { lib, ctx, from } = s;
  const client = ctx.publicClient;
  const collection = await contract(s.ctx, opts.collection!, "--collection");
  const signer = s.signer!;
  const voucher = createVoucher({
    quantity: await count(opts.count, 1n),
    price: await weiOf(opts.price ?? "0", "--price"),
    ...(opts.uri !== undefined ? { uri: opts.uri } : {}),
    uid: BigInt(Date.now()) * 1_000_000n + BigInt(Math.floor(Math.random() * 1_000_000)),
  }, { allowFreeBearer: true }); // only simulated, never written out
  const signature = await signVoucher(signer.walletClient, { voucher, contract: collection, chainId: ctx.chainId, account: signer.account });
  return await lib.estimateRedeemGas(client, { contract: collection, voucher, signer: signer.account.address, signature, account: from });
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
