import type { Command } from "commander";
import type { Address } from "viem";
import type { ChainContext } from "../context.js";
import { globalOptions, type GlobalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { formatEth, type CommandResult } from "../output.js";
import { runAction } from "../run.js";
import type { EthPrice, FeeTiers, GasEstimate, RedeemGasCase } from "../../gas/index.js";

/** `gas redeem`: what each voucher storage case means for its gas. */
const REDEEM_CASES: Record<RedeemGasCase, string> = {
  "explicit-id": "explicit ERC-721 token id (the uid is only read, not written)",
  "uid-used-word": "uid in a bitmap word already used (the word is rewritten)",
  "uid-new-word": "uid opens a new bitmap word (~17k gas more than a used word; consecutive uids share words)",
};

/** Options of the `mintkit gas` subcommands (each takes the ones it lists). */
export interface GasOptions {
  collection?: string;
  editions?: string;
  count?: string;
  to?: string;
  from?: string;
  uri?: string;
  price?: string;
  id?: string;
  tokenId?: string;
  maxGas?: string;
  holders?: string;
  direct?: boolean;
  ethPrice?: string;
  currency: string;
}

/** Registers `mintkit gas <operation>`: estimates by simulation on the target chain, with costs per fee tier. */
export function register(program: Command): void {
  const gas = program
    .command("gas")
    .description("Estimate gas and cost by simulation on the target chain (nothing is sent)")
    .addHelpText(
      "after",
      [
        "",
        "Every figure is simulated on the chain (eth_estimateGas, debug_traceCall when offered), never assumed;",
        "costs use fee tiers from eth_feeHistory, and a fiat amount when you give --eth-price.",
        "Simulations run as --from <address>, else as the signing account (dev account 0 on a local chain).",
      ].join("\n"),
    );
  withExamples(gas, [
    "mintkit gas mint --collection 0x… --eth-price 3200",
    "mintkit gas batch --collection 0x… --count 100 --json",
    "mintkit gas plan --collection 0x… --count 10000 --max-gas 3000000",
    "mintkit gas compare --collection 0x… --editions 0x… --count 100 --holders many",
    "mintkit gas fees",
  ]);

  const priced = (cmd: Command) =>
    cmd
      .option("--eth-price <price>", "price of 1 ETH in your currency, for a fiat cost (never fetched)")
      .option("--currency <code>", "currency of --eth-price", "USD")
      .option("--from <address>", "simulate as this address (default: the signing account)");

  const op = (name: string, description: string, examples: string[]) => {
    const cmd = priced(gas.command(name).description(description));
    withExamples(cmd, examples);
    return cmd;
  };

  op("mint", "One token: mint(to), or mintWithURI(to, uri) with --uri", ["mintkit gas mint --collection 0x… --eth-price 3200"])
    .requiredOption("--collection <address|name>", "a MintkitCollection (address or name in deployments/<chainId>.json)")
    .option("--to <address>", "recipient (default: a fresh address, the costliest case)")
    .option("--uri <uri>", "the token's own metadata URI (mintWithURI)")
    .action(runAction((opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "mint")));

  op("batch", "One mintBatch(to, count, nextTokenId) transaction (see `gas plan` for more than one transaction)", [
    "mintkit gas batch --collection 0x… --count 500",
  ])
    .alias("mintBatch")
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .option("--count <n>", "tokens in the batch", "100")
    .option("--to <address>", "recipient (default: a fresh address)")
    .action(runAction((opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "batch")));

  op("airdrop", "One airdrop(recipients, nextTokenId) transaction to --count fresh holders", ["mintkit gas airdrop --collection 0x… --count 50"])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .option("--count <n>", "recipients (fresh addresses, one token each)", "10")
    .action(runAction((opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "airdrop")));

  op("redeem", "A buyer redeeming a lazy-mint voucher (a sample voucher signed by the signing account)", [
    "mintkit gas redeem --collection 0x… --price 0.01eth --count 1",
  ])
    .requiredOption("--collection <address|name>", "a MintkitCollection or MintkitEditions")
    .option("--count <n>", "tokens in the voucher", "1")
    .option("--price <price>", "price per token, wei or e.g. 0.01eth (paid by the buyer: --from must hold it)", "0")
    .option("--uri <uri>", "the voucher's own token URI")
    .action(runAction((opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "redeem")));

  op("editions-mint", "ERC-1155 mint: a new id (default: the next id), or an existing one with --id", [
    "mintkit gas editions-mint --editions 0x… --count 100",
    "mintkit gas editions-mint --editions 0x… --id 1",
  ])
    .requiredOption("--editions <address|name>", "a MintkitEditions")
    .option("--id <id>", "token id (new or existing)")
    .option("--count <n>", "copies", "1")
    .option("--to <address>", "recipient (default: a fresh address)")
    .action(runAction((opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "editions-mint")));

  op("deploy", "Deploying a collection or editions contract: through the factory of deployments/<chainId>.json, or --direct", [
    "mintkit gas deploy collection",
    "mintkit gas deploy editions --direct --json",
  ])
    .argument("<kind>", "collection | editions")
    .option("--direct", "deploy the full contract (constructor) instead of a factory clone")
    .action(runAction((kind: string, opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "deploy", kind)));

  op("transfer", "An ERC-721 transferFrom of --token-id by its owner", ["mintkit gas transfer --collection 0x… --token-id 7"])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .requiredOption("--token-id <id>", "the token to move")
    .option("--to <address>", "new owner (default: a fresh address)")
    .action(runAction((opts: GasOptions, cmd: Command) => estimateCommand(cmd, opts, "transfer")));

  op("plan", "Split a large mint into mintBatch transactions under the block limit, EIP-7825 and --max-gas", [
    "mintkit gas plan --collection 0x… --count 10000",
    "mintkit gas plan --collection 0x… --count 10000 --max-gas 3000000 --json",
  ])
    .requiredOption("--collection <address|name>", "a MintkitCollection")
    .requiredOption("--count <n>", "tokens to mint in all")
    .option("--to <address>", "recipient (default: the account)")
    .option("--max-gas <gas>", "your own cap on one transaction's gas")
    .action(runAction((opts: GasOptions, cmd: Command) => planCommand(cmd, opts)));

  op("compare", "Single vs batch vs lazy (buyers pay) vs ERC-1155 for the same job, by simulation", [
    "mintkit gas compare --collection 0x… --count 100",
    "mintkit gas compare --collection 0x… --editions 0x… --count 20 --holders many --eth-price 3200",
  ])
    .requiredOption("--collection <address|name>", "a MintkitCollection (single, batch, lazy)")
    .option("--editions <address|name>", "a MintkitEditions (the ERC-1155 strategy; omitted: reported unavailable)")
    .requiredOption("--count <n>", "tokens")
    .option("--holders <one|many>", "one holder gets all, or one token each to fresh holders", "one")
    .option("--max-gas <gas>", "your own cap on one transaction's gas")
    .action(runAction((opts: GasOptions, cmd: Command) => compareCommand(cmd, opts)));

  const fees = gas
    .command("fees")
    .description("Fee tiers (slow/standard/fast) from eth_feeHistory, and what 21,000 gas costs at each")
    .option("--eth-price <price>", "price of 1 ETH in your currency (never fetched)")
    .option("--currency <code>", "currency of --eth-price", "USD");
  withExamples(fees, ["mintkit gas fees --eth-price 3200 --json"]);
  fees.action(runAction((opts: GasOptions, cmd: Command) => feesCommand(cmd, opts)));
}

interface Setup {
  readonly g: GlobalOptions;
  readonly ctx: ChainContext;
  readonly from: Address;
  readonly lib: typeof import("../../gas/index.js");
}

/** The chain context and the address simulations run as (--from, else the signing account). */
async function setup(cmd: Command, opts: GasOptions, needSigner = false): Promise<Setup & { signer?: import("../context.js").SignerContext }> {
  const g = globalOptions(cmd);
  const [{ resolveContext }, { parseAddress }, lib] = await Promise.all([
    import("../context.js"),
    import("../parse.js"),
    import("../../gas/index.js"),
  ]);
  if (opts.from !== undefined && !needSigner) {
    const from = await parseAddress(opts.from, "--from");
    return { g, ctx: await resolveContext(g), from, lib };
  }
  const signer = await resolveContext(g, { signer: true });
  const from = opts.from !== undefined ? await parseAddress(opts.from, "--from") : signer.account.address;
  return { g, ctx: signer, from, lib, signer };
}

async function contract(ctx: ChainContext, value: string, field: string): Promise<Address> {
  const { resolveCollectionAddress } = await import("../resolveCollection.js");
  return resolveCollectionAddress(ctx, value, field);
}

function count(value: string | undefined, fallback: bigint, field = "--count"): Promise<bigint> {
  return import("../parse.js").then(({ parseBigIntOption }) =>
    value === undefined ? fallback : parseBigIntOption(value, field, { min: 1n, max: 1_000_000n }),
  );
}

async function priceOf(opts: GasOptions): Promise<EthPrice | undefined> {
  if (opts.ethPrice === undefined) return undefined;
  const { CliError } = await import("../../errors/CliError.js");
  if (!/^\d+(\.\d+)?$/.test(opts.ethPrice.trim()) || opts.currency.trim() === "") {
    throw new CliError("CLI_INVALID_INPUT", `--eth-price must be a decimal price of 1 ETH, got "${opts.ethPrice}".`, {
      hint: "Pass e.g. --eth-price 3200 --currency USD.",
      details: { field: "--eth-price", value: opts.ethPrice, reason: "not a decimal price" },
    });
  }
  return { ethPrice: opts.ethPrice.trim(), currency: opts.currency.trim() };
}

async function weiOf(value: string, field: string): Promise<bigint> {
  const [{ parseEther }, { CliError }] = await Promise.all([import("viem"), import("../../errors/CliError.js")]);
  const m = /^\s*(\d+(?:\.\d+)?)\s*eth\s*$/i.exec(value);
  if (m) return parseEther(m[1]!);
  if (/^\s*\d+\s*$/.test(value)) return BigInt(value.trim());
  throw new CliError("CLI_INVALID_INPUT", `${field} must be wei or an ETH amount like 0.01eth, got "${value}".`, {
    hint: `Pass ${field} as an integer (wei) or with an eth suffix.`,
    details: { field, value, reason: "not wei or an ETH amount" },
  });
}

/** A fresh address per run of the CLI: the costliest recipient (no balance yet). */
async function freshAddress(lib: Setup["lib"], label: string): Promise<Address> {
  return lib.sampleRecipients(1, `mintkit-cli:${label}:${Date.now()}:${Math.random()}`)[0]!;
}

async function costLines(s: Setup, gas: bigint, opts: GasOptions) {
  const fees = await s.lib.getFeeTiers(s.ctx.publicClient);
  const price = await priceOf(opts);
  const cost = s.lib.gasToCost(gas, fees, price);
  return { fees, cost, lines: tierLines(cost) };
}

function tierLines(cost: import("../../gas/index.js").GasCost): string[] {
  return (["slow", "standard", "fast"] as const).map((t) => {
    const c = cost.tiers[t];
    const fiat = c.fiat ? `  ≈ ${c.fiat.display} ${c.fiat.currency}` : "";
    return `  ${t.padEnd(9)} ${formatEth(c.wei, 8).padEnd(16)} at ${gwei(c.gasPrice)} gwei${fiat}  (at most ${formatEth(c.maxWei, 8)})`;
  });
}

function gwei(wei: bigint): string {
  const whole = wei / 1_000_000_000n;
  const frac = (wei % 1_000_000_000n).toString().padStart(9, "0").slice(0, 3).replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

function feesData(fees: FeeTiers) {
  return { nextBaseFeePerGas: fees.nextBaseFeePerGas, tiers: fees.tiers, source: fees.source, newestBlock: fees.newestBlock };
}

async function estimateCommand(cmd: Command, opts: GasOptions, operation: string, kind?: string): Promise<CommandResult> {
  const needSigner = operation === "redeem";
  const s = await setup(cmd, opts, needSigner);
  const { lib, ctx, from } = s;
  const client = ctx.publicClient;
  let estimate: GasEstimate;
  switch (operation) {
    case "mint": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const to = opts.to ? await (await import("../parse.js")).parseAddress(opts.to, "--to") : await freshAddress(lib, "mint");
      estimate = await lib.estimateMintGas(client, { collection, to, account: from, ...(opts.uri !== undefined ? { uri: opts.uri } : {}) });
      break;
    }
    case "batch": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const to = opts.to ? await (await import("../parse.js")).parseAddress(opts.to, "--to") : await freshAddress(lib, "batch");
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
    case "redeem": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const signer = s.signer!;
      const { createVoucher, signVoucher } = await import("../../vouchers/index.js");
      const voucher = createVoucher({
        quantity: await count(opts.count, 1n),
        price: await weiOf(opts.price ?? "0", "--price"),
        ...(opts.uri !== undefined ? { uri: opts.uri } : {}),
        uid: BigInt(Date.now()) * 1_000_000n + BigInt(Math.floor(Math.random() * 1_000_000)),
      }, { allowFreeBearer: true }); // only simulated, never written out
      const signature = await signVoucher(signer.walletClient, { voucher, contract: collection, chainId: ctx.chainId, account: signer.account });
      estimate = await lib.estimateRedeemGas(client, { contract: collection, voucher, signer: signer.account.address, signature, account: from });
      break;
    }
    case "editions-mint": {
      const editions = await contract(ctx, opts.editions!, "--editions");
      const { parseAddress, parseBigIntOption } = await import("../parse.js");
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
    case "transfer": {
      const collection = await contract(ctx, opts.collection!, "--collection");
      const { parseAddress, parseBigIntOption } = await import("../parse.js");
      const tokenId = parseBigIntOption(opts.tokenId!, "--token-id", { min: 1n });
      const { mintkitCollectionAbi } = await import("../../contracts/index.js");
      let owner: Address;
      try {
        owner = await client.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [tokenId] });
      } catch (err) {
        const { GasError } = await import("../../errors/GasError.js");
        throw new GasError("GAS_INVALID_PARAMETER", `Token ${tokenId} does not exist on ${collection}.`, {
          hint: "Pass the id of a minted token.",
          details: { parameter: "--token-id", value: String(tokenId), reason: "no owner" },
          cause: err,
        });
      }
      const to = opts.to ? await parseAddress(opts.to, "--to") : await freshAddress(lib, "transfer");
      estimate = await lib.estimateTransferGas(client, { collection, from: owner, to, tokenId });
      break;
    }
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
  const { CliError } = await import("../../errors/CliError.js");
  if (kind !== "collection" && kind !== "editions") {
    throw new CliError("CLI_INVALID_INPUT", `gas deploy takes "collection" or "editions", got "${kind}".`, {
      hint: "Run mintkit gas deploy collection, or mintkit gas deploy editions.",
      details: { field: "<kind>", value: kind, reason: "unknown kind" },
    });
  }
  let factory: Address | undefined;
  if (!opts.direct) {
    const { mintkitFactoryAddress } = await import("../../deploy/coreContracts.js");
    const { hasCode } = await import("../../deploy/deployAndWait.js");
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

async function planCommand(cmd: Command, opts: GasOptions): Promise<CommandResult> {
  const s = await setup(cmd, opts);
  const { parseAddress, parseBigIntOption } = await import("../parse.js");
  const collection = await contract(s.ctx, opts.collection!, "--collection");
  const to = opts.to ? await parseAddress(opts.to, "--to") : s.from;
  const n = await count(opts.count, 1n);
  const plan = await s.lib.planBatchMint(s.ctx.publicClient, {
    collection,
    to,
    count: n,
    account: s.from,
    ...(opts.maxGas !== undefined ? { maxGasPerTransaction: parseBigIntOption(opts.maxGas, "--max-gas", { min: 21_000n }) } : {}),
  });
  const { fees, cost, lines } = await costLines(s, plan.totalEstimatedGas, opts);
  return {
    data: { ...plan, chainId: s.ctx.chainId, cost, fees: feesData(fees) },
    text: [
      `Plan: ${plan.count} tokens to ${plan.to} on ${plan.collection} in ${plan.chunks.length} mintBatch transaction(s)`,
      `  per-transaction limit ${plan.perTransactionLimit} (block ${plan.blockGasLimit}, EIP-7825 ${plan.transactionGasCap}${plan.userGasCap !== undefined ? `, yours ${plan.userGasCap}` : ""}), filled to ${plan.targetGas}`,
      `  measured: ~${plan.model.gasPerToken} gas per extra token, ${plan.model.fixedGas} fixed`,
      ...plan.chunks.map((c) => `  #${c.index + 1}  ${String(c.quantity).padStart(6)} tokens  ids ${c.firstTokenId}-${c.lastTokenId}  ~${c.estimatedGas} gas`),
      `Total ~${plan.totalEstimatedGas} gas:`,
      ...lines,
    ],
  };
}

async function compareCommand(cmd: Command, opts: GasOptions): Promise<CommandResult> {
  const s = await setup(cmd, opts, true);
  const { parseBigIntOption } = await import("../parse.js");
  const { CliError } = await import("../../errors/CliError.js");
  const collection = await contract(s.ctx, opts.collection!, "--collection");
  const editions = opts.editions !== undefined ? await contract(s.ctx, opts.editions, "--editions") : undefined;
  const n = await count(opts.count, 1n);
  const holders = (opts.holders ?? "one").trim();
  if (holders !== "one" && holders !== "many") {
    throw new CliError("CLI_INVALID_INPUT", `--holders must be "one" or "many", got "${opts.holders}".`, {
      hint: "one: a single holder gets every token; many: one token each to fresh holders.",
      details: { field: "--holders", value: opts.holders, reason: "neither one nor many" },
    });
  }
  if (holders === "many" && n > 20_000n) {
    throw new CliError("CLI_INVALID_INPUT", "--holders many takes at most 20000 tokens.", {
      hint: "Compare a smaller job; costs scale per holder.",
      details: { field: "--count", value: String(n), reason: "too many holders" },
    });
  }
  const recipients =
    holders === "one" ? [await freshAddress(s.lib, "compare")] : s.lib.sampleRecipients(n, `mintkit-cli:compare:${Date.now()}`);
  const fees = await s.lib.getFeeTiers(s.ctx.publicClient);
  const price = await priceOf(opts);
  const report = await s.lib.compareMintStrategies(s.ctx.publicClient, {
    count: n,
    recipients,
    account: s.from,
    collection,
    ...(editions ? { editions } : {}),
    voucherSigner: s.signer!.walletClient,
    fees,
    ...(price ? { price } : {}),
    ...(opts.maxGas !== undefined ? { maxGasPerTransaction: parseBigIntOption(opts.maxGas, "--max-gas", { min: 21_000n }) } : {}),
  });
  const text = [`${n} token(s) to ${holders === "one" ? "one holder" : `${n} holders`}, by simulation (standard tier):`];
  for (const r of report.strategies) {
    if (!r.available) {
      text.push(`  ${r.strategy.padEnd(8)} unavailable: ${r.unavailableReason}`);
      continue;
    }
    const c = r.cost?.tiers.standard;
    const fiat = c?.fiat ? ` ≈ ${c.fiat.display} ${c.fiat.currency}` : "";
    text.push(
      `  ${r.strategy.padEnd(8)} ${String(r.totalGas).padStart(12)} gas in ${r.transactions} tx (${r.gasPerToken}/token)${c ? `, ${formatEth(c.wei, 8)}${fiat}` : ""}, paid by ${r.paidBy}${r.strategy === report.cheapest ? "  ← cheapest" : ""}`,
    );
    for (const note of r.notes) text.push(`           ${note}`);
  }
  return { data: { ...report, chainId: s.ctx.chainId, fees: feesData(fees) }, text };
}

async function feesCommand(cmd: Command, opts: GasOptions): Promise<CommandResult> {
  const g = globalOptions(cmd);
  const [{ resolveContext }, lib] = await Promise.all([import("../context.js"), import("../../gas/index.js")]);
  const ctx = await resolveContext(g);
  const fees = await lib.getFeeTiers(ctx.publicClient);
  const price = await priceOf(opts);
  const cost = lib.gasToCost(21_000n, fees, price);
  return {
    data: { ...feesData(fees), percentiles: fees.percentiles, chainId: ctx.chainId, transferCost: cost },
    text: [
      `Next base fee ${gwei(fees.nextBaseFeePerGas)} gwei (block ${fees.newestBlock + 1n}); tips from ${fees.source === "feeHistory" ? `the last ${fees.blockCount} blocks` : "the node (recent blocks were empty)"}`,
      ...(["slow", "standard", "fast"] as const).map(
        (t) => `  ${t.padEnd(9)} tip ${gwei(fees.tiers[t].maxPriorityFeePerGas)} gwei, max fee ${gwei(fees.tiers[t].maxFeePerGas)} gwei`,
      ),
      "A 21,000-gas ETH transfer costs:",
      ...tierLines(cost),
    ],
  };
}
