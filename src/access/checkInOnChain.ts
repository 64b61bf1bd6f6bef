import { keccak256, toHex, type Account, type Address, type Chain, type Client, type Hash, type Hex, type Transport } from "viem";
import { readContract, simulateContract, writeContract } from "viem/actions";
import { accessCheckInAbi } from "../contracts/accessCheckIn.js";
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

/**
 * The optional public record: after {@link verifyAccess} accepted a proof, a door account marks the ticket
 * as used for the event in an `AccessCheckIn` contract (`checkIn`, or `checkIn1155` with the challenge's
 * minimum balance), which re-checks the holding and emits `CheckedIn`. Simulated first: a ticket already
 * checked in reverts `AlreadyCheckedIn` before anything is sent. Returns the transaction hash. Browser-safe.
 * @example
 * const granted = await verifyAccess(publicClient, { proof, audience, event, accept, store });
 * if (granted.valid) await checkInOnChain(doorWallet, { address: checkInContract, granted });
 */
export async function checkInOnChain(client: Client<Transport, Chain, Account>, parameters: CheckInOnChainParameters): Promise<Hash> {
  const { challenge } = parameters.granted.proof;
  const { grant } = challenge;
  const eventId = accessEventId(challenge.event);
  const { holder, tokenId } = parameters.granted;
  const account = parameters.account ?? client.account;
  const base = { address: parameters.address, abi: accessCheckInAbi, account } as const;
  if (grant.kind === "erc721") {
    const args = [eventId, grant.collection, tokenId, holder] as const;
    await simulateContract(client, { ...base, functionName: "checkIn", args });
    return writeContract(client, { ...base, functionName: "checkIn", args, chain: client.chain });
  }
  const args = [eventId, grant.collection, tokenId, holder, grant.minBalance ?? 1n] as const;
  await simulateContract(client, { ...base, functionName: "checkIn1155", args });
  return writeContract(client, { ...base, functionName: "checkIn1155", args, chain: client.chain });
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
