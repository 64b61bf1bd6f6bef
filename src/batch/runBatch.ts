import { existsSync, renameSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { CID } from "multiformats/cid";
import { getAddress, keccak256, type Address, type LocalAccount } from "viem";
import { getChainId, getCode, getTransactionCount, readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { BatchError } from "../errors/BatchError.js";
import { planBatchMint } from "../gas/planBatchMint.js";
import { simulateGas, type GasClient } from "../gas/simulateGas.js";
import type { ProfileInput, ProfileName } from "../ipfs/profiles.js";
import type { BlockStore } from "../ipfs/stores/BlockStore.js";
import { createFsStore } from "../ipfs/stores/fsStore.js";
import { BatchJournal, readJournalFile } from "./BatchJournal.js";
import { acquireCollectionLock } from "./collectionLock.js";
import { reconcileBatch } from "./reconcileBatch.js";
import { batchIdFor, DEFAULT_DATA_DIR, defaultBatchJournalPath, mappingPathFor } from "./batchJournalPath.js";
import { batchStatusFromRecords } from "./batchStatus.js";
import { armedBatchFaults, injectFault } from "./faults.js";
import { importBatchDirectory, type ImportedBatch } from "./importBatchDirectory.js";
import { loadBatchInput } from "./loadBatchInput.js";
import { runBatchStep, type StepContext } from "./runBatchStep.js";
import type { BatchEvent, BatchStatus, BatchStep, BatchSummary, PlanRecord, ValidatedItem } from "./types.js";
import { validateBatchItems } from "./validateBatchItems.js";
import { batchMapping, writeBatchMapping } from "./writeBatchMapping.js";

export interface RunBatchOptions {
  /** Reads the chain and sends the signed transactions (a public client). */
  readonly client: GasClient;
  /** Signs locally (private key, keystore, mnemonic): the signed bytes go in the journal before broadcast. */
  readonly account: LocalAccount;
  /** A deployed MintkitCollection on which `account` may mint (and set the base URI, if needed). */
  readonly collection: Address;
  /** A folder of media files or a manifest JSON (see `loadBatchInput`). */
  readonly input: string;
  /** Who receives the tokens; default `account`. */
  readonly to?: Address;
  /** Data folder: journals in `<dataDir>/batches`, blocks in `<dataDir>/ipfs`. Default `.mintkit`. */
  readonly dataDir?: string;
  /** Journal path; default `<dataDir>/batches/<batchId>.jsonl` (found again by the same command). */
  readonly journal?: string;
  /** Block store; default the embedded store in `<dataDir>/ipfs` (closed at the end). */
  readonly store?: BlockStore;
  /** CID profile; default `unixfs-v1-2025`. */
  readonly profile?: ProfileInput;
  /** Your cap on one transaction's gas; chunks stay under it (and the chain's limits). */
  readonly maxGasPerTransaction?: bigint;
  /** Largest media file in bytes; default 100 MB. */
  readonly maxMediaSize?: number;
  /** How long to wait for each transaction to be mined (default 300 s); a resume keeps waiting. */
  readonly confirmTimeoutMs?: number;
  /** Progress. Must not throw. */
  readonly onEvent?: (event: BatchEvent) => void;
  /**
   * Start a new batch although the journal exists, because its chain state is gone (`BATCH_JOURNAL_STALE`:
   * dev chain restarted, collection redeployed). The old journal is kept, renamed `<journal>.stale-<time>`.
   * Refused (`BATCH_RESTART_REFUSED`) while the journal still matches the chain.
   */
  readonly restart?: boolean;
  /**
   * Called once the batch is planned (or resumed) and its directory is in the store, before any
   * transaction is sent: publish the directory there (e.g. push to Kubo, pin and wait), so that no token
   * URI is set on content nobody else can fetch. Throwing stops the run with nothing sent (a re-run resumes).
   */
  readonly beforeSend?: (batch: { readonly dirCid: CID; readonly store: BlockStore; readonly plan: PlanRecord }) => Promise<void>;
}

/**
 * Batch-mints a folder or manifest of media to a MintkitCollection, resumably. NODE-ONLY.
 *
 * 1. Every item is validated before anything else (`BATCH_INPUT_INVALID` lists every problem).
 * 2. A new batch is refused while the account has transactions not yet mined
 *    (`BATCH_PENDING_TRANSACTIONS`: an interrupted run's chunk could overlap the plan; resume it instead).
 *    Ids are planned from `nextTokenId()`, the chunks from `planBatchMint` (under the chain's and your
 *    gas caps); media and `<id>.json` metadata are uploaded as one directory, so `tokenURI(id) =
 *    ipfs://<dirCID>/<id>.json`, and checked retrievable. If the collection's base URI is not already
 *    that directory, it is set first (a journaled step) when the collection has no tokens or no base
 *    URI; otherwise `BATCH_BASE_URI_CONFLICT`.
 * 3. A write-ahead journal (JSONL, fsynced per record) holds the plan, then per transaction the signed
 *    bytes BEFORE broadcast and the confirmation after. Killed at any point (kill -9), the same call
 *    resumes: journaled transactions are looked up by hash and re-broadcast as signed (same nonce, no
 *    double mint); ids that drifted are refused (`BATCH_ID_DRIFT`) before sending anything.
 * 4. `mapping.json` (token id ↔ file) is written at plan time and after every chunk.
 *
 * @example
 * const summary = await runBatch({ client: publicClient, account: privateKeyToAccount(key),
 *   collection, input: "./art", dataDir: ".mintkit" });
 * summary.tokenIds; // ["1", "2", …]
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchSummary> {
  const emit = (event: BatchEvent) => options.onEvent?.(event);
  const { client, account } = options;
  const collection = getAddress(options.collection);
  const to = getAddress(options.to ?? account.address);
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;

  // 1. Validate everything first: nothing is written for bad input.
  const { source, problems } = await loadBatchInput(options.input);
  const items = await validateBatchItems(source, {
    problems,
    ...(options.maxMediaSize === undefined ? {} : { maxMediaSize: options.maxMediaSize }),
  });
  emit({ type: "validated", items: items.length });

  const chainId = await getChainId(client);
  const batchId = batchIdFor(chainId, collection, source.input);
  const journalPath = options.journal ?? defaultBatchJournalPath(dataDir, batchId);
  // One batch at a time per (chain, collection), whatever the journal.
  const lock = acquireCollectionLock(dataDir, chainId, collection);
  try {
    if (options.restart) await setStaleJournalAside(client, journalPath);
    return await runLocked(options, { emit, collection, to, dataDir, items, source, chainId, batchId, journalPath });
  } finally {
    lock.release();
  }
}

/** `--restart`: renames a journal whose chain state is gone; refuses for one that still matches the chain. */
async function setStaleJournalAside(client: GasClient, journalPath: string): Promise<void> {
  const contents = readJournalFile(journalPath);
  if (!contents || contents.records.length === 0) return;
  try {
    await reconcileBatch(client, batchStatusFromRecords(journalPath, contents.records));
  } catch (err) {
    if (err instanceof BatchError && err.code === "BATCH_JOURNAL_STALE") {
      renameSync(journalPath, `${journalPath}.stale-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      return;
    }
    throw err;
  }
  throw new BatchError("BATCH_RESTART_REFUSED", `The journal ${journalPath} still matches the chain: restarting would plan its items again.`, {
    hint: "Run the same command without --restart: it resumes (or reports the batch complete). To mint the items again as a separate batch, pass another --journal.",
    details: { journal: journalPath },
  });
}

interface LockedRun {
  readonly emit: (event: BatchEvent) => void;
  readonly collection: Address;
  readonly to: Address;
  readonly dataDir: string;
  readonly items: readonly ValidatedItem[];
  readonly source: { readonly kind: PlanRecord["input"]["kind"]; readonly input: string };
  readonly chainId: number;
  readonly batchId: string;
  readonly journalPath: string;
}

async function runLocked(options: RunBatchOptions, run: LockedRun): Promise<BatchSummary> {
  const { emit, collection, to, dataDir, items, source, chainId, batchId, journalPath } = run;
  const { client, account } = options;
  const existedBefore = existsSync(journalPath) && statSync(journalPath).size > 0;
  const faults = armedBatchFaults();
  const journal = BatchJournal.open(journalPath);
  let store: BlockStore | undefined;
  const ownStore = options.store === undefined;
  try {
    const getStore = async () => (store ??= options.store ?? (await createFsStore({ path: join(dataDir, "ipfs") })));
    let plan: PlanRecord;
    let resumed = false;
    if (journal.records.length > 0) {
      resumed = true;
      plan = batchStatusFromRecords(journalPath, journal.records).plan;
      checkSameBatch(plan, journalPath, { chainId, collection, account: account.address, to: options.to === undefined ? undefined : to });
      checkSameFiles(plan, items, journalPath);
      // Believe the chain, not the journal: its transactions, tokens and code must be there.
      await reconcileBatch(client, batchStatusFromRecords(journalPath, journal.records));
      if (batchStatusFromRecords(journalPath, journal.records).complete) {
        emit({ type: "complete", alreadyComplete: true });
        return summarize(batchStatusFromRecords(journalPath, journal.records), { alreadyComplete: true, resumed: true });
      }
      const imported = await importBatchDirectory(items, {
        store: await getStore(),
        firstId: BigInt(plan.firstId),
        profile: options.profile ?? (plan.profile as ProfileName),
        onEvent: emit,
      });
      checkSameDirectory(plan, imported, journalPath);
    } else {
      await refusePendingTransactions(client, account.address); // before anything is written
      plan = await planNewBatch({
        ...options,
        collection,
        to,
        chainId,
        batchId,
        journalPath,
        items,
        source: { kind: source.kind, path: source.input },
        store: await getStore(),
        emit,
      });
      journal.append(plan);
    }

    const mapping = plan.mapping;
    let status = batchStatusFromRecords(journalPath, journal.records);
    writeBatchMapping(mapping, batchMapping(status));
    emit({
      type: "planned",
      resumed,
      journal: journalPath,
      steps: plan.steps.length,
      tokens: plan.items.length,
      tokensConfirmed: status.tokens.confirmed,
    });
    injectFault(faults, "after-plan");
    await options.beforeSend?.({ dirCid: CID.parse(plan.dirCid), store: await getStore(), plan });

    const ctx: StepContext = {
      client,
      account,
      plan,
      journal,
      ...(faults ? { faults } : {}),
      confirmTimeoutMs: options.confirmTimeoutMs ?? 300_000,
      emit,
      tokensConfirmed: () => batchStatusFromRecords(journalPath, journal.records).tokens.confirmed,
      onStepDone: () => writeBatchMapping(mapping, batchMapping(batchStatusFromRecords(journalPath, journal.records))),
    };
    let baseChecked = false;
    for (const step of plan.steps) {
      if (step.kind === "mint" && !baseChecked) {
        await checkBaseUri(client, plan);
        baseChecked = true;
      }
      status = batchStatusFromRecords(journalPath, journal.records);
      const stepStatus = status.steps.find((s) => s.step.key === step.key);
      if (stepStatus) await runBatchStep(ctx, stepStatus);
    }

    // "Complete" only for tokens the chain shows.
    await reconcileBatch(client, batchStatusFromRecords(journalPath, journal.records));
    journal.append({ type: "complete", at: new Date().toISOString() });
    status = batchStatusFromRecords(journalPath, journal.records);
    writeBatchMapping(mapping, batchMapping(status));
    emit({ type: "complete", alreadyComplete: false });
    return summarize(status, { alreadyComplete: false, resumed });
  } finally {
    const empty = journal.records.length === 0;
    journal.close();
    // A run that stopped before planning leaves no journal behind.
    if (empty && !existedBefore) {
      try {
        unlinkSync(journalPath);
      } catch {
        // Already gone.
      }
    }
    if (ownStore && store) await store.close?.();
  }
}

interface PlanNewBatchOptions extends RunBatchOptions {
  readonly collection: Address;
  readonly to: Address;
  readonly chainId: number;
  readonly batchId: string;
  readonly journalPath: string;
  readonly items: readonly ValidatedItem[];
  readonly source: PlanRecord["input"];
  readonly store: BlockStore;
  readonly emit: (event: BatchEvent) => void;
}

/**
 * Refuses (`BATCH_PENDING_TRANSACTIONS`) to plan a new batch while the account has transactions in the
 * pool: ids are planned from `nextTokenId()` at `latest`, so a pending chunk of an earlier (killed) run
 * would mint into the new plan's ids. A resumed batch does not come here: it re-sends its own journal.
 */
async function refusePendingTransactions(client: GasClient, address: Address): Promise<void> {
  const [latestNonce, pendingNonce] = await Promise.all([
    getTransactionCount(client, { address, blockTag: "latest" }),
    getTransactionCount(client, { address, blockTag: "pending" }),
  ]);
  if (pendingNonce > latestNonce) {
    const waiting = pendingNonce - latestNonce;
    throw new BatchError(
      "BATCH_PENDING_TRANSACTIONS",
      `The account ${address} has ${waiting} transaction${waiting === 1 ? "" : "s"} sent but not yet mined (nonce ${latestNonce} mined, ${pendingNonce} pending), so a new batch could overlap them.`,
      {
        hint:
          "Wait for them to be mined (or dropped) and run the command again; if they belong to an earlier batch run that was " +
          "interrupted, resume that batch instead (run the same command with the same input and journal).",
        details: { account: address, latestNonce, pendingNonce },
      },
    );
  }
}

/** Plans a fresh batch: ids, chunks, upload, base URI. Nothing is sent. */
async function planNewBatch(o: PlanNewBatchOptions): Promise<PlanRecord> {
  const { client, collection, to, account } = o;
  const read = <F extends "nextTokenId" | "baseURI" | "metadataFrozen">(functionName: F) =>
    readContract(client, { address: collection, abi: mintkitCollectionAbi, functionName });
  // Chunks under the gas caps; also refuses a non-minter and a mint over the max supply.
  const chunkPlan = await planBatchMint(client, {
    collection,
    to,
    count: o.items.length,
    account,
    ...(o.maxGasPerTransaction === undefined ? {} : { maxGasPerTransaction: o.maxGasPerTransaction }),
  });
  const firstId = chunkPlan.nextTokenId;

  const imported = await importBatchDirectory(o.items, {
    store: o.store,
    firstId,
    ...(o.profile === undefined ? {} : { profile: o.profile }),
    onEvent: o.emit,
  });
  const dirCid = imported.dirCid.toString();
  const baseUri = `ipfs://${dirCid}/`;

  const [currentBase, frozen, next, code] = await Promise.all([
    read("baseURI"),
    read("metadataFrozen"),
    read("nextTokenId"),
    getCode(client, { address: collection }),
  ]);
  const steps: BatchStep[] = [];
  if (currentBase !== baseUri) {
    if (frozen) {
      throw new BatchError(
        "BATCH_METADATA_FROZEN",
        `The collection's metadata is frozen at base URI "${currentBase}", so it cannot serve this batch's directory ${baseUri}.`,
        {
          hint: "Deploy a new collection for this batch (mintkit deploy collection), or mint these items with their own URIs (mintkit mint).",
          details: { collection, currentBaseUri: currentBase, batchBaseUri: baseUri },
        },
      );
    }
    if (next !== 1n && currentBase !== "") {
      throw new BatchError(
        "BATCH_BASE_URI_CONFLICT",
        `The collection already has tokens (next id ${next}) whose metadata is under "${currentBase}", not this batch's directory ${baseUri}.`,
        {
          hint:
            "Changing the base URI would change the metadata of the existing tokens. Either mint the batch on a new collection " +
            "(mintkit deploy collection), or put the existing tokens' <id>.json files into a new folder together with this batch and " +
            "set the base URI to it yourself, or mint these items one by one with their own URIs (mintkit mint).",
          details: { collection, currentBaseUri: currentBase, batchBaseUri: baseUri, mintedTokens: (next - 1n).toString() },
        },
      );
    }
    // Checks now, before the journal, that the account may set it (admin role).
    await simulateGas(client, "setBaseURI", {
      address: collection,
      abi: mintkitCollectionAbi,
      functionName: "setBaseURI",
      args: [baseUri],
      account,
    });
    steps.push({ key: "base-uri", kind: "setBaseURI", uri: baseUri });
  }
  for (const chunk of chunkPlan.chunks) {
    steps.push({
      key: `chunk-${chunk.index + 1}`,
      kind: "mint",
      chunk: chunk.index + 1,
      firstId: chunk.firstTokenId.toString(),
      count: Number(chunk.quantity),
      plannedGas: chunk.estimatedGas.toString(),
    });
  }
  return {
    type: "plan",
    version: 1,
    batchId: o.batchId,
    createdAt: new Date().toISOString(),
    chainId: o.chainId,
    collection,
    account: account.address,
    to,
    input: o.source,
    profile: imported.profile,
    dirCid,
    baseUri,
    firstId: firstId.toString(),
    items: imported.items,
    steps,
    mapping: mappingPathFor(o.journalPath),
    ...(code !== undefined && code !== "0x" ? { codeHash: keccak256(code) } : {}),
  };
}

function checkSameBatch(
  plan: PlanRecord,
  journal: string,
  current: { chainId: number; collection: Address; account: Address; to: Address | undefined },
): void {
  const mismatch = (field: "chainId" | "collection" | "account" | "to", journalValue: string, currentValue: string) =>
    new BatchError("BATCH_JOURNAL_MISMATCH", `The journal ${journal} is for ${field} ${journalValue}, not ${currentValue}.`, {
      hint:
        field === "account"
          ? `Resume with the account that planned the batch (${journalValue}): its signed transactions are in the journal.`
          : `Run the batch with the ${field} it was planned for, or pass another --journal to start a separate batch.`,
      details: { journal, field, journalValue, currentValue },
    });
  if (plan.chainId !== current.chainId) throw mismatch("chainId", String(plan.chainId), String(current.chainId));
  if (plan.collection.toLowerCase() !== current.collection.toLowerCase()) throw mismatch("collection", plan.collection, current.collection);
  if (plan.account.toLowerCase() !== current.account.toLowerCase()) throw mismatch("account", plan.account, current.account);
  if (current.to !== undefined && plan.to.toLowerCase() !== current.to.toLowerCase()) throw mismatch("to", plan.to, current.to);
}

function checkSameFiles(plan: PlanRecord, items: readonly ValidatedItem[], journal: string): void {
  const changed: { item: number; file: string; reason: string }[] = [];
  const n = Math.max(plan.items.length, items.length);
  for (let i = 0; i < n; i++) {
    const planned = plan.items[i];
    const current = items[i];
    if (!planned) changed.push({ item: i, file: current?.media.file ?? "", reason: "not in the plan" });
    else if (!current) changed.push({ item: i, file: planned.file, reason: "missing from the input" });
    else if (planned.file !== current.media.file) changed.push({ item: i, file: current.media.file, reason: `planned as ${planned.file}` });
    else if (planned.sha256 !== current.media.sha256) changed.push({ item: i, file: planned.file, reason: "content changed" });
    else if ((planned.poster?.sha256 ?? "") !== (current.poster?.sha256 ?? "")) {
      changed.push({ item: i, file: planned.file, reason: "poster changed" });
    }
  }
  if (changed.length > 0) throw inputChanged(plan, journal, changed, items.length);
}

function checkSameDirectory(plan: PlanRecord, imported: ImportedBatch, journal: string): void {
  const dirCid = imported.dirCid.toString();
  if (dirCid === plan.dirCid) return;
  const changed = imported.items
    .filter((item, i) => item.metadataCid !== plan.items[i]?.metadataCid)
    .map((item) => ({ item: item.index, file: item.file, reason: "metadata changed" }));
  if (changed.length > 0) throw inputChanged(plan, journal, changed, imported.items.length);
  throw new BatchError("BATCH_DIRECTORY_MISMATCH", `Uploading the batch again gives directory ${dirCid}, not the planned ${plan.dirCid}.`, {
    hint: `The files are unchanged, so the CID profile differs: resume with the profile of the plan (${plan.profile}).`,
    details: { journal, planned: plan.dirCid, imported: dirCid },
  });
}

function inputChanged(
  plan: PlanRecord,
  journal: string,
  changed: { item: number; file: string; reason: string }[],
  currentItems: number,
): BatchError<"BATCH_INPUT_CHANGED"> {
  return new BatchError(
    "BATCH_INPUT_CHANGED",
    `The batch input changed since it was planned (${changed.length} item(s)): the journal ${journal} maps token ids to the files as they were.`,
    {
      hint:
        "Restore the files as planned to finish this batch (the mapping is in the journal and its mapping.json), " +
        "or mint the new files as a separate batch with another --journal.",
      details: { journal, changed, plannedItems: plan.items.length, currentItems },
    },
  );
}

async function checkBaseUri(client: GasClient, plan: PlanRecord): Promise<void> {
  const actual = await readContract(client, { address: plan.collection, abi: mintkitCollectionAbi, functionName: "baseURI" });
  if (actual === plan.baseUri) return;
  throw new BatchError("BATCH_BASE_URI_CHANGED", `The collection's base URI is "${actual}", not this batch's ${plan.baseUri}.`, {
    hint: `It changed after the batch was planned. Set it back with setBaseURI("${plan.baseUri}") (admin), then run the command again.`,
    details: { collection: plan.collection, expected: plan.baseUri, actual },
  });
}

function summarize(status: BatchStatus, flags: { alreadyComplete: boolean; resumed: boolean }): BatchSummary {
  const { plan } = status;
  const transactions = status.steps.flatMap((s) =>
    s.confirmed
      ? [
          {
            step: s.step.key,
            hash: s.confirmed.hash,
            blockNumber: s.confirmed.blockNumber,
            gasUsed: s.confirmed.gasUsed,
            effectiveGasPrice: s.confirmed.effectiveGasPrice,
            ...(s.confirmed.tokenIds ? { tokenIds: s.confirmed.tokenIds } : {}),
          },
        ]
      : [],
  );
  let gasUsed = 0n;
  let cost = 0n;
  for (const t of transactions) {
    gasUsed += BigInt(t.gasUsed);
    cost += BigInt(t.gasUsed) * BigInt(t.effectiveGasPrice);
  }
  return {
    batchId: plan.batchId,
    journal: status.journal,
    mapping: plan.mapping,
    chainId: plan.chainId,
    collection: plan.collection,
    to: plan.to,
    dirCid: plan.dirCid,
    baseUri: plan.baseUri,
    alreadyComplete: flags.alreadyComplete,
    resumed: flags.resumed,
    tokenIds: transactions.flatMap((t) => t.tokenIds ?? []),
    transactions,
    gasUsed: gasUsed.toString(),
    costWei: cost.toString(),
  };
}
