import { encodeFunctionData, isAddressEqual, size, slice, type Address, type Client, type Hex } from "viem";
import { call, getChainId, getCode } from "viem/actions";
import { chainRead, chainReadOrThrow } from "./chainCall.js";
import { hashVoucher } from "./hashVoucher.js";
import { recoverDigestSigner } from "./recoverVoucherSigner.js";
import { erc1271Abi } from "./voucherContractAbi.js";
import type { Voucher } from "./voucherTypes.js";

/** ERC-1271's magic value, as the full 32-byte word the contracts compare the wallet's answer with. */
const ERC1271_MAGIC_WORD = "0x1626ba7e00000000000000000000000000000000000000000000000000000000";

/** The outcome of a digest signature check: valid or not, and the ECDSA signer when there is one. */
export interface DigestSignatureCheck {
  readonly valid: boolean;
  /** Whose key made the signature, when it is an ECDSA signature the contract accepts. */
  readonly recovered: Address | undefined;
  /** Whether the signer has code (a contract wallet, asked through ERC-1271). */
  readonly viaErc1271: boolean;
}

/**
 * Whether `signature` is `signer`'s over `digest`, exactly as the token contracts decide
 * (`LazyMint._isValidSignature`): an ECDSA signature with a low `s` that recovers to `signer` first; failing
 * that, when `signer` has code, its ERC-1271 `isValidSignature` answering the magic value in a full word.
 * ERC-6492 (counterfactual wallets) is not accepted, as the contracts do not accept it.
 */
export async function checkDigestSignature(
  client: Client,
  parameters: { signer: Address; digest: Hex; signature: Hex },
): Promise<DigestSignatureCheck> {
  const { signer, digest, signature } = parameters;
  const recovered = await recoverDigestSigner(digest, signature);
  if (recovered !== undefined && isAddressEqual(recovered, signer)) return { valid: true, recovered, viaErc1271: false };
  const code = await chainReadOrThrow("getCode(signer)", () => getCode(client, { address: signer }));
  if (code === undefined || size(code) === 0) return { valid: false, recovered, viaErc1271: false };
  const answer = await chainRead(
    "isValidSignature (ERC-1271)",
    () =>
      call(client, {
        to: signer,
        data: encodeFunctionData({ abi: erc1271Abi, functionName: "isValidSignature", args: [digest, signature] }),
      }),
    undefined,
  );
  const data = answer?.data;
  const valid = data !== undefined && size(data) >= 32 && slice(data, 0, 32) === ERC1271_MAGIC_WORD;
  return { valid, recovered, viaErc1271: true };
}

/**
 * Whether `signature` is `signer`'s over `voucher` for the contract at `contract` on the client's chain (or
 * `chainId`), by the contracts' rules: ECDSA (low `s`) first, then ERC-1271 for a contract wallet, asked on
 * the chain. Throws `VOUCHER_RPC_FAILED` only when the chain cannot be reached.
 *
 * @example
 * const ok = await verifyVoucherSignature(publicClient, { voucher, signature, signer, contract });
 */
export async function verifyVoucherSignature(
  client: Client,
  parameters: { voucher: Voucher; signature: Hex; signer: Address; contract: Address; chainId?: number },
): Promise<boolean> {
  const chainId =
    parameters.chainId ?? (await chainReadOrThrow("eth_chainId", () => getChainId(client)));
  const digest = hashVoucher({ voucher: parameters.voucher, contract: parameters.contract, chainId });
  const check = await checkDigestSignature(client, { signer: parameters.signer, digest, signature: parameters.signature });
  return check.valid;
}
