import { getAddress, type Address, type Client } from "viem";
import { getCode, readContract } from "viem/actions";
import { marketRead, marketReadOrThrow } from "./chainRead.js";
import { marketError } from "./marketProblem.js";
import { ERC1155_INTERFACE_ID, ERC721_INTERFACE_ID, marketTokenAbi } from "./tokenAbi.js";

export type TokenKind = "erc721" | "erc1155";

/**
 * Whether `collection` is an ERC-721 or an ERC-1155 contract (ERC-165); `MARKET_NOT_A_TOKEN` when it is
 * neither or has no code.
 *
 * @example
 * const kind = await readTokenKind(publicClient, { collection });
 */
export async function readTokenKind(client: Client, parameters: { readonly collection: Address }): Promise<TokenKind> {
  const { collection } = parameters;
  const code = await marketReadOrThrow("getCode(collection)", () => getCode(client, { address: collection }));
  if (code === undefined || code === "0x") throw marketError("MARKET_NOT_A_TOKEN", { collection: getAddress(collection) });
  const supports = (id: `0x${string}`) =>
    marketRead(
      "supportsInterface",
      () => readContract(client, { address: collection, abi: marketTokenAbi, functionName: "supportsInterface", args: [id] }),
      false,
    );
  const [is721, is1155] = await Promise.all([supports(ERC721_INTERFACE_ID), supports(ERC1155_INTERFACE_ID)]);
  if (is721) return "erc721";
  if (is1155) return "erc1155";
  throw marketError("MARKET_NOT_A_TOKEN", { collection: getAddress(collection) });
}
