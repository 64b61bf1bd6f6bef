import { checkUri } from "../metadata/checkUri.js";
import { ProblemCollector } from "../metadata/collectProblems.js";
import { DeployError } from "../errors/DeployError.js";

/**
 * Longest contract name accepted, in characters. Wallets and marketplaces show a collection name on one line
 * (OpenSea cuts names at 64 characters in lists); 100 leaves room and refuses absurd ones.
 */
export const maxContractNameLength = 100;

/** Which standard a contract's base URI follows: an ERC-721 prefix, an ERC-1155 `{id}` template or a credential-type prefix. */
export type BaseUriStyle = "ERC-721" | "ERC-1155" | "credential";

/**
 * Checks a contract's name, base URI and contract URI before anything is sent, with the rules `mint` applies
 * to token metadata: `ipfs://`, `ar://`, `https://` (and `http://`) only; a contract URI may also be a
 * `data:application/json` document. `javascript:`, `data:text/html`, relative paths and text that is not a
 * URI are refused. Empty (or absent) URIs are fine. Browser-safe.
 * @throws DeployError `DEPLOY_INVALID_CONFIG` naming the field.
 * @example
 * checkDeployInput({ name: "My Art", baseURI: "ipfs://bafy…/", contractURI: "" }, "ERC-721");
 */
export function checkDeployInput(
  input: { readonly name: string; readonly baseURI?: string; readonly contractURI?: string },
  style: BaseUriStyle,
): void {
  const length = [...input.name].length;
  if (length > maxContractNameLength) {
    throw invalid("name", `${input.name.slice(0, 20)}…`, `is ${length} characters; at most ${maxContractNameLength} are accepted (wallets and marketplaces show one short line)`);
  }
  if (input.baseURI !== undefined && input.baseURI !== "") checkOne("baseURI", input.baseURI, style, false);
  if (input.contractURI !== undefined && input.contractURI !== "") checkOne("contractURI", input.contractURI, "ERC-7572", true);
}

function checkOne(field: string, value: string, style: BaseUriStyle | "ERC-7572", dataJsonAllowed: boolean): void {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase();
  if (scheme === "data") {
    const mediaType = value.slice("data:".length).split(/[;,]/, 1)[0]?.trim().toLowerCase() ?? "";
    if (!dataJsonAllowed || mediaType !== "application/json") {
      throw invalid(
        field,
        value,
        dataJsonAllowed
          ? `is a data: URI of type "${mediaType || "text/plain"}"; a contract URI may only be data:application/json (or ipfs://, ar://, https://)`
          : "is a data: URI; a base URI is a prefix for every token's metadata: use ipfs://<cid>/, ar://<id>/ or https://…/",
      );
    }
  }
  const out = new ProblemCollector();
  checkUri(value, field, out, {
    expect: "any",
    placeholders: style === "ERC-1155" ? ["id"] : [],
    standard: style === "ERC-1155" ? "ERC-1155" : style === "ERC-7572" ? "ERC-7572" : "ERC-721",
  });
  const error = out.problems.find((p) => p.severity === "error");
  if (error !== undefined) throw invalid(field, value, error.message);
}

function invalid(field: string, value: string, reason: string): DeployError<"DEPLOY_INVALID_CONFIG"> {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return new DeployError("DEPLOY_INVALID_CONFIG", `Invalid ${field} "${shown}": ${reason}.`, {
    hint: `Fix ${field} and run again; nothing was sent.`,
    details: { field, value: shown, reason },
  });
}
