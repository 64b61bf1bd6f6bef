/**
 * Where doors record admissions: the first check-in of a ticket for an event wins, every later one is
 * refused, across every door sharing the store. It also remembers the proof nonces it has seen, so a
 * replayed proof is refused. Browser-safe (types only). Implementations: {@link createMemoryCheckInStore}
 * (one process: tests, a browser door) and, in `mintkit/node`, `openSqliteCheckInStore` (a SQLite file in
 * WAL mode, shared by several door processes).
 */
import type { Address } from "viem";

/** Which ticket: for ERC-1155 ids (fungible) the holder is part of the ticket. */
export interface TicketRef {
  readonly event: string;
  readonly chainId: number;
  readonly kind: "erc721" | "erc1155";
  readonly collection: Address;
  readonly tokenId: bigint;
  /** The holder at check-in; part of the ticket's identity only for ERC-1155. */
  readonly holder: Address;
}

/** One admission. */
export interface CheckInRecord extends TicketRef {
  /** The nonce of the proof that was admitted. */
  readonly nonce: string;
  /** Unix seconds (the verifier's clock: by default the chain's latest block). */
  readonly at: number;
}

/** What {@link CheckInStore.checkIn} did: admitted now, or refused with the first admission. */
export type CheckInResult =
  | { readonly admitted: true; readonly record: CheckInRecord }
  | { readonly admitted: false; readonly first: CheckInRecord };

export interface CheckInStore {
  /**
   * Records `nonce` as seen; `true` the first time, `false` ever after (a replay). `expiresAt` (unix seconds)
   * lets a store forget the nonce once a proof carrying it is refused as expired anyway.
   */
  useNonce(nonce: string, expiresAt: number): Promise<boolean>;
  /** Admits the ticket once per event, atomically: of two concurrent check-ins exactly one is admitted. */
  checkIn(record: CheckInRecord): Promise<CheckInResult>;
  /** The admission of a ticket, if any. */
  getCheckIn(ticket: TicketRef): Promise<CheckInRecord | undefined>;
  /** Releases the store (closes the database file). */
  close(): Promise<void>;
}

/**
 * The key a ticket is admitted once under, within its event: `chainId:collection:tokenId` for ERC-721,
 * `chainId:collection:tokenId:holder` for ERC-1155 (lowercase hex addresses, decimal ids).
 */
export function ticketKey(ticket: TicketRef): string {
  const base = `${ticket.chainId}:${ticket.collection.toLowerCase()}:${ticket.tokenId}`;
  return ticket.kind === "erc1155" ? `${base}:${ticket.holder.toLowerCase()}` : base;
}
