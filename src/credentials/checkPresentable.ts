import { getAddress, isAddressEqual, type Address, type Chain, type Client, type Hex, type Transport } from "viem";
import { getBlock, getCode } from "viem/actions";
import { CredentialError } from "../errors/CredentialError.js";
import type { CredentialReference } from "./credentialReference.js";
import { getCredential, type OnChainCredential } from "./getCredential.js";

export interface CheckPresentableParameters {
  /** The credential, as the holder's claims file names it. */
  readonly credential: Pick<CredentialReference, "registry" | "tokenId" | "holder">;
  /** The claims root of the holder's claims file. */
  readonly claimsRoot: Hex;
  /** The account that will sign the presentation. */
  readonly signer: Address;
}

export interface CheckPresentableReturnType {
  /** The presenter to pass to `createPresentation` when the holder is a contract wallet (ERC-1271) and `signer` a key it accepts. */
  readonly holder?: Address;
  /** The credential as the registry records it. */
  readonly onChain: OnChainCredential;
  /** The latest block's time (unix seconds): the clock the verifier will use. */
  readonly now: number;
  /** Revoked on chain: a verifier will refuse a presentation of it. */
  readonly revoked: boolean;
  /** Expired at `now`: a verifier will refuse a presentation of it. */
  readonly expired: boolean;
}

/**
 * Checks, on the chain, that `signer` can present the credential before anything is signed: the signer is
 * the credential's holder, or the holder is a contract wallet (ERC-1271, which then decides whether it
 * accepts the signer's key); the credential exists; its claims root is the claims file's. Revoked and
 * expired credentials are reported (`revoked`, `expired`), not refused: a verifier refuses them.
 * @throws CredentialError `CREDENTIAL_NOT_PRESENTABLE` naming what is wrong (`reason`).
 * @example
 * const { holder, revoked } = await checkPresentable(publicClient, { credential: file.credential, claimsRoot: file.root, signer: account.address });
 */
export async function checkPresentable<TChain extends Chain | undefined>(
  client: Client<Transport, TChain>,
  parameters: CheckPresentableParameters,
): Promise<CheckPresentableReturnType> {
  const { credential, claimsRoot } = parameters;
  const signer = getAddress(parameters.signer);
  const tokenId = credential.tokenId.toString();
  let holder: Address | undefined;
  if (!isAddressEqual(signer, credential.holder)) {
    const code = await getCode(client, { address: credential.holder });
    if (code === undefined || code === "0x") {
      throw notPresentable(`The signing account ${signer} is not the credential's holder ${credential.holder}.`, {
        hint: "Sign as the holder (its own account). If the credential was reissued to you, rebind the claims file to the new credential first.",
        tokenId,
        reason: "not the holder",
      });
    }
    holder = getAddress(credential.holder); // a contract wallet (ERC-1271): the signing key must be one it accepts
  }
  const onChain = await getCredential(client, { registry: credential.registry, tokenId: credential.tokenId });
  if (onChain === undefined) {
    throw notPresentable(`Credential ${tokenId} does not exist in ${credential.registry} (never issued, or burned).`, {
      hint: "If it was reissued, rebind the claims file to the new credential; otherwise ask the issuer.",
      tokenId,
      reason: "no such credential",
    });
  }
  if (onChain.claimsRoot.toLowerCase() !== claimsRoot.toLowerCase()) {
    throw notPresentable(`The claims file does not match credential ${tokenId}'s claims root on chain.`, {
      hint: "Use the claims file the issuer wrote for this credential.",
      tokenId,
      reason: "claims root differs from the chain",
    });
  }
  const now = Number((await getBlock(client, { blockTag: "latest" })).timestamp);
  return {
    ...(holder === undefined ? {} : { holder }),
    onChain,
    now,
    revoked: onChain.revoked,
    expired: onChain.expiry !== 0 && now >= onChain.expiry,
  };
}

function notPresentable(
  message: string,
  options: { readonly hint: string; readonly tokenId: string; readonly reason: string },
): CredentialError<"CREDENTIAL_NOT_PRESENTABLE"> {
  return new CredentialError("CREDENTIAL_NOT_PRESENTABLE", message, {
    hint: options.hint,
    details: { tokenId: options.tokenId, reason: options.reason },
  });
}
