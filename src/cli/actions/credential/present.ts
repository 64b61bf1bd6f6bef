/**
 * The work of `mintkit credential present|verify` (loaded lazily). NODE-ONLY.
 * `present` signs with the holder's account (keystore / MINTKIT_PRIVATE_KEY / dev key, as every signing
 * command); `verify` needs no account and exits 0 only for a valid presentation.
 */
import { getAddress } from "viem";
import type { ClaimValue } from "../../../credentials/claimTypes.js";
import { createDisclosure } from "../../../credentials/createDisclosure.js";
import { createPresentation } from "../../../credentials/createPresentation.js";
import { checkPresentable } from "../../../credentials/checkPresentable.js";
import { claimValueToJson } from "../../../credentials/normalizeClaimValue.js";
import { parsePresentation, stringifyPresentation } from "../../../credentials/presentationFile.js";
import type { Presentation } from "../../../credentials/presentationTypes.js";
import { verifyPresentation, type PresentationVerification } from "../../../credentials/verifyPresentation.js";
import { commitmentClaimName } from "../../../credentials/commitmentClaims.js";
import { parsePredicate } from "../../../credentials/parsePredicate.js";
import type { PredicateStatement } from "../../../credentials/predicateTypes.js";
import { today } from "../../../credentials/predicateDates.js";
import type { NonceStore } from "../../../credentials/nonceStore.js";
import { CliError } from "../../../errors/CliError.js";
import { CredentialError, isCredentialError } from "../../../errors/CredentialError.js";
import { resolveContext } from "../../context.js";
import { ExitCode } from "../../exitCodes.js";
import { readFileOrFail } from "../../files.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { note, type CommandResult } from "../../output.js";
import { invalidInput } from "../../parse.js";
import { chainTime, verifierNonceStore } from "./challenge.js";
import { readClaimsFile } from "./manage.js";
import { isoTime, parseSeconds, parseTrustedIssuers, splitList } from "./options.js";
import { refuseExisting, writePrivateFile } from "./privateFile.js";

export interface PresentInput {
  claimsFile: string;
  disclose?: string[];
  prove?: string[];
  audience: string;
  nonce: string;
  out?: string;
  force?: boolean;
}

/** Builds a disclosure of the chosen claims and signs it for one verifier (audience + nonce). */
export async function presentCredential(g: GlobalOptions, input: PresentInput): Promise<CommandResult> {
  const statements = (input.prove ?? []).map(parseStatement("--prove"));
  // A predicate discloses its commitment claim (never the value): the verifier checks it is in the credential's root.
  const names = [...new Set([...splitList(input.disclose), ...statements.map((st) => commitmentClaimName(st.claim))])];
  if (names.length === 0) throw invalidInput("--disclose", "", "is required", 'Name the claims to disclose (--disclose age_over_18) or the predicates to prove (--prove "age>=21").');
  if (input.audience.trim() === "") throw invalidInput("--audience", input.audience, "must not be empty", "Use the name the verifier gave you, e.g. https://shop.example.");
  if (input.nonce === "") throw invalidInput("--nonce", input.nonce, "must not be empty", "Use the one-time nonce the verifier gave you.");
  const file = await readClaimsFile(input.claimsFile);
  const disclosure = createDisclosure({ claims: file.claims, names });
  if (input.out !== undefined) await refuseExisting(input.out, "--out", input.force === true);

  const ctx = await resolveContext(g, { signer: true });
  const ref = file.credential;
  if (ref.chainId !== ctx.chainId) {
    throw new CliError("CLI_CHAIN_MISMATCH", `The claims file is for chain ${ref.chainId}, the RPC serves chain ${ctx.chainId}.`, {
      hint: "Point --rpc-url / --network at the chain the credential was issued on.",
      details: { network: ctx.network, expectedChainId: ref.chainId, chainId: ctx.chainId },
    });
  }
  const signer = getAddress(ctx.account.address);
  // The library checks holder (or ERC-1271 wallet), existence and claims root on the chain.
  const check = await checkPresentable(ctx.publicClient, { credential: ref, claimsRoot: file.root, signer }).catch((err: unknown) => {
    throw withPresentHint(err);
  });
  const { holder, onChain, now } = check;
  if (check.revoked) note(g.json, `Warning: credential ${ref.tokenId} is revoked: verifiers will refuse this presentation.`, true);
  else if (check.expired) note(g.json, `Warning: credential ${ref.tokenId} expired at ${isoTime(onChain.expiry)}.`, true);

  let predicates: Awaited<ReturnType<typeof import("../../../credentials/provePredicates.js").provePredicates>> | undefined;
  if (statements.length > 0) {
    const { provePredicates } = await import("../../../credentials/provePredicates.js");
    const { releasePredicateProver } = await import("../../../credentials/releasePredicateProver.js");
    try {
      predicates = await provePredicates({
        claimsFile: file,
        statements,
        day: today(now),
        presentation: { chainId: ref.chainId, registry: ref.registry, tokenId: ref.tokenId, holder: holder ?? signer, audience: input.audience, nonce: input.nonce },
      });
    } finally {
      await releasePredicateProver();
    }
  }
  const presentation = await createPresentation(ctx.walletClient, {
    credential: ref,
    disclosure,
    audience: input.audience,
    nonce: input.nonce,
    issuedAt: now,
    ...(holder === undefined ? {} : { holder }),
    ...(predicates === undefined ? {} : { predicates }),
  });
  const text = stringifyPresentation(presentation);
  const disclosed = presentation.disclosure.claims.map((c) => c.name);
  if (input.out === undefined) return { data: JSON.parse(text) as unknown, text: text.trimEnd() };
  await writePrivateFile(input.out, text);
  return {
    data: {
      presentationFile: input.out,
      tokenId: ref.tokenId,
      registry: ref.registry,
      holder: presentation.holder,
      audience: presentation.audience,
      nonce: presentation.nonce,
      issuedAt: presentation.issuedAt,
      disclosed,
      hidden: file.claims.length - disclosed.length,
      proved: (presentation.predicates ?? []).map((q) => q.statement),
    },
    text: [
      `Presentation of credential ${ref.tokenId} for "${presentation.audience}" written to ${input.out} (mode 0600).`,
      `  discloses ${disclosed.join(", ")} (${file.claims.length - disclosed.length} other claim${file.claims.length - disclosed.length === 1 ? "" : "s"} stay hidden)`,
      ...(presentation.predicates === undefined ? [] : [`  proves    ${presentation.predicates.map((q) => q.statement).join(", ")} in zero knowledge (the values stay hidden)`]),
      `  signed by ${signer}${holder ? ` for contract wallet ${holder}` : ""} at ${isoTime(presentation.issuedAt)}`,
    ],
  };
}

export interface VerifyInput {
  audience: string;
  nonce: string;
  trustedIssuer: string[];
  maxAge?: string;
  clockSkew?: string;
  require?: string[];
  onChainProof?: boolean;
  dayTolerance?: string;
  requireChallenge?: boolean;
}

/** `"age>=21"`-style predicates as statements; a bad one is a CLI input error naming the option. */
function parseStatement(option: string): (text: string) => PredicateStatement {
  return (text) => {
    try {
      return parsePredicate(text);
    } catch (err) {
      if (!isCredentialError(err, "CREDENTIAL_INVALID_PREDICATE")) throw err;
      throw invalidInput(option, text, "is not a predicate mintkit proves", 'Write "age>=21", "score in 600..850", "score>=600" or "score<=850".');
    }
  };
}

/** `--day-tolerance`: a whole number of days from 0 to 30. */
function parseDays(text: string): number {
  if (!/^\d{1,2}$/.test(text) || Number(text) > 30) throw invalidInput("--day-tolerance", text, "must be a whole number of days from 0 to 30", "e.g. --day-tolerance 1 (the default) accepts proofs made yesterday or tomorrow (time zones).");
  return Number(text);
}

/** A `--require` entry is a predicate when it compares (`>=`, `<=`, ` in `), a claim name otherwise. */
const isPredicate = (entry: string) => /(>=|<=|\sin\s)/.test(entry);

/** Checks a presentation file against the chain; sets exit code 1 unless it is valid. */
export async function verifyCredentialPresentation(g: GlobalOptions, file: string, input: VerifyInput): Promise<CommandResult> {
  const trustedIssuers = await parseTrustedIssuers(input.trustedIssuer);
  if (trustedIssuers.length === 0) {
    throw invalidInput("--trusted-issuer", "", "is required", "Name at least one issuer you trust: --trusted-issuer <registry>:<issuer>.");
  }
  const maxAge = input.maxAge === undefined ? 300 : parseSeconds(input.maxAge, "--max-age");
  const clockSkew = input.clockSkew === undefined ? 60 : parseSeconds(input.clockSkew, "--clock-skew");
  const required = splitList(input.require);
  const requiredClaims = required.filter((entry) => !isPredicate(entry));
  const requiredPredicates = required.filter(isPredicate).map(parseStatement("--require"));
  const predicateDayTolerance = input.dayTolerance === undefined ? 1 : parseDays(input.dayTolerance);
  const text = new TextDecoder().decode(await readFileOrFail(file));

  let presentation: Presentation | undefined;
  let result: PresentationVerification;
  try {
    presentation = parsePresentation(text);
  } catch (err) {
    if (!isCredentialError(err, "CREDENTIAL_INVALID_PRESENTATION")) throw err;
    const problems = (err.details as { problems: readonly string[] }).problems;
    result = { valid: false, reasons: [{ code: "MALFORMED_PRESENTATION", message: `The presentation file is malformed: ${problems.join("; ")}.` }], claims: {}, predicates: [] };
  }
  if (presentation !== undefined) {
    result = await checkOnChain(g, presentation, input, {
      trustedIssuers,
      maxAge,
      clockSkew,
      requiredClaims,
      requiredPredicates,
      predicateDayTolerance,
    });
  }
  const verdict = result!;
  if (!verdict.valid) process.exitCode = ExitCode.failure;
  return verdictResult(file, verdict, presentation);
}

/** The checks of `verifyCredentialPresentation` that are not about the file: chain, clock, nonce. */
type PresentationChecks = Pick<
  Parameters<typeof verifyPresentation>[2],
  "trustedIssuers" | "maxAge" | "clockSkew" | "requiredClaims" | "requiredPredicates" | "predicateDayTolerance"
>;

/** Verifies a parsed presentation against the chain, by its clock, consuming the nonce when recorded. */
async function checkOnChain(g: GlobalOptions, presentation: Presentation, input: VerifyInput, checks: PresentationChecks): Promise<PresentationVerification> {
  const ctx = await resolveContext(g);
  const now = await chainTime(ctx);
  const store = verifierNonceStore(ctx);
  let unrecorded = false;
  // Nonces from `credential challenge` are consumed (a replay is NONCE_REUSED). Others are the verifier's own
  // (made outside mintkit): refused as NONCE_UNKNOWN with --require-challenge, otherwise accepted with a warning.
  const nonceStore: NonceStore = {
    issue: (record) => store.issue(record),
    consume: async (nonce, at) => {
      const consumed = await store.consume(nonce, at);
      if (consumed !== "unknown" || input.requireChallenge === true) return consumed;
      unrecorded = true;
      return "ok";
    },
  };
  const result = await verifyPresentation(ctx.publicClient, presentation, {
    ...checks,
    audience: input.audience,
    nonce: input.nonce,
    nonceStore,
    now,
    onChainProof: input.onChainProof === true,
  });
  if (unrecorded && result.valid) {
    note(
      g.json,
      `warning: nonce "${input.nonce}" was not issued by \`mintkit credential challenge\` here, so nothing stops this presentation from verifying again. Issue nonces with \`credential challenge\` (and pass --require-challenge) to refuse replays.`,
      true,
    );
  }
  if (presentation.predicates !== undefined) {
    const { releasePredicateProver } = await import("../../../credentials/releasePredicateProver.js");
    await releasePredicateProver();
  }
  return result;
}

/** The verdict as JSON data and printed lines. */
function verdictResult(file: string, verdict: PresentationVerification, presentation: Presentation | undefined): CommandResult {
  const claims = Object.fromEntries(Object.entries(verdict.claims).map(([k, v]) => [k, claimValueToJson(v as ClaimValue)]));
  const c = verdict.credential;
  const data = {
    valid: verdict.valid,
    file,
    reasons: verdict.reasons,
    claims,
    predicates: verdict.predicates,
    presentation:
      presentation === undefined
        ? null
        : {
            chainId: presentation.chainId,
            registry: presentation.registry,
            tokenId: presentation.tokenId,
            holder: presentation.holder,
            audience: presentation.audience,
            issuedAt: presentation.issuedAt,
            disclosed: presentation.disclosure.claims.map((x) => x.name),
          },
    credential:
      c === undefined
        ? null
        : { tokenId: c.tokenId, holder: c.holder, issuer: c.issuer, schemaId: c.schemaId, issuedAt: c.issuedAt, expiry: c.expiry, revoked: c.revoked },
  };
  const lines = verdict.valid
    ? [
        `VALID: credential ${presentation!.tokenId} of ${presentation!.holder}, issued by ${c?.issuer ?? "?"} (schema ${c?.schemaId ?? "?"}).`,
        ...Object.entries(claims).map(([k, v]) => `  ${k} = ${typeof v === "string" ? v : JSON.stringify(v)}`),
        ...verdict.predicates.map((st) => `  proved ${st} (zero knowledge)`),
      ]
    : [
        `INVALID: ${verdict.reasons.length} reason${verdict.reasons.length === 1 ? "" : "s"}:`,
        ...verdict.reasons.map((r) => `  - ${r.code}: ${r.message}`),
      ];
  return { data, text: lines };
}

/** The library's `CREDENTIAL_NOT_PRESENTABLE`, with the CLI's way out in the hint (--account, `credential rebind`). */
function withPresentHint(err: unknown): unknown {
  if (!isCredentialError(err, "CREDENTIAL_NOT_PRESENTABLE") || err.details === undefined) return err;
  const { details } = err;
  const hint =
    details.reason === "not the holder"
      ? "Sign as the holder: --account <the holder's keystore>, MINTKIT_PRIVATE_KEY or --dev-account. If the credential was reissued to you, run `mintkit credential rebind <claims-file>` first."
      : details.reason === "no such credential"
        ? "If it was reissued, run `mintkit credential rebind <claims-file>`; otherwise ask the issuer."
        : err.hint;
  return new CredentialError("CREDENTIAL_NOT_PRESENTABLE", err.shortMessage, { hint, details, cause: err.cause });
}
