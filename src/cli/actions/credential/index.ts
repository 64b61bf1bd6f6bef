/**
 * The work of every `mintkit credential …` command, as the one module the command file loads lazily
 * (src/cli/commands/credential.ts).
 */
export { issueChallenge, type ChallengeInput } from "./challenge.js";
export { issueCredential, type IssueInput } from "./issue.js";
export { rebindClaimsFile, reissueCredential, revokeCredential, showCredential } from "./manage.js";
export { presentCredential, verifyCredentialPresentation, type PresentInput, type VerifyInput } from "./present.js";
export { schemaAdd, schemaList, type SchemaAddInput } from "./schema.js";
