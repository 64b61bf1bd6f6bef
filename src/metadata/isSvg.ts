/** How many leading bytes are examined: enough for a declaration, comments and a DOCTYPE. */
const SNIFF_BYTES = 64 * 1024;

/**
 * True when the bytes are an SVG document: UTF-8 (or ASCII) text whose root element is `<svg>`
 * (optionally `<prefix:svg>`), after an optional BOM, XML declaration, processing instructions,
 * comments and DOCTYPE. Other XML (`<note>…</note>`) and text that merely mentions `<svg` are not.
 * Compressed SVG (`.svgz`) is not recognised. Browser-safe.
 */
export function isSvg(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) return false; // binary, or UTF-16 (not used for SVG in practice)
  const text = new TextDecoder("utf-8").decode(head); // drops a UTF-8 BOM
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (text.startsWith("<?", i)) {
      i = skipPast(text, i, "?>");
    } else if (text.startsWith("<!--", i)) {
      i = skipPast(text, i, "-->");
    } else if (text.slice(i, i + 9).toUpperCase() === "<!DOCTYPE") {
      i = skipDoctype(text, i);
    } else {
      return /^<(?:[A-Za-z_][\w.-]*:)?svg(?=[\s/>])/.test(text.slice(i, i + 200));
    }
    if (i < 0) return false;
  }
}

/** Index just after `end` (searched from `from`), or -1 when it is not there. */
function skipPast(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  return at === -1 ? -1 : at + end.length;
}

/** Skips `<!DOCTYPE …>`, including an internal subset in `[…]`. */
function skipDoctype(text: string, from: number): number {
  const bracket = text.indexOf("[", from);
  const close = text.indexOf(">", from);
  if (close === -1) return -1;
  if (bracket === -1 || bracket > close) return close + 1;
  const subsetEnd = text.indexOf("]", bracket);
  return subsetEnd === -1 ? -1 : skipPast(text, subsetEnd, ">");
}
