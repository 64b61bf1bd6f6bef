import { encodeAbiParameters, hexToBigInt, keccak256, zeroAddress, type Address, type Hex } from "viem";
import { getStorageAt } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import type { Voucher } from "../vouchers/voucherTypes.js";
import { contractKind } from "./contractKind.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import { gasFields, type GasEstimate, type RedeemGasCase } from "./types.js";

/** LazyMint's ERC-7201 storage location (`LAZY_MINT_STORAGE`): its first member maps uid words to spent bits. */
const LAZY_MINT_STORAGE: Hex = "0x8f0f3f2d36cf09a9cbdd74f17c6d0d1827ded1c04f643d48e987f1d97e50ed00";

/**
 * Gas of redeeming a signed lazy-mint voucher (`redeem(voucher, signer, signature)`) on a MintkitCollection
 * or MintkitEditions contract, simulated on the target chain as `account` (the buyer, who pays this gas).
 * `value` defaults to the voucher's ETH price (`price × quantity`; 0 for an ERC-20 price); the buyer must
 * hold it for the simulation to pass. A voucher that would not redeem (expired, spent, bad signature…)
 * is refused with `GAS_SIMULATION_REVERTED` naming the contract's error. `redeemCase` says which storage
 * case the redemption is (an explicit ERC-721 id: no uid read or write; a uid opening a new bitmap word: ~17k more
 * than one in a used word), read from the contract's uid bitmap.
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
  const redeemCase = await redeemGasCase(client, contract, kind, voucher);
  return {
    operation: "redeem",
    ...gasFields(sim),
    contract,
    account: accountAddress(account),
    value,
    quantity: voucher.quantity,
    redeemCase,
  };
}

/** The storage case of redeeming `voucher` at `contract` (see {@link RedeemGasCase}). */
async function redeemGasCase(
  client: GasClient,
  contract: Address,
  kind: "collection" | "editions",
  voucher: Voucher,
): Promise<RedeemGasCase> {
  if (kind === "collection" && voucher.tokenId !== 0n) return "explicit-id";
  const slot = keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "bytes32" }], [voucher.uid >> 8n, LAZY_MINT_STORAGE]));
  const word = await getStorageAt(client, { address: contract, slot });
  return word === undefined || hexToBigInt(word) === 0n ? "uid-new-word" : "uid-used-word";
}
