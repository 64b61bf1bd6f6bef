import type { Problem } from "./types.js";

/**
 * Renders problems one per line as `path: message`, warnings marked, problems about the document as a
 * whole shown as `(document): message`. For CLI output and error messages.
 */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => `${p.severity === "warning" ? "warning: " : ""}${p.path === "" ? "(document)" : p.path}: ${p.message}`)
    .join("\n");
}
