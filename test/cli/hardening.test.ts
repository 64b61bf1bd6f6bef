/**
 * CLI hardening (issue 10): bad input ends in a typed error with the documented exit code, before anything
 * is signed or sent. Spawns the real binary against a real local chain.
 */
import { expect } from "chai";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

/** Hardhat's dev account 3 (its key is public). */
const devKey3 = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";
const devAddress3 = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

describe("CLI hardening", function () {
  this.timeout(180_000);

  describe("Hardhat's well-known dev keys on a non-local chain (chain id 999)", () => {
    let chain: Chain;
    before(async () => {
      chain = await startChain({ chainId: 999, deterministicDeployer: false });
    });
    after(async () => chain.close());

    it("refuses a dev key given as MINTKIT_PRIVATE_KEY (exit 2, nothing sent)", async () => {
      const cwd = tempDir();
      const r = await runCli(["--json", "--rpc-url", chain.rpcUrl, "deploy", "collection", "X", "X"], {
        cwd,
        env: { MINTKIT_PRIVATE_KEY: devKey3 },
      });
      expect(r.code, r.stderr).to.equal(2);
      const { error } = r.errorJson();
      expect(error.code).to.equal("CLI_DEV_ACCOUNT_REFUSED");
      expect(error.message).to.contain("MINTKIT_PRIVATE_KEY").and.contain(devAddress3);
      expect(error.hint).to.match(/--account|MINTKIT_PRIVATE_KEY/);
    });

    it("refuses a dev key imported into a keystore (the keystore source is named)", async () => {
      const cwd = tempDir();
      await writeFile(path.join(cwd, "pw.txt"), "pw\n");
      const imported = await runCli(["keys", "import", "devkey", "--password-file", "pw.txt", "--scrypt-n", "1024"], {
        cwd,
        input: `${devKey3}\n`,
      });
      expect(imported.code, imported.stderr).to.equal(0);
      const r = await runCli(
        ["--json", "--rpc-url", chain.rpcUrl, "--account", "devkey", "--password-file", "pw.txt", "deploy", "collection", "X", "X"],
        { cwd },
      );
      expect(r.code, r.stderr).to.equal(2);
      expect(r.errorJson().error.code).to.equal("CLI_DEV_ACCOUNT_REFUSED");
      expect(r.errorJson().error.message).to.contain('keystore "devkey"');
    });

    it("refuses --dev-account as before", async () => {
      const r = await runCli(["--json", "--rpc-url", chain.rpcUrl, "--dev-account", "1", "deploy", "collection", "X", "X"]);
      expect(r.code, r.stderr).to.equal(2);
      expect(r.errorJson().error.code).to.equal("CLI_DEV_ACCOUNT_REFUSED");
    });
  });

  describe("exit codes of malformed endpoint URLs (bad input is exit 2, not 3 or 4)", () => {
    for (const url of ["not a url", "ftp://127.0.0.1:8545", "http://"]) {
      it(`--rpc-url "${url}" exits 2 with CLI_INVALID_INPUT`, async () => {
        const r = await runCli(["--json", "--rpc-url", url, "deploy", "collection", "X", "X"]);
        expect(r.code, r.stderr).to.equal(2);
        const { error } = r.errorJson();
        expect(error.code).to.equal("CLI_INVALID_INPUT");
        expect(error.message).to.contain("--rpc-url");
      });
    }

    it('--kubo-url "not a url" exits 2 with CLI_INVALID_INPUT, and so does a bad --pinning-endpoint', async () => {
      const cwd = tempDir();
      const cid = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";
      const kubo = await runCli(["--json", "publish", cid, "--kubo-url", "not a url"], { cwd });
      expect(kubo.code, kubo.stderr).to.equal(2);
      expect(kubo.errorJson().error.code).to.equal("CLI_INVALID_INPUT");
      expect(kubo.errorJson().error.message).to.contain("--kubo-url");
      await writeFile(path.join(cwd, "token"), "t\n");
      const pin = await runCli(["--json", "publish", cid, "--pinning-endpoint", "localhost:9", "--pinning-token-file", "token"], { cwd });
      expect(pin.code, pin.stderr).to.equal(2);
      expect(pin.errorJson().error.message).to.contain("--pinning-endpoint");
    });
  });

  describe("mintkit dev", () => {
    it("refuses a non-loopback --host without --expose-unlocked-accounts (exit 2, before starting)", async () => {
      const r = await runCli(["--json", "dev", "--host", "0.0.0.0", "--port", "0", "--gateway-port", "0"], { timeoutMs: 60_000 });
      expect(r.code, r.stderr).to.equal(2);
      const { error } = r.errorJson();
      expect(error.code).to.equal("CLI_INVALID_INPUT");
      expect(error.message).to.contain("--host").and.contain("unlocked");
      expect(error.hint).to.contain("--expose-unlocked-accounts");
    });

    it("refuses --chain-id other than 31337/1337 at parse time with a clear error", async () => {
      const r = await runCli(["--json", "dev", "--chain-id", "5", "--port", "0", "--gateway-port", "0"], { timeoutMs: 60_000 });
      expect(r.code, r.stderr).to.equal(2);
      const { error } = r.errorJson();
      expect(error.code).to.equal("CLI_INVALID_INPUT");
      expect(error.message).to.contain("--chain-id").and.contain("31337 or 1337");
    });

    it("with --expose-unlocked-accounts, listens on 0.0.0.0 and warns on stderr", async () => {
      const { spawn } = await import("node:child_process");
      const { cliBin } = await import("./helpers/cli.js");
      const cwd = tempDir();
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("MINTKIT_") && v !== undefined) env[k] = v;
      const child = spawn(process.execPath, [cliBin, "--json", "dev", "--host", "0.0.0.0", "--expose-unlocked-accounts", "--port", "0", "--gateway-port", "0", "--no-deploy"], {
        cwd,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
      const deadline = Date.now() + 90_000;
      while (!stdout.trim().endsWith("}") && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200));
      child.kill("SIGTERM");
      const code = await exited;
      expect(stderr).to.match(/warning: listening on 0\.0\.0\.0 .*unlocked dev accounts/);
      const started = JSON.parse(stdout) as { rpcUrl: string; accounts: string[] };
      expect(started.rpcUrl).to.match(/^http:\/\/0\.0\.0\.0:\d+$/);
      expect(started.accounts).to.have.length(20);
      expect(code).to.equal(0);
    });
  });
});
