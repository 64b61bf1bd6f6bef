/** Deploy helpers that touch the filesystem (NODE-ONLY): the `deployments/<chainId>.json` record. */
export { deploymentsPath, readDeployments, writeDeployments, withRecordedContract } from "./deploymentsFile.js";
