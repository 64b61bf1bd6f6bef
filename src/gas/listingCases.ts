import { erc20Abi, isAddressEqual, maxUint256, zeroAddress, type Address } from "viem";
import { getBalance, getCode, getTransactionCount, readContract } from "viem/actions";
import { ItemType, type SignedListing } from "../market/orderTypes.js";
import { holderCases } from "./gasCases.js";
import { ALLOWANCE_WRITE_GAS, NEW_ACCOUNT_GAS, SLOT_OPENED_GAS, type GasCase } from "./headroom.js";
import type { GasClient } from "./simulateGas.js";

/** Internal: what filling a listing pays and delivers, from its order alone. */
export interface ListingFlows {
  /** The payment currency: the zero address for ETH. */
  readonly currency: Address;
  /** The distinct recipients of a nonzero payment (seller, royalty, marketplace fee), the buyer left out. */
  readonly recipients: readonly Address[];
  /** How many nonzero payments the fulfilment makes (one transfer each). */
  readonly payments: number;
  /** The token the buyer receives, and how (`"collection"`: ERC-721; `"editions"`: ERC-1155 id `id`). */
  readonly token: Address;
  readonly kind: "collection" | "editions";
  readonly id: bigint;
  readonly quantity: bigint;
}

/** Internal: the payments and the item of a listing (one offer item; ETH or one ERC-20). */
export function listingFlows(listing: SignedListing, buyer: Address): ListingFlows {
  const p = listing.parameters;
  const offer = p.offer[0]!;
  const paid = p.consideration.filter((i) => (i.itemType === ItemType.NATIVE || i.itemType === ItemType.ERC20) && i.startAmount > 0n);
  const currency = paid[0]?.itemType === ItemType.ERC20 ? paid[0].token : zeroAddress;
  const distinct = [...new Map(paid.map((i) => [i.recipient.toLowerCase(), i.recipient])).values()];
  return {
    currency,
    recipients: distinct.filter((r) => !isAddressEqual(r, buyer)),
    payments: paid.length,
    token: offer.token,
    kind: offer.itemType === ItemType.ERC1155 ? "editions" : "collection",
    id: offer.identifierOrCriteria,
    quantity: offer.startAmount,
  };
}

/** Internal: each ERC-20 recipient's balance of `currency` now. */
export async function readPayeeBalances(client: GasClient, currency: Address, recipients: readonly Address[]): Promise<{ payee: Address; balance: bigint }[]> {
  const balances = await Promise.all(recipients.map((payee) => readContract(client, { address: currency, abi: erc20Abi, functionName: "balanceOf", args: [payee] })));
  return recipients.map((payee, i) => ({ payee, balance: balances[i]! }));
}

/** Internal: whether an account is empty (EIP-161: no balance, no nonce, no code): ETH sent to it creates it. */
async function isEmptyAccount(client: GasClient, address: Address): Promise<boolean> {
  const [balance, nonce, code] = await Promise.all([
    getBalance(client, { address }),
    getTransactionCount(client, { address }),
    getCode(client, { address }),
  ]);
  return balance === 0n && nonce === 0 && (code === undefined || code === "0x");
}

/**
 * Internal: the state-dependent cases of filling `listing` as `buyer`, read from the chain: the buyer's holder
 * slot of the collection (or id), then each payment recipient: an empty account paid ETH (+25,000) or an
 * ERC-20 balance opened from zero (+17,100), and the buyer's ERC-20 allowance (rewritten unless unlimited).
 */
export async function listingCases(client: GasClient, listing: SignedListing, buyer: Address, seaport: Address): Promise<GasCase[]> {
  const flows = listingFlows(listing, buyer);
  const cases = await holderCases(client, flows.token, [buyer], flows.kind, flows.kind === "editions" ? flows.id : undefined);
  if (flows.currency === zeroAddress) {
    const empty = await Promise.all(flows.recipients.map((r) => isEmptyAccount(client, r)));
    cases.push(...split(flows.recipients, empty, {
      fresh: ["recipient-new-account", NEW_ACCOUNT_GAS, (who) => `${who} is an empty account: the ETH paid to it creates it (+25k each)`],
      existing: ["recipient-existing-account", (who) => `${who} already exist(s): paid ETH without creating an account`],
    }));
    return cases;
  }
  const balances = await readPayeeBalances(client, flows.currency, flows.recipients);
  cases.push(...split(flows.recipients, balances.map((b) => b.balance === 0n), {
    fresh: ["payee-new-balance", SLOT_OPENED_GAS, (who) => `${who} hold(s) none of ${flows.currency}: each balance is written from zero (+17.1k each)`],
    existing: ["payee-existing-balance", (who) => `${who} already hold(s) ${flows.currency}: each balance is rewritten`],
  }));
  const allowance = await readContract(client, { address: flows.currency, abi: erc20Abi, functionName: "allowance", args: [buyer, seaport] });
  cases.push(
    allowance === maxUint256
      ? { case: "allowance-unlimited", gas: 0n, description: `the buyer's allowance to Seaport is unlimited: it is not written` }
      : {
          case: "allowance-limited",
          gas: ALLOWANCE_WRITE_GAS + WARM_REWRITE_GAS * BigInt(flows.payments - 1),
          description: `the buyer's allowance to Seaport (${allowance}) is rewritten by each of the ${flows.payments} transfer(s): +2.9k for the slot, +100 per later rewrite, plus the token's own code for it (about 400 gas a transfer with OpenZeppelin's ERC20)`,
        },
  );
  return cases;
}

/** A storage slot the transaction already wrote, written again (EIP-2200 dirty slot, warm). */
const WARM_REWRITE_GAS = 100n;

type Describe = (who: string) => string;

/** One case for the recipients in the dearer state (`flags` true), one for the others; none for an empty side. */
function split(
  recipients: readonly Address[],
  flags: readonly boolean[],
  names: { fresh: [GasCase["case"], bigint, Describe]; existing: [GasCase["case"], Describe] },
): GasCase[] {
  const fresh = recipients.filter((_, i) => flags[i]);
  const existing = recipients.filter((_, i) => !flags[i]);
  const who = (list: Address[]) => (list.length === 1 ? list[0]! : `${list.length} recipients`);
  const cases: GasCase[] = [];
  if (fresh.length > 0) cases.push({ case: names.fresh[0], gas: names.fresh[1] * BigInt(fresh.length), description: names.fresh[2](who(fresh)) });
  if (existing.length > 0) cases.push({ case: names.existing[0], gas: 0n, description: names.existing[1](who(existing)) });
  return cases;
}
