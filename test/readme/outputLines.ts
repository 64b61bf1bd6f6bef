/**
 * Matching the output lines a README shows (`#>` lines) against what a command printed. A documented line
 * matches a printed line when they are equal after trimming, with every run of whitespace counting as one
 * space and `…` standing for any text (possibly empty).
 */

/**
 * The regular expression a documented output line stands for.
 * @example
 * lineMatcher("Minted token #4 of 0x… to 0xf39F…").test("Minted token #4 of 0xAbC… to 0xf39F…") // true
 */
export function lineMatcher(expected: string): RegExp {
  const parts = expected
    .trim()
    .split("…")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"));
  return new RegExp(`^${parts.join(".*")}$`);
}

/**
 * The patterns not found in `output`, in order: each must match a printed line (trimmed) after the line the
 * previous one matched. Empty when every line is there. The README test's driver has the same loop.
 */
export function missingPatterns(patterns: readonly RegExp[], output: string): RegExp[] {
  const printed = output.split(/\r?\n/).map((line) => line.trim());
  let from = 0;
  for (let k = 0; k < patterns.length; k++) {
    const at = printed.findIndex((line, index) => index >= from && patterns[k]!.test(line));
    if (at === -1) return patterns.slice(k);
    from = at + 1;
  }
  return [];
}

/** The documented lines not found in `output`, in order (see `missingPatterns`). */
export function missingLines(expected: readonly string[], output: string): string[] {
  const missing = missingPatterns(expected.map(lineMatcher), output).length;
  return expected.slice(expected.length - missing);
}
