import {
  concat,
  encodeAbiParameters,
  hashTypedData,
  isAddress,
  keccak256,
  numberToHex,
  padHex,
  stringToHex,
  type Address,
  type Hex,
} from "viem";
import { voucherDomain, voucherTypes, VOUCHER_DOMAIN_NAME, VOUCHER_DOMAIN_VERSION, type Voucher } from "./voucherTypes.js";

/** `keccak256` of the EIP-712 type string `Voucher(address to,…,uint256 uid)`: the contracts' `TYPEHASH`. */
export const VOUCHER_TYPEHASH: Hex = keccak256(
  stringToHex(`Voucher(${voucherTypes.Voucher.map((f) => `${f.type} ${f.name}`).join(",")})`),
);
const DOMAIN_TYPEHASH = keccak256(
  stringToHex("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
);
const NAME_HASH = keccak256(stringToHex(VOUCHER_DOMAIN_NAME));
const VERSION_HASH = keccak256(stringToHex(VOUCHER_DOMAIN_VERSION));
const FIELDS = voucherTypes.Voucher.map((f) => ({
  name: f.name,
  type: f.type,
  max: f.type.startsWith("uint") ? (1n << BigInt(f.type.slice(4))) - 1n : 0n,
}));

/** Domain separators by `chainId:contract` (a few contracts per app: kept small). */
const separators = new Map<string, Hex>();

function domainSeparator(chainId: number, contract: Address): Hex {
  const key = `${chainId}:${contract.toLowerCase()}`;
  let separator = separators.get(key);
  if (separator === undefined) {
    separator = keccak256(
      encodeAbiParameters(
        [{ type: "bytes32" }, { type: "bytes32" }, { type: "bytes32" }, { type: "uint256" }, { type: "address" }],
        [DOMAIN_TYPEHASH, NAME_HASH, VERSION_HASH, BigInt(chainId), contract],
      ),
    );
    if (separators.size >= 64) separators.clear();
    separators.set(key, separator);
  }
  return separator;
}

/**
 * The EIP-712 digest of `voucher` for the contract at `contract` on chain `chainId`: what a signer signs,
 * and what the contract's `voucherDigest(voucher)` returns. Equal to viem's `hashTypedData` with
 * {@link voucherDomain} and {@link voucherTypes} (tests hold both, and the contracts, to it), computed
 * directly from the 13 words with the domain separator cached: verification is mostly this and `ecrecover`.
 * Throws viem's `hashTypedData` error for a field that is not of its type (bad address, out-of-range integer).
 */
export function hashVoucher(parameters: { voucher: Voucher; contract: Address; chainId: number }): Hex {
  const { voucher, contract, chainId } = parameters;
  const words: Hex[] = [VOUCHER_TYPEHASH];
  for (const field of FIELDS) {
    const value = (voucher as unknown as Record<string, unknown>)[field.name];
    if (field.type === "address") {
      if (typeof value !== "string" || !isAddress(value)) return slowHash(parameters);
      words.push(padHex(value.toLowerCase() as Hex, { size: 32 }));
    } else if (field.type === "string") {
      if (typeof value !== "string") return slowHash(parameters);
      words.push(keccak256(stringToHex(value)));
    } else {
      if (typeof value !== "bigint" || value < 0n || value > field.max) return slowHash(parameters);
      words.push(numberToHex(value, { size: 32 }));
    }
  }
  if (!Number.isSafeInteger(chainId) || chainId < 0 || !isAddress(contract)) return slowHash(parameters);
  return keccak256(concat(["0x1901", domainSeparator(chainId, contract), keccak256(concat(words))]));
}

/** viem's `hashTypedData`: for input the fast path does not take (it throws viem's validation error). */
function slowHash(parameters: { voucher: Voucher; contract: Address; chainId: number }): Hex {
  return hashTypedData({
    domain: voucherDomain(parameters.chainId, parameters.contract),
    types: voucherTypes,
    primaryType: "Voucher",
    message: parameters.voucher,
  });
}
