/**
 * Helpers for the batch tests: media folders in temp dirs, a deployed collection on the in-process chain,
 * and reading `<id>.json` / media back from the batch directory in the store.
 */
import { decode as decodePb } from "@ipld/dag-pb";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CID } from "multiformats/cid";
import { zeroAddress, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { armBatchFaults, parseBatchFaults } from "../../src/batch/faults.js";
import { getBlock } from "../../src/ipfs/blockBytes.js";
import type { BlockStore } from "../../src/ipfs/stores/BlockStore.js";

/** Hardhat's well-known dev account 0 (public key material; local chains only). */
export const DEV_KEY_0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
export const devAccount0 = privateKeyToAccount(DEV_KEY_0);
/** Hardhat's well-known dev account 1. */
export const DEV_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

/** Collection config with no base URI and no cap. */
export function emptyCollectionConfig(owner: Address, overrides: Record<string, unknown> = {}) {
  return {
    owner,
    name: "Batch Test",
    symbol: "BT",
    baseURI: "",
    contractURI: "",
    maxSupply: 0n,
    royaltyReceiver: zeroAddress,
    royaltyBps: 0n,
    primarySaleRecipient: zeroAddress,
    ...overrides,
  };
}

const dirs: string[] = [];
let registered = false;

/** A fresh temp folder, removed when the process exits. */
export function tempDir(prefix = "mintkit-batch-"): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(dir);
  if (!registered) {
    registered = true;
    process.on("exit", () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
  }
  return dir;
}

/** A distinct small SVG per index. */
export function svg(i: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><text y="8">${i}</text></svg>\n`;
}

/**
 * A folder of `count` media files `1.svg … count.svg` (distinct bytes); every third has a sidecar with a
 * name and attributes. Returns the folder.
 */
export function makeMediaFolder(count: number, dir = path.join(tempDir(), "art")): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= count; i++) {
    writeFileSync(path.join(dir, `${i}.svg`), svg(i));
    if (i % 3 === 0) {
      writeFileSync(
        path.join(dir, `${i}.json`),
        JSON.stringify({ name: `Piece ${i}`, description: `The ${i}th piece`, attributes: [{ trait_type: "Index", value: i }] }),
      );
    }
  }
  return dir;
}

/** The expected name of item `i` of `makeMediaFolder`. */
export function expectedName(i: number): string {
  return i % 3 === 0 ? `Piece ${i}` : String(i);
}

/** Reads a file of a flat (non-sharded) directory from the store: the bytes of its single block. */
export async function readDirFile(store: BlockStore, dirCid: string, name: string): Promise<Uint8Array> {
  const dir = decodePb(await getBlock(store, CID.parse(dirCid)));
  const link = dir.Links.find((l) => l.Name === name);
  if (!link) throw new Error(`${name} is not in ${dirCid}`);
  return getBlock(store, link.Hash as unknown as CID);
}

/** Reads and parses `<id>.json` from the batch directory. */
export async function readMetadata(store: BlockStore, dirCid: string, id: bigint | string): Promise<Record<string, unknown>> {
  return JSON.parse(new TextDecoder().decode(await readDirFile(store, dirCid, `${id}.json`))) as Record<string, unknown>;
}

/**
 * Runs `run` with the test-only batch faults of `spec` armed in throw mode (src/batch/faults.ts, not part of
 * the public API), disarming them after.
 */
export async function withBatchFaults<T>(spec: string, run: () => Promise<T>): Promise<T> {
  armBatchFaults(parseBatchFaults(spec, "throw"));
  try {
    return await run();
  } finally {
    armBatchFaults(undefined);
  }
}
