/**
 * Exit codes of errors whose meaning depends on their cause: a gas estimate the node refused (a per-transaction
 * gas cap, out of gas) is not an unreachable RPC.
 */
import { expect } from "chai";
import { HttpRequestError } from "viem";
import { ExitCode, exitCodeFor, exitCodesHelp } from "../../src/cli/exitCodes.js";
import { AccessError } from "../../src/errors/AccessError.js";
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

  it("one table: access's codes are in it (bad payload 2, store trouble 1, refused at the door 6) and --help lists 6", () => {
    const access = (code: "ACCESS_MALFORMED_PAYLOAD" | "ACCESS_QR_UNREADABLE" | "ACCESS_STORE_LOCKED" | "ACCESS_STORE_CORRUPT") =>
      new AccessError(code, "x", { hint: "y", details: {} as never });
    expect(exitCodeFor(access("ACCESS_MALFORMED_PAYLOAD"))).to.equal(2);
    expect(exitCodeFor(access("ACCESS_QR_UNREADABLE"))).to.equal(2);
    expect(exitCodeFor(access("ACCESS_STORE_LOCKED"))).to.equal(1);
    expect(exitCodeFor(access("ACCESS_STORE_CORRUPT"))).to.equal(1);
    expect(ExitCode.refused).to.equal(6);
    expect(exitCodesHelp).to.match(/^\s+6\s+refused at the door/m);
    for (const code of Object.values(ExitCode)) expect(exitCodesHelp, `code ${code}`).to.match(new RegExp(`^\\s+${code}\\s`, "m"));
  });
});
