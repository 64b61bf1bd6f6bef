import type { Address } from "viem";
import { checkInCall, checkInTicket, type CheckInTicket } from "../access/checkInOnChain.js";
import type { AccessGranted } from "../access/verifyAccess.js";
import { accessCheckInAbi } from "../contracts/accessCheckIn.js";
import { GasError } from "../errors/GasError.js";
import { estimateFields } from "./gasLimitFor.js";
import { SLOT_CREATED_GAS } from "./headroom.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/** What {@link estimateCheckInGas} estimates: the ticket of a granted proof (as `checkInOnChain` takes it), or the ticket itself. */
export type EstimateCheckInGasParameters = {
  /** The organiser's `AccessCheckIn` contract. */
  readonly address: Address;
  /** The door account (it needs the contract's `DOOR_ROLE`). */
  readonly account: GasAccount;
} & ({ readonly granted: AccessGranted; readonly ticket?: undefined } | { readonly ticket: CheckInTicket; readonly granted?: undefined });

/**
 * Gas of the on-chain check-in `checkInOnChain` sends (`AccessCheckIn.checkIn`, or `checkIn1155`), simulated
 * as the door `account`. A check-in that would revert (`AlreadyCheckedIn`, `NotTicketHolder`,
 * `BalanceTooLow`) is refused with `GAS_SIMULATION_REVERTED` naming the error; a door without the role with
 * `GAS_NOT_MINTER` (the account may not write). The contract keeps one record slot per ticket and nothing per
 * event, so the first check-in of an event costs what later ones cost: the `ticket-record` case (a slot
 * written from zero). No headroom: nothing that can move before inclusion makes it dearer.
 *
 * @example
 * const { gas, gasLimit } = await estimateCheckInGas(publicClient, { address: checkInContract, granted, account: door });
 */
export async function estimateCheckInGas(client: GasClient, parameters: EstimateCheckInGasParameters): Promise<GasEstimate> {
  const address = toAddress("address", parameters.address);
  const ticket = parameters.granted !== undefined ? checkInTicket(parameters.granted) : parameters.ticket;
  const call = checkInCall(ticket);
  const sim = await simulateTransaction(client, "check in", { ...call, address, abi: accessCheckInAbi, account: parameters.account } as never, { measureUsed: true }).catch(
    (err: unknown) => {
      if (!(err instanceof GasError) || err.code !== "GAS_NOT_MINTER") throw err;
      const door = accountAddress(parameters.account);
      throw new GasError("GAS_NOT_MINTER", `${door} may not check in on ${address}: it lacks the DOOR_ROLE.`, {
        hint: "Estimate as a door account (--from), or have the contract's admin grant it: grantRole(DOOR_ROLE, door).",
        details: { contract: address, account: door },
        cause: err,
      });
    },
  );
  return {
    operation: "checkIn",
    ...(await estimateFields(client, sim, { operation: "checkIn" })),
    cases: [
      {
        case: "ticket-record",
        gas: 0n,
        description: `the ticket's record for "${ticket.event}" is a fresh slot (${SLOT_CREATED_GAS.toLocaleString("en-US")} gas, the first check-in of the event or not: the contract keeps nothing per event)`,
      },
    ],
    contract: address,
    account: accountAddress(parameters.account),
    value: 0n,
    quantity: 1n,
    via: call.functionName,
  };
}
