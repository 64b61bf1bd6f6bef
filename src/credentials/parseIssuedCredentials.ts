import { getAddress, parseEventLogs, type Address, type Log } from "viem";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";
import { decodeCredentialTokenId } from "./credentialReference.js";

/** A credential issued (or reissued) in a transaction. */
export interface IssuedCredential {
  readonly registry: Address;
  readonly tokenId: bigint;
  readonly issuer: Address;
  readonly holder: Address;
  readonly schemaId: number;
  /** ERC-5484: 0 IssuerOnly, 1 OwnerOnly, 2 Both, 3 Neither. */
  readonly burnAuth: number;
}

/**
 * The credentials a transaction issued, from its receipt's logs (ERC-5484 `Issued` events of any
 * `CredentialRegistry`; pass `registry` to keep only one contract's): what an issuer needs to write each
 * holder's claims file after `issue`, `issueBatch` or `reissue`.
 *
 * @example
 * const receipt = await publicClient.waitForTransactionReceipt({ hash });
 * const [issued] = parseIssuedCredentials(receipt.logs, { registry });
 */
export function parseIssuedCredentials(logs: readonly Log[], options: { registry?: Address } = {}): IssuedCredential[] {
  const events = parseEventLogs({ abi: credentialRegistryAbi, eventName: "Issued", logs: [...logs] });
  return events
    .filter((e) => options.registry === undefined || e.address.toLowerCase() === options.registry.toLowerCase())
    .map((e) => {
      const { holder, schemaId } = decodeCredentialTokenId(e.args.tokenId);
      return { registry: getAddress(e.address), tokenId: e.args.tokenId, issuer: e.args.from, holder, schemaId, burnAuth: e.args.burnAuth };
    });
}
