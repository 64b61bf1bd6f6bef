import { expect } from "chai";
import { MAX_METADATA_BYTES, MAX_METADATA_DEPTH } from "../../src/metadata/checkDocumentLimits.js";
import { validateEditionMetadata, validateTokenMetadata } from "../../src/metadata/index.js";

const nested = (depth: number): unknown => {
  let v: unknown = "leaf";
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

describe("metadata: depth and size limits (checked before anything is built or uploaded)", () => {
  it("refuses a document nested deeper than the limit (thousands deep: no stack overflow), with the limit in the message", () => {
    for (const depth of [MAX_METADATA_DEPTH + 1, 5000]) {
      const r = validateTokenMetadata({ name: "Deep", properties: nested(depth) });
      expect(r.ok).to.equal(false);
      const problem = (r as unknown as { problems: { code: string; message: string }[] }).problems[0]!;
      expect(problem.code).to.equal("too_deep");
      expect(problem.message).to.contain(String(MAX_METADATA_DEPTH));
    }
    expect(validateEditionMetadata({ name: "Deep", properties: nested(100) }).ok).to.equal(false);
  });

  it("refuses a document whose JSON is over the size limit, and accepts one just under it", () => {
    const big = validateTokenMetadata({ name: "Big", description: "x".repeat(MAX_METADATA_BYTES) });
    expect(big.ok).to.equal(false);
    expect((big as unknown as { problems: { code: string }[] }).problems[0]!.code).to.equal("too_large");
    const wide = validateTokenMetadata({ name: "Wide", attributes: Array.from({ length: 20_000 }, (_, i) => ({ trait_type: `t${i}`, value: i })) });
    expect((wide as unknown as { problems: { code: string }[] }).problems[0]!.code).to.equal("too_large");
    expect(validateTokenMetadata({ name: "Ok", description: "x".repeat(MAX_METADATA_BYTES - 500), properties: nested(MAX_METADATA_DEPTH - 1) }).ok).to.equal(true);
  });
});
