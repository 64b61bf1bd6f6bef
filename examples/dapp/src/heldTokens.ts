/**
 * Which of an account's tokens answer an access challenge's grant, read from the chain: for one ERC-721
 * token its owner, for any token of an ERC-721 collection the tokens sent to the account (its Transfer
 * events) that it still owns, for an ERC-1155 id the account's balance.
 */
import { erc1155Abi, erc721Abi, isAddressEqual, parseAbiItem, type Address, type PublicClient } from "viem";
import type { AccessGrant } from "mintkit";

const transfer = parseAbiItem("event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)");

/** The account's token ids that the grant admits now (ERC-1155: the grant's id when the balance suffices). */
export async function heldTokens(client: PublicClient, account: Address, grant: AccessGrant): Promise<bigint[]> {
  if (grant.kind === "erc1155") {
    const balance = await client.readContract({ address: grant.collection, abi: erc1155Abi, functionName: "balanceOf", args: [account, grant.tokenId] });
    return balance >= (grant.minBalance ?? 1n) ? [grant.tokenId] : [];
  }
  let candidates: bigint[];
  if (grant.tokenId !== undefined) {
    candidates = [grant.tokenId];
  } else {
    // Every token ever sent to the account (a public RPC may limit the block range: then name the token).
    const logs = await client.getLogs({ address: grant.collection, event: transfer, args: { to: account }, fromBlock: 0n, toBlock: "latest" });
    candidates = [...new Set(logs.map((log) => log.args.tokenId).filter((id): id is bigint => id !== undefined))];
  }
  const owners = await Promise.all(
    candidates.map((tokenId) =>
      client.readContract({ address: grant.collection, abi: erc721Abi, functionName: "ownerOf", args: [tokenId] }).catch(() => undefined),
    ),
  );
  return candidates.filter((_, i) => owners[i] !== undefined && isAddressEqual(owners[i]!, account)).sort((a, b) => (a < b ? -1 : 1));
}
