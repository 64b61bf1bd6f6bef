/** Chain ids on which Hardhat's well-known dev accounts may be used (Hardhat/EDR 31337, Ganache/Geth dev 1337). */
export const localChainIds: readonly number[] = [31337, 1337];

/** Default JSON-RPC endpoint of `--network local` (what `mintkit dev` and `hardhat node` listen on). */
export const localRpcUrl = "http://127.0.0.1:8545";

/** True for the chain ids of local development chains (31337, 1337). */
export function isLocalChainId(chainId: number): boolean {
  return localChainIds.includes(chainId);
}

/** Mnemonic of Hardhat's (and Anvil's) well-known, publicly known dev accounts. Never use on a real chain. */
export const hardhatDevMnemonic = "test test test test test test test test test test test junk";
