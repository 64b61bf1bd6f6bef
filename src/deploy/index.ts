/**
 * Deploy helpers (viem only, browser-safe): the core contracts (implementations + factory, at the same
 * address on every chain through the deterministic deployer), and collections / editions / credential
 * registries created through the factory with deterministic salts. The deployments
 * record file helpers (`readDeployments`, `writeDeployments`) are Node-only, in `./node.ts`.
 */
export {
  ensureCoreContracts,
  checkCoreContract,
  type CoreContractResult,
  type EnsureCoreContractsParameters,
  type EnsureCoreContractsResult,
} from "./ensureCoreContracts.js";
export {
  getCoreContracts,
  mintkitFactoryAddress,
  maskImmutables,
  implementationOwner,
  coreContractNames,
  type CoreContract,
  type CoreContracts,
  type RuntimeLayout,
} from "./coreContracts.js";
export {
  installDeterministicDeployer,
  assertDeterministicDeployer,
  deterministicDeployerAddress,
  deterministicDeployerSigner,
  deterministicDeployerTransaction,
  deterministicDeployerFunding,
  deterministicDeployerCode,
  type InstallDeterministicDeployerResult,
} from "./deterministicDeployer.js";
export {
  createCollection,
  createEditions,
  createCredentialRegistry,
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
export {
  readDeployedConfig,
  diffDeployedConfig,
  deployConflict,
  type DeployedConfig,
  type DeployedKind,
  type ConfigDifference,
  type ReadDeployedConfigParameters,
} from "./readDeployedConfig.js";
export { checkDeployInput, maxContractNameLength, type BaseUriStyle } from "./checkDeployInput.js";
export { deployAndWait, hasCode, type DeployClients, type TransactionOutcome } from "./deployAndWait.js";
export {
  emptyDeploymentRecord,
  type DeploymentRecord,
  type RecordedClone,
  type RecordedContract,
  type RecordedCredentialRegistry,
  type RecordSection,
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
  type DeployCredentialRegistryParameters,
} from "./deployCredentialRegistry.js";
