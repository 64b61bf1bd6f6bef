import { getAddress, isAddress, type Address } from "viem";

/** Which credential a claims file or a presentation is about. */
export interface CredentialReference {
  readonly chainId: number;
  /** The `CredentialRegistry` contract. */
  readonly registry: Address;
  readonly tokenId: bigint;
  readonly holder: Address;
  readonly issuer: Address;
  /** The registered schema (`registry.schema(schemaId)`). */
  readonly schemaId: number;
}

/** The JSON form of a {@link CredentialReference} (`tokenId` as a decimal string). */
export interface CredentialReferenceJson {
  readonly chainId: number;
  readonly registry: string;
  readonly tokenId: string;
  readonly holder: string;
  readonly issuer: string;
  readonly schemaId: number;
}

/**
 * A credential's token id as the registry builds it: `holder << 96 | schemaId << 64 | serial`, where
 * `serial` counts the credentials ever issued to `holder` in that registry (0 for the first).
 */
export function credentialTokenId(parameters: { holder: Address; schemaId: number; serial: bigint | number }): bigint {
  return (BigInt(parameters.holder) << 96n) | (BigInt(parameters.schemaId) << 64n) | BigInt(parameters.serial);
}

/** The holder, schema id and serial a credential's token id encodes (see {@link credentialTokenId}). */
export function decodeCredentialTokenId(tokenId: bigint): { holder: Address; schemaId: number; serial: bigint } {
  return {
    holder: getAddress(`0x${(tokenId >> 96n).toString(16).padStart(40, "0")}`),
    schemaId: Number((tokenId >> 64n) & 0xffffffffn),
    serial: tokenId & 0xffffffffffffffffn,
  };
}

/** The JSON form of a credential reference. */
export function credentialReferenceToJson(ref: CredentialReference): CredentialReferenceJson {
  return { ...ref, tokenId: ref.tokenId.toString() };
}

const MAX_TOKEN_ID = (1n << 256n) - 1n;

/** Checks a credential reference (JSON or in-memory form), pushing every problem; the canonical form if none. */
export function checkCredentialReference(raw: unknown, label: string, problems: string[]): CredentialReference | undefined {
  if (typeof raw !== "object" || raw === null) {
    problems.push(`${label} must be an object { chainId, registry, tokenId, holder, issuer, schemaId }`);
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const before = problems.length;
  const address = (key: string): Address | undefined => {
    const v = r[key];
    if (typeof v === "string" && isAddress(v, { strict: false })) return getAddress(v);
    problems.push(`${label}.${key} must be a 20-byte hex address`);
    return undefined;
  };
  const chainId = r.chainId;
  if (typeof chainId !== "number" || !Number.isSafeInteger(chainId) || chainId <= 0) problems.push(`${label}.chainId must be a positive integer`);
  const registry = address("registry");
  const holder = address("holder");
  const issuer = address("issuer");
  let tokenId: bigint | undefined;
  if (typeof r.tokenId === "bigint") tokenId = r.tokenId;
  else if (typeof r.tokenId === "string" && /^\d+$/.test(r.tokenId)) tokenId = BigInt(r.tokenId);
  if (tokenId === undefined || tokenId < 0n || tokenId > MAX_TOKEN_ID) {
    problems.push(`${label}.tokenId must be a uint256 (a decimal string in JSON)`);
    tokenId = undefined;
  }
  const schemaId = r.schemaId;
  if (typeof schemaId !== "number" || !Number.isInteger(schemaId) || schemaId < 1 || schemaId > 0xffffffff) {
    problems.push(`${label}.schemaId must be an integer from 1 to 2^32-1`);
  }
  if (tokenId !== undefined && holder !== undefined && typeof schemaId === "number") {
    const decoded = decodeCredentialTokenId(tokenId);
    if (decoded.holder !== holder) problems.push(`${label}.tokenId does not belong to ${label}.holder (it encodes holder ${decoded.holder})`);
    if (decoded.schemaId !== schemaId) problems.push(`${label}.tokenId is not of ${label}.schemaId (it encodes schema ${decoded.schemaId})`);
  }
  if (problems.length > before) return undefined;
  return { chainId: chainId as number, registry: registry!, tokenId: tokenId!, holder: holder!, issuer: issuer!, schemaId: schemaId as number };
}
