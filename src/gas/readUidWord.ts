import { encodeAbiParameters, hexToBigInt, keccak256, type Address, type Hex } from "viem";
import { getStorageAt } from "viem/actions";
import type { GasClient } from "./simulateGas.js";

/**
 * LazyMint's ERC-7201 storage location (`LAZY_MINT_STORAGE` in contracts/lazy/LazyMint.sol): its first member
 * maps uid words (`uid >> 8`) to spent bits, its second to cancelled bits.
 */
export const LAZY_MINT_STORAGE: Hex = "0x8f0f3f2d36cf09a9cbdd74f17c6d0d1827ded1c04f643d48e987f1d97e50ed00";

/** Internal: the slot of `uid`'s word in LazyMint's spent (`member` 0) or cancelled (`member` 1) bitmap. */
export function uidWordSlot(uid: bigint, member: 0 | 1 = 0): Hex {
  const base = member === 0 ? LAZY_MINT_STORAGE : `0x${(hexToBigInt(LAZY_MINT_STORAGE) + 1n).toString(16).padStart(64, "0")}` as Hex;
  return keccak256(encodeAbiParameters([{ type: "uint256" }, { type: "bytes32" }], [uid >> 8n, base]));
}

/**
 * Internal: the 256-bit word of `contract`'s spent-uid (or cancelled-uid) bitmap that holds `uid`, read with
 * `eth_getStorageAt` (0 when no uid of the word was ever spent: spending one opens the word, 17,100 gas more).
 */
export async function readUidWord(client: GasClient, contract: Address, uid: bigint, member: 0 | 1 = 0): Promise<bigint> {
  const word = await getStorageAt(client, { address: contract, slot: uidWordSlot(uid, member) });
  return word === undefined || word === "0x" ? 0n : hexToBigInt(word);
}
