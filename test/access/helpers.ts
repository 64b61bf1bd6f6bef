/** Shared fixtures of the access tests: a collection with tickets, an ERC-1155 edition, proofs. */
import type { Address } from "viem";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";

export const AUDIENCE = "https://door.example";
export const EVENT = "devcon-2026";

type Viem = Awaited<ReturnType<typeof import("hardhat").network.connect>>["viem"];

/** A MintkitCollection with tokens 0..n-1 minted to `holder` (the deployer mints). */
export async function ticketCollection(viem: Viem, owner: Address, holder: Address, count: number) {
  const c = await viem.deployContract("MintkitCollection", [benchConfig(owner)]);
  const first = await c.read.nextTokenId();
  await c.write.mintBatch([holder, BigInt(count), first]);
  return { collection: c, firstId: first };
}

/** A MintkitEditions with `amount` of id 7 minted to `holder`. */
export async function ticketEditions(viem: Viem, owner: Address, holder: Address, amount: bigint) {
  const e = await viem.deployContract("MintkitEditions", [editionsConfig(owner)]);
  await e.write.mint([holder, 7n, amount, 0n, "0x"]);
  return e;
}
