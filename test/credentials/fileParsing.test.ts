import { expect } from "chai";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseClaimsFile } from "../../src/credentials/claimsFile.js";
import { MAX_CLAIM_VALUE_BYTES } from "../../src/credentials/normalizeClaimValue.js";
import { parsePresentation } from "../../src/credentials/presentationFile.js";
import { checkClaims } from "../../src/credentials/validateClaims.js";

const salt = `0x${"11".repeat(32)}`;

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    const problems = (err as { details?: { problems?: string[] } }).details?.problems;
    expect(problems, String(err)).to.be.an("array");
    return problems!;
  }
  throw new Error("expected an error");
}

describe("credentials: reading claims and presentation files that are not what they should be", () => {
  it("says what is wrong with text that is not JSON, without quoting the parser or the file's bytes", () => {
    const png = readFileSync(path.join(import.meta.dirname, "../fixtures/media/pixel.png"), "latin1");
    for (const parse of [parseClaimsFile, parsePresentation] as const) {
      const [binary] = problemsOf(() => parse(png));
      expect(binary).to.equal("not JSON: it does not start with { (is it the right file?)");
      const [cut] = problemsOf(() => parse('{"format": "mintkit-claims", "vers'));
      expect(cut).to.match(/ends early \(a truncated copy or an interrupted write\?\)/);
      const [empty] = problemsOf(() => parse(""));
      expect(empty).to.equal("the file is empty");
      for (const p of [binary, cut, empty]) expect(p).to.not.match(/Unexpected|is not valid JSON|PNG/);
    }
  });

  it(`refuses a string or bytes claim value over ${MAX_CLAIM_VALUE_BYTES} bytes, naming the claim`, () => {
    const big = checkClaims([{ type: "string", name: "essay", value: "x".repeat(MAX_CLAIM_VALUE_BYTES + 1), salt }]);
    expect(big.problems).to.have.length(1);
    expect(big.problems[0]).to.match(/claims\[0\]\.value is 16385 bytes, over the 16384-byte limit/);
    const bytes = checkClaims([{ type: "bytes", name: "blob", value: `0x${"ab".repeat(MAX_CLAIM_VALUE_BYTES + 1)}`, salt }]);
    expect(bytes.problems[0]).to.match(/over the 16384-byte limit/);
    expect(checkClaims([{ type: "string", name: "essay", value: "x".repeat(MAX_CLAIM_VALUE_BYTES), salt }]).problems).to.deep.equal([]);
  });
});
