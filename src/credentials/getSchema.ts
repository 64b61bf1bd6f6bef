import type { Address, Chain, Client, Transport } from "viem";
import { readContract } from "viem/actions";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";
import type { ClaimField } from "./claimTypes.js";
import { isContractRejection } from "./getCredential.js";
import { parseSchemaFields } from "./parseSchemaFields.js";

/** A credential schema as registered on the registry, with its fields parsed. */
export interface CredentialSchema {
  readonly schemaId: number;
  readonly registrar: Address;
  readonly name: string;
  /** The fields as stored: `"<type> <name>"`. */
  readonly fields: readonly string[];
  /** The fields parsed (throws `CREDENTIAL_INVALID_SCHEMA` when a stored field is not one mintkit can encode). */
  readonly claimFields: readonly ClaimField[];
  /** Its own metadata URI (empty: the registry's base URI + id). */
  readonly uri: string;
}

/**
 * Reads schema `schemaId` from the registry at `registry`: `undefined` when no such schema is registered.
 * RPC failures throw.
 */
export async function getSchema<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  parameters: { registry: Address; schemaId: number },
): Promise<CredentialSchema | undefined> {
  try {
    const s = await readContract(client, {
      address: parameters.registry,
      abi: credentialRegistryAbi,
      functionName: "schema",
      args: [parameters.schemaId],
    });
    return { schemaId: parameters.schemaId, registrar: s.registrar, name: s.name, fields: s.fields, claimFields: parseSchemaFields(s.fields), uri: s.uri };
  } catch (error) {
    if (isContractRejection(error)) return undefined;
    throw error;
  }
}
