/**
 * Deploy helpers (viem only, browser-safe): the core contracts (implementations + factory), and
 * collections / editions created through the factory with deterministic salts. The deployments
 * record file helpers (`readDeployments`, `writeDeployments`) are Node-only, in `./node.ts`.
 */
export { ensureCoreContracts, type CoreContractResult, type EnsureCoreContractsParameters, type EnsureCoreContractsResult } from "./ensureCoreContracts.js";
export {
  createCollection,
  createEditions,
  saltFromText,
  defaultSaltText,
  type CreateViaFactoryParameters,
  type CreateViaFactoryResult,
} from "./createViaFactory.js";
export {
  resolveCollectionConfig,
  resolveEditionsConfig,
  maxRoyaltyBps,
  maxCollectionSupply,
  type ContractConfigInput,
  type CollectionConfig,
  type EditionsConfig,
} from "./resolveConfig.js";
export { writeAndWait, deployAndWait, hasCode, type DeployClients, type TransactionOutcome } from "./sendTransaction.js";
export { revertDetails, formatRevert } from "./revertDetails.js";
export {
  emptyDeploymentRecord,
  type DeploymentRecord,
  type RecordedClone,
  type RecordedContract,
  type CoreContractName,
} from "./types.js";
export {
  deployCredentialRegistry,
  resolveCredentialRegistryConfig,
  defaultCredentialRegistryName,
  defaultCredentialRegistrySymbol,
  type CredentialRegistryConfig,
  type CredentialRegistryConfigInput,
  type DeployCredentialRegistryResult,
} from "./deployCredentialRegistry.js";
