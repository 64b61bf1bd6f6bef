/** Error classes of mintkit. Browser-safe. */
export { MintkitError, isMintkitError, type MintkitErrorOptions } from "./MintkitError.js";
export {
  IpfsError,
  isIpfsError,
  type IpfsErrorCode,
  type IpfsErrorDetailsByCode,
  type RemoteService,
} from "./IpfsError.js";
export {
  MetadataError,
  isMetadataError,
  type MetadataErrorCode,
  type MetadataErrorDetailsByCode,
} from "./MetadataError.js";
export {
  VoucherError,
  isVoucherError,
  type VoucherErrorCode,
  type VoucherErrorDetailsByCode,
} from "./VoucherError.js";
export { CliError, isCliError, type CliErrorCode, type CliErrorDetailsByCode } from "./CliError.js";
export {
  KeystoreError,
  isKeystoreError,
  type KeystoreErrorCode,
  type KeystoreErrorDetailsByCode,
} from "./KeystoreError.js";
export { DeployError, isDeployError, type DeployErrorCode, type DeployErrorDetailsByCode } from "./DeployError.js";
export { GasError, isGasError, type GasErrorCode, type GasErrorDetailsByCode } from "./GasError.js";
export {
  BatchError,
  isBatchError,
  type BatchErrorCode,
  type BatchErrorDetailsByCode,
  type BatchInputProblem,
} from "./BatchError.js";
export {
  CredentialError,
  isCredentialError,
  type CredentialErrorCode,
  type CredentialErrorDetailsByCode,
} from "./CredentialError.js";
export { ChainError, isChainError, type ChainErrorCode, type ChainErrorDetailsByCode } from "./ChainError.js";
export { AccessError, isAccessError, type AccessErrorCode, type AccessErrorDetailsByCode } from "./AccessError.js";
export { MarketError, isMarketError, type MarketErrorCode, type MarketErrorDetailsByCode } from "./MarketError.js";
