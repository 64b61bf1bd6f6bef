import { hashTypedData, type Hex } from "viem";
import { presentationDomain, presentationMessage, presentationTypes, type Presentation } from "./presentationTypes.js";
import { disclosureLeaves } from "./verifyDisclosure.js";

/**
 * The EIP-712 digest a presentation's holder signs: what an ERC-1271 wallet's `isValidSignature(digest, …)`
 * is asked about. The leaves are recomputed from the disclosed claims, so a changed claim changes the digest.
 */
export function hashPresentation(presentation: Omit<Presentation, "signature">): Hex {
  return hashTypedData({
    domain: presentationDomain(presentation.chainId, presentation.registry),
    types: presentationTypes,
    primaryType: "Presentation",
    message: presentationMessage({
      ...presentation,
      claimsRoot: presentation.disclosure.root,
      leaves: disclosureLeaves(presentation.disclosure),
    }),
  });
}
