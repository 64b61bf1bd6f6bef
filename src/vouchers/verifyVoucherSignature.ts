import { concat, encodeFunctionData, isAddressEqual, pad, size, slice, type Address, type Client, type Hex } from "viem";
import { call, getChainId, getCode } from "viem/actions";
import { chainRead, chainReadOrThrow } from "./chainCall.js";
import { hashVoucher } from "./hashVoucher.js";
import { recoverDigestSigner } from "./recoverVoucherSigner.js";
import { erc1271Abi } from "./voucherContractAbi.js";
import type { Voucher } from "./voucherTypes.js";

/** ERC-1271's magic value, as the full 32-byte word the contracts compare the wallet's answer with. */
const ERC1271_MAGIC_WORD = "0x1626ba7e00000000000000000000000000000000000000000000000000000000";

/**
 * Creation code of a throwaway contract, run with a deployless `eth_call` (no `to`): its constructor
 * STATICCALLs the address in the 32-byte word appended after it with the bytes that follow, and returns
 * the answer (nothing when the call failed: refused, as `SignatureChecker` refuses it). So an ERC-1271 wallet is asked exactly as `SignatureChecker` asks it, in
 * a static context: an `isValidSignature` that writes state fails here as it fails on chain (a plain
 * `eth_call` would let it write). Hand-assembled (47 bytes):
 *
 *   CODECOPY(0, 47, 32)                         mem[0..32]  = target word
 *   n = CODESIZE - 79; CODECOPY(32, 79, n)      mem[32..]   = calldata
 *   ok = STATICCALL(GAS, MLOAD(0), 32, n, 0, 0)
 *   RETURNDATACOPY(0, 0, RETURNDATASIZE); ok ? RETURN(0, RETURNDATASIZE) : RETURN(0, 0)
 */
const STATICCALL_PROXY_CODE: Hex = "0x6020602f600039604f380380604f602039600060008260206000515afa3d600060003e602a57600080f35b3d6000f3";

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
 * that, when `signer` has code, its ERC-1271 `isValidSignature`, called with STATICCALL, answering the magic
 * value in a full word.
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
  // Through STATICCALL, as the contract asks (msg.sender is the throwaway contract, not the token
  // contract: a wallet that answers by caller is not modelled).
  const answer = await chainRead(
    "isValidSignature (ERC-1271)",
    () =>
      call(client, {
        data: concat([
          STATICCALL_PROXY_CODE,
          pad(signer, { size: 32 }),
          encodeFunctionData({ abi: erc1271Abi, functionName: "isValidSignature", args: [digest, signature] }),
        ]),
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
