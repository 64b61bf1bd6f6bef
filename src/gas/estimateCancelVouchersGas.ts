import type { Address } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { GasError } from "../errors/GasError.js";
import { estimateFields } from "./gasLimitFor.js";
import { SLOT_OPENED_GAS, type GasCase } from "./headroom.js";
import { readUidWord } from "./readUidWord.js";
import { accountAddress, simulateTransaction, type GasAccount, type GasClient } from "./simulateGas.js";
import { toAddress } from "./toQuantity.js";
import type { GasEstimate } from "./types.js";

/**
 * Gas of cancelling vouchers by uid (`cancelVouchers(uids)`) on a MintkitCollection or MintkitEditions
 * contract, simulated on the target chain as `account` (a minter or an admin). Each uid sets a bit in the
 * spent and the cancelled bitmaps, 256 uids a word: `cases` says how many words the call opens (+17.1k
 * each; consecutive uids share words). No headroom: a word another transaction opens first only makes the
 * call cheaper.
 *
 * @example
 * const { gas, cases } = await estimateCancelVouchersGas(publicClient, { contract: collection, uids: [7n, 8n], account: owner });
 */
export async function estimateCancelVouchersGas(
  client: GasClient,
  parameters: { readonly contract: Address; readonly uids: readonly bigint[]; readonly account: GasAccount },
): Promise<GasEstimate> {
  const contract = toAddress("contract", parameters.contract);
  const { uids, account } = parameters;
  if (!Array.isArray(uids) || uids.length === 0 || uids.some((u) => typeof u !== "bigint" || u < 0n || u >= 2n ** 256n)) {
    throw new GasError("GAS_INVALID_PARAMETER", "cancelVouchers needs at least one uid, each a uint256 (bigint).", {
      hint: "Pass uids as a non-empty array of bigints, e.g. [7n, 8n].",
      details: { parameter: "uids", value: String(uids), reason: "empty, or not uint256 bigints" },
    });
  }
  const sim = await simulateTransaction(client, "cancelVouchers", {
    address: contract,
    abi: mintkitCollectionAbi, // the same LazyMint function and errors in MintkitEditions
    functionName: "cancelVouchers",
    args: [uids],
    account,
  }, { measureUsed: true });
  return {
    operation: "cancelVouchers",
    ...(await estimateFields(client, sim, { operation: "cancelVouchers" })),
    cases: await wordCases(client, contract, uids),
    contract,
    account: accountAddress(account),
    value: 0n,
    quantity: BigInt(uids.length),
  };
}

/** How many spent and cancelled bitmap words the uids open (written from zero) and how many they rewrite. */
async function wordCases(client: GasClient, contract: Address, uids: readonly bigint[]): Promise<GasCase[]> {
  const words = [...new Set(uids.map((u) => u >> 8n))];
  const reads = await Promise.all(
    words.flatMap((w) => [readUidWord(client, contract, w << 8n, 0), readUidWord(client, contract, w << 8n, 1)]),
  );
  const opened = reads.filter((word) => word === 0n).length;
  const used = reads.length - opened;
  const cases: GasCase[] = [];
  if (opened > 0) cases.push({ case: "uid-new-word", gas: SLOT_OPENED_GAS * BigInt(opened), description: `opens ${opened} bitmap word(s) of spent or cancelled uids (+17.1k each)` });
  if (used > 0) cases.push({ case: "uid-used-word", gas: 0n, description: `rewrites ${used} bitmap word(s) already used` });
  return cases;
}
