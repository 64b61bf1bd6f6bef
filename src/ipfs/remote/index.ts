/**
 * Remote IPFS stores — BROWSER-SAFE (fetch-based clients, loaded on first use): a Kubo RPC
 * block store, pushing a local DAG to Kubo, and the IPFS Pinning Service API.
 */
export { createKuboStore, DEFAULT_KUBO_URL, type KuboStore, type KuboStoreOptions } from "./createKuboStore.js";
export { pushToKubo, type PushToKuboOptions, type PushToKuboResult, type PushProgressEvent } from "./pushToKubo.js";
export {
  createPinningService,
  type PinningService,
  type PinningServiceOptions,
  type PinOptions,
  type PinResult,
  type RemotePin,
  type RemotePinStatus,
  type ListPinsOptions,
} from "./createPinningService.js";
export { createGatewayStore, type GatewayStoreOptions } from "./createGatewayStore.js";
export { DEFAULT_REMOTE_TIMEOUT_MS, type RemoteAuth, type RemoteOptions } from "./remoteOptions.js";
export type { RetryOptions, RetryEvent } from "./withRetry.js";
