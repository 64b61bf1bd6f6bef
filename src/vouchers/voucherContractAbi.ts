import { parseAbi } from "viem";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";

type AbiErrorItem<TAbi extends readonly { type: string }[]> = Extract<TAbi[number], { type: "error" }>;

/** The ERC-6093 errors an OpenZeppelin ERC-20 reverts with when the price cannot be pulled. */
const erc20ErrorsAbi = parseAbi([
  "error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)",
  "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
]);

/** ERC-1271 `isValidSignature`. */
export const erc1271Abi = parseAbi([
  "function isValidSignature(bytes32 digest, bytes signature) view returns (bytes4 magicValue)",
]);

/**
 * The ABI voucher redemption is simulated and sent with: the collection's (whose `redeem`, `voucherDigest`,
 * `isVoucherRedeemed` and `VoucherRedeemed` are the editions' too), plus the editions' errors and the
 * ERC-20 errors, so that a revert from either token contract, or from the price's ERC-20, decodes by name.
 */
export const voucherContractAbi = [
  ...mintkitCollectionAbi,
  ...mintkitEditionsAbi.filter((item): item is AbiErrorItem<typeof mintkitEditionsAbi> => item.type === "error"),
  ...erc20ErrorsAbi,
] as const;
