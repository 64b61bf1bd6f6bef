import type { Address, TypedDataDomain } from "viem";

/**
 * A lazy-mint voucher, field for field the Solidity struct `LazyMintVoucher.Voucher`
 * (contracts/lazy/LazyMintVoucher.sol): the one voucher design of the mintkit ERC-721 collection and
 * ERC-1155 edition contracts. See that file for what each field means.
 */
export interface Voucher {
  /** Who receives the tokens; the zero address means whoever redeems. */
  to: Address;
  /** `0n` means the contract's next id. */
  tokenId: bigint;
  /** Tokens (ERC-721, consecutive ids) or copies (ERC-1155) minted. */
  quantity: bigint;
  /** Empty means the base-URI convention. */
  uri: string;
  /** Per token, in `currency`. */
  price: bigint;
  /** The zero address means ETH; otherwise an ERC-20. */
  currency: Address;
  /** The zero address means the contract's primary-sale recipient. */
  payee: Address;
  royaltyReceiver: Address;
  royaltyBps: bigint;
  /** ERC-1155 only: the cap of an id the voucher creates (`0n` uncapped). Must be `0n` on ERC-721. */
  maxSupply: bigint;
  /** Unix seconds, inclusive. */
  validFrom: bigint;
  /** Unix seconds, inclusive; `0n` means no end. */
  validUntil: bigint;
  /** Spendable once per contract. */
  uid: bigint;
}

/** The EIP-712 types of {@link Voucher}; their encoded type string hashes to the contracts' `TYPEHASH`. */
export const voucherTypes = {
  Voucher: [
    { name: "to", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "quantity", type: "uint256" },
    { name: "uri", type: "string" },
    { name: "price", type: "uint256" },
    { name: "currency", type: "address" },
    { name: "payee", type: "address" },
    { name: "royaltyReceiver", type: "address" },
    { name: "royaltyBps", type: "uint96" },
    { name: "maxSupply", type: "uint256" },
    { name: "validFrom", type: "uint64" },
    { name: "validUntil", type: "uint64" },
    { name: "uid", type: "uint256" },
  ],
} as const;

/** The EIP-712 domain name and version every mintkit token contract uses. */
export const VOUCHER_DOMAIN_NAME = "mintkit";
export const VOUCHER_DOMAIN_VERSION = "1";

/** The EIP-712 domain of vouchers for the contract at `verifyingContract` on chain `chainId`. */
export function voucherDomain(chainId: number, verifyingContract: Address) {
  return {
    name: VOUCHER_DOMAIN_NAME,
    version: VOUCHER_DOMAIN_VERSION,
    chainId,
    verifyingContract,
  } as const satisfies TypedDataDomain;
}
