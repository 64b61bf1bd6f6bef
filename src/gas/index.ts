/** Gas and fees: estimates by simulation on the target chain, fee tiers, costs, batch plans. Browser-safe. */
export { type GasAccount, type GasClient } from "./simulateGas.js";
export {
  getTransactionGasLimit,
  TRANSACTION_GAS_CAP,
  DEFAULT_SAFETY_MARGIN_BPS,
  type TransactionGasLimit,
} from "./transactionGasLimit.js";
export {
  planBatchMint,
  type PlanBatchMintParameters,
  type BatchMintPlan,
  type BatchMintChunk,
} from "./planBatchMint.js";
export { GAS_OPERATIONS, type GasOperation, type GasEstimate, type RedeemGasCase } from "./types.js";
export { type GasLine } from "./fitChunks.js";
export { type GasUsedSource } from "./measureGasUsed.js";
export { sampleRecipients } from "./sampleRecipients.js";
export { estimateMintGas } from "./estimateMintGas.js";
export { estimateMintBatchGas } from "./estimateMintBatchGas.js";
export { estimateAirdropGas } from "./estimateAirdropGas.js";
export { estimateRedeemGas, type EstimateRedeemGasParameters } from "./estimateRedeemGas.js";
export { estimateEditionsMintGas } from "./estimateEditionsMintGas.js";
export {
  estimateDeployGas,
  type EstimateDeployGasParameters,
  type CollectionDeployConfig,
  type EditionsDeployConfig,
} from "./estimateDeployGas.js";
export { estimateTransferGas } from "./estimateTransferGas.js";
export { getFeeTiers, FEE_TIERS, type FeeTier, type FeeTiers, type FeeTierName } from "./getFeeTiers.js";
export { gasToCost, type EthPrice, type GasCost, type TierCost } from "./gasToCost.js";
export {
  compareMintStrategies,
  MINT_STRATEGIES,
  type MintStrategy,
  type MintStrategyReport,
  type MintStrategyComparison,
  type CompareMintStrategiesParameters,
  type StrategyStep,
} from "./compareMintStrategies.js";
export {
  estimateCredentialIssueGas,
  type EstimateCredentialIssueGasParameters,
} from "./estimateCredentialIssueGas.js";
export { estimateCredentialRevokeGas } from "./estimateCredentialRevokeGas.js";
export { estimateCredentialReissueGas } from "./estimateCredentialReissueGas.js";
export { estimateCancelVouchersGas } from "./estimateCancelVouchersGas.js";
export { estimateFulfillListingGas, type EstimateFulfillListingGasParameters } from "./estimateFulfillListingGas.js";
export { estimateCancelListingGas, type EstimateCancelListingGasParameters } from "./estimateCancelListingGas.js";
export { estimateCheckInGas, type EstimateCheckInGasParameters } from "./estimateCheckInGas.js";
export { estimateApproveSeaportGas, type EstimateApproveSeaportGasParameters } from "./estimateApproveSeaportGas.js";
export {
  headroomFor,
  type HeadroomForParameters,
} from "./headroomFor.js";
export {
  gasLimitFor,
  type GasLimit,
  type GasLimitForParameters,
  type WorstCaseCost,
} from "./gasLimitFor.js";
export {
  SLOT_OPENED_GAS,
  COLD_SLOAD_GAS,
  SLOT_CREATED_GAS,
  NEW_ACCOUNT_GAS,
  ALLOWANCE_WRITE_GAS,
  type Headroom,
  type HeadroomItem,
  type HeadroomCase,
  type GasCase,
} from "./headroom.js";
