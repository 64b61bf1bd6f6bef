import type { Chain, Client, Transport } from "viem";
import type { CheckInRecord } from "./checkInStore.js";
import { verifyAccess, type AccessGranted, type AccessRefused, type VerifyAccessParameters } from "./verifyAccess.js";

export type AdmitAccessParameters = VerifyAccessParameters;

/** Admitted: the ticket's check-in record. Refused: the reason (and, for a second entry, the first one). */
export type AdmitAccessReturnType =
  | (AccessGranted & { readonly admitted: true; readonly record: CheckInRecord })
  | (AccessRefused & { readonly admitted: false; readonly first?: CheckInRecord });

/**
 * The door's one call: {@link verifyAccess}, then the check-in — the first admission of a ticket to an
 * event wins, every later one is refused with `ALREADY_CHECKED_IN` (also after the ticket changed hands).
 * Browser-safe; the store decides how far "once" reaches (one process, or every door sharing a SQLite file).
 * @example
 * const result = await admitAccess(publicClient, { proof: scannedText, audience, event: "devcon-2026", accept: { collection }, store });
 * if (result.admitted) open(); else show(result.reason, result.message);
 */
export async function admitAccess<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  parameters: AdmitAccessParameters,
): Promise<AdmitAccessReturnType> {
  const verified = await verifyAccess(client, parameters);
  if (!verified.valid) return { ...verified, admitted: false };
  const { challenge } = verified.proof;
  const result = await parameters.store.checkIn({
    event: challenge.event,
    chainId: challenge.chainId,
    kind: challenge.grant.kind,
    collection: challenge.grant.collection,
    tokenId: verified.tokenId,
    holder: verified.holder,
    nonce: challenge.nonce,
    at: verified.now,
  });
  if (result.admitted) return { ...verified, admitted: true, record: result.record };
  return {
    valid: false,
    admitted: false,
    reason: "ALREADY_CHECKED_IN",
    message: `This ticket was already admitted to ${challenge.event} at ${new Date(result.first.at * 1000).toISOString()} (held by ${result.first.holder}).`,
    holder: verified.holder,
    tokenId: verified.tokenId,
    first: result.first,
  };
}
