/**
 * The README's tested shell blocks. A block is marked for the README test with an HTML comment right
 * before its fence (readers do not see it):
 *
 *   <!-- readme-test: cli -->               a block run in order, in one shell, after the blocks before it
 *   <!-- readme-test: dev (background) -->  each command started in the background (a server), kept running
 *   <!-- readme-test: path -->              the set-up the README does in the clone's folder (PATH)
 *
 * Inside a block, a line starting with `#>` is output the command above it prints (`…` stands for what
 * differs between runs); other comment lines and blank lines are for the reader. A command ending in `\`
 * continues on the next line, as in the shell.
 */

/** One command of a README block, verbatim, with the output lines the README shows for it. */
export interface ReadmeCommand {
  /** The command as written (continuation lines joined with their backslash-newline kept). */
  readonly text: string;
  /** 1-based line of the README where the command starts. */
  readonly line: number;
  /** The `#>` lines under it, without the `#> ` prefix. */
  readonly expected: readonly string[];
}

/** A marked shell block of the README. */
export interface ReadmeBlock {
  readonly name: string;
  /** Marked `(background)`: each command is a server started in another terminal. */
  readonly background: boolean;
  /** 1-based line of the README where the block's fence opens. */
  readonly line: number;
  readonly commands: readonly ReadmeCommand[];
}

const MARKER = /^<!--\s*readme-test:\s*([a-z][a-z0-9-]*)(\s+\(background\))?\s*-->\s*$/;

/**
 * Every marked block of a Markdown text, in document order. Throws when a marker is not followed by a
 * shell fence, a fence is not closed, or a `#>` line has no command above it: a malformed README fails
 * the test instead of silently testing less.
 * @example
 * const blocks = readmeBlocks(readFileSync("README.md", "utf8"));
 */
export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split("\n");
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]!.trim());
    if (marker === null) continue;
    let open = i + 1;
    while (open < lines.length && lines[open]!.trim() === "") open++;
    if (!/^```(sh|bash|shell)\s*$/.test(lines[open] ?? "")) {
      throw new Error(`README line ${i + 1}: the readme-test marker "${marker[1]}" is not followed by a \`\`\`sh block`);
    }
    let close = open + 1;
    while (close < lines.length && !/^```\s*$/.test(lines[close]!)) close++;
    if (close >= lines.length) throw new Error(`README line ${open + 1}: the shell block is never closed`);
    blocks.push({
      name: marker[1]!,
      background: marker[2] !== undefined,
      line: open + 1,
      commands: parseCommands(lines.slice(open + 1, close), open + 2),
    });
    i = close;
  }
  return blocks;
}

function parseCommands(body: string[], firstLine: number): ReadmeCommand[] {
  const commands: { text: string; line: number; expected: string[] }[] = [];
  for (let j = 0; j < body.length; j++) {
    const raw = body[j]!;
    const trimmed = raw.trim();
    if (trimmed.startsWith("#>")) {
      const last = commands.at(-1);
      if (last === undefined) throw new Error(`README line ${firstLine + j}: an output line (#>) with no command above it`);
      last.expected.push(trimmed.slice(2).trim());
      continue;
    }
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const start = j;
    let text = raw;
    while (/\\$/.test(body[j]!) && j + 1 < body.length) {
      j++;
      text += `\n${body[j]!}`;
    }
    commands.push({ text, line: firstLine + start, expected: [] });
  }
  return commands;
}
