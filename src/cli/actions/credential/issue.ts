/**
 * The work of `mintkit credential issue` (loaded lazily). Builds the holder's claims (fresh CSPRNG salts),
 * commits them, issues the credential and writes the holder's claims file — atomically, mode 0600, never
 * half-written. Claim values and salts are never printed: only claim names, the root and the token id.
 * NODE-ONLY.
 */
import { getAddress, type Address, type Hex } from "viem";
import { credentialRegistryAbi } from "../../../contracts/credentialRegistry.js";
import { createClaimsFile, stringifyClaimsFile } from "../../../credentials/claimsFile.js";
import type { Claim } from "../../../credentials/claimTypes.js";
import { commitClaims } from "../../../credentials/commitClaims.js";
import { createClaims } from "../../../credentials/createClaims.js";
import { deriveAgeClaims } from "../../../credentials/deriveAgeClaims.js";
import { committedClaimName, createBlinding } from "../../../credentials/commitmentClaims.js";
import { dayNumber } from "../../../credentials/predicateDates.js";
import { getSchema } from "../../../credentials/getSchema.js";
import { parseIssuedCredentials } from "../../../credentials/parseIssuedCredentials.js";
import { CliError } from "../../../errors/CliError.js";
import { CredentialError } from "../../../errors/CredentialError.js";
import { resolveContext } from "../../context.js";
import { readFileOrFail } from "../../files.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth, note, type CommandResult } from "../../output.js";
import { parseAddress } from "../../parse.js";
import { decodeRevert, isRevertError } from "../../../chain/decodeRevert.js";
import { credentialReverted, credentialWrite } from "./credentialWrite.js";
import { burnAuthNames, isoTime, parseAges, parseBurnAuth, parseCalendarDate, parseExpiry, parseSchemaId } from "./options.js";
import { preparePrivateFile, refuseExisting } from "./privateFile.js";
import { resolveRegistry } from "./registryRecord.js";

export interface IssueInput {
  registry?: string;
  schema: string;
  to: string;
  claims?: string;
  ageOver?: string[];
  birthDate?: string;
  issueDate?: string;
  expiry?: string;
  burnAuth: string;
  out: string;
  force?: boolean;
}

/** Reads the `--claims` JSON file: an object of values by claim name. */
async function readClaimValues(file: string): Promise<Record<string, unknown>> {
  const text = new TextDecoder().decode(await readFileOrFail(file));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new CliError("CLI_INVALID_INPUT", `--claims ${file} is not JSON.`, {
      hint: 'Write the claims as a JSON object of values by claim name, e.g. { "nationality": "NL", "licence_class": 3 }.',
      details: { field: "--claims", value: file, reason: "not JSON" },
      cause: err,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new CliError("CLI_INVALID_INPUT", `--claims ${file} must hold a JSON object of values by claim name.`, {
      hint: 'e.g. { "nationality": "NL", "licence_class": 3 } (integers may be decimal strings).',
      details: { field: "--claims", value: file, reason: "not a JSON object" },
    });
  }
  return parsed as Record<string, unknown>;
}

/** Issues one credential and writes the holder's claims file. */
export async function issueCredential(g: GlobalOptions, input: IssueInput): Promise<CommandResult> {
  // 1. Everything that needs no chain: nothing is sent or written for bad input.
  const holder = await parseAddress(input.to, "--to");
  const schemaId = parseSchemaId(input.schema);
  const burnAuth = parseBurnAuth(input.burnAuth);
  const ages = parseAges(input.ageOver);
  const birthDate = input.birthDate === undefined ? undefined : parseCalendarDate(input.birthDate, "--birth-date");
  const issueDateOption = input.issueDate === undefined ? undefined : parseCalendarDate(input.issueDate, "--issue-date");
  if (ages.length > 0 && birthDate === undefined) {
    throw new CliError("CLI_INVALID_INPUT", "--age-over needs --birth-date (the predicates are derived from it).", {
      hint: "Pass --birth-date YYYY-MM-DD: it is only used to derive age_over_NN and is not stored unless the schema has a birth_date field.",
      details: { field: "--birth-date", reason: "missing" },
    });
  }
  const values = input.claims === undefined ? {} : await readClaimValues(input.claims);
  await refuseExisting(input.out, "--out", input.force === true);

  // 2. The chain: registry, schema, time.
  const ctx = await resolveContext(g, { signer: true });
  const registry = await resolveRegistry(ctx, input.registry);
  const schema = await getSchema(ctx.publicClient, { registry, schemaId });
  if (schema === undefined) {
    throw new CliError("CLI_INVALID_INPUT", `Schema ${schemaId} is not registered in ${registry}.`, {
      hint: `List the schemas with \`mintkit credential schema list --registry ${registry}\`, or add one with \`credential schema add\`.`,
      details: { field: "--schema", value: String(schemaId), reason: "unknown schema" },
    });
  }
  const now = (await ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp;
  const expiry = input.expiry === undefined ? 0 : parseExpiry(input.expiry, now);
  const issueDate = issueDateOption ?? new Date(Number(now) * 1000).toISOString().slice(0, 10);

  // 3. The claims: values from --claims, age predicates derived from --birth-date.
  const { claims, blindings } = buildClaims({ schema, schemaId, values, ages, birthDate, issueDate });
  const { root } = commitClaims(claims);
  const issuer = getAddress(ctx.account.address);
  const args = [holder, schemaId, root, expiry, burnAuth] as const;

  // 4. Predict the token id, write the claims file to a private temp file (fails early if the folder is not
  //    writable), issue, then publish the file by rename (rewritten first if another issue took the id).
  let predicted: bigint;
  try {
    ({ result: predicted } = await ctx.publicClient.simulateContract({ address: registry, abi: credentialRegistryAbi, functionName: "issue", args, account: ctx.account }));
  } catch (err) {
    const revert = decodeRevert(err, { abi: credentialRegistryAbi });
    if (!revert.errorName && !isRevertError(err)) throw err;
    throw credentialReverted(revert, { action: "issue", cause: err });
  }
  const fileFor = (tokenId: bigint) =>
    stringifyClaimsFile(createClaimsFile({ credential: { chainId: ctx.chainId, registry, tokenId, holder, issuer, schemaId }, claims, ...(blindings === undefined ? {} : { blindings }) }));
  const pending = await preparePrivateFile(input.out, fileFor(predicted));
  note(g.json, `Issuing schema ${schemaId} "${schema.name}" credential to ${holder} (${claims.length} claims)…`);
  let outcome: Awaited<ReturnType<typeof credentialWrite>>;
  try {
    outcome = await credentialWrite(ctx, "issue", registry, "issue", args);
  } catch (err) {
    await pending.discard();
    throw err;
  }
  const issued = parseIssuedCredentials(outcome.receipt.logs, { registry })[0];
  const tokenId = issued?.tokenId ?? predicted;
  try {
    if (tokenId !== predicted) await pending.rewrite(fileFor(tokenId));
    await pending.commit();
  } catch (err) {
    throw new CliError("CLI_FAILED", `Credential ${tokenId} was issued, but the claims file ${input.out} could not be written.`, {
      hint: `The holder's claims are in ${pending.tempPath} (mode 0600): move it to a safe place for the holder. Cause: ${(err as Error).message}`,
      details: { command: "credential issue" },
      cause: err,
    });
  }

  return issueResult({ tokenId, registry, chainId: ctx.chainId, schemaId, schema, holder, issuer, claims, root, expiry, burnAuth, outcome, out: input.out });
}

/**
 * The claims: values from --claims, age predicates derived from --birth-date (the date itself is a claim only
 * when the schema declares a `birth_date` field that --claims leaves empty), with a fresh blinding per provable claim.
 * @throws CredentialError `CREDENTIAL_INVALID_CLAIMS` with every problem.
 */
function buildClaims(input: {
  schema: NonNullable<Awaited<ReturnType<typeof getSchema>>>;
  schemaId: number;
  values: Record<string, unknown>;
  ages: readonly number[];
  birthDate: string | undefined;
  issueDate: string;
}): { claims: Claim[]; blindings: Record<string, Hex> | undefined } {
  const { schema, schemaId, values, ages, birthDate, issueDate } = input;
  const problems: string[] = [];
  const merged: Record<string, unknown> = { ...values };
  if (birthDate !== undefined) {
    const derived = ages.length > 0 ? deriveAgeClaims({ birthDate, issueDate, ages }) : {};
    for (const [name, value] of Object.entries(derived)) {
      if (Object.prototype.hasOwnProperty.call(values, name)) problems.push(`"${name}" is both in --claims and derived by --age-over: keep one`);
      else merged[name] = value;
    }
    const birthField = schema.claimFields.find((f) => f.name === "birth_date");
    if (birthField?.type === "string" && !Object.prototype.hasOwnProperty.call(values, "birth_date")) merged.birth_date = birthDate;
    // A provable birth date (`uint64 birth_date` + `uint256 birth_date#poseidon`) is kept as days since 1970-01-01.
    else if (birthField !== undefined && /^uint\d+$/.test(birthField.type) && !Object.prototype.hasOwnProperty.call(values, "birth_date")) merged.birth_date = dayNumber(birthDate);
    else if (ages.length === 0 && birthField === undefined) {
      problems.push("--birth-date is given without --age-over and the schema has no birth_date field: it would be unused");
    }
  }
  // Provable claims (`uint256 <name>#poseidon` fields): a fresh blinding each, kept in the holder's claims file.
  const provable = schema.claimFields.map((f) => committedClaimName(f.name)).filter((n): n is string => n !== undefined);
  const blindings = provable.length === 0 ? undefined : Object.fromEntries(provable.map((name) => [name, createBlinding()]));
  let claims: Claim[] = [];
  try {
    claims = createClaims({ fields: schema.fields, values: merged as never, ...(blindings === undefined ? {} : { blindings }) });
  } catch (err) {
    if (!(err instanceof CredentialError) || err.code !== "CREDENTIAL_INVALID_CLAIMS") throw err;
    problems.push(...(err.details as { problems: readonly string[] }).problems);
  }
  const ageFields = schema.claimFields.filter((f) => /^age_over_\d\d$/.test(f.name)).map((f) => f.name);
  const missingAges = ageFields.filter((name) => !Object.prototype.hasOwnProperty.call(merged, name));
  if (problems.length > 0) {
    const tips = [
      `Schema ${schemaId} "${schema.name}" has fields: ${schema.fields.join(", ")}.`,
      ...(missingAges.length > 0 ? [`Derive ${missingAges.join(", ")} with --age-over ${missingAges.map((n) => Number(n.slice(9))).join(",")} --birth-date YYYY-MM-DD.`] : []),
    ];
    throw new CredentialError("CREDENTIAL_INVALID_CLAIMS", `The claims do not fit schema ${schemaId} "${schema.name}" (${problems.length} problem${problems.length === 1 ? "" : "s"}).`, {
      hint: `${tips.join(" ")} Fix: ${problems.join("; ")}.`,
      details: { problems },
    });
  }
  return { claims, blindings };
}

/** The issued credential as JSON data and printed lines. */
function issueResult(r: {
  tokenId: bigint;
  registry: Address;
  chainId: number;
  schemaId: number;
  schema: { readonly name: string };
  holder: Address;
  issuer: Address;
  claims: readonly Claim[];
  root: Hex;
  expiry: number;
  burnAuth: number;
  outcome: Awaited<ReturnType<typeof credentialWrite>>;
  out: string;
}): CommandResult {
  const { tokenId, registry, schemaId, schema, holder, issuer, claims, root, expiry, burnAuth, outcome } = r;
  const ctx = { chainId: r.chainId };
  const input = { out: r.out };
  const claimNames = claims.map((c) => c.name);
  return {
    data: {
      tokenId,
      registry,
      chainId: ctx.chainId,
      schemaId,
      schemaName: schema.name,
      holder,
      issuer,
      claimsRoot: root,
      claimNames,
      expiry,
      burnAuth: burnAuthNames[burnAuth],
      transactionHash: outcome.transactionHash,
      gasUsed: outcome.gasUsed,
      cost: outcome.fee,
      claimsFile: input.out,
    },
    text: [
      `Credential ${tokenId} issued to ${holder}`,
      `  registry ${registry} (chain ${ctx.chainId})`,
      `  schema   ${schemaId} "${schema.name}": ${claimNames.join(", ")}`,
      `  root     ${root}`,
      `  expiry   ${isoTime(expiry)}`,
      `  burn     ${burnAuthNames[burnAuth]}`,
      `  tx       ${outcome.transactionHash}`,
      `  gas used ${outcome.gasUsed} (${formatEth(outcome.fee)})`,
      `Claims file (values + salts, mode 0600): ${input.out}. Hand it to the holder privately; it is their only copy of the claims.`,
    ],
  };
}
