import { expect } from "chai";
import { substituteTokenId } from "../../src/metadata/substituteTokenId.js";
import { isMetadataError } from "../../src/errors/MetadataError.js";

describe("metadata: substituteTokenId (ERC-1155 {id})", () => {
  it("writes the id as 64 lowercase hex digits without 0x (the ERC-1155 example)", () => {
    expect(substituteTokenId("https://token-cdn-domain/{id}.json", 314592n)).to.equal(
      "https://token-cdn-domain/000000000000000000000000000000000000000000000000000000000004cce0.json",
    );
  });

  it("takes safe integer numbers, and 0 and 2^256 - 1 as bounds", () => {
    expect(substituteTokenId("{id}", 255)).to.equal(`${"0".repeat(62)}ff`);
    expect(substituteTokenId("{id}", 0n)).to.equal("0".repeat(64));
    expect(substituteTokenId("{id}", (1n << 256n) - 1n)).to.equal("f".repeat(64));
  });

  it("replaces every {id} and leaves URIs without one unchanged", () => {
    expect(substituteTokenId("ipfs://cid/{id}/{id}.json", 1n)).to.equal(`ipfs://cid/${"0".repeat(63)}1/${"0".repeat(63)}1.json`);
    expect(substituteTokenId("ipfs://cid/7.json", 1n)).to.equal("ipfs://cid/7.json");
    expect(substituteTokenId("ipfs://cid/{ID}.json", 1n)).to.equal("ipfs://cid/{ID}.json");
  });

  it("rejects negative, fractional, unsafe and too large ids with TOKEN_ID_INVALID", () => {
    const cases: Array<[bigint | number, string]> = [
      [-1n, "it is negative"],
      [-1, "it is negative"],
      [1.5, "it is not a safe integer number"],
      [2 ** 60, "it is not a safe integer number"],
      [Number.NaN, "it is not a safe integer number"],
      [1n << 256n, "it does not fit in uint256"],
    ];
    for (const [id, reason] of cases) {
      try {
        substituteTokenId("{id}", id);
        expect.fail(`accepted ${id}`);
      } catch (err) {
        if (!isMetadataError(err, "TOKEN_ID_INVALID")) throw err;
        expect(err.details.reason).to.equal(reason);
        expect(err.details.id).to.equal(String(id));
      }
    }
  });

  it("says what to do next", () => {
    try {
      substituteTokenId("{id}", 2 ** 60);
      expect.fail("did not throw");
    } catch (err) {
      if (!isMetadataError(err, "TOKEN_ID_INVALID")) throw err;
      expect(err.shortMessage).to.equal(`Token id ${2 ** 60} cannot be substituted into {id}: it is not a safe integer number.`);
      expect(err.hint).to.equal('Pass it as a bigint (e.g. 123n or BigInt("123")).');
    }
  });
});
