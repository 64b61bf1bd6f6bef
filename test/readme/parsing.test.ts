/**
 * The README test's own parts, on small inputs: which lines of a marked block are commands, which are the
 * output the README shows, and what a documented output line matches.
 */
import { expect } from "chai";
import { lineMatcher, missingLines } from "./outputLines.js";
import { readmeBlocks } from "./readmeBlocks.js";

const fence = "```";

describe("README test: reading the marked blocks", () => {
  it("takes commands verbatim (continuations kept), attaches #> lines to the command above, skips comments", () => {
    const md = [
      "# Title",
      "",
      "<!-- readme-test: cli -->",
      `${fence}sh`,
      "# a comment for the reader",
      'mintkit deploy collection "My Art" ART   # trailing comment stays',
      "#> Collection \"My Art\" deployed at 0x…",
      "mintkit credential issue --schema 1 \\",
      "    --out holder.json",
      "",
      "#> Credential … issued to 0x…",
      fence,
      "",
      `${fence}sh`,
      "not marked: not taken",
      fence,
      "<!-- readme-test: dev (background) -->",
      "",
      `${fence}bash`,
      "mintkit dev",
      fence,
    ].join("\n");
    const blocks = readmeBlocks(md);
    expect(blocks.map((b) => [b.name, b.background, b.line])).to.deep.equal([
      ["cli", false, 4],
      ["dev", true, 19],
    ]);
    expect(blocks[0]!.commands).to.deep.equal([
      { text: 'mintkit deploy collection "My Art" ART   # trailing comment stays', line: 6, expected: ['Collection "My Art" deployed at 0x…'] },
      { text: "mintkit credential issue --schema 1 \\\n    --out holder.json", line: 8, expected: ["Credential … issued to 0x…"] },
    ]);
    expect(blocks[1]!.commands.map((c) => c.text)).to.deep.equal(["mintkit dev"]);
  });

  it("refuses a marker without a shell block, an unclosed block and an output line with no command", () => {
    expect(() => readmeBlocks("<!-- readme-test: cli -->\nsome text\n")).to.throw(/not followed by a ```sh block/);
    expect(() => readmeBlocks(`<!-- readme-test: cli -->\n${fence}sh\nmintkit dev\n`)).to.throw(/never closed/);
    expect(() => readmeBlocks(`<!-- readme-test: cli -->\n${fence}sh\n#> output\n${fence}\n`)).to.throw(/no command above it/);
  });
});

describe("README test: documented output lines", () => {
  it("matches whole trimmed lines, … as any text, any run of whitespace as one", () => {
    expect(lineMatcher("Minted token #4 of 0x… to 0xf39F").test("Minted token #4 of 0xAbC123 to 0xf39F")).to.equal(true);
    expect(lineMatcher("root … (3 files)").test("root  bafy123   (3 files)")).to.equal(true);
    expect(lineMatcher("Minted token #4 of 0x…").test("Minted token #45 of 0x1")).to.equal(false);
    expect(lineMatcher("a.b (c)").test("aXb (c)")).to.equal(false); // regex characters are literal
    expect(lineMatcher("VALID: …").test("INVALID: 1 reason:")).to.equal(false); // anchored at the start
  });

  it("wants the lines in the README's order", () => {
    const output = "first line\n  second line\nthird line\n";
    expect(missingLines(["first line", "third line"], output)).to.deep.equal([]);
    expect(missingLines(["third line", "first line"], output)).to.deep.equal(["first line"]);
    expect(missingLines(["second line", "fourth …"], output)).to.deep.equal(["fourth …"]);
  });
});
