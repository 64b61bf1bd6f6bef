/**
 * What every page of the example dapp shares: element lookup, status output, error text, and the
 * connection to an injected EIP-1193 wallet (window.ethereum).
 */
import {
  createPublicClient,
  createWalletClient,
  custom,
  defineChain,
  getAddress,
  type Address,
  type Chain,
  type EIP1193Provider,
  type PublicClient,
  type WalletClient,
} from "viem";
import { isMintkitError, type AccessGrant } from "mintkit";

declare global {
  interface Window {
    ethereum?: EIP1193Provider;
  }
}

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Sets an element's text, and its tone ("ok" green, "bad" red, none plain). */
export const show = (id: string, text: string, tone?: "ok" | "bad") => {
  const el = $(id);
  el.textContent = text;
  el.className = tone ?? "";
};

/** What to tell the user about a failure: a mintkit error's sentence, hint and code, or any error's first line. */
export const describe = (error: unknown) =>
  isMintkitError(error)
    ? `${error.shortMessage} ${error.hint} (${error.code})`
    : error instanceof Error
      ? error.message.split("\n")[0]!
      : String(error);

/** Runs a handler, showing any failure in the element `statusId`. */
export const guard = (statusId: string, handler: () => Promise<void>) => () => {
  handler().catch((error: unknown) => show(statusId, describe(error), "bad"));
};

export const firstFile = (input: HTMLInputElement) => input.files?.[0];

/** What a ticket grant admits, in words: the door's settings line and the holder's "what it asks". */
export const describeGrant = (grant: AccessGrant): string =>
  grant.kind === "erc1155"
    ? `at least ${grant.minBalance ?? 1n} of ERC-1155 id ${grant.tokenId} of ${grant.collection}`
    : `${grant.tokenId === undefined ? "any token" : `token #${grant.tokenId}`} of ${grant.collection}`;

/** Makes the element `zoneId` a drop target: the first file dropped on it goes to `onFile`. */
export function onFileDrop(zoneId: string, onFile: (file: File) => void): void {
  const zone = $(zoneId);
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
}

/** A viem chain for any chain id (the dapp reads and writes through the provider, not a public RPC). */
export const anyChain = (id: number): Chain =>
  defineChain({ id, name: `chain ${id}`, nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [] } } });

export interface Wallet {
  readonly account: Address;
  readonly chainId: number;
  readonly publicClient: PublicClient;
  readonly walletClient: WalletClient;
}

/** Asks the injected wallet for an account; `undefined` (with a message in `statusId`) when there is none. */
export async function connectWallet(statusId: string): Promise<Wallet | undefined> {
  const provider = window.ethereum;
  if (!provider) {
    show(statusId, "No wallet found: install a browser wallet (an EIP-1193 provider at window.ethereum).", "bad");
    return undefined;
  }
  const chainId = Number(await provider.request({ method: "eth_chainId" }));
  const chain = anyChain(chainId);
  const [account] = await provider.request({ method: "eth_requestAccounts" });
  if (!account) throw new Error("The wallet shared no account.");
  const transport = custom(provider);
  return {
    account: getAddress(account),
    chainId,
    publicClient: createPublicClient({ chain, transport }),
    walletClient: createWalletClient({ account: getAddress(account), chain, transport }),
  };
}
