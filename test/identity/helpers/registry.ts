/** Shared bits for the credential-registry tests. */
import { keccak256, toHex, type Address, type Hex } from "viem";
import type { Claim } from "./merkle.js";

/** ERC-5484 burn authorizations, as the contract's enum. */
export const BurnAuth = { IssuerOnly: 0, OwnerOnly: 1, Both: 2, Neither: 3 } as const;

export const ISSUER_ROLE = keccak256(toHex("ISSUER_ROLE"));
export const DEFAULT_ADMIN_ROLE: Hex = `0x${"00".repeat(32)}`;

/** tokenId = holder << 96 | schemaId << 64 | serial (the contract's id layout). */
export function credentialId(holder: Address, schemaId: number, serial: number): bigint {
  return (BigInt(holder) << 96n) | (BigInt(schemaId) << 64n) | BigInt(serial);
}

/** A deterministic 32-byte salt for tests (real salts are random). */
export function salt(label: string): Hex {
  return keccak256(toHex(`salt:${label}`));
}

/** A KYC-like claim set of `n` claims (n >= 3): the predicates first, then filler attributes. */
export function sampleClaims(n: number, tag = ""): Claim[] {
  const claims: Claim[] = [
    { type: "bool", name: "age_over_18", value: true, salt: salt(`${tag}age_over_18`) },
    { type: "bool", name: "age_over_21", value: false, salt: salt(`${tag}age_over_21`) },
    { type: "string", name: "nationality", value: "NL", salt: salt(`${tag}nationality`) },
  ];
  for (let i = claims.length; i < n; i++) {
    claims.push(
      i % 2 === 0
        ? { type: "uint256", name: `score_${i}`, value: BigInt(i * 1000 + 7), salt: salt(`${tag}score_${i}`) }
        : { type: "bytes32", name: `doc_${i}`, value: keccak256(toHex(`doc${i}`)), salt: salt(`${tag}doc_${i}`) },
    );
  }
  return claims.slice(0, n);
}
