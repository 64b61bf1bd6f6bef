import {
  encodeFunctionData,
  keccak256,
  parseEventLogs,
  zeroAddress,
  type Hex,
  type LocalAccount,
  type TransactionReceipt,
} from "viem";
import {
  estimateFeesPerGas,
  getBlock,
  getGasPrice,
  getTransaction,
  getTransactionCount,
  getTransactionReceipt,
  readContract,
  sendRawTransaction,
  waitForTransactionReceipt,
} from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { BatchError } from "../errors/BatchError.js";
import { simulateGas, type GasClient } from "../gas/simulateGas.js";
import { TRANSACTION_GAS_CAP } from "../gas/transactionGasLimit.js";
import type { BatchJournal } from "./BatchJournal.js";
import { injectFault, type BatchFaults } from "./faults.js";
import type { BatchEvent, BatchStep, ConfirmedRecord, PlanRecord, SignedRecord, StepStatus } from "./types.js";

/** What a step needs: the chain, the signer, the journal. */
export interface StepContext {
  readonly client: GasClient;
  readonly account: LocalAccount;
  readonly plan: PlanRecord;
  readonly journal: BatchJournal;
  readonly faults?: BatchFaults;
  readonly confirmTimeoutMs: number;
  /** Called after a step is confirmed or settled (the runner rewrites the mapping). */
  readonly onStepDone: (record: ConfirmedRecord | undefined) => void;
  readonly emit: (event: BatchEvent) => void;
  /** Tokens confirmed so far (for progress). */
  readonly tokensConfirmed: () => number;
}

/**
 * Runs one step of a journaled batch to confirmation, whatever state the journal left it in:
 *
 * - confirmed / settled: nothing to do;
 * - signed, not confirmed: the receipt is looked up by hash — mined: confirmed from the receipt; not
 *   mined and its nonce still free: the SAME signed bytes are re-broadcast (same nonce, so it can never
 *   mint twice); nonce used by another transaction (this one can never be mined): the chain decides —
 *   nothing of the step happened (next id still the planned one) → signed afresh, otherwise refused
 *   with `BATCH_NONCE_CONSUMED`;
 * - planned (or reverted): the next id is checked (`BATCH_ID_DRIFT`, nothing sent), the call simulated,
 *   a transaction signed locally, journaled (fsynced) BEFORE it is broadcast, then confirmed.
 */
export async function runBatchStep(ctx: StepContext, status: StepStatus): Promise<void> {
  const { step } = status;
  if (status.state === "confirmed" || status.state === "settled") return;
  let pending = status.state === "pending" ? status.signed : undefined;
  let justSent = false;
  let last: SignedRecord | undefined;
  for (let round = 0; round < 5; round++) {
    if (!pending) {
      pending = await signAndSend(ctx, step);
      if (!pending) return; // settled without a transaction
      justSent = true;
    }
    last = pending;
    if ((await follow(ctx, step, pending, justSent)) === "done") return;
    // Its nonce went to another transaction and nothing of the step happened: sign afresh.
    pending = undefined;
    justSent = false;
  }
  const reason = "it lost its nonce to other transactions five times in a row";
  throw new BatchError("BATCH_NONCE_CONSUMED", `The ${step.key} transaction was not mined: ${reason}.`, {
    hint: "Something else keeps sending from this account; stop it, then run the batch again.",
    details: { step: step.key, txHash: last?.hash ?? "", nonce: last?.nonce ?? -1, accountNonce: -1, reason },
  });
}

/**
 * Sees a signed transaction through: its receipt by hash → confirmed; not mined with its nonce still
 * free → the same bytes re-broadcast (unless just sent) and waited for; nonce used by another
 * transaction → decided from the chain ({@link decideAfterLostNonce}).
 */
async function follow(ctx: StepContext, step: BatchStep, signed: SignedRecord, justSent: boolean): Promise<"done" | "resign"> {
  const { client } = ctx;
  let send = !justSent;
  for (;;) {
    const receipt = await findReceipt(client, signed.hash);
    if (receipt) {
      await confirm(ctx, step, signed, receipt);
      return "done";
    }
    const accountNonce = await getTransactionCount(client, { address: ctx.account.address, blockTag: "latest" });
    if (accountNonce > signed.nonce) {
      // The nonce is used: ours was mined just now (look once more), or another transaction took it.
      if (await findReceipt(client, signed.hash)) continue;
      return decideAfterLostNonce(ctx, step, signed, accountNonce);
    }
    if (send) {
      try {
        await sendRawTransaction(client, { serializedTransaction: signed.raw });
      } catch (err) {
        // "already known" (still in the pool) is fine; "nonce too low" means mined or replaced meanwhile:
        // the next round looks again. Anything else is real.
        if (!(await isKnown(client, signed.hash)) && !/nonce too low|already known|known transaction/i.test(String((err as Error).message))) {
          throw err;
        }
      }
      ctx.emit({ type: "step", step: step.key, status: "rebroadcast", hash: signed.hash, ...progress(ctx, step) });
      injectFault(ctx.faults, "after-broadcast", step.key);
    }
    send = false;
    const mined = await waitForReceipt(ctx, step, signed.hash);
    // viem resolves with a replacement's receipt when another transaction took the nonce: look again.
    if (mined.transactionHash.toLowerCase() === signed.hash.toLowerCase()) {
      await confirm(ctx, step, signed, mined);
      return "done";
    }
  }
}

async function isKnown(client: GasClient, hash: Hex): Promise<boolean> {
  try {
    await getTransaction(client, { hash });
    return true;
  } catch {
    return false;
  }
}

/** The nonce of a journaled transaction went to another one: sign again only if nothing of the step happened. */
async function decideAfterLostNonce(
  ctx: StepContext,
  step: BatchStep,
  signed: SignedRecord,
  accountNonce: number,
): Promise<"done" | "resign"> {
  const refuse = (reason: string) =>
    new BatchError(
      "BATCH_NONCE_CONSUMED",
      `The journaled transaction of ${step.key} (${signed.hash}) can never be mined: nonce ${signed.nonce} was used by another transaction, and ${reason}.`,
      {
        hint:
          "Another transaction was sent from this account with the batch's nonce (a wallet's speed-up or cancel, or another tool). " +
          "Check on a block explorer what that transaction did; `mintkit batch status` shows what the batch confirmed. " +
          "mintkit refuses to guess, so that no token is minted twice.",
        details: { step: step.key, txHash: signed.hash, nonce: signed.nonce, accountNonce, reason },
      },
    );
  if (step.kind === "mint") {
    const next = await nextTokenId(ctx);
    if (next !== BigInt(step.firstId)) {
      throw refuse(`the collection's next id is ${next}, not the planned ${step.firstId}: ids of this chunk may have been minted by it`);
    }
    return "resign";
  }
  const base = await readContract(ctx.client, { address: ctx.plan.collection, abi: mintkitCollectionAbi, functionName: "baseURI" });
  if (base === step.uri) {
    ctx.journal.append({ type: "settled", step: step.key, reason: "the base URI was set by another transaction", at: now() });
    ctx.onStepDone(undefined);
    ctx.emit({ type: "step", step: step.key, status: "settled", ...progress(ctx, step) });
    return "done";
  }
  return "resign";
}

/**
 * Checks the collection is where the plan expects it (`BATCH_ID_DRIFT` otherwise, nothing sent), signs
 * the step's transaction, journals it (fsynced) and only then broadcasts it. Undefined when the step
 * needed no transaction (base URI already set).
 */
async function signAndSend(ctx: StepContext, step: BatchStep): Promise<SignedRecord | undefined> {
  const { client, account, plan } = ctx;
  // Nothing is sent unless the collection is where the plan expects it.
  const next = await nextTokenId(ctx);
  if (next !== BigInt(expectedNextId(plan, step))) throw drift(ctx, step, next);
  if (step.kind === "setBaseURI") {
    const base = await readContract(client, { address: plan.collection, abi: mintkitCollectionAbi, functionName: "baseURI" });
    if (base === step.uri) {
      ctx.journal.append({ type: "settled", step: step.key, reason: "the base URI was already set", at: now() });
      ctx.onStepDone(undefined);
      ctx.emit({ type: "step", step: step.key, status: "settled", ...progress(ctx, step) });
      return undefined;
    }
  }

  const data =
    step.kind === "mint"
      ? encodeFunctionData({ abi: mintkitCollectionAbi, functionName: "mintBatch", args: [plan.to, BigInt(step.count), BigInt(step.firstId)] })
      : encodeFunctionData({ abi: mintkitCollectionAbi, functionName: "setBaseURI", args: [step.uri] });
  const estimated =
    step.kind === "mint"
      ? await simulateGas(client, "mintBatch", {
          address: plan.collection,
          abi: mintkitCollectionAbi,
          functionName: "mintBatch",
          args: [plan.to, BigInt(step.count), BigInt(step.firstId)],
          account,
        })
      : await simulateGas(client, "setBaseURI", {
          address: plan.collection,
          abi: mintkitCollectionAbi,
          functionName: "setBaseURI",
          args: [step.uri],
          account,
        });
  const block = await getBlock(client, { blockTag: "latest" });
  let gas = (estimated * 12n) / 10n;
  const cap = block.gasLimit < TRANSACTION_GAS_CAP ? block.gasLimit : TRANSACTION_GAS_CAP;
  if (gas > cap) gas = cap > estimated ? cap : estimated;
  const nonce = await getTransactionCount(client, { address: account.address, blockTag: "pending" });
  const fees = await feeFields(client);
  const raw = await account.signTransaction({
    chainId: plan.chainId,
    to: plan.collection,
    data,
    gas,
    nonce,
    value: 0n,
    ...fees,
  });
  const hash = keccak256(raw);
  const signed: SignedRecord = { type: "signed", step: step.key, nonce, hash, raw, at: now() };
  ctx.journal.append(signed, { point: "torn-sign", step: step.key });
  ctx.emit({ type: "step", step: step.key, status: "signed", hash, ...progress(ctx, step) });
  injectFault(ctx.faults, "after-sign", step.key);

  await sendRawTransaction(client, { serializedTransaction: raw });
  ctx.emit({ type: "step", step: step.key, status: "broadcast", hash, ...progress(ctx, step) });
  injectFault(ctx.faults, "after-broadcast", step.key);
  return signed;
}

/** Journals a mined transaction: a confirmation (ids from the Transfer logs), or a revert. */
async function confirm(ctx: StepContext, step: BatchStep, signed: SignedRecord, receipt: TransactionReceipt): Promise<void> {
  const { plan } = ctx;
  if (receipt.status !== "success") {
    ctx.journal.append({ type: "reverted", step: step.key, hash: signed.hash, blockNumber: receipt.blockNumber.toString(), at: now() });
    throw new BatchError("BATCH_TX_REVERTED", `The ${step.key} transaction ${signed.hash} reverted in block ${receipt.blockNumber}.`, {
      hint: "Run the command again: the step is checked and simulated afresh, and the simulation names the revert reason.",
      details: { step: step.key, txHash: signed.hash, blockNumber: receipt.blockNumber.toString() },
    });
  }
  let ids: bigint[] | undefined;
  if (step.kind === "mint") {
    ids = parseEventLogs({ abi: mintkitCollectionAbi, eventName: "Transfer", logs: receipt.logs })
      .filter((l) => l.address.toLowerCase() === plan.collection.toLowerCase() && l.args.from === zeroAddress)
      .map((l) => l.args.tokenId)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  const record: ConfirmedRecord = {
    type: "confirmed",
    step: step.key,
    hash: signed.hash,
    blockNumber: receipt.blockNumber.toString(),
    gasUsed: receipt.gasUsed.toString(),
    effectiveGasPrice: receipt.effectiveGasPrice.toString(),
    ...(ids ? { firstTokenId: (ids[0] ?? 0n).toString(), tokenIds: ids.map(String) } : {}),
    at: now(),
  };
  ctx.journal.append(record, { point: "torn-confirm", step: step.key });
  injectFault(ctx.faults, "after-confirm", step.key);
  if (step.kind === "mint" && ids) {
    const first = BigInt(step.firstId);
    const expected = Array.from({ length: step.count }, (_, i) => first + BigInt(i));
    if (ids.length !== expected.length || ids.some((id, i) => id !== expected[i])) {
      throw new BatchError(
        "BATCH_IDS_MISMATCH",
        `The ${step.key} transaction minted ids ${describeIds(ids)}, not the planned ${step.firstId}..${first + BigInt(step.count) - 1n}.`,
        {
          hint:
            "Another mint landed on the collection between the check and this transaction, so these tokens point at other items' " +
            "metadata. The journal records the ids really minted; fix their metadata with setTokenURI, or burn them and start a new batch.",
          details: { step: step.key, txHash: signed.hash, plannedFirstId: step.firstId, mintedIds: ids.map(String) },
        },
      );
    }
  }
  ctx.onStepDone(record);
  ctx.emit({ type: "step", step: step.key, status: "confirmed", hash: signed.hash, ...progress(ctx, step) });
}

async function waitForReceipt(ctx: StepContext, step: BatchStep, hash: Hex): Promise<TransactionReceipt> {
  try {
    return await waitForTransactionReceipt(ctx.client, { hash, timeout: ctx.confirmTimeoutMs, pollingInterval: 250 });
  } catch (err) {
    throw new BatchError("BATCH_TX_NOT_CONFIRMED", `The ${step.key} transaction ${hash} was not mined within ${ctx.confirmTimeoutMs / 1000} s.`, {
      hint: "Run the same command again later: the journal holds the signed transaction, which is looked up and re-broadcast (same nonce, never a second mint).",
      details: { step: step.key, txHash: hash, timeoutMs: ctx.confirmTimeoutMs },
      cause: err,
    });
  }
}

async function findReceipt(client: GasClient, hash: Hex): Promise<TransactionReceipt | undefined> {
  try {
    return await getTransactionReceipt(client, { hash });
  } catch (err) {
    if ((err as { name?: string }).name === "TransactionReceiptNotFoundError") return undefined;
    throw err;
  }
}

async function feeFields(
  client: GasClient,
): Promise<{ type: "eip1559"; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { type: "legacy"; gasPrice: bigint }> {
  try {
    const fees = await estimateFeesPerGas(client, { type: "eip1559", chain: client.chain });
    return { type: "eip1559", maxFeePerGas: fees.maxFeePerGas, maxPriorityFeePerGas: fees.maxPriorityFeePerGas };
  } catch (err) {
    if ((err as { name?: string }).name !== "Eip1559FeesNotSupportedError") throw err;
    return { type: "legacy", gasPrice: await getGasPrice(client) };
  }
}

async function nextTokenId(ctx: StepContext): Promise<bigint> {
  return readContract(ctx.client, { address: ctx.plan.collection, abi: mintkitCollectionAbi, functionName: "nextTokenId" });
}

/** The next id the collection must show before `step`: its first id, or the batch's for the base URI. */
function expectedNextId(plan: PlanRecord, step: BatchStep): string {
  return step.kind === "mint" ? step.firstId : plan.firstId;
}

function drift(ctx: StepContext, step: BatchStep, actual: bigint): BatchError<"BATCH_ID_DRIFT"> {
  const expected = expectedNextId(ctx.plan, step);
  return new BatchError(
    "BATCH_ID_DRIFT",
    `The collection's next token id is ${actual}, but ${step.key} expects ${expected}: something else minted on it since the batch was planned. Nothing was sent.`,
    {
      hint:
        "The batch's metadata is at ipfs://<dir>/<planned id>.json, so minting other ids would give tokens the wrong files. " +
        "Keep other mints off the collection while a batch runs. To mint these items anyway, start a new batch with a new " +
        "journal (--journal <path>) on a collection without tokens, or ask for per-token URIs.",
      details: { collection: ctx.plan.collection, step: step.key, expectedNextTokenId: expected, actualNextTokenId: actual.toString() },
    },
  );
}

function progress(ctx: StepContext, _step: BatchStep): { tokensConfirmed: number; tokensTotal: number } {
  return { tokensConfirmed: ctx.tokensConfirmed(), tokensTotal: ctx.plan.items.length };
}

function describeIds(ids: readonly bigint[]): string {
  if (ids.length === 0) return "(none)";
  return ids.length === 1 ? String(ids[0]) : `${ids[0]}..${ids[ids.length - 1]}`;
}

function now(): string {
  return new Date().toISOString();
}
