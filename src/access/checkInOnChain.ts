import { keccak256, toHex, type Account, type Address, type Chain, type Client, type Hash, type Hex, type Transport } from "viem";
import { estimateContractGas, readContract, simulateContract, writeContract } from "viem/actions";
import { accessCheckInAbi } from "../contracts/accessCheckIn.js";
import { gasLimitFor } from "../gas/gasLimitFor.js";
import type { AccessGranted } from "./verifyAccess.js";

/** The `eventId` the `AccessCheckIn` contract keys an event by: `keccak256(bytes(event))`. */
export function accessEventId(event: string): Hex {
  return keccak256(toHex(event));
}

/** Parameters of {@link checkInOnChain}. */
export interface CheckInOnChainParameters {
  /** The organiser's `AccessCheckIn` contract (the door account needs its `DOOR_ROLE`). */
  readonly address: Address;
  /** A proof {@link verifyAccess} accepted. */
  readonly granted: AccessGranted;
  readonly account?: Account | Address;
}

/** The ticket a check-in records: what {@link checkInOnChain} reads from a granted proof. */
export interface CheckInTicket {
  /** The event's name (its id is `keccak256(bytes(event))`, see {@link accessEventId}). */
  readonly event: string;
  readonly kind: "erc721" | "erc1155";
  readonly collection: Address;
  /** The ERC-721 token, or the ERC-1155 id. */
  readonly tokenId: bigint;
  /** Who holds it (the proof's signer, or its ERC-1271 wallet). */
  readonly holder: Address;
  /** ERC-1155: the balance that admits (default 1). */
  readonly minBalance?: bigint;
}

/** The ticket of a proof {@link verifyAccess} accepted. */
export function checkInTicket(granted: AccessGranted): CheckInTicket {
  const { challenge } = granted.proof;
  const { grant } = challenge;
  return {
    event: challenge.event,
    kind: grant.kind,
    collection: grant.collection,
    tokenId: granted.tokenId,
    holder: granted.holder,
    ...(grant.kind === "erc1155" ? { minBalance: grant.minBalance ?? 1n } : {}),
  };
}

/** The `AccessCheckIn` call that records `ticket`: `checkIn`, or `checkIn1155` with its minimum balance. */
export function checkInCall(ticket: CheckInTicket) {
  const eventId = accessEventId(ticket.event);
  return ticket.kind === "erc721"
    ? ({ functionName: "checkIn", args: [eventId, ticket.collection, ticket.tokenId, ticket.holder] } as const)
    : ({ functionName: "checkIn1155", args: [eventId, ticket.collection, ticket.tokenId, ticket.holder, ticket.minBalance ?? 1n] } as const);
}

/**
 * The optional public record: after {@link verifyAccess} accepted a proof, a door account marks the ticket
 * as used for the event in an `AccessCheckIn` contract (`checkIn`, or `checkIn1155` with the challenge's
 * minimum balance), which re-checks the holding and emits `CheckedIn`. Simulated first: a ticket already
 * checked in reverts `AlreadyCheckedIn` before anything is sent. Sent with the limit `gasLimitFor` gives
 * (the node's estimate: nothing that can move before inclusion makes a check-in dearer, its record slot is
 * written from zero whatever happens); `estimateCheckInGas` prices it. Returns the transaction hash.
 * Browser-safe.
 * @example
 * const granted = await verifyAccess(publicClient, { proof, audience, event, accept, store });
 * if (granted.valid) await checkInOnChain(doorWallet, { address: checkInContract, granted });
 */
export async function checkInOnChain(client: Client<Transport, Chain, Account>, parameters: CheckInOnChainParameters): Promise<Hash> {
  const account = parameters.account ?? client.account;
  const call = { ...checkInCall(checkInTicket(parameters.granted)), address: parameters.address, abi: accessCheckInAbi, account } as const;
  await simulateContract(client, call as never);
  const estimate = await estimateContractGas(client, call as never);
  const { gasLimit } = await gasLimitFor(client, { operation: "checkIn", estimate });
  return writeContract(client, { ...call, chain: client.chain, gas: gasLimit } as never);
}

/** When a ticket was checked in on chain for the event (unix seconds), or 0. Holder only counts for ERC-1155. */
export async function getOnChainCheckIn<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  parameters: { readonly address: Address; readonly event: string; readonly collection: Address; readonly tokenId: bigint; readonly holder?: Address },
): Promise<bigint> {
  return readContract(client, {
    address: parameters.address,
    abi: accessCheckInAbi,
    functionName: "checkedInAt",
    args: [accessEventId(parameters.event), parameters.collection, parameters.tokenId, parameters.holder ?? "0x0000000000000000000000000000000000000000"],
  });
}
