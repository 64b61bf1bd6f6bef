import { expect } from "chai";
import { IpfsError, isIpfsError } from "../../src/errors/IpfsError.js";
import { MintkitError, isMintkitError } from "../../src/errors/MintkitError.js";

describe("errors: MintkitError", () => {
  it("carries a code, a short message, a hint, typed details and the cause", () => {
    const cause = new Error("disk full");
    const err = new MintkitError("EXAMPLE_CODE", "Something went wrong.", {
      hint: "Do this next.",
      details: { n: 1 },
      cause,
      docsPath: "/example",
    });
    expect(err).to.be.instanceOf(Error);
    expect(err.name).to.equal("MintkitError");
    expect(err.code).to.equal("EXAMPLE_CODE");
    expect(err.shortMessage).to.equal("Something went wrong.");
    expect(err.hint).to.equal("Do this next.");
    expect(err.details).to.deep.equal({ n: 1 });
    expect(err.cause).to.equal(cause);
    expect(err.message).to.contain("Something went wrong.");
    expect(err.message).to.contain("Do this next.");
    expect(err.message).to.contain("Cause: disk full");
    expect(err.message).to.contain("Docs: /example");
    expect(err.message).to.contain("Code: EXAMPLE_CODE");
    expect(isMintkitError(err)).to.equal(true);
    expect(isMintkitError(err, "EXAMPLE_CODE")).to.equal(true);
    expect(isMintkitError(err, "OTHER")).to.equal(false);
    expect(isMintkitError(cause)).to.equal(false);
  });

  it("walk() finds the deepest cause or the first match", () => {
    const root = new Error("root");
    const mid = new MintkitError("MID", "mid", { hint: "h", cause: root });
    const top = new MintkitError("TOP", "top", { hint: "h", cause: mid });
    expect(top.walk()).to.equal(root);
    expect(top.walk((e) => e instanceof MintkitError && e.code === "MID")).to.equal(mid);
    expect(top.walk(() => false)).to.equal(null);
  });

  it("IpfsError is a MintkitError with IPFS codes and typed details", () => {
    const err = new IpfsError("IPFS_BLOCK_NOT_FOUND", "Block x is missing.", {
      hint: "Import again.",
      details: { cid: "bafy..." },
    });
    expect(err).to.be.instanceOf(MintkitError);
    expect(err.name).to.equal("IpfsError");
    expect(err.details?.cid).to.equal("bafy...");
    expect(err.docsPath).to.equal("docs/design.md (5. IPFS)");
    expect(isIpfsError(err, "IPFS_BLOCK_NOT_FOUND")).to.equal(true);
    expect(isIpfsError(err, "IPFS_STORE_FAILED")).to.equal(false);
  });
});
