/**
 * The CLI's view of `deployments/<chainId>.json` (in the working directory). NODE-ONLY.
 * Same format as `scripts/deploy.ts` writes; see `src/deploy/types.ts`.
 * - `readDeployments(chainId, { cwd?, network? })`: the record, or an empty one when there is no file.
 * - `writeDeployments(record, { cwd? })`: atomic write (temp file + rename).
 */
export { deploymentsPath, readDeployments, writeDeployments, withRecordedContract } from "../deploy/deploymentsFile.js";
export {
  emptyDeploymentRecord,
  type DeploymentRecord,
  type RecordedClone,
  type RecordedContract,
  type RecordedCredentialRegistry,
  type CoreContractName,
} from "../deploy/types.js";
