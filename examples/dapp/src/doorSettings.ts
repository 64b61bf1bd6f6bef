/**
 * The door page's settings form, read and checked: the event, what admits (the challenge's grant and the
 * door's accept rule, from the same fields), the audience, the challenge lifetime, and how to read the chain.
 */
import { getAddress, isAddress } from "viem";
import type { AccessAccept, AccessGrant } from "mintkit";
import { $ } from "./shared.js";

export interface DoorSettings {
  readonly event: string;
  readonly audience: string;
  readonly grant: AccessGrant;
  readonly accept: AccessAccept;
  /** Challenge lifetime, seconds. */
  readonly ttl: number;
  /** Read the chain through the injected wallet, or this RPC URL. */
  readonly source: { readonly kind: "wallet" } | { readonly kind: "rpc"; readonly url: string };
}

const value = (id: string) => $<HTMLInputElement>(id).value.trim();

function uint(text: string, field: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new Error(`${field} must be a whole number (got "${text}").`);
  return BigInt(text);
}

/** The form's settings; a wrong field throws an Error that names it and says what it needs. */
export function readDoorSettings(): DoorSettings {
  const event = value("event");
  if (!/^[A-Za-z0-9._:-]{1,64}$/.test(event)) throw new Error("Event: 1 to 64 of A-Z a-z 0-9 . _ : - (for example launch-party).");
  const address = value("collection");
  if (!isAddress(address)) throw new Error("Collection: paste the ticket collection's 0x… contract address.");
  const collection = getAddress(address);
  const idText = value("token-id");
  const kind = $<HTMLSelectElement>("kind").value === "erc1155" ? "erc1155" : "erc721";
  let grant: AccessGrant;
  let accept: AccessAccept;
  if (kind === "erc1155") {
    if (idText === "") throw new Error("Token id: an ERC-1155 ticket is one id of the collection; enter it.");
    const tokenId = uint(idText, "Token id");
    const minBalance = uint(value("min-balance") || "1", "Minimum balance");
    if (minBalance < 1n) throw new Error("Minimum balance: at least 1.");
    grant = { kind, collection, tokenId, minBalance };
    accept = { kind, collection, tokenId, minBalance };
  } else {
    const tokenId = idText === "" ? undefined : uint(idText, "Token id");
    grant = tokenId === undefined ? { kind, collection } : { kind, collection, tokenId };
    accept = tokenId === undefined ? { kind, collection } : { kind, collection, tokenId };
  }
  const audience = value("audience");
  let url: URL | undefined;
  try {
    url = new URL(audience);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error("Audience: this door's http(s) URL, for example https://door.example.");
  const ttl = Number(value("ttl"));
  if (!Number.isSafeInteger(ttl) || ttl < 10 || ttl > 86_400) throw new Error("Challenge lifetime: 10 to 86400 seconds (a few minutes is usual).");
  const source = $<HTMLInputElement>("source-wallet").checked ? ({ kind: "wallet" } as const) : ({ kind: "rpc", url: value("rpc-url") } as const);
  if (source.kind === "rpc" && !/^https?:\/\/./.test(source.url)) throw new Error("RPC URL: an http(s) JSON-RPC endpoint, for example http://127.0.0.1:8545.");
  return { event, audience, grant, accept, ttl, source };
}
