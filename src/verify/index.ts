/**
 * Contract source verification (browser-safe: `fetch` only; exported from `mintkit/node`): submit the exact
 * standard JSON input mintkit's contracts were compiled with to Sourcify and to Etherscan-compatible
 * explorers (Etherscan, Blockscout). Clones are verified through their implementation. See docs/verify.md.
 */
export { verifyContract, type VerifyContractParameters, type VerifyContractReturnType, type VerificationOutcome } from "./verifyContract.js";
export { verifyOnSourcify, sourcifyApiUrl, type VerifyOnSourcifyParameters, type VerifyOnSourcifyReturnType } from "./verifyOnSourcify.js";
export {
  verifyOnEtherscan,
  etherscanApiUrl,
  checkEtherscanParameters,
  type VerifyOnEtherscanParameters,
  type VerifyOnEtherscanReturnType,
} from "./verifyOnEtherscan.js";
export {
  resolveVerificationTarget,
  cloneImplementation,
  type ResolveVerificationTargetParameters,
  type ResolveVerificationTargetReturnType,
} from "./resolveVerificationTarget.js";
export { getStandardJsonInput, verifiableContractNames, type GetStandardJsonInputReturnType } from "./getStandardJsonInput.js";
export type {
  StandardJsonInput,
  VerifiableContractName,
  VerificationTarget,
  VerificationStatus,
  VerificationMatch,
  VerificationResult,
  ProxyMarking,
  VerifyRequestOptions,
} from "./types.js";
export {
  VerifyError,
  isVerifyError,
  type VerifyErrorCode,
  type VerifyErrorDetailsByCode,
  type VerificationService,
} from "../errors/VerifyError.js";
