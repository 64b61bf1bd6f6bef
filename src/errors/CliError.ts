import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/**
 * Typed `details` for each CLI error code. Browser-safe (no Node imports), though only the CLI throws
 * these. Never holds secrets (no keys, no passwords).
 */
export interface CliErrorDetailsByCode {
  /** An option or argument has an invalid value (bad number, out of range, unknown choice). */
  CLI_INVALID_INPUT: { readonly field: string; readonly value?: string; readonly reason?: string };
  /** A value that must be an Ethereum address is not one (or fails its checksum). */
  CLI_INVALID_ADDRESS: { readonly field: string; readonly value: string };
  /** An amount option (`--price`, `--value`, `--sale-price`) is not `<number><unit>` or is out of range. */
  CLI_INVALID_AMOUNT: { readonly field: string; readonly value: string; readonly reason: string };
  /** A time option (`--valid-from`, `--valid-until`) is not a time mintkit reads, or is out of range. */
  CLI_INVALID_TIME: { readonly field: string; readonly value: string; readonly reason: string };
  /** A file or folder given on the command line does not exist. */
  CLI_FILE_NOT_FOUND: { readonly path: string };
  /** A file or folder exists but cannot be read (permissions, not a regular file, I/O error). */
  CLI_FILE_UNREADABLE: { readonly path: string; readonly reason: string };
  /** `--network` names no known network and no `--rpc-url` was given. */
  CLI_UNKNOWN_NETWORK: { readonly network: string; readonly known: readonly string[] };
  /** The endpoint's chain id is not the one of the named `--network`. */
  CLI_CHAIN_MISMATCH: { readonly network: string; readonly expectedChainId: number; readonly chainId: number };
  /** The JSON-RPC endpoint did not answer (down, refused, timed out, not JSON-RPC). */
  CLI_RPC_UNREACHABLE: { readonly rpcUrl: string; readonly network: string };
  /** No signing account could be resolved for a command that sends transactions. */
  CLI_NO_ACCOUNT: { readonly chainId: number };
  /** Hardhat's well-known dev accounts were asked for on a chain that is not local (31337/1337). */
  CLI_DEV_ACCOUNT_REFUSED: {
    readonly chainId: number;
    /** Where the key came from: `--dev-account`, `MINTKIT_PRIVATE_KEY` or `keystore "<name>"`. */
    readonly source?: string;
    /** The dev account's address, when the key came from the environment or a keystore. */
    readonly address?: string;
  };
  /** A transaction (or its simulation) reverted. */
  CLI_TX_REVERTED: {
    readonly action: string;
    readonly transactionHash?: string;
    /** The decoded custom error name, e.g. `MaxSupplyExceeded`. */
    readonly errorName?: string;
    /** The decoded error arguments, as strings. */
    readonly errorArgs?: readonly string[];
  };
  /** A contract mintkit needs is not at the address (no code) or not recorded in deployments/<chainId>.json. */
  CLI_CONTRACT_NOT_FOUND: { readonly chainId: number; readonly contract: string; readonly address?: string };
  /** An optional dependency (e.g. hardhat for `mintkit dev`) is not installed. */
  CLI_MISSING_DEPENDENCY: { readonly module: string };
  /** Anything else that went wrong in a command. */
  CLI_FAILED: { readonly command?: string };
}

export type CliErrorCode = keyof CliErrorDetailsByCode;

/** Errors raised by the `mintkit` command-line program (`src/cli`). */
export class CliError<TCode extends CliErrorCode = CliErrorCode> extends MintkitError<
  TCode,
  CliErrorDetailsByCode[TCode]
> {
  override name = "CliError";
  declare readonly details: CliErrorDetailsByCode[TCode];

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<CliErrorDetailsByCode[TCode]> & {
      readonly details: CliErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "docs/cli.md", ...options });
  }
}

/** True when `err` is a `CliError`, optionally with the given code. */
export function isCliError<TCode extends CliErrorCode>(err: unknown, code?: TCode): err is CliError<TCode> {
  return err instanceof CliError && (code === undefined || err.code === code);
}
