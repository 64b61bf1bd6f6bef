/**
 * Exit codes of errors whose meaning depends on their cause: a gas estimate the node refused (a per-transaction
 * gas cap, out of gas) is not an unreachable RPC.
 */
import { expect } from "chai";
import { HttpRequestError } from "viem";
import { exitCodeFor } from "../../src/cli/exitCodes.js";
import { GasError } from "../../src/errors/GasError.js";

const estimationFailed = (cause: unknown) =>
  new GasError("GAS_ESTIMATION_FAILED", "Could not estimate the gas of mintBatch.", {
    hint: "test",
    details: { operation: "mintBatch" },
    cause,
  });

describe("exit codes (CLI)", () => {
  it("GAS_ESTIMATION_FAILED above the per-transaction gas cap → 2 (bad input), not 3", () => {
    const cap = new Error("exceeds transaction gas cap: gas 30000000 > cap 16777216");
    expect(exitCodeFor(estimationFailed(cap))).to.equal(2);
  });

  it("GAS_ESTIMATION_FAILED because the RPC did not answer → 3", () => {
    const down = new HttpRequestError({ url: "http://127.0.0.1:9", details: "fetch failed" });
    expect(exitCodeFor(estimationFailed(down))).to.equal(3);
  });
});
