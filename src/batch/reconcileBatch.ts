import { keccak256, type Hex } from "viem";
import { getCode, getTransactionReceipt, readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { BatchError } from "../errors/BatchError.js";
import type { GasClient } from "../gas/simulateGas.js";
import type { BatchStatus } from "./types.js";

export interface ReconcileBatchReturnType {
  /** keccak256 of the collection's runtime code now. */
  readonly codeHash: Hex;
  /** The collection's next token id now. */
  readonly nextTokenId: bigint;
  /** Journaled transactions found on chain, and journaled token ranges whose owners were checked. */
  readonly transactionsChecked: number;
  readonly rangesChecked: number;
}

/**
 * Checks a batch journal against the chain, which is the only truth: the collection has code, the same
 * code as when the batch was planned (when the plan recorded it), every confirmed transaction is known to
 * the chain in the journaled block, the first and last token of every minted range have an owner (any: a
 * holder may have transferred them since), and the next id is not behind the journal. Called on every resume and before a
 * batch is declared complete. Reads only. NODE-ONLY (through its callers).
 *
 * @example
 * await reconcileBatch(client, batchStatusFromRecords(path, journal.records))
 *
 * @throws BatchError `BATCH_JOURNAL_STALE` naming the failed check and what to do (`--restart`).
 */
export async function reconcileBatch(client: GasClient, status: BatchStatus): Promise<ReconcileBatchReturnType> {
  const { plan, journal } = status;
  const stale = (check: "code" | "codeHash" | "transaction" | "owner" | "nextTokenId", what: string, expected: string, actual: string) =>
    new BatchError("BATCH_JOURNAL_STALE", `The journal ${journal} does not match the chain: ${what}. Its batch state is gone (dev chain restarted, another chain, or the collection redeployed).`, {
      hint:
        "Nothing was sent. If the collection is new (e.g. a restarted dev chain), run the same command with --restart to start a new " +
        `batch on the chain as it is now (the old journal is kept beside, renamed). If the chain or address is wrong, check --rpc-url / --network and the collection (chain id ${plan.chainId}, ${plan.collection}).`,
      details: { journal, chainId: plan.chainId, collection: plan.collection, check, expected, actual },
    });

  const code = await getCode(client, { address: plan.collection });
  if (code === undefined || code === "0x") {
    throw stale("code", `there is no contract at ${plan.collection}`, "contract code", "none");
  }
  const codeHash = keccak256(code);
  if (plan.codeHash !== undefined && plan.codeHash !== codeHash) {
    throw stale("codeHash", `the code at ${plan.collection} is not the code the batch was planned on`, plan.codeHash, codeHash);
  }

  let transactionsChecked = 0;
  let rangesChecked = 0;
  let mintedUpTo = 0n; // last id the journal says is minted
  for (const step of status.steps) {
    if (step.state !== "confirmed" && step.state !== "settled") continue;
    if (step.confirmed) {
      const receipt = await getTransactionReceipt(client, { hash: step.confirmed.hash }).catch(() => undefined);
      if (!receipt || receipt.blockNumber.toString() !== step.confirmed.blockNumber || receipt.status !== "success") {
        throw stale(
          "transaction",
          `its ${step.step.key} transaction ${step.confirmed.hash} is not on this chain in block ${step.confirmed.blockNumber}`,
          `mined in block ${step.confirmed.blockNumber}`,
          receipt ? `block ${receipt.blockNumber} (${receipt.status})` : "unknown to the chain",
        );
      }
      transactionsChecked++;
    }
    if (step.step.kind !== "mint") continue;
    const first = BigInt(step.step.firstId);
    const last = first + BigInt(step.step.count) - 1n;
    for (const id of first === last ? [first] : [first, last]) {
      const owner = await readContract(client, { address: plan.collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [id] }).catch(
        () => undefined,
      );
      // It must exist (`ownerOf` reverts for a token that does not); its owner may differ from the batch's
      // receiver once the holder has transferred it, which is no sign of a stale journal.
      if (owner === undefined) {
        throw stale("owner", `token ${id} (minted by ${step.step.key} per the journal) does not exist`, `an owner (minted to ${plan.to})`, "no token");
      }
    }
    rangesChecked++;
    if (last > mintedUpTo) mintedUpTo = last;
  }

  const nextTokenId = await readContract(client, { address: plan.collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
  if (nextTokenId <= mintedUpTo) {
    throw stale("nextTokenId", `the collection's next id is ${nextTokenId}, but the journal has minted up to ${mintedUpTo}`, `> ${mintedUpTo}`, nextTokenId.toString());
  }
  return { codeHash, nextTokenId, transactionsChecked, rangesChecked };
}
