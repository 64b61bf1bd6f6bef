import type { Address } from "viem";
import { readContract } from "viem/actions";
import { credentialRegistryAbi } from "../contracts/credentialRegistry.js";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import { SLOT_OPENED_GAS, type GasCase } from "./headroom.js";
import { readRangeHeads } from "./readRangeHeads.js";
import { readUidWord } from "./readUidWord.js";
import type { GasClient } from "./simulateGas.js";

/**
 * Internal: the holder case of each distinct recipient, from its balance now: a first-time holder's
 * balance is written from zero (+17,100). `kind` says which balance: an ERC-721 collection's, an ERC-1155
 * id's (`id`), or a credential registry's (whose per-holder word never returns to zero once written).
 */
export async function holderCases(
  client: GasClient,
  contract: Address,
  recipients: readonly Address[],
  kind: "collection" | "editions" | "registry",
  id?: bigint,
): Promise<GasCase[]> {
  const held = await readHolderBalances(client, contract, recipients, kind, id);
  const distinct = held.map((h) => h.holder);
  const fresh = held.filter((h) => h.balance === 0n).map((h) => h.holder);
  const existing = distinct.length - fresh.length;
  const what = kind === "registry" ? "credential" : "token";
  const cases: GasCase[] = [];
  if (fresh.length > 0) {
    cases.push({
      case: "fresh-holder",
      gas: SLOT_OPENED_GAS * BigInt(fresh.length),
      description: fresh.length === 1 ? `${fresh[0]} holds no ${what} yet: its balance is written from zero (+17.1k)` : `${fresh.length} recipients hold no ${what} yet: each balance is written from zero (+17.1k each)`,
    });
  }
  if (existing > 0) {
    cases.push({ case: "existing-holder", gas: 0n, description: existing === 1 && distinct.length === 1 ? `${distinct[0]} already holds a ${what}: its balance is rewritten` : `${existing} recipient(s) already hold a ${what}` });
  }
  return cases;
}

/** Internal: whether spending `uid` on `contract` opens a new word of its uid bitmap (+17,100) or rewrites a used one. */
export async function uidCase(client: GasClient, contract: Address, uid: bigint): Promise<GasCase> {
  const word = await readUidWord(client, contract, uid);
  return word === 0n
    ? { case: "uid-new-word", gas: SLOT_OPENED_GAS, description: `uid ${uid} opens a new bitmap word (+17.1k; consecutive uids share a word)` }
    : { case: "uid-used-word", gas: 0n, description: `uid ${uid} is in a bitmap word already used: the word is rewritten` };
}

/**
 * Internal: whether a batch of `quantity` from `first` on a MintkitCollection opens a new 256-id word of the
 * batch bitmap (+17,100 per word) or writes its head bit into a used one. None for a single token.
 */
export async function batchCase(client: GasClient, collection: Address, first: bigint, quantity: bigint): Promise<GasCase[]> {
  const heads = await readRangeHeads(client, collection, first, quantity);
  if (heads.length === 0) return [];
  const opened = heads.filter((h) => h.word === 0n);
  return opened.length > 0
    ? [{ case: "batch-new-word", gas: SLOT_OPENED_GAS * BigInt(opened.length), description: `the batch from id ${first} opens ${opened.length === 1 ? "a new 256-id bitmap word" : `${opened.length} new 256-id bitmap words`} (+17.1k each)` }]
    : [{ case: "batch-used-word", gas: 0n, description: `the batch from id ${first} writes into a bitmap word already used` }];
}

/** Internal: each distinct recipient's balance now (of `id` for an ERC-1155). */
export async function readHolderBalances(
  client: GasClient,
  contract: Address,
  recipients: readonly Address[],
  kind: "collection" | "editions" | "registry",
  id?: bigint,
): Promise<{ holder: Address; balance: bigint }[]> {
  const distinct = [...new Map(recipients.map((r) => [r.toLowerCase(), r])).values()];
  const balances = await Promise.all(
    distinct.map((holder) =>
      kind === "editions"
        ? readContract(client, { address: contract, abi: mintkitEditionsAbi, functionName: "balanceOf", args: [holder, id ?? 0n] })
        : readContract(client, { address: contract, abi: kind === "registry" ? credentialRegistryAbi : mintkitCollectionAbi, functionName: "balanceOf", args: [holder] }),
    ),
  );
  return distinct.map((holder, i) => ({ holder, balance: balances[i]! }));
}
