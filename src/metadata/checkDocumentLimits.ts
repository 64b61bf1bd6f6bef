import type { ProblemCollector } from "./collectProblems.js";

/** Deepest nesting of objects and arrays accepted in a metadata document (OpenSea's own fields need 3). */
export const MAX_METADATA_DEPTH = 16;

/** Largest metadata document accepted, in bytes of its JSON (UTF-8). Put large content behind a URI. */
export const MAX_METADATA_BYTES = 100 * 1024;

/**
 * Internal: records `too_deep` / `too_large` when a document is nested deeper than {@link MAX_METADATA_DEPTH}
 * or its JSON is over {@link MAX_METADATA_BYTES}, and returns false then (the other checks are skipped: a
 * document like that is refused before anything walks it, builds it or uploads it). The depth is measured
 * without recursion, so a document nested thousands deep cannot overflow the stack.
 */
export function checkDocumentLimits(doc: unknown, out: ProblemCollector): boolean {
  const stack: Array<{ readonly value: unknown; readonly depth: number }> = [{ value: doc, depth: 0 }];
  let deepest = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_METADATA_DEPTH) break;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  if (deepest > MAX_METADATA_DEPTH) {
    out.error("", "too_deep", `is nested more than ${MAX_METADATA_DEPTH} levels deep; flatten it (marketplaces read 3 levels at most)`);
    return false;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(doc) ?? "").length;
  if (bytes > MAX_METADATA_BYTES) {
    out.error(
      "",
      "too_large",
      `is ${bytes} bytes of JSON, over the ${MAX_METADATA_BYTES}-byte limit; put large content (text, images, data) in a file and reference it by URI`,
    );
    return false;
  }
  return true;
}
