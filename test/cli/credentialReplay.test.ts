/**
 * `credential challenge` + `credential verify`: a presentation is accepted once (replays refused with their
 * own reason codes), and every credential command tells time by the chain's latest block. Spawns the real
 * binary against a real local chain.
 */
import { expect } from "chai";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { getAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { runCli, startChain, tempDir, type Chain, type CliRun } from "./helpers/cli.js";

const dev = (i: number) => getAddress(mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: i }).address);
const AUDIENCE = "https://shop.example";
type Verdict = { valid: boolean; reasons: { code: string }[] };

describe("cli: credential challenge / verify (no replays, one clock)", function () {
  this.timeout(240_000);
  let chain: Chain;
  let cwd: string;
  let registry: string;
  const run = (args: readonly string[]) => runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd });
  const ok = (r: CliRun) => {
    expect(r.code, `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).to.equal(0);
    return r;
  };
  const rpc = async (method: string, params: unknown[] = []) => {
    const res = await fetch(chain.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
    return ((await res.json()) as { result: unknown }).result;
  };

  async function issue(holder: number, out: string, extra: string[] = []): Promise<string> {
    const file = path.join(cwd, out);
    ok(await run(["--json", "credential", "issue", "--registry", registry, "--schema", "1", "--to", dev(holder), "--claims", path.join(cwd, "claims.json"), "--out", file, ...extra]));
    return file;
  }
  const present = async (holder: number, claimsFile: string, nonce: string, out: string) => {
    const file = path.join(cwd, out);
    ok(await run(["--dev-account", String(holder), "credential", "present", "--claims-file", claimsFile, "--disclose", "member", "--audience", AUDIENCE, "--nonce", nonce, "--out", file]));
    return file;
  };
  const verify = (file: string, nonce: string, extra: string[] = []) =>
    run(["--json", "credential", "verify", file, "--audience", AUDIENCE, "--nonce", nonce, "--trusted-issuer", `${registry}:${dev(0)}`, ...extra]);
  const challenge = async (extra: string[] = []) =>
    ok(await run(["--json", "credential", "challenge", "--audience", AUDIENCE, ...extra])).json<{ nonce: string; audience: string; expiresAt: number; issuedAt: number }>();

  before(async () => {
    chain = await startChain();
    cwd = tempDir("mintkit-replay-");
    registry = ok(await run(["--json", "deploy", "credentials", "--name", "Members", "--symbol", "MEM"])).json<{ address: string }>().address;
    ok(await run(["credential", "schema", "add", "--registry", registry, "--name", "Member", "--field", "bool member"]));
    await writeFile(path.join(cwd, "claims.json"), JSON.stringify({ member: true }));
  });
  after(async () => chain.close());

  it("challenge prints a fresh 32-byte nonce and the audience; verify accepts it once, then NONCE_REUSED (exit 1)", async () => {
    const c = await challenge();
    expect(c.nonce).to.match(/^0x[0-9a-f]{64}$/);
    expect(c.audience).to.equal(AUDIENCE);
    expect(c.expiresAt - c.issuedAt).to.equal(600);
    expect((await challenge()).nonce).to.not.equal(c.nonce);
    const claims = await issue(1, "h1.json");
    const p = await present(1, claims, c.nonce, "p1.json");
    const first = ok(await verify(p, c.nonce, ["--require-challenge"]));
    expect(first.json<Verdict>().valid).to.equal(true);
    expect(first.stderr).to.not.contain("warning");
    const replay = await verify(p, c.nonce, ["--require-challenge"]);
    expect(replay.code, replay.stderr).to.equal(1);
    expect(replay.json<Verdict>().reasons.map((r) => r.code)).to.deep.equal(["NONCE_REUSED"]);
    // without --require-challenge too: a challenge nonce is always tracked
    expect((await verify(p, c.nonce)).json<Verdict>().reasons.map((r) => r.code)).to.deep.equal(["NONCE_REUSED"]);
  });

  it("a nonce never issued is NONCE_UNKNOWN with --require-challenge; without it, accepted with a warning", async () => {
    const claims = await issue(2, "h2.json");
    const p = await present(2, claims, "my-own-nonce", "p2.json");
    const strict = await verify(p, "my-own-nonce", ["--require-challenge"]);
    expect(strict.code, strict.stderr).to.equal(1);
    expect(strict.json<Verdict>().reasons.map((r) => r.code)).to.deep.equal(["NONCE_UNKNOWN"]);
    const lax = ok(await verify(p, "my-own-nonce"));
    expect(lax.json<Verdict>().valid).to.equal(true);
    expect(lax.stderr).to.match(/warning: nonce "my-own-nonce" was not issued by `mintkit credential challenge`/);
  });

  it("an expired challenge is NONCE_EXPIRED (chain time); --ttl is bounded", async () => {
    const c = await challenge(["--ttl", "60"]);
    const claims = await issue(3, "h3.json");
    await rpc("evm_increaseTime", [120]);
    await rpc("evm_mine");
    const p = await present(3, claims, c.nonce, "p3.json");
    const r = await verify(p, c.nonce);
    expect(r.code, r.stderr).to.equal(1);
    expect(r.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["NONCE_EXPIRED"]);
    for (const ttl of ["0", "99999999", "ten"]) {
      const bad = await run(["--json", "credential", "challenge", "--audience", AUDIENCE, "--ttl", ttl]);
      expect(bad.code, ttl).to.equal(2);
      expect(bad.errorJson().error.code).to.equal("CLI_INVALID_INPUT");
    }
  });

  it("one clock: with the chain's clock 3 days ahead, show and verify both say the credential expired", async () => {
    const claims = await issue(4, "h4.json", ["--expiry", "+2d"]);
    const tokenId = (JSON.parse((await import("node:fs")).readFileSync(claims, "utf8")) as { credential: { tokenId: string } }).credential.tokenId;
    await rpc("evm_increaseTime", [3 * 86_400]);
    await rpc("evm_mine");
    const show = ok(await run(["--json", "credential", "show", tokenId, "--registry", registry])).json<{ status: string; isValid: boolean }>();
    expect(show).to.include({ status: "expired", isValid: false });
    // The verifier's own nonce (no challenge): only the clock is under test.
    const p = await present(4, claims, "clock-nonce", "p4.json");
    const r = await verify(p, "clock-nonce");
    expect(r.code, r.stderr).to.equal(1);
    expect(r.json<Verdict>().reasons.map((x) => x.code)).to.deep.equal(["CREDENTIAL_EXPIRED"]);
  });

  it("credential challenge --help and verify --help state the clock and the nonce rules", async () => {
    const help = ok(await runCli(["credential", "challenge", "--help"], { cwd }));
    expect(help.stdout).to.contain("Examples:").and.contain("chain's").and.contain("NONCE_REUSED");
    const verifyHelp = ok(await runCli(["credential", "verify", "--help"], { cwd }));
    expect(verifyHelp.stdout).to.contain("--require-challenge").and.contain("latest block time");
  });
});
