/** Tickets and access passes: challenge, proof (EIP-4361 SIWE), verification, check-in, QR codes. Browser-safe. */
export type { AccessChallenge, AccessGrant, AccessProof } from "./accessTypes.js";
export { accessMessage } from "./accessMessage.js";
export {
  createAccessChallenge,
  maxAccessChallengeTtl,
  type CreateAccessChallengeParameters,
  type CreateAccessChallengeReturnType,
} from "./createAccessChallenge.js";
export { proveAccess, type ProveAccessParameters, type ProveAccessReturnType } from "./proveAccess.js";
export { encodeAccessChallenge, decodeAccessChallenge, encodeAccessProof, decodeAccessProof } from "./accessPayload.js";
export { maxAccessPayloadLength } from "./compactBytes.js";
export {
  verifyAccess,
  type AccessAccept,
  type AccessGranted,
  type AccessRefused,
  type AccessRefusalReason,
  type VerifyAccessParameters,
  type VerifyAccessReturnType,
} from "./verifyAccess.js";
export { admitAccess, type AdmitAccessParameters, type AdmitAccessReturnType } from "./admitAccess.js";
export { ticketKey, type CheckInRecord, type CheckInResult, type CheckInStore, type TicketRef } from "./checkInStore.js";
export { createMemoryCheckInStore } from "./createMemoryCheckInStore.js";
export { accessQrSvg, decodeAccessQr, accessQrErrorCorrection, type RgbaImage } from "./accessQr.js";
export {
  accessEventId,
  checkInCall,
  checkInOnChain,
  checkInTicket,
  getOnChainCheckIn,
  type CheckInOnChainParameters,
  type CheckInTicket,
} from "./checkInOnChain.js";
