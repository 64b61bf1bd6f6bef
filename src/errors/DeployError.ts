import { MintkitError, type MintkitErrorOptions } from "./MintkitError.js";

/** Typed `details` for each deploy error code. */
export interface DeployErrorDetailsByCode {
  /** A collection/editions configuration is invalid (checked before anything is sent). */
  DEPLOY_INVALID_CONFIG: { readonly field: string; readonly value: string; readonly reason: string };
  /** A deployment or factory transaction reverted. */
  DEPLOY_REVERTED: {
    readonly contract: string;
    readonly transactionHash?: string;
    readonly errorName?: string;
    readonly errorArgs?: readonly string[];
  };
  /** The deployment transaction was mined but no contract code is at the expected address. */
  DEPLOY_NO_CODE: { readonly contract: string; readonly address: string };
  /** The signer has no account to deploy from. */
  DEPLOY_NO_ACCOUNT: Record<string, never>;
  /** The chain has no deterministic deployment proxy (0x4e59…956C), so the core contracts cannot be deployed. */
  DEPLOY_NO_DEPLOYER: { readonly chainId: number; readonly deployer: string; readonly reason: string };
  /** A core contract's address holds code that is not the build's (immutables aside). */
  DEPLOY_CODE_MISMATCH: {
    readonly contract: string;
    readonly address: string;
    readonly expectedCodeHash: string;
    readonly actualCodeHash: string;
  };
  /** A re-run asked for settings other than those of the contract already deployed under that name or salt. */
  DEPLOY_CONFLICT: {
    readonly address: string;
    readonly differences: readonly { readonly field: string; readonly onChain: string; readonly asked: string }[];
  };
  /** A deployments record file exists but is not valid JSON of the expected shape. */
  DEPLOY_INVALID_RECORD: { readonly path: string; readonly reason: string };
}

export type DeployErrorCode = keyof DeployErrorDetailsByCode;

/** Errors of the deploy helpers (`src/deploy`): implementations, factory, collections, editions. */
export class DeployError<TCode extends DeployErrorCode = DeployErrorCode> extends MintkitError<
  TCode,
  DeployErrorDetailsByCode[TCode]
> {
  override name = "DeployError";
  declare readonly details: DeployErrorDetailsByCode[TCode];

  constructor(
    code: TCode,
    shortMessage: string,
    options: MintkitErrorOptions<DeployErrorDetailsByCode[TCode]> & {
      readonly details: DeployErrorDetailsByCode[TCode];
    },
  ) {
    super(code, shortMessage, { docsPath: "docs/cli.md", ...options });
  }
}

/** True when `err` is a `DeployError`, optionally with the given code. */
export function isDeployError<TCode extends DeployErrorCode>(err: unknown, code?: TCode): err is DeployError<TCode> {
  return err instanceof DeployError && (code === undefined || err.code === code);
}
