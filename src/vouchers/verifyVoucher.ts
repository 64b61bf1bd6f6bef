import {
  getAddress,
  isAddress,
  isAddressEqual,
  isHex,
  keccak256,
  size,
  toHex,
  zeroAddress,
  type Address,
  type Client,
  type Hex,
} from "viem";
import { getBlock, getChainId, getCode, readContract } from "viem/actions";
import { mintkitCollectionAbi } from "../contracts/mintkitCollection.js";
import { mintkitEditionsAbi } from "../contracts/mintkitEditions.js";
import { chainRead, chainReadOrThrow } from "./chainCall.js";
import { hashVoucher } from "./hashVoucher.js";
import { recoverDigestSigner } from "./recoverVoucherSigner.js";
import { validateVoucher } from "./validateVoucher.js";
import { checkDigestSignature } from "./verifyVoucherSignature.js";
import { voucherProblem, type VoucherProblem } from "./voucherProblem.js";
import { VOUCHER_DOMAIN_NAME, VOUCHER_DOMAIN_VERSION, type Voucher } from "./voucherTypes.js";

/** The role a voucher signer must hold (the owner holds every role). */
export const MINTER_ROLE: Hex = keccak256(toHex("MINTER_ROLE"));

/** ERC-165 interface ids of the two mintkit token kinds. */
const ERC721_INTERFACE = "0x80ac58cd";
const ERC1155_INTERFACE = "0xd9b67a26";
/** The collection's id space: 40-bit ids, the last one unusable. */
const COLLECTION_ID_CAP = (1n << 40n) - 2n;
/** The editions' per-id copies cap when uncapped (2^96 - 1), and the largest cap a voucher may set. */
const EDITIONS_UNCAPPED_LIMIT = (1n << 96n) - 1n;
const EDITIONS_MAX_SUPPLY_LIMIT = (1n << 64n) - 2n;
const DEFAULT_MAX_ROYALTY_BPS = 1000n;
const UINT256_MAX = (1n << 256n) - 1n;

/**
 * Chain ids tried when a signature is invalid for the connected chain, to tell "signed for another chain"
 * apart from "tampered": mainnets and testnets a voucher is most often signed for by mistake.
 */
const WELL_KNOWN_CHAIN_IDS = [1, 10, 56, 137, 324, 8453, 42161, 43114, 59144, 11155111, 84532, 421614, 31337, 1337];

/** Which mintkit token contract a voucher is for. */
export type VoucherContractKind = "erc721" | "erc1155";

export interface VerifyVoucherParameters {
  readonly voucher: Voucher;
  readonly signature: Hex;
  /** The account that signed: an EOA, or a contract wallet (checked through ERC-1271 on the chain). */
  readonly signer: Address;
  /** The contract the voucher is to be redeemed at. */
  readonly contract: Address;
  /**
   * The chain and contract the voucher says it was signed for (a signed-voucher file's `chainId` and
   * `contract`): when they differ from the client's chain or `contract`, the voucher fails with
   * `VOUCHER_WRONG_CHAIN` / `VOUCHER_WRONG_CONTRACT`.
   */
  readonly signedFor?: { readonly chainId?: number; readonly contract?: Address };
}

export interface VerifyVoucherResult {
  /** True when there is no problem: the contract would accept the voucher now (payment aside). */
  readonly valid: boolean;
  /** Every problem found, each with its own code, message and hint. */
  readonly problems: readonly VoucherProblem[];
  /** The connected chain. */
  readonly chainId: number;
  /** The block the checks were made against (its timestamp is the window's "now"). */
  readonly blockNumber: bigint;
  readonly blockTimestamp: bigint;
  /** The contract's kind, when it is a mintkit token contract. */
  readonly kind: VoucherContractKind | undefined;
}

/**
 * Checks off-chain, against the chain's latest block, everything the token contract checks when the
 * voucher is redeemed, and reports every problem at once (each with its own code, the `VoucherError` code
 * the contract's revert decodes to):
 * - the fields (types and ranges), quantity > 0, a non-empty window, open at the earliest time of the
 *   next block (the latest block's timestamp + 1: a redeem is mined in a later block);
 * - the signature: `signer`'s over the EIP-712 digest for this chain and contract, by the contract's rules
 *   (ECDSA with a low `s` first, then ERC-1271 for a contract wallet, asked on the chain); a voucher
 *   signed for another chain or contract, or by another minter, fails with its own code;
 * - the signer may mint (the owner, or `MINTER_ROLE`); the uid is not spent (`VOUCHER_ALREADY_REDEEMED`)
 *   and not cancelled by a minter or admin (`VOUCHER_CANCELLED`, read from `isVoucherCancelled`). An
 *   ERC-721 voucher naming its token id does not use its uid: its id must be reserved and unminted
 *   (`VOUCHER_TOKEN_NOT_RESERVED`) and not cancelled (`VOUCHER_CANCELLED`, from `isReservedIdCancelled`);
 * - payment (someone to pay, the ERC-20 exists, no overflow), royalty bounds, and the token kind's rules
 *   (ERC-721: max supply, `maxSupply` 0, one token per specific id; ERC-1155: caps).
 *
 * The redeemer's side (ETH sent, ERC-20 allowance, receiver hooks) is `simulateRedeem`'s. Never throws for
 * a bad voucher; throws `VoucherError` `VOUCHER_RPC_FAILED` only when the chain cannot be reached.
 *
 * @example
 * const { valid, problems } = await verifyVoucher(publicClient, { voucher, signature, signer, contract });
 * if (!valid) for (const p of problems) console.error(`${p.code}: ${p.message} ${p.hint}`);
 */
export async function verifyVoucher(client: Client, parameters: VerifyVoucherParameters): Promise<VerifyVoucherResult> {
  const { voucher, signature, signedFor } = parameters;
  const problems: VoucherProblem[] = [];
  const [chainId, block] = await Promise.all([
    chainReadOrThrow("eth_chainId", () => getChainId(client)),
    chainReadOrThrow("eth_getBlockByNumber(latest)", () => getBlock(client, { blockTag: "latest" })),
  ]);
  const result = (kind: VoucherContractKind | undefined): VerifyVoucherResult => ({
    valid: problems.length === 0,
    problems,
    chainId,
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    kind,
  });

  // 1. Well-formed input (nothing else can be checked without it).
  for (const field of validateVoucher(voucher)) {
    problems.push(voucherProblem("VOUCHER_INVALID_FIELD", { path: field.path, reason: field.message }));
  }
  for (const [path, value] of [
    ["signer", parameters.signer],
    ["contract", parameters.contract],
    ...(signedFor?.contract === undefined ? [] : [["signedFor.contract", signedFor.contract]]),
  ] as const) {
    if (typeof value !== "string" || !isAddress(value)) {
      problems.push(voucherProblem("VOUCHER_INVALID_FIELD", { path, reason: `must be an address, got ${JSON.stringify(value) ?? "nothing"}` }));
    }
  }
  if (typeof signature !== "string" || !isHex(signature, { strict: true }) || signature.length % 2 !== 0 || size(signature) === 0) {
    problems.push(voucherProblem("VOUCHER_INVALID_FIELD", { path: "signature", reason: "must be 0x-prefixed hex bytes" }));
  }
  if (problems.length > 0) return result(undefined);
  const signer = getAddress(parameters.signer);
  const contract = getAddress(parameters.contract);

  // 2. What the voucher says it is for.
  if (signedFor?.chainId !== undefined && signedFor.chainId !== chainId) {
    problems.push(voucherProblem("VOUCHER_WRONG_CHAIN", { signedFor: signedFor.chainId, chainId }));
  }
  if (signedFor?.contract !== undefined && !isAddressEqual(signedFor.contract, contract)) {
    problems.push(
      voucherProblem("VOUCHER_WRONG_CONTRACT", { signedFor: getAddress(signedFor.contract), contract }),
    );
  }

  // 3. The voucher alone: quantity, window, price. The contract compares `block.timestamp < validFrom`
  //    (not yet valid) and `validUntil != 0 && block.timestamp > validUntil` (expired), both inclusive
  //    bounds; a redeem runs in the NEXT block, whose timestamp is at least the latest one + 1. So a
  //    voucher whose `validUntil` is the latest block's timestamp is already expired for any redeem.
  const now = block.timestamp;
  const redeemTime = now + 1n;
  if (voucher.quantity === 0n) problems.push(voucherProblem("VOUCHER_ZERO_QUANTITY", {}));
  if (voucher.validUntil !== 0n && voucher.validUntil < voucher.validFrom) {
    problems.push(
      voucherProblem("VOUCHER_EMPTY_WINDOW", { validFrom: String(voucher.validFrom), validUntil: String(voucher.validUntil) }),
    );
  } else if (redeemTime < voucher.validFrom) {
    problems.push(voucherProblem("VOUCHER_NOT_YET_VALID", { validFrom: String(voucher.validFrom), now: String(now) }));
  } else if (voucher.validUntil !== 0n && redeemTime > voucher.validUntil) {
    problems.push(voucherProblem("VOUCHER_EXPIRED", { validUntil: String(voucher.validUntil), now: String(now) }));
  }
  if (voucher.price * voucher.quantity > UINT256_MAX) {
    problems.push(
      voucherProblem("VOUCHER_PRICE_OVERFLOW", { price: String(voucher.price), quantity: String(voucher.quantity) }),
    );
  }

  // 4. The contract: there, and a mintkit token contract with the expected EIP-712 domain.
  const code = await chainReadOrThrow("getCode(contract)", () => getCode(client, { address: contract }));
  if (code === undefined || size(code) === 0) {
    problems.push(voucherProblem("VOUCHER_CONTRACT_NOT_FOUND", { contract, chainId }));
    return result(undefined);
  }
  const read = <T>(operation: string, fn: () => Promise<T>) => chainRead(operation, fn, undefined);
  const [domain, is721, is1155] = await Promise.all([
    read("eip712Domain()", () => readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "eip712Domain" })),
    read("supportsInterface(ERC-721)", () =>
      readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "supportsInterface", args: [ERC721_INTERFACE] }),
    ),
    read("supportsInterface(ERC-1155)", () =>
      readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "supportsInterface", args: [ERC1155_INTERFACE] }),
    ),
  ]);
  const kind: VoucherContractKind | undefined = is721 === true ? "erc721" : is1155 === true ? "erc1155" : undefined;
  if (
    domain === undefined ||
    kind === undefined ||
    domain[1] !== VOUCHER_DOMAIN_NAME ||
    domain[2] !== VOUCHER_DOMAIN_VERSION ||
    domain[3] !== BigInt(chainId) ||
    !isAddressEqual(domain[4], contract)
  ) {
    problems.push(voucherProblem("VOUCHER_NOT_A_VOUCHER_CONTRACT", { contract }));
    return result(kind);
  }

  // 5. Chain state: spent uid, minter role, payee, currency, signature, the kind's supply rules. An
  //    explicit-id ERC-721 voucher's uid is not read by the contract (its token guards the replay).
  const needsPayee = voucher.price !== 0n && isAddressEqual(voucher.payee, zeroAddress);
  const usesUid = kind === "erc1155" || voucher.tokenId === 0n;
  const digest = hashVoucher({ voucher, contract, chainId });
  const [redeemed, cancelled, isMinter, saleRecipient, currencyCode, maxRoyaltyBps, signatureCheck, kindProblems] = await Promise.all([
    usesUid
      ? chainReadOrThrow("isVoucherRedeemed", () =>
          readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "isVoucherRedeemed", args: [voucher.uid] }),
        )
      : false,
    usesUid
      ? chainReadOrThrow("isVoucherCancelled", () =>
          readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "isVoucherCancelled", args: [voucher.uid] }),
        )
      : false,
    chainReadOrThrow("hasRole(MINTER_ROLE, signer)", () =>
      readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "hasRole", args: [MINTER_ROLE, signer] }),
    ),
    needsPayee
      ? chainReadOrThrow("primarySaleRecipient()", () =>
          readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "primarySaleRecipient" }),
        )
      : Promise.resolve(undefined),
    isAddressEqual(voucher.currency, zeroAddress)
      ? Promise.resolve(undefined)
      : chainReadOrThrow("getCode(currency)", () => getCode(client, { address: voucher.currency })),
    chainRead(
      "MAX_ROYALTY_BPS()",
      () => readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "MAX_ROYALTY_BPS" }),
      DEFAULT_MAX_ROYALTY_BPS,
    ),
    checkDigestSignature(client, { signer, digest, signature }),
    kind === "erc721" ? collectionProblems(client, contract, voucher) : editionsProblems(client, contract, voucher),
  ]);

  if (!signatureCheck.valid) {
    const explained = await diagnoseSignature(client, {
      voucher,
      signature,
      signer,
      contract,
      chainId,
      signedFor,
      recovered: signatureCheck.recovered,
      alreadyExplained: problems,
    });
    problems.push(...explained);
  }
  if (!isMinter) problems.push(voucherProblem("VOUCHER_SIGNER_NOT_MINTER", { signer }));
  // A cancelled uid is also spent on chain: report why it is spent, once.
  if (cancelled) problems.push(voucherProblem("VOUCHER_CANCELLED", { uid: String(voucher.uid) }));
  else if (redeemed) problems.push(voucherProblem("VOUCHER_ALREADY_REDEEMED", { uid: String(voucher.uid) }));
  if (needsPayee && saleRecipient !== undefined && isAddressEqual(saleRecipient, zeroAddress)) {
    problems.push(voucherProblem("VOUCHER_NO_PAYEE", {}));
  }
  if (!isAddressEqual(voucher.currency, zeroAddress) && (currencyCode === undefined || size(currencyCode) === 0)) {
    problems.push(voucherProblem("VOUCHER_CURRENCY_NOT_CONTRACT", { currency: getAddress(voucher.currency) }));
  }
  const hasRoyalty = voucher.royaltyBps !== 0n || !isAddressEqual(voucher.royaltyReceiver, zeroAddress);
  if (hasRoyalty && (voucher.royaltyBps > maxRoyaltyBps || (voucher.royaltyBps !== 0n && isAddressEqual(voucher.royaltyReceiver, zeroAddress)))) {
    problems.push(
      voucherProblem("VOUCHER_INVALID_ROYALTY", {
        bps: String(voucher.royaltyBps),
        maxBps: String(maxRoyaltyBps),
        receiver: getAddress(voucher.royaltyReceiver),
      }),
    );
  }
  problems.push(...kindProblems);
  return result(kind);
}

/**
 * Why a signature that is not `signer`'s for this chain and contract fails: made for the chain/contract
 * the voucher says (already reported as wrong chain/contract), for a well-known other chain, by another
 * minter of the contract, or none of these (tampered, or a stranger's key).
 */
async function diagnoseSignature(
  client: Client,
  context: {
    voucher: Voucher;
    signature: Hex;
    signer: Address;
    contract: Address;
    chainId: number;
    signedFor: VerifyVoucherParameters["signedFor"];
    recovered: Address | undefined;
    alreadyExplained: readonly VoucherProblem[];
  },
): Promise<VoucherProblem[]> {
  const { voucher, signature, signer, contract, chainId, signedFor } = context;
  const claimsElsewhere = context.alreadyExplained.some((p) => p.code === "VOUCHER_WRONG_CHAIN" || p.code === "VOUCHER_WRONG_CONTRACT");
  if (claimsElsewhere) {
    // Valid where it says it belongs: the wrong chain/contract problem says it all.
    const digest = hashVoucher({ voucher, contract: signedFor?.contract ?? contract, chainId: signedFor?.chainId ?? chainId });
    if ((await checkDigestSignature(client, { signer, digest, signature })).valid) return [];
    return [voucherProblem("VOUCHER_INVALID_SIGNATURE", { signer })];
  }
  for (const otherChainId of WELL_KNOWN_CHAIN_IDS) {
    if (otherChainId === chainId) continue;
    const recovered = await recoverDigestSigner(hashVoucher({ voucher, contract, chainId: otherChainId }), signature);
    if (recovered !== undefined && isAddressEqual(recovered, signer)) {
      return [voucherProblem("VOUCHER_WRONG_CHAIN", { signedFor: otherChainId, chainId })];
    }
  }
  if (context.recovered !== undefined && !isAddressEqual(context.recovered, signer)) {
    const recovered = context.recovered;
    const recoveredIsMinter = await chainReadOrThrow("hasRole(MINTER_ROLE, recovered signer)", () =>
      readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "hasRole", args: [MINTER_ROLE, recovered] }),
    );
    if (recoveredIsMinter) return [voucherProblem("VOUCHER_WRONG_SIGNER", { signer, recovered })];
  }
  return [voucherProblem("VOUCHER_INVALID_SIGNATURE", { signer })];
}

/** ERC-721 collection rules: no `maxSupply`, one token per specific id (unminted, below the next id), the cap. */
async function collectionProblems(client: Client, contract: Address, voucher: Voucher): Promise<VoucherProblem[]> {
  const problems: VoucherProblem[] = [];
  if (voucher.maxSupply !== 0n) {
    problems.push(voucherProblem("VOUCHER_MAX_SUPPLY_NOT_SUPPORTED", { maxSupply: String(voucher.maxSupply) }));
  }
  const [nextTokenId, maxSupply] = await Promise.all([
    chainReadOrThrow("nextTokenId()", () => readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "nextTokenId" })),
    chainReadOrThrow("maxSupply()", () => readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "maxSupply" })),
  ]);
  if (voucher.tokenId === 0n) {
    const available = (maxSupply === 0n ? COLLECTION_ID_CAP : maxSupply) + 1n - nextTokenId;
    if (voucher.quantity > available) {
      problems.push(
        voucherProblem("VOUCHER_MAX_SUPPLY_EXCEEDED", {
          maxSupply: String(maxSupply),
          available: String(available),
          requested: String(voucher.quantity),
        }),
      );
    }
    return problems;
  }
  if (voucher.quantity !== 1n) problems.push(voucherProblem("VOUCHER_QUANTITY_NOT_ONE", { quantity: String(voucher.quantity) }));
  // Reserved ids lie below the next id and have no owner yet (a burned id looks the same from outside:
  // the simulation tells them apart); a reserved id can be cancelled (`cancelReservedIds`).
  const issued = voucher.tokenId < nextTokenId;
  const [minted, cancelled] = issued
    ? await Promise.all([
        chainRead(
          "ownerOf(tokenId)",
          async () => {
            await readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [voucher.tokenId] });
            return true;
          },
          false,
        ),
        chainReadOrThrow("isReservedIdCancelled(tokenId)", () =>
          readContract(client, { address: contract, abi: mintkitCollectionAbi, functionName: "isReservedIdCancelled", args: [voucher.tokenId] }),
        ),
      ])
    : [false, false];
  if (cancelled) {
    problems.push(voucherProblem("VOUCHER_CANCELLED", { uid: String(voucher.uid), tokenId: String(voucher.tokenId) }));
  } else if (!issued || minted) {
    problems.push(voucherProblem("VOUCHER_TOKEN_NOT_RESERVED", { tokenId: String(voucher.tokenId) }));
  }
  return problems;
}

/** ERC-1155 editions rules: a new id's cap in range and large enough; an existing id's cap matches and has room. */
async function editionsProblems(client: Client, contract: Address, voucher: Voucher): Promise<VoucherProblem[]> {
  const problems: VoucherProblem[] = [];
  const tokenId = voucher.tokenId;
  const exists =
    tokenId !== 0n &&
    (await chainReadOrThrow("exists(id)", () =>
      readContract(client, { address: contract, abi: mintkitEditionsAbi, functionName: "exists", args: [tokenId] }),
    ));
  const id = tokenId === 0n ? "next" : String(tokenId);
  if (!exists) {
    if (voucher.maxSupply > EDITIONS_MAX_SUPPLY_LIMIT) {
      problems.push(voucherProblem("VOUCHER_MAX_SUPPLY_MISMATCH", { tokenId: id, given: String(voucher.maxSupply) }));
    } else if (voucher.maxSupply !== 0n && voucher.quantity > voucher.maxSupply) {
      problems.push(
        voucherProblem("VOUCHER_MAX_SUPPLY_EXCEEDED", {
          tokenId: id,
          maxSupply: String(voucher.maxSupply),
          available: String(voucher.maxSupply),
          requested: String(voucher.quantity),
        }),
      );
    }
    return problems;
  }
  const [cap, minted] = await Promise.all([
    chainReadOrThrow("maxSupply(id)", () =>
      readContract(client, { address: contract, abi: mintkitEditionsAbi, functionName: "maxSupply", args: [tokenId] }),
    ),
    chainReadOrThrow("totalMinted(id)", () =>
      readContract(client, { address: contract, abi: mintkitEditionsAbi, functionName: "totalMinted", args: [tokenId] }),
    ),
  ]);
  if (voucher.maxSupply !== 0n && voucher.maxSupply !== cap) {
    problems.push(
      voucherProblem("VOUCHER_MAX_SUPPLY_MISMATCH", { tokenId: id, recorded: String(cap), given: String(voucher.maxSupply) }),
    );
  }
  const available = (cap === 0n ? EDITIONS_UNCAPPED_LIMIT : cap) - minted;
  if (voucher.quantity > available) {
    problems.push(
      voucherProblem("VOUCHER_MAX_SUPPLY_EXCEEDED", {
        tokenId: id,
        maxSupply: String(cap),
        available: String(available),
        requested: String(voucher.quantity),
      }),
    );
  }
  return problems;
}
