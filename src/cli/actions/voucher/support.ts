import { CliError } from "../../../errors/CliError.js";
import type { Address } from "viem";
import { formatEth } from "../../output.js";
import type { SignerContext } from "../../context.js";
import { mintkitCollectionAbi } from "../../../contracts/index.js";
import { parseSignedVoucher } from "../../../vouchers/index.js";
import { fileError, readFileOrFail } from "../../files.js";
import { randomBytes } from "node:crypto";
import { access, readFile } from "node:fs/promises";
import { writeFileAtomic } from "../../../fs/writeFileAtomic.js";
import { erc20Abi } from "viem";
import path from "node:path";

/** Helpers shared by the voucher actions: the signed-voucher file, amounts and times, the uid counter, file writes. */
export { UINT256_MAX, UINT64_MAX } from "../../grammar/bounds.js";
import { UINT256_MAX } from "../../grammar/bounds.js";

/** Reads and parses a signed-voucher file (`CLI_FILE_NOT_FOUND`, or `VOUCHER_INVALID_FILE` with every problem). */
export async function readSignedVoucher(file: string) {
  const bytes = await readFileOrFail(file);
  return parseSignedVoucher(new TextDecoder().decode(bytes));
}

/** The voucher's terms, one per line, for humans. */
export function describeVoucher(voucher: {
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

/** The ERC-20's `decimals()` (18 when it has none). */
export async function tokenDecimals(ctx: SignerContext, currency: Address): Promise<number> {
  try {
    return await ctx.publicClient.readContract({ address: currency, abi: erc20Abi, functionName: "decimals" });
  } catch {
    return 18;
  }
}

/** Where the next automatic uid for `contract` is counted: `<data-dir>/vouchers/<chainId>-<contract>.json`. */
export async function uidCounterPath(ctx: SignerContext, contract: Address): Promise<string> {
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
export async function nextUid(ctx: SignerContext, contract: Address): Promise<bigint> {
  let uid = await readUidCounter(await uidCounterPath(ctx, contract));
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

/**
 * The stored counter: undefined when there is none yet. A counter that is not `{"nextUid": "<decimal>"}`
 * (a torn or hand-edited file) is refused, never silently replaced: a restarted counter could hand out a
 * uid already given to a voucher that is still unredeemed.
 */
async function readUidCounter(file: string): Promise<bigint | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fileError(error, file, "Check the data folder (--data-dir), or pass --uid N to skip the counter.");
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = undefined;
  }
  const next = (stored as { nextUid?: unknown } | null | undefined)?.nextUid;
  if (typeof next === "string" && /^\d{1,78}$/.test(next) && BigInt(next) <= UINT256_MAX) return BigInt(next);
  throw new CliError("CLI_FILE_UNREADABLE", `The voucher uid counter ${file} is corrupt (not {"nextUid": "<number>"}); nothing was signed.`, {
    hint: `Pass --uid N for this voucher, or delete ${file} to start a new counter at a random uid (uids spent on chain are skipped).`,
    details: { path: file, reason: "corrupt uid counter" },
  });
}

/** The first uid of a random bitmap word: a CSPRNG 248-bit number × 256 (never 0). */
export async function randomUidBase(): Promise<bigint> {
  const word = BigInt(`0x${randomBytes(31).toString("hex")}`);
  return word === 0n ? 1n : word << 8n;
}

/** Saves the counter through a temp file and a rename (never half-written). */
export async function saveNextUid(ctx: SignerContext, contract: Address, uid: bigint): Promise<void> {
  const file = await uidCounterPath(ctx, contract);
  await writeAtomically(file, `${JSON.stringify({ nextUid: uid.toString() }, null, 2)}\n`, true);
}

/** Fails (`CLI_INVALID_INPUT`) when `file` exists. */
export async function refuseExisting(file: string): Promise<void> {
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

/** Writes `text` to `file` with `writeFileAtomic` (no-clobber unless `overwrite`): never a half-written file. */
export async function writeAtomically(file: string, text: string, overwrite: boolean): Promise<void> {
  try {
    await writeFileAtomic(file, text, { mkdir: true, noClobber: !overwrite });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") await refuseExisting(file);
    throw fileError(error, file, "Check that the folder exists and is writable.");
  }
}

