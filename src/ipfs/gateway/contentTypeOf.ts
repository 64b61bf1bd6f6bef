// file-type is loaded on first use (a dynamic import), so `import "mintkit/node"` does not pay for it.
import { isSvg } from "../../metadata/isSvg.js";

/** Content types by extension for text formats that bytes alone cannot tell apart. */
const TEXT_TYPES: Readonly<Record<string, string>> = {
  json: "application/json",
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xml: "application/xml",
  svg: "image/svg+xml",
  gltf: "model/gltf+json",
};

/**
 * The Content-Type of a file from its first bytes (file-type: PNG, JPEG, GIF, WEBP, MP4, GLB …;
 * SVG by its root element), then from the name's extension for text formats (JSON, HTML …), then
 * UTF-8 text or `application/octet-stream`. @internal
 */
export async function contentTypeOf(head: Uint8Array, name: string | undefined): Promise<string> {
  const found = head.byteLength > 0 ? await (await import("file-type/core")).fileTypeFromBuffer(head) : undefined;
  if (found && found.ext !== "xml") return found.mime;
  if (isSvg(head)) return "image/svg+xml";
  const dot = name?.lastIndexOf(".") ?? -1;
  const ext = name && dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
  const byName = ext ? TEXT_TYPES[ext] : undefined;
  if (byName) return byName;
  if (found) return found.mime;
  if (isUtf8Text(head)) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

function isUtf8Text(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sniffed head is fine.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, Math.max(0, head.byteLength - 3)));
    return true;
  } catch {
    return false;
  }
}

/**
 * True for types a browser may run scripts in when opened on the gateway's origin (HTML, SVG, XML,
 * XHTML): the gateway serves them with `Content-Security-Policy: sandbox`. @internal
 */
export function isActiveContentType(type: string): boolean {
  const mime = type.split(";")[0]!.trim().toLowerCase();
  return mime === "text/html" || mime === "image/svg+xml" || mime === "application/xhtml+xml" || mime === "application/xml" || mime === "text/xml";
}
