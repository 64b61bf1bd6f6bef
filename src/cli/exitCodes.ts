import { isTransportError } from "../chain/errorKinds.js";
import { walkCause } from "../chain/walkCause.js";

/**
 * Exit codes of the `mintkit` binary (shown in `mintkit --help`). Scripts can branch on them.
 *
 * | code | meaning |
 * | --- | --- |
 * | 0 | success |
 * | 1 | failure (anything not covered below, e.g. wrong keystore password) |
 * | 2 | usage or invalid input (bad option, missing file, invalid address/metadata/media) |
 * | 3 | chain unreachable (RPC down, timing out, wrong chain) |
 * | 4 | IPFS store failure (store unreachable, unreadable, DAG incomplete) |
 * | 5 | transaction reverted (the decoded reason is printed) |
 * | 6 | refused at the door (`access check`: the reason code is printed) |
 * | 130 | interrupted (Ctrl-C) |
 */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  chainUnreachable: 3,
  ipfs: 4,
  reverted: 5,
  refused: 6,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/** One line per exit code, for the `--help` footer. */
export const exitCodesHelp = [
  "Exit codes:",
  "  0    success",
  "  1    failure (e.g. wrong keystore password)",
  "  2    usage or invalid input (option, file, address, media, metadata)",
  "  3    chain unreachable (RPC down or timing out)",
  "  4    IPFS store failure",
  "  5    transaction reverted",
  "  6    refused at the door (access check: NOT_HOLDER, EXPIRED, ALREADY_CHECKED_IN, …)",
  "  130  interrupted",
].join("\n");

/** Error codes (exact) mapped to an exit code. Error codes not listed fall back to their prefix. */
const byCode: Record<string, ExitCodeValue> = {
  CLI_RPC_UNREACHABLE: ExitCode.chainUnreachable,
  CLI_CHAIN_MISMATCH: ExitCode.chainUnreachable,
  CLI_TX_REVERTED: ExitCode.reverted,
  DEPLOY_REVERTED: ExitCode.reverted,
  CHAIN_TX_REVERTED: ExitCode.reverted,
  CLI_FAILED: ExitCode.failure,
  CLI_INTERRUPTED: ExitCode.interrupted,
  CLI_MISSING_DEPENDENCY: ExitCode.failure,
  DEPLOY_NO_CODE: ExitCode.failure,
  DEPLOY_NO_DEPLOYER: ExitCode.failure,
  DEPLOY_CODE_MISMATCH: ExitCode.failure,
  KEYSTORE_WRONG_PASSWORD: ExitCode.failure,
  KEYSTORE_EXISTS: ExitCode.usage,
  KEYSTORE_NOT_FOUND: ExitCode.usage,
  KEYSTORE_INVALID_KEY: ExitCode.usage,
  KEYSTORE_INVALID_FILE: ExitCode.usage,
  KEYSTORE_INVALID_NAME: ExitCode.usage,
  KEYSTORE_NO_PASSWORD: ExitCode.usage,
  IPFS_INVALID_PATH: ExitCode.usage,
  IPFS_INVALID_CONTENT: ExitCode.usage,
  IPFS_DUPLICATE_PATH: ExitCode.usage,
  IPFS_UNKNOWN_PROFILE: ExitCode.usage,
  IPFS_INVALID_PROFILE: ExitCode.usage,
  GAS_INVALID_PARAMETER: ExitCode.usage,
  GAS_UNKNOWN_OPERATION: ExitCode.usage,
  GAS_STRATEGY_UNAVAILABLE: ExitCode.usage,
  GAS_LIMIT_TOO_LOW: ExitCode.usage,
  GAS_FEE_HISTORY_UNAVAILABLE: ExitCode.chainUnreachable,
  GAS_NOT_MINTER: ExitCode.reverted,
  GAS_MAX_SUPPLY_EXCEEDED: ExitCode.reverted,
  GAS_SIMULATION_REVERTED: ExitCode.reverted,
  VOUCHER_INVALID_FILE: ExitCode.usage,
  VOUCHER_INVALID_FIELD: ExitCode.usage,
  VOUCHER_FREE_BEARER: ExitCode.usage,
  VOUCHER_RPC_FAILED: ExitCode.chainUnreachable,
  // A voucher for another chain, or one `voucher sign` would have to refuse (its terms are the input): 2.
  VOUCHER_WRONG_CHAIN: ExitCode.usage,
  VOUCHER_EXPIRED: ExitCode.usage,
  VOUCHER_EMPTY_WINDOW: ExitCode.usage,
  VOUCHER_CURRENCY_NOT_CONTRACT: ExitCode.usage,
  VOUCHER_WRONG_SIGNER: ExitCode.usage,
  VOUCHER_MAX_SUPPLY_NOT_SUPPORTED: ExitCode.usage,
  BATCH_INPUT_INVALID: ExitCode.usage,
  BATCH_INPUT_EMPTY: ExitCode.usage,
  BATCH_INPUT_NOT_FOUND: ExitCode.usage,
  BATCH_MANIFEST_INVALID: ExitCode.usage,
  // A journal that is missing, a folder or not a journal is bad input; a stale one (chain state gone) stays 1.
  BATCH_JOURNAL_INVALID: ExitCode.usage,
  BATCH_TX_REVERTED: ExitCode.reverted,
  // Source verification: bad input is 2; a service that is down, rate limits or fails the verification is 1.
  VERIFY_API_KEY_MISSING: ExitCode.usage,
  VERIFY_API_KEY_REJECTED: ExitCode.usage,
  VERIFY_INVALID_PARAMETER: ExitCode.usage,
  VERIFY_NOT_MINTKIT_CONTRACT: ExitCode.usage,
  VERIFY_NO_CODE: ExitCode.usage,
  // Seaport listings (src/market): bad input → 2, chain → 3, reverts → 5; an order that cannot be filled → 1.
  MARKET_INVALID_INPUT: ExitCode.usage,
  MARKET_INVALID_ORDER_FILE: ExitCode.usage,
  MARKET_FREE_LISTING: ExitCode.usage,
  MARKET_CURRENCY_NOT_CONTRACT: ExitCode.usage,
  MARKET_NOT_A_TOKEN: ExitCode.usage,
  MARKET_FEES_EXCEED_PRICE: ExitCode.usage,
  MARKET_RPC_FAILED: ExitCode.chainUnreachable,
  MARKET_FULFILL_REVERTED: ExitCode.reverted,
  MARKET_TRANSACTION_REVERTED: ExitCode.reverted,
  // Access: a bad payload or QR is 2; the check-in store (locked, corrupt, no node:sqlite) falls back to 1.
  ACCESS_INVALID_CHALLENGE: ExitCode.usage,
  ACCESS_MALFORMED_PAYLOAD: ExitCode.usage,
  ACCESS_PAYLOAD_TOO_LARGE: ExitCode.usage,
  ACCESS_QR_UNREADABLE: ExitCode.usage,
  ACCESS_NO_SIGNER: ExitCode.usage,
};

/** Error-code prefixes mapped to an exit code (longest prefix wins). */
const byPrefix: ReadonlyArray<readonly [string, ExitCodeValue]> = [
  ["CLI_", ExitCode.usage],
  ["METADATA_", ExitCode.usage],
  ["MEDIA_", ExitCode.usage],
  ["TOKEN_ID_", ExitCode.usage],
  ["IPFS_", ExitCode.ipfs],
  ["DEPLOY_", ExitCode.usage],
  ["KEYSTORE_", ExitCode.failure],
  ["CREDENTIAL_", ExitCode.usage],
  ["ACCESS_", ExitCode.failure],
];

/**
 * The exit code for an error: a `MintkitError`'s `code` (exact match, then prefix), viem's transport
 * errors (→ 3), viem's revert errors (→ 5), anything else → 1.
 */
export function exitCodeFor(err: unknown): ExitCodeValue {
  const code = (err as { code?: unknown } | null)?.code;
  // The node answered and refused the estimate (a per-transaction gas cap, out of gas): not an unreachable RPC.
  if (code === "GAS_ESTIMATION_FAILED") return isTransportError(err) ? ExitCode.chainUnreachable : ExitCode.usage;
  if (typeof code === "string") {
    const exact = byCode[code];
    if (exact !== undefined) return exact;
    const prefixed = byPrefix.find(([prefix]) => code.startsWith(prefix));
    if (prefixed) return prefixed[1];
  }
  const revert = walkCause(
    err,
    (e) => e instanceof Error && (e.name === "ContractFunctionRevertedError" || (e.name === "CallExecutionError" && /revert/i.test(e.message))),
  );
  if (revert !== null) return ExitCode.reverted;
  if (isTransportError(err)) return ExitCode.chainUnreachable;
  return ExitCode.failure;
}
