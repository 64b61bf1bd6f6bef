/**
 * `mintkit voucher sign|verify|redeem|cancel`: lazy-mint vouchers as files. The creator signs a voucher
 * into a versioned JSON file (`voucher sign --out voucher.json`), anyone checks it against the chain
 * (`voucher verify voucher.json`, exit 0 only when the contract would accept it), a buyer redeems it
 * (`voucher redeem voucher.json`), paying the price and the gas, and a minter or admin cancels vouchers
 * that must never be redeemed (`voucher cancel voucher.json`, or `--uid N…`). viem and the library load
 * inside the actions.
 */
import type { Command } from "commander";
import type { Address } from "viem";
import { CliError } from "../../errors/CliError.js";
import type { SignerContext } from "../context.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { formatEth } from "../output.js";
import { invalidInput } from "../parse.js";
import { runAction } from "../run.js";

interface SignOptions {
  collection: string;
  to?: string;
  tokenId?: string;
  quantity?: string;
  uri?: string;
  price?: string;
  currency?: string;
  payee?: string;
  royaltyReceiver?: string;
  royaltyBps?: string;
  maxSupply?: string;
  validFrom?: string;
  validUntil?: string;
  uid?: string;
  wallet?: string;
  out?: string;
  force?: boolean;
  allowFreeBearer?: boolean;
}

interface CancelOptions {
  collection?: string;
  uid?: string[];
}

interface VerifyOptions {
  collection?: string;
}

interface RedeemOptions {
  collection?: string;
  value?: string;
  approve?: boolean;
}

const UINT64_MAX = (1n << 64n) - 1n;
const UINT256_MAX = (1n << 256n) - 1n;

/** Registers `mintkit voucher sign|verify|redeem|cancel`. */
export function register(program: Command): void {
  const voucher = program
    .command("voucher")
    .description("Sign, verify, redeem and cancel lazy-mint vouchers (EIP-712; the buyer pays the mint)");
  withExamples(voucher, [
    "mintkit voucher sign --collection 0x… --price 0.01 --valid-until +7d --out voucher.json",
    "mintkit voucher verify voucher.json",
    "mintkit --dev-account 1 voucher redeem voucher.json",
    "mintkit voucher cancel voucher.json",
  ]);

  const sign = voucher
    .command("sign")
    .description("Sign a voucher with the signing account (a minter of the contract) and write it to a file")
    .requiredOption("--collection <address|name>", "the collection (ERC-721) or editions (ERC-1155) contract, or its name in deployments/<chainId>.json")
    .option("--to <address>", "who receives the tokens (default: whoever redeems)")
    .option("--token-id <id>", "token id to mint; 0 = the contract's next id", "0")
    .option("--quantity <n>", "tokens (ERC-721) or copies (ERC-1155) to mint", "1")
    .option("--uri <uri>", "the token's own URI (default: the base-URI convention)")
    .option("--price <amount>", "price per token, in ETH (or in --currency units, with its decimals)", "0")
    .option("--currency <address>", "ERC-20 the price is paid in (default: ETH)")
    .option("--payee <address>", "who is paid (default: the contract's primary-sale recipient)")
    .option("--royalty-receiver <address>", "per-token royalty receiver (default: the contract's royalty)")
    .option("--royalty-bps <bps>", "per-token royalty in basis points, 0-1000", "0")
    .option("--max-supply <n>", "ERC-1155: the cap of an id the voucher creates (0 = uncapped)", "0")
    .option("--valid-from <time>", "opens at: ISO date, unix seconds or +<n>[s|m|h|d] from now (default: now)")
    .option("--valid-until <time>", "closes at: ISO date, unix seconds or +<n>[s|m|h|d]; 0 = never (default: +30d)")
    .option(
      "--uid <n>",
      "the voucher's unique id (default: the next unused one, counted per contract in --data-dir from a random start; sign one at a time per data folder)",
    )
    .option("--wallet <address>", "sign for this ERC-1271 contract wallet (the signing key must be one it accepts)")
    .option("--out <file>", "write the signed voucher here (default: print it on stdout)")
    .option("--force", "overwrite --out if it exists")
    .option(
      "--allow-free-bearer",
      "allow a free voucher (price 0) without --to: anyone holding it mints for nothing (a warning is printed)",
    );
  withExamples(sign, [
    "mintkit voucher sign --collection 0x… --to 0x… --out voucher.json",
    "mintkit voucher sign --collection 0x… --allow-free-bearer --valid-until +1d --out giveaway.json",
    "mintkit voucher sign --collection 0x… --to 0x… --price 0.05 --valid-until 2026-12-31T23:59:59Z --out v.json",
    "mintkit voucher sign --collection 0x… --quantity 3 --price 10 --currency 0x…(USDC) --out v.json --json",
  ]);
  sign.action(
    runAction(async (opts: SignOptions, cmd: Command) => {
      const g = globalOptions(cmd);
      const { resolveContext } = await import("../context.js");
      const ctx = await resolveContext(g, { signer: true });
      return signAction(ctx, opts);
    }),
  );

  const verify = voucher
    .command("verify")
    .description("Check a signed voucher against the chain; exit 0 only when the contract would accept it")
    .argument("<file>", "signed voucher file (from `voucher sign`)")
    .option("--collection <address>", "check it for this contract instead of the one in the file");
  withExamples(verify, ["mintkit voucher verify voucher.json", "mintkit voucher verify voucher.json --rpc-url https://… --json"]);
  verify.action(
    runAction(async (file: string, opts: VerifyOptions, cmd: Command) => {
      const g = globalOptions(cmd);
      const signed = await readSignedVoucher(file);
      const { resolveContext } = await import("../context.js");
      const { parseAddress } = await import("../parse.js");
      const { verifyVoucher } = await import("../../vouchers/index.js");
      const ctx = await resolveContext(g);
      const contract = opts.collection === undefined ? signed.contract : await parseAddress(opts.collection, "--collection");
      const result = await verifyVoucher(ctx.publicClient, {
        ...signed,
        contract,
        signedFor: { chainId: signed.chainId, contract: signed.contract },
      });
      if (!result.valid) process.exitCode = 1;
      const problems = result.problems.map((p) => ({ code: p.code, message: p.message, hint: p.hint }));
      return {
        data: {
          valid: result.valid,
          file,
          chainId: result.chainId,
          contract,
          kind: result.kind,
          signer: signed.signer,
          uid: signed.voucher.uid,
          blockNumber: result.blockNumber,
          problems,
          voucher: signed.voucher,
        },
        text: result.valid
          ? [
              `Valid: voucher uid ${signed.voucher.uid} for ${contract} on chain ${result.chainId}, signed by ${signed.signer}.`,
              ...describeVoucher(signed.voucher),
            ]
          : [
              `Invalid: voucher uid ${signed.voucher.uid} would be refused (${problems.length} problem${problems.length === 1 ? "" : "s"}):`,
              ...problems.flatMap((p) => [`  - ${p.message}`, `    ${p.hint}`, `    (${p.code})`]),
            ],
      };
    }),
  );

  const redeem = voucher
    .command("redeem")
    .description("Redeem a signed voucher from the signing account: mints the tokens, pays the price and the gas")
    .argument("<file>", "signed voucher file (from `voucher sign`)")
    .option("--value <eth>", "ETH to send (default: the voucher's price × quantity, or 0 for an ERC-20 price)")
    .option("--approve", "for an ERC-20 price: approve the contract for the total first, if needed")
    .option("--collection <address>", "redeem at this contract instead of the one in the file");
  withExamples(redeem, [
    "mintkit --dev-account 1 voucher redeem voucher.json",
    "mintkit voucher redeem voucher.json --approve --json",
  ]);
  redeem.action(
    runAction(async (file: string, opts: RedeemOptions, cmd: Command) => {
      const g = globalOptions(cmd);
      const signed = await readSignedVoucher(file);
      const { resolveContext } = await import("../context.js");
      const ctx = await resolveContext(g, { signer: true });
      return redeemAction(ctx, signed, opts, g.json);
    }),
  );

  const cancel = voucher
    .command("cancel")
    .description("Cancel vouchers on their contract so they can never be redeemed (a minter or admin signs; exit 5 if not)")
    .argument("[file]", "signed voucher file (from `voucher sign`): cancels its uid at its contract")
    .option("--uid <n...>", "cancel these uids instead (with --collection)")
    .option("--collection <address|name>", "the contract (default: the one in the file)");
  withExamples(cancel, [
    "mintkit voucher cancel voucher.json",
    "mintkit voucher cancel --collection 0x… --uid 41 42 43",
  ]);
  cancel.action(
    runAction(async (file: string | undefined, opts: CancelOptions, cmd: Command) => {
      const g = globalOptions(cmd);
      const { resolveContext } = await import("../context.js");
      if ((file === undefined) === (opts.uid === undefined)) {
        throw invalidInput("voucher cancel", file ?? "", "give a signed voucher file or --uid N…, not both and not neither");
      }
      const signed = file === undefined ? undefined : await readSignedVoucher(file);
      const ctx = await resolveContext(g, { signer: true });
      return cancelAction(ctx, signed, opts, g.json);
    }),
  );
}

async function cancelAction(
  ctx: SignerContext,
  signed: Awaited<ReturnType<typeof readSignedVoucher>> | undefined,
  opts: CancelOptions,
  json: boolean,
) {
  const { parseBigIntOption } = await import("../parse.js");
  const { resolveCollectionAddress } = await import("../resolveCollection.js");
  const { mintkitCollectionAbi } = await import("../../contracts/index.js");
  const { writeAndWait } = await import("../../chain/writeAndWait.js");
  const { txReverted } = await import("../txReverted.js");
  const { note } = await import("../output.js");
  if (signed !== undefined && signed.chainId !== ctx.chainId) {
    const v = await import("../../vouchers/index.js");
    const { VoucherError } = await import("../../errors/VoucherError.js");
    const p = v.voucherProblem("VOUCHER_WRONG_CHAIN", { signedFor: signed.chainId, chainId: ctx.chainId });
    throw new VoucherError(p.code, p.message, { hint: p.hint, details: p.details });
  }
  let contract: Address;
  if (opts.collection !== undefined) contract = await resolveCollectionAddress(ctx, opts.collection, "--collection");
  else if (signed !== undefined) contract = signed.contract;
  else throw invalidInput("--collection", "", "is required with --uid (the contract the vouchers were signed for)");
  const uids =
    signed !== undefined ? [signed.voucher.uid] : (opts.uid ?? []).map((u) => parseBigIntOption(u, "--uid", { max: UINT256_MAX }));
  note(json, `Cancelling voucher uid${uids.length === 1 ? "" : "s"} ${uids.join(", ")} at ${contract}…`);
  const sent = await writeAndWait(ctx, {
    address: contract,
    abi: mintkitCollectionAbi,
    functionName: "cancelVouchers",
    args: [uids],
    account: ctx.account,
    action: "voucher cancel",
    onRevert: txReverted,
  });
  return {
    data: { transactionHash: sent.transactionHash, contract, uids, gasUsed: sent.gasUsed, fee: sent.fee },
    text: [
      `Cancelled voucher uid${uids.length === 1 ? "" : "s"} ${uids.join(", ")} at ${contract}: they can no longer be redeemed.`,
      `transaction: ${sent.transactionHash}`,
      `gas used:    ${sent.gasUsed} (fee ${formatEth(sent.fee)})`,
    ],
  };
}

/** Reads and parses a signed-voucher file (`CLI_FILE_NOT_FOUND`, or `VOUCHER_INVALID_FILE` with every problem). */
async function readSignedVoucher(file: string) {
  const { readFileOrFail } = await import("../files.js");
  const { parseSignedVoucher } = await import("../../vouchers/index.js");
  const bytes = await readFileOrFail(file);
  return parseSignedVoucher(new TextDecoder().decode(bytes));
}

async function signAction(ctx: SignerContext, opts: SignOptions) {
  const viem = await import("viem");
  const { parseAddress, parseBigIntOption, parseBps } = await import("../parse.js");
  const v = await import("../../vouchers/index.js");
  const { resolveCollectionAddress } = await import("../resolveCollection.js");
  const contract = await resolveCollectionAddress(ctx, opts.collection, "--collection");
  const optionalAddress = async (value: string | undefined, field: string): Promise<Address> =>
    value === undefined ? viem.zeroAddress : parseAddress(value, field);
  const currency = await optionalAddress(opts.currency, "--currency");
  const now = (await ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  const decimals = currency === viem.zeroAddress ? 18 : await tokenDecimals(ctx, currency);
  const price = parseAmount(opts.price ?? "0", "--price", decimals);
  const fields = {
    to: await optionalAddress(opts.to, "--to"),
    tokenId: parseBigIntOption(opts.tokenId ?? "0", "--token-id", { max: UINT256_MAX }),
    quantity: parseBigIntOption(opts.quantity ?? "1", "--quantity", { min: 1n, max: UINT256_MAX }),
    uri: opts.uri ?? "",
    price,
    currency,
    payee: await optionalAddress(opts.payee, "--payee"),
    royaltyReceiver: await optionalAddress(opts.royaltyReceiver, "--royalty-receiver"),
    royaltyBps: parseBps(opts.royaltyBps ?? "0"),
    maxSupply: parseBigIntOption(opts.maxSupply ?? "0", "--max-supply", { max: UINT256_MAX }),
    validFrom: opts.validFrom === undefined ? 0n : parseTime(opts.validFrom, "--valid-from", now),
    // Default (createVoucher's): 30 days from the chain's time.
    ...(opts.validUntil === undefined ? {} : { validUntil: parseTime(opts.validUntil, "--valid-until", now) }),
  };
  if (opts.out !== undefined && !opts.force) await refuseExisting(opts.out);
  const autoUid = opts.uid === undefined;
  const uid = autoUid ? await nextUid(ctx, contract) : parseBigIntOption(opts.uid ?? "", "--uid", { max: UINT256_MAX });
  const voucher = v.createVoucher({ ...fields, uid }, { now, allowFreeBearer: opts.allowFreeBearer === true });
  if (v.isFreeBearerVoucher(voucher)) {
    const { note } = await import("../output.js");
    note(
      false,
      "Warning: this voucher is free and names no recipient: anyone who gets hold of it mints for nothing until it " +
        `expires${voucher.validUntil === 0n ? " (never)" : ` (${new Date(Number(voucher.validUntil) * 1000).toISOString()})`} ` +
        "or is cancelled (mintkit voucher cancel).",
      true,
    );
  }
  const signer = opts.wallet === undefined ? ctx.account.address : await parseAddress(opts.wallet, "--wallet");

  const signature = await v.signVoucher(ctx.walletClient, { voucher, contract, chainId: ctx.chainId });
  // A voucher the contract would refuse is not written (a future window is fine: it opens later).
  const check = await v.verifyVoucher(ctx.publicClient, { voucher, signature, signer, contract });
  const blocking = check.problems.filter((p) => p.code !== "VOUCHER_NOT_YET_VALID");
  const first = blocking[0];
  if (first !== undefined) {
    const { VoucherError } = await import("../../errors/VoucherError.js");
    const also = blocking.slice(1).map((p) => p.code);
    throw new VoucherError(
      first.code,
      `The voucher would be refused, so it was not written: ${first.message}${also.length > 0 ? ` (also: ${also.join(", ")})` : ""}`,
      { hint: first.hint, details: first.details as never },
    );
  }

  const file = v.serializeSignedVoucher({ voucher, signature, signer, contract, chainId: ctx.chainId });
  const digest = v.hashVoucher({ voucher, contract, chainId: ctx.chainId });
  if (opts.out === undefined) {
    if (autoUid) await saveNextUid(ctx, contract, uid + 1n);
    return { data: JSON.parse(file) as unknown, text: file.trimEnd() };
  }
  await writeAtomically(opts.out, file, opts.force === true);
  if (autoUid) await saveNextUid(ctx, contract, uid + 1n);
  const window = check.problems.some((p) => p.code === "VOUCHER_NOT_YET_VALID")
    ? `opens ${new Date(Number(fields.validFrom) * 1000).toISOString()}`
    : "redeemable now";
  return {
    data: { file: opts.out, chainId: ctx.chainId, contract, kind: check.kind, signer, uid, digest, signature, voucher },
    text: [
      `Signed voucher uid ${uid} for ${contract} (chain ${ctx.chainId}), signer ${signer}: ${window}.`,
      ...describeVoucher(voucher),
      `Written to ${opts.out}. Redeem it with: mintkit voucher redeem ${opts.out}`,
    ],
  };
}

async function redeemAction(
  ctx: SignerContext,
  signed: Awaited<ReturnType<typeof readSignedVoucher>>,
  opts: RedeemOptions,
  json: boolean,
) {
  const viem = await import("viem");
  const { parseAddress } = await import("../parse.js");
  const { note } = await import("../output.js");
  const v = await import("../../vouchers/index.js");
  const { VoucherError } = await import("../../errors/VoucherError.js");

  const contract = opts.collection === undefined ? signed.contract : await parseAddress(opts.collection, "--collection");
  const value = opts.value === undefined ? undefined : parseAmount(opts.value, "--value", 18);
  const { voucher } = signed;
  const isEth = voucher.currency === viem.zeroAddress;

  if (opts.approve && !isEth) note(json, `Approving ${contract} for ${v.voucherTotalPrice(voucher)} of ${voucher.currency} if needed…`);
  note(json, `Redeeming voucher uid ${voucher.uid} at ${contract}…`);
  // The library checks the voucher's chain against the connected one and raises the allowance (--approve).
  const result = await v
    .redeemVoucher(ctx.walletClient, ctx.publicClient, {
      ...signed,
      contract,
      approve: opts.approve === true,
      ...(value === undefined ? {} : { value }),
    })
    .catch((error: unknown) => {
      if (error instanceof VoucherError && error.code === "VOUCHER_INSUFFICIENT_ALLOWANCE") {
        throw new VoucherError(error.code, error.shortMessage, {
          hint: `${error.hint} Or run this command again with --approve.`,
          details: error.details as never,
          cause: error.cause,
        });
      }
      throw error;
    });
  const ids = result.tokenIds.join(", ");
  const what =
    result.kind === "erc1155" ? `${result.quantity} cop${result.quantity === 1n ? "y" : "ies"} of token ${ids}` : `token${result.tokenIds.length === 1 ? "" : "s"} ${ids}`;
  return {
    data: {
      transactionHash: result.transactionHash,
      contract,
      kind: result.kind,
      tokenIds: result.tokenIds,
      quantity: result.quantity,
      recipient: result.recipient,
      uid: voucher.uid,
      value: result.value,
      gasUsed: result.gasUsed,
      fee: result.fee,
      blockNumber: result.blockNumber,
    },
    text: [
      `Redeemed voucher uid ${voucher.uid}: ${what} to ${result.recipient}.`,
      `transaction: ${result.transactionHash}`,
      `paid:        ${isEth ? formatEth(result.value) : `${v.voucherTotalPrice(voucher)} of ${voucher.currency}`}`,
      `gas used:    ${result.gasUsed} (fee ${formatEth(result.fee)})`,
    ],
  };
}

/** The voucher's terms, one per line, for humans. */
function describeVoucher(voucher: {
  to: Address;
  tokenId: bigint;
  quantity: bigint;
  uri: string;
  price: bigint;
  currency: Address;
  validFrom: bigint;
  validUntil: bigint;
}): string[] {
  const zero = /^0x0{40}$/i;
  const time = (t: bigint) => new Date(Number(t) * 1000).toISOString();
  const eth = (wei: bigint) => formatEth(wei, 18); // every decimal: the exact price signed
  return [
    `  mints:    ${voucher.quantity} × ${voucher.tokenId === 0n ? "next id" : `id ${voucher.tokenId}`}${voucher.uri ? ` (${voucher.uri})` : ""}`,
    `  to:       ${zero.test(voucher.to) ? "whoever redeems" : voucher.to}`,
    `  price:    ${voucher.price === 0n ? "free" : zero.test(voucher.currency) ? `${eth(voucher.price)} each` : `${voucher.price} of ${voucher.currency} each`}`,
    `  window:   ${voucher.validFrom === 0n ? "now" : time(voucher.validFrom)} → ${voucher.validUntil === 0n ? "no end" : time(voucher.validUntil)}`,
  ];
}

/** A decimal amount (`0.01`, `25`) in units of `decimals` decimals; `CLI_INVALID_INPUT` otherwise. */
function parseAmount(value: string, field: string, decimals: number): bigint {
  const text = value.trim().replace(/_/g, "");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match || (match[2] ?? "").length > decimals) {
    throw invalidInput(field, value, `must be a non-negative decimal amount with at most ${decimals} decimals`);
  }
  const amount = BigInt(match[1]!) * 10n ** BigInt(decimals) + BigInt((match[2] ?? "").padEnd(decimals, "0") || "0");
  if (amount > UINT256_MAX) throw invalidInput(field, value, "is too large");
  return amount;
}

/** A time: unix seconds, an ISO date, or `+<n>[s|m|h|d]` from the chain's `now`; as unix seconds (uint64). */
function parseTime(value: string, field: string, now: bigint): bigint {
  const text = value.trim();
  let seconds: bigint;
  const relative = /^\+(\d+)([smhd])$/.exec(text);
  if (/^\d+$/.test(text)) {
    seconds = BigInt(text);
  } else if (relative) {
    const unit = { s: 1n, m: 60n, h: 3600n, d: 86_400n }[relative[2] as "s" | "m" | "h" | "d"];
    seconds = now + BigInt(relative[1]!) * unit;
  } else {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw invalidInput(field, value, "must be an ISO date (2026-12-31T23:59:59Z), unix seconds or +<n>[s|m|h|d]");
    seconds = BigInt(Math.floor(ms / 1000));
  }
  if (seconds < 0n || seconds > UINT64_MAX) throw invalidInput(field, value, "is out of range");
  return seconds;
}

/** The ERC-20's `decimals()` (18 when it has none). */
async function tokenDecimals(ctx: SignerContext, currency: Address): Promise<number> {
  const { erc20Abi } = await import("viem");
  try {
    return await ctx.publicClient.readContract({ address: currency, abi: erc20Abi, functionName: "decimals" });
  } catch {
    return 18;
  }
}

/** Where the next automatic uid for `contract` is counted: `<data-dir>/vouchers/<chainId>-<contract>.json`. */
async function uidCounterPath(ctx: SignerContext, contract: Address): Promise<string> {
  const path = await import("node:path");
  return path.join(ctx.dataDir, "vouchers", `${ctx.chainId}-${contract.toLowerCase()}.json`);
}

/**
 * The next automatic uid: counted per contract in the data folder, skipping any already spent on chain.
 * A new counter starts at a random bitmap word (a CSPRNG 248-bit number × 256), so two data folders
 * (two machines, two checkouts) practically never hand out the same uid for one contract, while the
 * uids of one folder stay consecutive and share the contract's 256-bit bitmap word (a new word costs
 * ~17k more gas to redeem). Limit: two `voucher sign` runs at the same moment in ONE data folder may
 * read the same counter; sign one at a time per folder (or pass --uid).
 */
async function nextUid(ctx: SignerContext, contract: Address): Promise<bigint> {
  const { readFile } = await import("node:fs/promises");
  const { mintkitCollectionAbi } = await import("../../contracts/index.js");
  let uid: bigint | undefined;
  try {
    const stored = JSON.parse(await readFile(await uidCounterPath(ctx, contract), "utf8")) as { nextUid?: unknown };
    if (typeof stored.nextUid === "string" && /^\d+$/.test(stored.nextUid)) uid = BigInt(stored.nextUid);
  } catch {
    // No counter yet (or unreadable): a new one starts at a random word.
  }
  if (uid === undefined || uid > UINT256_MAX) uid = await randomUidBase();
  for (let i = 0; i < 1024; i++, uid++) {
    if (uid > UINT256_MAX) uid = await randomUidBase();
    const spent = await ctx.publicClient
      .readContract({ address: contract, abi: mintkitCollectionAbi, functionName: "isVoucherRedeemed", args: [uid] })
      .catch(() => false); // not a voucher contract: the check after signing says so
    if (!spent) break;
  }
  return uid;
}

/** The first uid of a random bitmap word: a CSPRNG 248-bit number × 256 (never 0). */
async function randomUidBase(): Promise<bigint> {
  const { randomBytes } = await import("node:crypto");
  const word = BigInt(`0x${randomBytes(31).toString("hex")}`);
  return word === 0n ? 1n : word << 8n;
}

/** Saves the counter through a temp file and a rename (never half-written). */
async function saveNextUid(ctx: SignerContext, contract: Address, uid: bigint): Promise<void> {
  const file = await uidCounterPath(ctx, contract);
  await writeAtomically(file, `${JSON.stringify({ nextUid: uid.toString() }, null, 2)}\n`, true);
}

/** Fails (`CLI_INVALID_INPUT`) when `file` exists. */
async function refuseExisting(file: string): Promise<void> {
  const { access } = await import("node:fs/promises");
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new CliError("CLI_INVALID_INPUT", `${file} already exists.`, {
      hint: "Choose another --out file, or pass --force to overwrite it.",
      details: { field: "--out", value: file, reason: "exists" },
    });
  }
}

/** Writes `text` to `file` through a temp file and a rename: never a half-written file. */
async function writeAtomically(file: string, text: string, overwrite: boolean): Promise<void> {
  const { mkdir, rename, writeFile, rm, link } = await import("node:fs/promises");
  const path = await import("node:path");
  const { fileError } = await import("../files.js");
  const { randomBytes } = await import("node:crypto");
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, text, { flag: "wx" });
    if (overwrite) await rename(temp, file);
    else {
      await link(temp, file); // fails if `file` appeared meanwhile
      await rm(temp, { force: true });
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === "EEXIST") await refuseExisting(file);
    throw fileError(error, file, "Check that the folder exists and is writable.");
  }
}
