import { getAddress, type Account, type Address, type Chain, type Transport, type WalletClient } from "viem";
import { getChainId, signTypedData } from "viem/actions";
import { marketError } from "./marketProblem.js";
import { marketReadOrThrow } from "./chainRead.js";
import { orderMessage, seaportDomain, seaportOrderTypes, type SignedListing } from "./orderTypes.js";
import type { CreateListingReturnType } from "./createListing.js";

export interface SignListingParameters {
  /** Who signs: the seller, or for a contract-wallet seller (ERC-1271) the key it accepts. Defaults to the client's account. */
  readonly account?: Account | Address;
}

/**
 * Signs a listing made by `createListing` (EIP-712, Seaport 1.6's domain on the listing's chain and
 * Seaport). Refuses to sign for another chain than the wallet's (`MARKET_WRONG_CHAIN`). An EOA seller
 * signs as themselves; a contract-wallet seller (ERC-1271) has its signer's key sign, and Seaport asks
 * the wallet's `isValidSignature`.
 *
 * @example
 * const listing = await signListing(walletClient, await createListing(publicClient, { ... }));
 * await writeFile("order.json", serializeListing(listing));
 */
export async function signListing<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  walletClient: WalletClient<Transport, TChain, TAccount>,
  draft: Pick<CreateListingReturnType, "components" | "seaport" | "chainId">,
  parameters: SignListingParameters = {},
): Promise<SignedListing> {
  const account = parameters.account ?? walletClient.account;
  if (account === undefined) throw marketError("MARKET_NO_ACCOUNT", {});
  const client = walletClient as unknown as WalletClient;
  const chainId = await marketReadOrThrow("eth_chainId", () => getChainId(client));
  if (chainId !== draft.chainId) throw marketError("MARKET_WRONG_CHAIN", { signedFor: draft.chainId, chainId });
  const signature = await signTypedData(client, {
    account,
    domain: seaportDomain(draft.chainId, draft.seaport),
    types: seaportOrderTypes,
    primaryType: "OrderComponents",
    message: orderMessage(draft.components),
  });
  return {
    parameters: { ...draft.components, totalOriginalConsiderationItems: BigInt(draft.components.consideration.length) },
    signature,
    seaport: getAddress(draft.seaport),
    chainId: draft.chainId,
  };
}
