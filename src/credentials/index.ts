/**
 * Soulbound credentials: typed private claims (EAS private-data leaves), commitments, holder claims files,
 * selective disclosure (OpenZeppelin multiproofs), holder-bound presentations (EIP-712, ERC-1271) and their
 * verification against a `CredentialRegistry`. Browser-safe.
 */
export {
  claimTypeProblem,
  claimNameProblem,
  parseClaimField,
  type Claim,
  type ClaimField,
  type ClaimValue,
  type FieldName,
  type FieldValue,
  type SchemaField,
  type SchemaValues,
} from "./claimTypes.js";
export { normalizeClaimValue, claimValueToJson, type ClaimValueJson } from "./normalizeClaimValue.js";
export { CLAIM_LEAF_ENCODING, encodeClaimValue, claimTreeValue, hashClaim } from "./encodeClaim.js";
export { createSalt } from "./createSalt.js";
export { checkClaims, validateClaims } from "./validateClaims.js";
export { parseSchemaFields } from "./parseSchemaFields.js";
export { createClaims } from "./createClaims.js";
export { commitClaims, type ClaimsCommitment, type ClaimsTree } from "./commitClaims.js";
export {
  ageOnDate,
  ageOverName,
  ageOverFields,
  deriveAgeClaims,
  type CalendarDate,
  type LeapDayBirthday,
} from "./deriveAgeClaims.js";
export {
  credentialTokenId,
  decodeCredentialTokenId,
  credentialReferenceToJson,
  type CredentialReference,
  type CredentialReferenceJson,
} from "./credentialReference.js";
export {
  CLAIMS_FILE_FORMAT,
  CLAIMS_FILE_VERSION,
  createClaimsFile,
  parseClaimsFile,
  stringifyClaimsFile,
  claimsFileToJson,
  type ClaimsFile,
  type ClaimsFileJson,
} from "./claimsFile.js";
export type { Disclosure } from "./disclosureTypes.js";
export { createDisclosure } from "./createDisclosure.js";
export { checkDisclosure, verifyDisclosure, disclosureLeaves, type DisclosureCheck } from "./verifyDisclosure.js";
export { disclosureFromMultiProof } from "./disclosureFromMultiProof.js";
export {
  PRESENTATION_DOMAIN_NAME,
  PRESENTATION_DOMAIN_VERSION,
  presentationTypes,
  presentationDomain,
  presentationMessage,
  type Presentation,
} from "./presentationTypes.js";
export { hashPresentation } from "./hashPresentation.js";
export { createPresentation } from "./createPresentation.js";
export {
  PRESENTATION_FORMAT,
  PRESENTATION_VERSION,
  parsePresentation,
  presentationToJson,
  stringifyPresentation,
  type PresentationJson,
  type PredicateProofJson,
} from "./presentationFile.js";
export { getCredential, type OnChainCredential } from "./getCredential.js";
export { checkPresentable, type CheckPresentableParameters, type CheckPresentableReturnType } from "./checkPresentable.js";
export type { NonceConsumeResult, NonceRecord, NonceStore } from "./nonceStore.js";
export { createNonce } from "./createNonce.js";
export { createMemoryNonceStore, type CreateMemoryNonceStoreParameters } from "./createMemoryNonceStore.js";
export {
  verifyPresentation,
  type PresentationFailure,
  type PresentationFailureCode,
  type PresentationVerification,
  type TrustedIssuer,
  type VerifyPresentationOptions,
} from "./verifyPresentation.js";
export { getSchema, type CredentialSchema } from "./getSchema.js";
export { parseIssuedCredentials, type IssuedCredential } from "./parseIssuedCredentials.js";
export {
  COMMITMENT_SUFFIX,
  COMMITMENT_TYPE,
  MAX_PROVABLE_VALUE,
  commitmentClaimName,
  committedClaimName,
  createBlinding,
  isBlinding,
} from "./commitmentClaims.js";
export { poseidonCommitment } from "./poseidonCommitment.js";
export { dayNumber, dayToDate, today, ageBoundaryDay } from "./predicateDates.js";
export type { Groth16Proof, PredicateProof, PredicateStatement } from "./predicateTypes.js";
export { parsePredicate, formatPredicate, predicateRange } from "./parsePredicate.js";
export { predicateBinding, addressBinding, packBounds } from "./predicateBinding.js";
export { defaultPredicateArtifacts, type PredicateArtifacts } from "./predicateArtifacts.js";
export { provePredicate, type ProvePredicateParameters, type ProvePredicateReturnType } from "./provePredicate.js";
export { provePredicates, type ProvePredicatesParameters } from "./provePredicates.js";
export { verifyPredicateProof } from "./verifyPredicateProof.js";
export { releasePredicateProver } from "./releasePredicateProver.js";
