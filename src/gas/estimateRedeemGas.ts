import { zeroAddress, type Address, type Hex } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import type { Voucher } from "../vouchers/voucherTypes.js";
import { contractKind } from "./contractKind.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import { gasFields, type GasEstimate } from "./types.js";

/**
 * Gas of redeeming a signed lazy-mint voucher (`redeem(voucher, signer, signature)`) on a MintkitCollection
 * or MintkitEditions contract, simulated on the target chain as `account` (the buyer, who pays this gas).
 * `value` defaults to the voucher's ETH price (`price × quantity`; 0 for an ERC-20 price); the buyer must
 * hold it for the simulation to pass. A voucher that would not redeem (expired, spent, bad signature…)
 * is refused with `GAS_SIMULATION_REVERTED` naming the contract's error.
 *
 * @example
 * const { gas, value } = await estimateRedeemGas(publicClient, { contract, voucher, signer, signature, account: buyer });
 */
export async function estimateRedeemGas(
  client: GasClient,
  parameters: {
    readonly contract: Address;
    readonly voucher: Voucher;
    readonly signer: Address;
    readonly signature: Hex;
    readonly account: GasAccount;
    readonly value?: bigint;
  },
): Promise<GasEstimate> {
  const contract = toAddress("contract", parameters.contract);
  const signer = toAddress("signer", parameters.signer);
  const { voucher, signature, account } = parameters;
  const value = parameters.value ?? (voucher.currency === zeroAddress ? voucher.price * voucher.quantity : 0n);
  const kind = await contractKind(client, contract);
  const sim =
    kind === "editions"
      ? await simulateTransaction(client, "redeem", {
          address: contract,
          abi: mintkitEditionsAbi,
          functionName: "redeem",
          args: [voucher, signer, signature],
          account,
          value,
        }, { measureUsed: true })
      : await simulateTransaction(client, "redeem", {
          address: contract,
          abi: mintkitCollectionAbi,
          functionName: "redeem",
          args: [voucher, signer, signature],
          account,
          value,
        }, { measureUsed: true });
  return { operation: "redeem", ...gasFields(sim), contract, account: accountAddress(account), value, quantity: voucher.quantity };
}
