/** The work of `mintkit credential schema add|list` (loaded lazily). NODE-ONLY. */
import { parseEventLogs } from "viem";
import { credentialRegistryAbi } from "../../../contracts/credentialRegistry.js";
import { ageOverFields } from "../../../credentials/deriveAgeClaims.js";
import { getSchema, type CredentialSchema } from "../../../credentials/getSchema.js";
import { parseSchemaFields } from "../../../credentials/parseSchemaFields.js";
import { CliError } from "../../../errors/CliError.js";
import { resolveContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import { formatEth, note, type CommandResult } from "../../output.js";
import { credentialWrite } from "./credentialWrite.js";
import { parseAges } from "./options.js";
import { resolveRegistry } from "./registryRecord.js";

export interface SchemaAddInput {
  registry?: string;
  name: string;
  field?: string[];
  ageOver?: string[];
}

/** Registers a schema: `--field "<type> <name>"` (repeatable) and `--age-over 18,21` (adds `bool age_over_NN`). */
export async function schemaAdd(g: GlobalOptions, input: SchemaAddInput): Promise<CommandResult> {
  if (input.name.trim() === "") {
    throw new CliError("CLI_INVALID_INPUT", "--name must not be empty.", {
      hint: 'Name the credential type, e.g. --name KYC (public: no personal data).',
      details: { field: "--name", value: input.name, reason: "empty" },
    });
  }
  const fields = [...ageOverFields(parseAges(input.ageOver)), ...(input.field ?? []).map((f) => f.trim().replace(/\s+/g, " "))];
  parseSchemaFields(fields); // every problem listed (CREDENTIAL_INVALID_SCHEMA) before anything is sent

  const ctx = await resolveContext(g, { signer: true });
  const registry = await resolveRegistry(ctx, input.registry);
  note(g.json, `Registering schema "${input.name}" (${fields.length} field${fields.length === 1 ? "" : "s"}) in ${registry}…`);
  const outcome = await credentialWrite(ctx, "registerSchema", registry, "registerSchema", [input.name, fields]);
  const [event] = parseEventLogs({ abi: credentialRegistryAbi, eventName: "SchemaRegistered", logs: outcome.receipt.logs });
  const schemaId = event?.args.schemaId ?? Number(outcome.result);
  return {
    data: {
      registry,
      schemaId,
      name: input.name,
      fields,
      registrar: ctx.account.address,
      transactionHash: outcome.transactionHash,
      gasUsed: outcome.gasUsed,
      cost: outcome.fee,
    },
    text: [
      `Schema ${schemaId} "${input.name}" registered in ${registry}`,
      ...fields.map((f) => `  field    ${f}`),
      `  tx       ${outcome.transactionHash}`,
      `  gas used ${outcome.gasUsed} (${formatEth(outcome.fee)})`,
      `Next: mintkit credential issue --registry ${registry} --schema ${schemaId} --to <holder> --claims claims.json --out holder-claims.json`,
    ],
  };
}

/** Lists the registry's schemas (id, name, fields, registrar). */
export async function schemaList(g: GlobalOptions, input: { registry?: string }): Promise<CommandResult> {
  const ctx = await resolveContext(g);
  const registry = await resolveRegistry(ctx, input.registry);
  const count = await ctx.publicClient.readContract({ address: registry, abi: credentialRegistryAbi, functionName: "schemaCount" });
  const schemas: (CredentialSchema | { schemaId: number; registrar: string; name: string; fields: readonly string[]; uri: string; problem: string })[] = [];
  for (let id = 1; id <= count; id++) {
    try {
      const s = await getSchema(ctx.publicClient, { registry, schemaId: id });
      if (s) schemas.push(s);
    } catch (err) {
      // A schema registered by another tool may hold fields mintkit cannot encode: still list it.
      const raw = await ctx.publicClient.readContract({ address: registry, abi: credentialRegistryAbi, functionName: "schema", args: [id] });
      schemas.push({ schemaId: id, registrar: raw.registrar, name: raw.name, fields: raw.fields, uri: raw.uri, problem: (err as Error).message });
    }
  }
  const data = {
    registry,
    chainId: ctx.chainId,
    schemas: schemas.map((s) => ({
      schemaId: s.schemaId,
      name: s.name,
      fields: s.fields,
      registrar: s.registrar,
      uri: s.uri,
      ...("problem" in s ? { problem: s.problem } : {}),
    })),
  };
  const text =
    schemas.length === 0
      ? [`No schema registered in ${registry} yet. Add one with: mintkit credential schema add --registry ${registry} --name KYC --field "bool age_over_18"`]
      : [
          `${schemas.length} schema${schemas.length === 1 ? "" : "s"} in ${registry}:`,
          ...schemas.flatMap((s) => [
            `  ${s.schemaId}  ${s.name}  (registrar ${s.registrar}${s.uri ? `, uri ${s.uri}` : ""})`,
            ...s.fields.map((f) => `       ${f}`),
            ...("problem" in s ? [`       (mintkit cannot issue this schema: ${s.problem})`] : []),
          ]),
        ];
  return { data, text };
}
