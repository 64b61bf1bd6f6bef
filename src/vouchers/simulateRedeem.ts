import { erc20Abi, getAddress, isAddressEqual, zeroAddress, type Account, type Address, type Client, type Hex } from "viem";
import { parseAccount } from "viem/utils"; // not viem/accounts, which loads key derivation and wordlists
import { estimateContractGas, getBalance, readContract, simulateContract } from "viem/actions";
import type { VoucherError } from "../errors/VoucherError.js";
import { chainRead, chainReadOrThrow } from "./chainCall.js";
import { decodeRedeemError } from "./decodeRedeemError.js";
import { voucherContractAbi } from "./voucherContractAbi.js";
import { voucherError } from "./voucherProblem.js";
import type { VoucherContractKind } from "./verifyVoucher.js";
import type { Voucher } from "./voucherTypes.js";

const ERC1155_INTERFACE = "0xd9b67a26";

export interface RedeemVoucherParameters {
  readonly voucher: Voucher;
  readonly signature: Hex;
  /** The account that signed the voucher (an EOA or a contract wallet). */
  readonly signer: Address;
  /** The token contract to redeem at. */
  readonly contract: Address;
  /**
   * ETH to send. Defaults to the voucher's total price (`price * quantity`) for an ETH voucher and to 0
   * for an ERC-20 one (whose price the contract pulls: approve it first).
   */
  readonly value?: bigint;
}

export interface SimulateRedeemParameters extends RedeemVoucherParameters {
  /** The redeemer: pays the price and the gas, and receives the tokens when the voucher's `to` is zero. */
  readonly account: Account | Address;
}

export interface SimulateRedeemResult {
  /** The kind of token contract. */
  readonly kind: VoucherContractKind;
  /** ERC-721: the ids minted (consecutive). ERC-1155: the one id minted (`quantity` copies of it). */
  readonly tokenIds: readonly bigint[];
  readonly quantity: bigint;
  /** Who receives the tokens. */
  readonly recipient: Address;
  /** The ETH sent. */
  readonly value: bigint;
  /** The gas the redemption takes (`eth_estimateGas`). */
  readonly gas: bigint;
}

/** The voucher's total price: `price * quantity`, in its currency's smallest unit. */
export function voucherTotalPrice(voucher: Voucher): bigint {
  return voucher.price * voucher.quantity;
}

/**
 * Simulates redeeming a voucher from `account` (an `eth_call` of `redeem`, then `eth_estimateGas`): the
 * token ids it would mint and the gas. A revert throws the `VoucherError` for the contract's custom error
 * (`VOUCHER_EXPIRED`, `VOUCHER_ALREADY_REDEEMED`, `VOUCHER_CANCELLED`, `VOUCHER_INVALID_SIGNATURE`, `VOUCHER_WRONG_PAYMENT`,
 * `VOUCHER_MAX_SUPPLY_EXCEEDED`, …) with what to do next; an ERC-20 price the redeemer has not approved (or
 * cannot pay) throws `VOUCHER_INSUFFICIENT_ALLOWANCE` (`VOUCHER_INSUFFICIENT_TOKEN_BALANCE`); a chain that
 * does not answer, `VOUCHER_RPC_FAILED`.
 *
 * @example
 * const { tokenIds, gas } = await simulateRedeem(publicClient, { ...signed, account: buyer });
 */
export async function simulateRedeem(client: Client, parameters: SimulateRedeemParameters): Promise<SimulateRedeemResult> {
  const { voucher, signature, signer, contract } = parameters;
  const account = parseAccount(parameters.account);
  const isEth = isAddressEqual(voucher.currency, zeroAddress);
  const value = parameters.value ?? (isEth ? voucherTotalPrice(voucher) : 0n);
  const call = {
    address: contract,
    abi: voucherContractAbi,
    functionName: "redeem",
    args: [voucher, signer, signature],
    account,
    value,
  } as const;
  const fail = async (error: unknown, operation: string): Promise<never> => {
    throw (await explainRedeemError(client, error, { voucher, contract, account: account.address, value })) ??
      voucherError("VOUCHER_RPC_FAILED", { operation }, error);
  };

  const [simulation, is1155] = await Promise.all([
    simulateContract(client, call).catch((error: unknown) => fail(error, "eth_call redeem")),
    chainRead(
      "supportsInterface(ERC-1155)",
      () => readContract(client, { address: contract, abi: voucherContractAbi, functionName: "supportsInterface", args: [ERC1155_INTERFACE] }),
      false,
    ),
  ]);
  const [gas, balance] = await Promise.all([
    estimateContractGas(client, call).catch((error: unknown) => fail(error, "eth_estimateGas redeem")),
    value === 0n ? Promise.resolve(0n) : chainReadOrThrow("getBalance(account)", () => getBalance(client, { address: account.address })),
  ]);
  // Some nodes (Hardhat's among them) do not check the sender's balance in eth_call / eth_estimateGas.
  if (balance < value) {
    throw voucherError("VOUCHER_INSUFFICIENT_FUNDS", { account: getAddress(account.address), value: String(value) });
  }
  const firstTokenId = simulation.result;
  const kind: VoucherContractKind = is1155 ? "erc1155" : "erc721";
  return {
    kind,
    tokenIds: tokenIdsOf(kind, firstTokenId, voucher.quantity),
    quantity: voucher.quantity,
    recipient: getAddress(isAddressEqual(voucher.to, zeroAddress) ? account.address : voucher.to),
    value,
    gas,
  };
}

/** ERC-721: `quantity` consecutive ids from `first`; ERC-1155: the id itself. */
export function tokenIdsOf(kind: VoucherContractKind, first: bigint, quantity: bigint): bigint[] {
  if (kind === "erc1155") return [first];
  return Array.from({ length: Number(quantity) }, (_, i) => first + BigInt(i));
}

/**
 * `decodeRedeemError`, and for an ERC-20 voucher whose pull failed without a named ERC-20 error (a token
 * with string reverts, or `SafeERC20FailedOperation`), the redeemer's allowance and balance read from the
 * chain to say which one is short.
 */
export async function explainRedeemError(
  client: Client,
  error: unknown,
  context: { voucher: Voucher; contract: Address; account: Address; value: bigint },
): Promise<VoucherError | undefined> {
  const decoded = decodeRedeemError(error, context);
  const { voucher, contract, account } = context;
  if (decoded?.code !== "VOUCHER_REDEEM_REVERTED" || isAddressEqual(voucher.currency, zeroAddress)) return decoded;
  const needed = voucherTotalPrice(voucher);
  const [allowance, balance] = await Promise.all([
    chainReadOrThrow("allowance", () =>
      readContract(client, { address: voucher.currency, abi: erc20Abi, functionName: "allowance", args: [account, contract] }),
    ).catch(() => undefined),
    chainReadOrThrow("balanceOf", () =>
      readContract(client, { address: voucher.currency, abi: erc20Abi, functionName: "balanceOf", args: [account] }),
    ).catch(() => undefined),
  ]);
  const currency = getAddress(voucher.currency);
  if (allowance !== undefined && allowance < needed) {
    return voucherError(
      "VOUCHER_INSUFFICIENT_ALLOWANCE",
      { currency, owner: getAddress(account), spender: getAddress(contract), allowance: String(allowance), needed: String(needed) },
      error,
    );
  }
  if (balance !== undefined && balance < needed) {
    return voucherError(
      "VOUCHER_INSUFFICIENT_TOKEN_BALANCE",
      { currency, owner: getAddress(account), balance: String(balance), needed: String(needed) },
      error,
    );
  }
  return decoded;
}
