import { zeroAddress, type Address, type Hex } from "viem";
import { readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import { GasError } from "../errors/GasError.js";
import type { Voucher } from "../vouchers/voucherTypes.js";
import { contractKind } from "./contractKind.js";
import { batchCase, holderCases, uidCase } from "./gasCases.js";
import { estimateFields } from "./gasLimitFor.js";
import type { GasCase } from "./headroom.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate, RedeemGasCase } from "./types.js";

/** What {@link estimateRedeemGas} estimates: a signed voucher, redeemed by `from`. */
export interface EstimateRedeemGasParameters {
  readonly contract: Address;
  readonly voucher: Voucher;
  readonly signer: Address;
  readonly signature: Hex;
  /**
   * Who redeems (pays the gas and the price): the real buyer. Default: the voucher's recipient (`to`) when it
   * names one; a bearer voucher (no `to`) needs `from`. The signer itself only when passed explicitly.
   */
  readonly from?: GasAccount;
  /** @deprecated The same as `from` (its name before 1.0). */
  readonly account?: GasAccount;
  /** ETH sent; default the voucher's ETH price (`price × quantity`; 0 for an ERC-20 price). */
  readonly value?: bigint;
}

/**
 * Gas of redeeming a signed lazy-mint voucher (`redeem(voucher, signer, signature)`) on a MintkitCollection
 * or MintkitEditions contract, simulated on the target chain as the real redeemer (`from`, who pays this
 * gas; default the voucher's recipient). `value` defaults to the voucher's ETH price; the redeemer must hold
 * it for the simulation to pass. A voucher that would not redeem (expired, spent, bad signature…) is refused
 * with `GAS_SIMULATION_REVERTED` naming the contract's error.
 *
 * `cases` (and `redeemCase`) say which state-dependent case applies, read from the chain: an explicit ERC-721
 * id (the uid is neither read nor written), a uid opening a new bitmap word (+17.1k) or one in a used word, a batch
 * opening a new 256-id word, a first-time holder (+17.1k). `gasLimit` adds what can still move before
 * inclusion (see {@link headroomFor}).
 *
 * @example
 * const { gas, gasLimit, cases } = await estimateRedeemGas(publicClient, { contract, voucher, signer, signature, from: buyer });
 */
export async function estimateRedeemGas(client: GasClient, parameters: EstimateRedeemGasParameters): Promise<GasEstimate> {
  const contract = toAddress("contract", parameters.contract);
  const signer = toAddress("signer", parameters.signer);
  const { voucher, signature } = parameters;
  const from = redeemer(parameters);
  const fromAddress = accountAddress(from);
  const value = parameters.value ?? (voucher.currency === zeroAddress ? voucher.price * voucher.quantity : 0n);
  const kind = await contractKind(client, contract);
  const call = { address: contract, functionName: "redeem", args: [voucher, signer, signature], account: from, value } as const;
  const sim =
    kind === "editions"
      ? await simulateTransaction(client, "redeem", { ...call, abi: mintkitEditionsAbi }, { measureUsed: true })
      : await simulateTransaction(client, "redeem", { ...call, abi: mintkitCollectionAbi }, { measureUsed: true });
  const uid = kind === "collection" && voucher.tokenId !== 0n ? undefined : await uidCase(client, contract, voucher.uid);
  const redeemCase: RedeemGasCase = uid === undefined ? "explicit-id" : uid.case === "uid-new-word" ? "uid-new-word" : "uid-used-word";
  return {
    operation: "redeem",
    ...(await estimateFields(client, sim, { operation: "redeem", contract, voucher, from: fromAddress })),
    cases: await redeemCases(client, contract, kind, voucher, fromAddress, uid),
    contract,
    account: fromAddress,
    value,
    quantity: voucher.quantity,
    redeemCase,
  };
}

/** The redeemer: `from`, else the deprecated `account`, else the voucher's recipient. */
function redeemer(parameters: EstimateRedeemGasParameters): GasAccount {
  const given = parameters.from ?? parameters.account;
  if (given !== undefined) return typeof given === "string" ? toAddress("from", given) : given;
  if (parameters.voucher.to !== zeroAddress) return parameters.voucher.to;
  throw new GasError("GAS_INVALID_PARAMETER", "Say who redeems this bearer voucher (it names no recipient).", {
    hint: "Pass from: the buyer's address. The redeemer pays the gas and the price, and a first-time holder costs 17.1k more.",
    details: { parameter: "from", value: "undefined", reason: "a voucher without `to` has no default redeemer" },
  });
}

async function redeemCases(
  client: GasClient,
  contract: Address,
  kind: "collection" | "editions",
  voucher: Voucher,
  from: Address,
  uid: GasCase | undefined,
): Promise<GasCase[]> {
  const to = voucher.to === zeroAddress ? from : voucher.to;
  const cases: GasCase[] = [
    uid ?? { case: "explicit-id", gas: 0n, description: `explicit token id ${voucher.tokenId}: the uid is neither read nor written (the minted token guards the replay; it is cancelled by its id)` },
  ];
  if (kind === "collection") {
    if (voucher.tokenId === 0n && voucher.quantity > 1n) {
      const next = await readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
      cases.push(...(await batchCase(client, contract, next, voucher.quantity)));
    }
    cases.push(...(await holderCases(client, contract, [to], "collection")));
  } else if (voucher.tokenId !== 0n) {
    cases.push(...(await holderCases(client, contract, [to], "editions", voucher.tokenId)));
  }
  return cases;
}
