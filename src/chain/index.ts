/** The one chain-write path (browser-safe): write-and-wait, revert decoding, the cause walker. */
export { walkCause, findCauseByName } from "./walkCause.js";
export {
  decodeRevert,
  formatRevert,
  isRevertError,
  isTransportError,
  type DecodedRevert,
  type DecodeRevertParameters,
} from "./decodeRevert.js";
export {
  writeAndWait,
  chainReverted,
  type WriteClients,
  type WriteAndWaitParameters,
  type WriteAndWaitReturnType,
  type RevertContext,
} from "./writeAndWait.js";
