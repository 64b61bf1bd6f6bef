import { execFileSync } from "node:child_process";
import { expect } from "chai";
import { mintkitCollectionAbi, mintkitCollectionBytecode } from "../../src/contracts/index.js";

describe("generated contracts (src/contracts)", () => {
  it("match the current Hardhat build (run `npm run build:abis` when this fails)", () => {
    // `hardhat test` builds the contracts first, so artifacts/ is the current source of truth.
    let output = "";
    try {
      output = execFileSync(process.execPath, ["scripts/generate-contracts.mjs", "--check"], { encoding: "utf8" });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? String(error);
      expect.fail(stderr);
    }
    expect(output).to.contain("up to date");
  });

  it("export typed ABIs and creation bytecode", () => {
    const names = mintkitCollectionAbi.filter((item) => item.type === "function").map((item) => item.name);
    expect(names).to.include.members(["mint", "mintBatch", "redeem", "setBaseURI"]);
    expect(mintkitCollectionBytecode).to.match(/^0x[0-9a-f]{1000,}$/);
  });
});
