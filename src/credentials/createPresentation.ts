import { getAddress, type Account, type Address, type Chain, type Transport, type WalletClient } from "viem";
import { signTypedData } from "viem/actions";
import { CredentialError } from "../errors/CredentialError.js";
import type { CredentialReference } from "./credentialReference.js";
import type { Disclosure } from "./disclosureTypes.js";
import type { PredicateProof } from "./predicateTypes.js";
import { presentationDomain, presentationMessage, presentationTypes, type Presentation } from "./presentationTypes.js";
import { checkDisclosure, disclosureLeaves } from "./verifyDisclosure.js";

/**
 * Presents `disclosure` of credential `credential` to the verifier `audience` that asked with `nonce`: signs
 * the presentation (EIP-712, domain "mintkit credentials" v1, the chain id and the registry) with the wallet
 * client's account, or `account`. For a contract wallet (ERC-1271) pass `holder`: the wallet's address,
 * while `account` is a key the wallet accepts signatures from. `issuedAt` defaults to now (local clock).
 *
 * Throws `CREDENTIAL_NO_SIGNER` without an account and `CREDENTIAL_INVALID_PRESENTATION` when the
 * disclosure is empty, malformed or does not rebuild its own root.
 *
 * @example
 * const disclosure = createDisclosure({ claims: file.claims, names: ["age_over_18"] });
 * const presentation = await createPresentation(walletClient, { credential: file.credential, disclosure, audience: "https://shop.example", nonce });
 */
export async function createPresentation<TChain extends Chain | undefined, TAccount extends Account | undefined>(
  client: WalletClient<Transport, TChain, TAccount>,
  parameters: {
    credential: Pick<CredentialReference, "chainId" | "registry" | "tokenId">;
    disclosure: Disclosure;
    audience: string;
    nonce: string;
    issuedAt?: number;
    account?: Account | Address;
    /** The presenter when it is not the signing account (a contract wallet). */
    holder?: Address;
    /** Zero-knowledge predicate proofs made for this presentation ({@link provePredicates}). */
    predicates?: readonly PredicateProof[];
  },
): Promise<Presentation> {
  const account = parameters.account ?? client.account;
  if (account === undefined) {
    throw new CredentialError("CREDENTIAL_NO_SIGNER", "The wallet client has no account to sign the presentation with.", {
      hint: "Pass `account` (the credential's holder, or a key its contract wallet accepts), or create the wallet client with one.",
      details: {},
    });
  }
  const check = checkDisclosure(parameters.disclosure);
  const problems = check.ok ? [] : [...check.problems];
  const issuedAt = parameters.issuedAt ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(issuedAt) || issuedAt < 0) problems.push("issuedAt must be unix seconds");
  if (problems.length > 0 || !check.ok) {
    throw new CredentialError("CREDENTIAL_INVALID_PRESENTATION", "The disclosure cannot be presented.", {
      hint: `Build the disclosure with createDisclosure from the holder's claims file. Fix: ${problems.join("; ")}.`,
      details: { problems },
    });
  }
  const holder = getAddress(parameters.holder ?? (typeof account === "string" ? account : account.address));
  const disclosure: Disclosure = { ...parameters.disclosure, root: check.root, claims: check.claims };
  const unsigned = {
    chainId: parameters.credential.chainId,
    registry: getAddress(parameters.credential.registry),
    tokenId: parameters.credential.tokenId,
    holder,
    audience: parameters.audience,
    nonce: parameters.nonce,
    issuedAt,
    disclosure,
  };
  const signature = await signTypedData(client, {
    account,
    domain: presentationDomain(unsigned.chainId, unsigned.registry),
    types: presentationTypes,
    primaryType: "Presentation",
    message: presentationMessage({ ...unsigned, claimsRoot: disclosure.root, leaves: disclosureLeaves(disclosure) }),
  });
  return { ...unsigned, signature, ...(parameters.predicates === undefined ? {} : { predicates: parameters.predicates }) };
}
