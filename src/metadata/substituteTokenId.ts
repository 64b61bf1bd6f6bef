import { MetadataError } from "../errors/MetadataError.js";

const MAX_TOKEN_ID = (1n << 256n) - 1n;

/**
 * Replaces every `{id}` in an ERC-1155 URI template with the token id as ERC-1155 specifies it:
 * lowercase hex, zero-padded to 64 characters, no `0x`.
 *
 * `substituteTokenId("ipfs://bafy…/{id}.json", 314592n)` gives
 * `ipfs://bafy…/000000000000000000000000000000000000000000000000000000000004cce0.json`.
 * A URI without `{id}` (a per-id URI) is returned unchanged.
 *
 * @param uri The template, e.g. what an ERC-1155 contract's `uri(id)` returns.
 * @param id The token id: a bigint, or a non-negative safe integer number.
 * @throws MetadataError `TOKEN_ID_INVALID` when `id` is negative, fractional, unsafe or >= 2^256.
 */
export function substituteTokenId(uri: string, id: bigint | number): string {
  return uri.replaceAll("{id}", formatTokenId(id));
}

function formatTokenId(id: bigint | number): string {
  let value: bigint;
  if (typeof id === "number") {
    if (!Number.isSafeInteger(id)) {
      throw invalid(String(id), "it is not a safe integer number", "pass it as a bigint (e.g. 123n or BigInt(\"123\"))");
    }
    value = BigInt(id);
  } else if (typeof id === "bigint") {
    value = id;
  } else {
    throw invalid(String(id), `it is a ${typeof id}`, "pass a bigint or a number (parse strings with BigInt(text))");
  }
  if (value < 0n) throw invalid(value.toString(), "it is negative", "token ids are uint256: pass a value >= 0");
  if (value > MAX_TOKEN_ID) throw invalid(value.toString(), "it does not fit in uint256", "pass a value below 2^256");
  return value.toString(16).padStart(64, "0");
}

function invalid(id: string, reason: string, hint: string): MetadataError<"TOKEN_ID_INVALID"> {
  return new MetadataError("TOKEN_ID_INVALID", `Token id ${id} cannot be substituted into {id}: ${reason}.`, {
    hint: `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`,
    details: { id, reason },
  });
}
