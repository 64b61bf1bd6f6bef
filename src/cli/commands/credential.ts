/**
 * `mintkit credential …`: soulbound credentials with private claims. The issuer registers schemas, issues
 * (writing the holder's private claims file), revokes and reissues; the holder presents chosen claims to a
 * verifier (audience + nonce, signed); the verifier checks the presentation against the chain (exit 0 only
 * when valid). Top-level imports stay light: the work is in `../actions/credential/` and loads inside the actions.
 * `mintkit deploy credentials` is in `./deployCredentials.ts`.
 */
import type { Command } from "commander";
import { credentialAction } from "../actions/credential/credentialAction.js";
import type { ChallengeInput, IssueInput, PresentInput, SchemaAddInput, VerifyInput } from "../actions/credential/index.js";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { collect } from "../parse.js";

const registryOption = ["--registry <address|name>", "the credential registry (default: the only one recorded in deployments/<chainId>.json)"] as const;

/** Registers `mintkit credential schema|issue|revoke|reissue|show|rebind|present|challenge|verify`. */
export function register(program: Command): void {
  const credential = program
    .command("credential")
    .description("Soulbound credentials with private claims: schemas, issue, revoke, reissue, show, present, challenge, verify");
  withExamples(credential, [
    "mintkit deploy credentials",
    'mintkit credential schema add --name KYC --age-over 18,21 --field "string nationality"',
    "mintkit credential issue --schema 1 --to 0x… --claims claims.json --age-over 18,21 --birth-date 2001-05-02 --out holder-claims.json",
    "mintkit credential challenge --audience https://shop.example",
    "mintkit --account holder credential present --claims-file holder-claims.json --disclose age_over_18 --audience https://shop.example --nonce 8f2c… --out presentation.json",
    "mintkit credential verify presentation.json --audience https://shop.example --nonce 8f2c… --trusted-issuer 0xRegistry…:0xIssuer…",
  ]);
  credential.addHelpText(
    "after",
    "\nThe holder's claims file holds every claim value and salt: it is written with mode 0600 and never printed.\nNo personal data goes on chain: only a Merkle root of the salted claims.\n" +
      "One clock: show, present, challenge and verify tell time by the chain's latest block (what the registry's isValid uses).\n",
  );

  registerSchema(credential);
  registerIssue(credential);
  registerRevoke(credential);
  registerRebind(credential);
  registerPresent(credential);
  registerChallenge(credential);
  registerVerify(credential);
}

/** Registers `mintkit credential schema add|list`. */
function registerSchema(credential: Command): void {
  const schema = credential.command("schema").description("Register and list credential types (name + typed claim fields)");
  withExamples(schema, [
    'mintkit credential schema add --name KYC --field "bool age_over_18" --field "string nationality"',
    "mintkit credential schema list --json",
  ]);
  const schemaAdd = schema
    .command("add")
    .description("Register a schema (issuer role); prints its id")
    .option(...registryOption)
    .requiredOption("--name <name>", "the credential type's public name, e.g. KYC")
    .option("--field <field>", 'a claim field "<type> <name>" with a Solidity type, e.g. "string nationality" (repeatable)', collect)
    .option("--age-over <ages>", "add ISO mDL age predicates: 18,21 adds bool age_over_18 and bool age_over_21", collect);
  withExamples(schemaAdd, [
    'mintkit credential schema add --registry 0x… --name KYC --field "bool age_over_18" --field "string nationality"',
    'mintkit credential schema add --name Diploma --field "string degree" --field "uint16 year" --field "bytes32 transcript_hash" --json',
    'mintkit credential schema add --name Age --age-over 18,21,65',
  ]);
  schemaAdd.action(
    credentialAction(async (opts: SchemaAddInput, cmd: Command) => {
      const { schemaAdd: run } = await import("../actions/credential/index.js");
      return run(globalOptions(cmd), opts);
    }),
  );
  const schemaList = schema.command("list").description("List the registry's schemas").option(...registryOption);
  withExamples(schemaList, ["mintkit credential schema list --registry 0x…", "mintkit credential schema list --json"]);
  schemaList.action(
    credentialAction(async (opts: { registry?: string }, cmd: Command) => {
      const { schemaList: run } = await import("../actions/credential/index.js");
      return run(globalOptions(cmd), opts);
    }),
  );

}

/** Registers `mintkit credential issue`. */
function registerIssue(credential: Command): void {
  const issue = credential
    .command("issue")
    .description("Issue a credential: build the holder's claims (fresh random salts), commit them on chain, write the holder's claims file")
    .option(...registryOption)
    .requiredOption("--schema <id>", "the schema id (see `credential schema list`)")
    .requiredOption("--to <address>", "the holder")
    .option("--claims <file>", 'JSON object of claim values by name, e.g. { "nationality": "NL" } (integers may be strings)')
    .option("--age-over <ages>", "derive age_over_NN predicates (ISO mDL) for these ages, e.g. 18,21; needs --birth-date", collect)
    .option("--birth-date <YYYY-MM-DD>", "used only to derive --age-over; never stored (unless the schema has a string birth_date field)")
    .option("--issue-date <YYYY-MM-DD>", "the date the predicates hold on (default: today, by the chain's clock)")
    .option("--expiry <time>", "never (default), unix seconds, an ISO date (2027-05-01) or +<n>[s|m|h|d|y] (e.g. +365d)")
    .option("--burn-auth <who>", "ERC-5484 burn authorization: issuer, owner, both or neither", "issuer")
    .requiredOption("--out <file>", "the holder's claims file to write (mode 0600; refuses to overwrite)")
    .option("--force", "overwrite --out if it exists");
  withExamples(issue, [
    "mintkit credential issue --registry 0x… --schema 1 --to 0xHolder… --claims claims.json --out holder-claims.json",
    "mintkit credential issue --schema 1 --to 0xHolder… --claims claims.json --age-over 18,21 --birth-date 2001-05-02 --expiry +365d --out holder-claims.json",
    "mintkit credential issue --schema 2 --to 0xHolder… --age-over 18 --birth-date 2001-05-02 --burn-auth both --out h.json --json",
  ]);
  issue.action(
    credentialAction(async (opts: IssueInput, cmd: Command) => {
      const { issueCredential } = await import("../actions/credential/index.js");
      return issueCredential(globalOptions(cmd), opts);
    }),
  );

}

/** Registers `mintkit credential revoke and reissue`. */
function registerRevoke(credential: Command): void {
  const revoke = credential
    .command("revoke")
    .description("Revoke a credential for good (its issuer or a registry admin)")
    .argument("<tokenId>", "the credential's token id")
    .option(...registryOption)
    .option("--reason <text>", "why, for the public record (never personal data; at most 1024 bytes)", "");
  withExamples(revoke, ['mintkit credential revoke 1234… --registry 0x… --reason "licence withdrawn"', "mintkit credential revoke 1234… --json"]);
  revoke.action(
    credentialAction(async (tokenId: string, opts: { registry?: string; reason?: string }, cmd: Command) => {
      const { revokeCredential } = await import("../actions/credential/index.js");
      return revokeCredential(globalOptions(cmd), tokenId, opts);
    }),
  );

  const reissue = credential
    .command("reissue")
    .description("Reissue a credential to a new holder after key loss: the old one is revoked, the new one keeps the same claims")
    .argument("<tokenId>", "the lost credential's token id")
    .option(...registryOption)
    .requiredOption("--to <address>", "the holder's new address")
    .option("--claims-file <file>", "also point this claims file (the holder's) at the new credential")
    .option("--out <file>", "with --claims-file: write the updated claims file here instead of in place")
    .option("--force", "overwrite --out if it exists");
  withExamples(reissue, [
    "mintkit credential reissue 1234… --to 0xNewWallet… --registry 0x…",
    "mintkit credential reissue 1234… --to 0xNewWallet… --claims-file holder-claims.json --json",
  ]);
  reissue.addHelpText("after", "\nThe claims file stays valid (same claims root); the holder can update its reference with `mintkit credential rebind <claims-file>`.\n");
  reissue.action(
    credentialAction(async (tokenId: string, opts: { registry?: string; to: string; claimsFile?: string; out?: string; force?: boolean }, cmd: Command) => {
      const { reissueCredential } = await import("../actions/credential/index.js");
      return reissueCredential(globalOptions(cmd), tokenId, opts);
    }),
  );

}

/** Registers `mintkit credential rebind and show`. */
function registerRebind(credential: Command): void {
  const rebind = credential
    .command("rebind")
    .description("Point a holder's claims file at the credential that replaced its own (after `credential reissue`; exit 2 when it was never reissued)")
    .argument("<claims-file>", "the holder's claims file")
    .option("--out <file>", "write the updated file here instead of in place")
    .option("--force", "overwrite --out if it exists");
  withExamples(rebind, ["mintkit credential rebind holder-claims.json", "mintkit credential rebind old-claims.json --out holder-claims.json --json"]);
  rebind.action(
    credentialAction(async (file: string, opts: { out?: string; force?: boolean }, cmd: Command) => {
      const { rebindClaimsFile } = await import("../actions/credential/index.js");
      return rebindClaimsFile(globalOptions(cmd), file, opts);
    }),
  );

  const show = credential
    .command("show")
    .description("Show a credential's status (valid, revoked, expired), issuer, schema, holder and dates")
    .argument("<tokenId>", "the credential's token id")
    .option(...registryOption);
  withExamples(show, ["mintkit credential show 1234… --registry 0x…", "mintkit credential show 1234… --json"]);
  show.action(
    credentialAction(async (tokenId: string, opts: { registry?: string }, cmd: Command) => {
      const { showCredential } = await import("../actions/credential/index.js");
      return showCredential(globalOptions(cmd), tokenId, opts);
    }),
  );

}

/** Registers `mintkit credential present`. */
function registerPresent(credential: Command): void {
  const present = credential
    .command("present")
    .description("As the holder: disclose chosen claims to one verifier, signed for its audience and nonce (EIP-712)")
    .requiredOption("--claims-file <file>", "your claims file (from `credential issue`)")
    .option("--disclose <names>", "claims to disclose, comma-separated or repeated, e.g. age_over_18", collect)
    .option("--prove <predicate>", 'prove in zero knowledge, without disclosing the value: "age>=21" (birth_date), "score in 600..850", "score>=600" (repeatable)', collect)
    .requiredOption("--audience <string>", "the verifier's name, as it asked (e.g. https://shop.example)")
    .requiredOption("--nonce <string>", "the verifier's one-time nonce")
    .option("--out <file>", "write the presentation here (mode 0600; default: print it)")
    .option("--force", "overwrite --out if it exists");
  withExamples(present, [
    "mintkit --account holder credential present --claims-file holder-claims.json --disclose age_over_18 --audience https://shop.example --nonce 8f2c… --out presentation.json",
    "mintkit --dev-account 1 credential present --claims-file h.json --disclose age_over_18,nationality --audience shop --nonce n1 --json",
    'mintkit --account holder credential present --claims-file holder-claims.json --prove "age>=21" --audience https://shop.example --nonce 8f2c… --out presentation.json',
  ]);
  present.addHelpText("after", "\nSigned by the signing account (--account keystore, MINTKIT_PRIVATE_KEY or --dev-account): it must be the credential's holder.\n");
  present.action(
    credentialAction(async (opts: PresentInput, cmd: Command) => {
      const { presentCredential } = await import("../actions/credential/index.js");
      return presentCredential(globalOptions(cmd), opts);
    }),
  );

}

/** Registers `mintkit credential challenge`. */
function registerChallenge(credential: Command): void {
  const challenge = credential
    .command("challenge")
    .description("As the verifier: print a fresh random nonce for a holder to present with, recorded as issued until --ttl passes")
    .requiredOption("--audience <string>", "your own name as a verifier (the holder presents to it), e.g. https://shop.example")
    .option("--ttl <seconds>", "how long the nonce stays usable, in seconds of chain time (1 to 2592000)", "600");
  withExamples(challenge, [
    "mintkit credential challenge --audience https://shop.example",
    "mintkit credential challenge --audience https://shop.example --ttl 300 --json",
  ]);
  challenge.addHelpText(
    "after",
    "\nThe nonce is recorded in <data-dir>/nonces/<chainId>/ (one file per nonce). `credential verify` consumes it: it is\n" +
      "accepted once, refused after as NONCE_REUSED, and refused once expired as NONCE_EXPIRED. Times are the chain's\n" +
      "latest block time, the clock of every credential command.\n",
  );
  challenge.action(
    credentialAction(async (opts: ChallengeInput, cmd: Command) => {
      const { issueChallenge } = await import("../actions/credential/index.js");
      return issueChallenge(globalOptions(cmd), opts);
    }),
  );

}

/** Registers `mintkit credential verify`. */
function registerVerify(credential: Command): void {
  const verify = credential
    .command("verify")
    .description("As the verifier: check a presentation against the chain; exit code 0 only when it is valid")
    .argument("<presentation>", "the presentation file (from `credential present`)")
    .requiredOption("--audience <string>", "your own name, as you asked the holder to present to")
    .requiredOption("--nonce <string>", "the nonce you issued for this presentation (from `credential challenge`: consumed, accepted once)")
    .requiredOption("--trusted-issuer <registry:issuer>", "an issuer you trust: <registry>:<issuer>[:<schemaId>[+<schemaId>…]] (repeatable)", collect)
    .option("--max-age <seconds>", "oldest presentation accepted, in seconds", "300")
    .option("--clock-skew <seconds>", "how far in the future a presentation may be dated", "60")
    .option("--require <names>", 'claims that must be disclosed, or predicates that must be proved ("age>=21", "score in 600..850"); comma-separated or repeated', collect)
    .option("--day-tolerance <days>", "days an age proof's date may differ from today (UTC)", "1")
    .option("--on-chain-proof", "also check the proof with the registry's verifyClaims (one more call)")
    .option("--require-challenge", "refuse a nonce not issued by `credential challenge` (NONCE_UNKNOWN)");
  withExamples(verify, [
    "mintkit credential verify presentation.json --audience https://shop.example --nonce 8f2c… --trusted-issuer 0xRegistry…:0xIssuer… --require age_over_18",
    "mintkit credential verify p.json --audience shop --nonce n1 --trusted-issuer 0xR…:0xI…:1 --max-age 60 --json",
    'mintkit credential verify presentation.json --audience https://shop.example --nonce 8f2c… --trusted-issuer 0xRegistry…:0xIssuer… --require "age>=21"',
  ]);
  verify.addHelpText(
    "after",
    "\nNonces: one issued by `credential challenge` is consumed when the presentation is otherwise valid, so a replay\n" +
      "is refused (NONCE_REUSED; NONCE_EXPIRED after its --ttl). A nonce you made yourself is checked against --nonce but\n" +
      "not tracked (a warning says so) unless --require-challenge refuses it (NONCE_UNKNOWN).\n" +
      "Clock: the chain's latest block time (what the registry's isValid uses) decides credential expiry, presentation\n" +
      "age and nonce expiry, as in `credential show` and `credential present`.\n" +
      "\nExit codes: 0 valid; 1 invalid (every reason is printed, each with its code); 2 bad usage or unreadable file;\n3 chain unreachable.\n",
  );
  verify.action(
    credentialAction(async (file: string, opts: VerifyInput, cmd: Command) => {
      const { verifyCredentialPresentation } = await import("../actions/credential/index.js");
      return verifyCredentialPresentation(globalOptions(cmd), file, opts);
    }),
  );
}
