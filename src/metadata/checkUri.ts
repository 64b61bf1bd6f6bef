import { CID } from "multiformats/cid";
import { base36 } from "multiformats/bases/base36";
import { describeValue, type ProblemCollector } from "./collectProblems.js";

/** Internal: what a URI field holds and which `{…}` placeholders its standard substitutes. */
export interface UriFieldRules {
  /** `image`: a `data:` URI must be `image/*`. */
  readonly expect?: "image" | "any";
  /** Placeholders clients substitute in this field, e.g. `["id"]` for ERC-1155. */
  readonly placeholders: readonly string[];
  /** Which standard, for the placeholder message. */
  readonly standard: "ERC-721" | "ERC-1155" | "ERC-7572";
}

const ACCEPTED = "ipfs://, ar://, https:// or data:";
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ARWEAVE_ID = /^[A-Za-z0-9_-]+$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Internal: checks one URI field and records its problems.
 *
 * Accepted: `ipfs://<cid>[/path]` (CID checked), `ar://<id>[/path]`, `https://…`, `data:…`.
 * `http://` is accepted with a warning (it is blocked as mixed content on https pages); a gateway
 * URL (`https://<gateway>/ipfs/<cid>`) is accepted with a warning (prefer `ipfs://<cid>`).
 * Anything else (relative paths, `file:`, `ftp:`, `javascript:`…) is an error.
 */
export function checkUri(value: unknown, path: string, out: ProblemCollector, rules: UriFieldRules): void {
  if (typeof value !== "string") {
    out.error(path, "wrong_type", `must be a URI string, got ${describeValue(value)}`);
    return;
  }
  if (value === "") {
    out.error(path, "empty", "must not be empty; leave the field out if there is nothing to link to");
    return;
  }
  if (value.trim() !== value) {
    out.error(path, "whitespace", "has leading or trailing whitespace; remove it");
    return;
  }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    out.error(path, "uri_relative", `must be an absolute URI starting with ${ACCEPTED}; got ${describeValue(value)}`);
    return;
  }
  switch (scheme) {
    case "ipfs":
      checkIpfs(value, path, out);
      break;
    case "ar":
      checkArweave(value, path, out);
      break;
    case "https":
    case "http":
      checkHttp(value, scheme, path, out);
      break;
    case "data":
      checkData(value, path, out, rules.expect ?? "any");
      return; // no placeholders in data: URIs
    default:
      out.error(path, "uri_scheme", `uses the unsupported scheme "${scheme}:"; use ${ACCEPTED}`);
      return;
  }
  checkPlaceholders(value, path, out, rules);
}

function checkIpfs(value: string, path: string, out: ProblemCollector): void {
  if (!value.startsWith("ipfs://")) {
    out.error(path, "uri_malformed", 'must be written ipfs://<cid>/<path> (lowercase "ipfs", two slashes)');
    return;
  }
  const rest = value.slice("ipfs://".length);
  if (rest.startsWith("ipfs/")) {
    out.error(path, "uri_malformed", 'has an extra "ipfs/": write ipfs://<cid>/<path>, not ipfs://ipfs/<cid>');
    return;
  }
  const cid = rest.split(/[/?#]/, 1)[0] ?? "";
  if (cid === "") {
    out.error(path, "ipfs_cid", "has no CID after ipfs://");
    return;
  }
  if (!isCid(cid)) {
    out.error(path, "ipfs_cid", `has ${describeValue(cid)} where a CID (Qm… or bafy…) should be`);
  }
}

function isCid(text: string): boolean {
  try {
    CID.parse(text, text.startsWith("k") ? base36 : undefined);
    return true;
  } catch {
    return false;
  }
}

function checkArweave(value: string, path: string, out: ProblemCollector): void {
  const id = value.startsWith("ar://") ? (value.slice("ar://".length).split(/[/?#]/, 1)[0] ?? "") : "";
  if (!ARWEAVE_ID.test(id)) {
    out.error(path, "uri_malformed", "must be written ar://<transaction id or ArNS name>/<path>");
  }
}

function checkHttp(value: string, scheme: "http" | "https", path: string, out: ProblemCollector): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    out.error(path, "uri_malformed", `is not a valid ${scheme}:// URL`);
    return;
  }
  if (url.hostname === "" || !value.toLowerCase().startsWith(`${scheme}://`)) {
    out.error(path, "uri_malformed", `is not a valid ${scheme}:// URL (it needs a host: ${scheme}://example.com/...)`);
    return;
  }
  if (scheme === "http") {
    out.warn(path, "uri_insecure", "uses http://, which https pages block as mixed content; use https:// or ipfs://");
  }
  const gatewayCid = /^\/ip[fn]s\/([^/?#]+)/.exec(url.pathname)?.[1];
  if (gatewayCid !== undefined && url.pathname.startsWith("/ipfs/") && isCid(gatewayCid)) {
    const rest = url.pathname.slice(`/ipfs/${gatewayCid}`.length);
    out.warn(
      path,
      "uri_gateway",
      `points at one IPFS gateway (${url.hostname}); write ipfs://${gatewayCid}${rest} so any gateway can serve it`,
    );
  }
}

function checkData(value: string, path: string, out: ProblemCollector, expect: "image" | "any"): void {
  const comma = value.indexOf(",");
  if (comma === -1) {
    out.error(path, "uri_malformed", "is a data: URI without a comma; write data:<media type>[;base64],<data>");
    return;
  }
  const header = value.slice("data:".length, comma);
  const params = header.split(";");
  const mediaType = (params[0] ?? "").trim().toLowerCase();
  if (expect === "image" && mediaType !== "" && !mediaType.startsWith("image/")) {
    out.error(path, "data_uri_media_type", `is a data: URI of type "${mediaType}"; an image field needs an image/* type`);
  }
  if (params.slice(1).some((p) => p.trim().toLowerCase() === "base64")) {
    const data = value.slice(comma + 1).replace(/\s+/g, "");
    if (!BASE64.test(data)) {
      out.error(path, "uri_malformed", "is a ;base64 data: URI whose data is not valid base64");
    }
  }
}

function checkPlaceholders(value: string, path: string, out: ProblemCollector, rules: UriFieldRules): void {
  for (const match of value.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (rules.placeholders.includes(name)) continue;
    if (rules.standard === "ERC-1155") {
      out.error(
        path,
        "uri_placeholder",
        `contains "{${name}}"; ERC-1155 clients only substitute ${rules.placeholders.map((p) => `"{${p}}"`).join(" and ")}`,
      );
    } else {
      out.warn(
        path,
        "uri_placeholder",
        `contains "{${name}}", which ${rules.standard} clients do not substitute; write the actual value`,
      );
    }
  }
}
