import { expect } from "chai";
import { Wallet } from "ethers";
import { existsSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

const key = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"; // Hardhat dev account 2
const address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

describe("mintkit keys", () => {
  let chain: Chain;
  before(async () => {
    chain = await startChain();
  });
  after(async () => {
    await chain.close();
  });

  it("create: saves an encrypted 0600 file, prints the address and never the key; list shows it", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "pw.txt"), "correct horse\n");
    const r = await runCli(["--json", "keys", "create", "alice", "--password-file", "pw.txt", "--scrypt-n", "1024"], { cwd });
    expect(r.code, r.stderr).to.equal(0);
    const out = r.json<{ name: string; address: string; path: string }>();
    expect(out.name).to.equal("alice");
    expect(out.path).to.equal(path.join(cwd, "keystore", "alice.json"));
    expect((await stat(out.path)).mode & 0o777).to.equal(0o600);
    const file = JSON.parse(await readFile(out.path, "utf8"));
    const wallet = await Wallet.fromEncryptedJson(JSON.stringify(file), "correct horse");
    expect(wallet.address).to.equal(out.address);
    expect(r.stdout + r.stderr).not.to.contain(wallet.privateKey.slice(2));
    const list = await runCli(["keys", "list"], { cwd });
    expect(list.code).to.equal(0);
    expect(list.stdout).to.match(new RegExp(`^alice\\s+${out.address}$`, "m"));
  });

  it("import: a key from stdin or a file, or an ethers keystore; then signs a deploy with --account", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "pw.txt"), "pw\n");
    const fromStdin = await runCli(["--json", "keys", "import", "deployer", "--password-file", "pw.txt", "--scrypt-n", "1024"], {
      cwd,
      input: `${key}\n`,
    });
    expect(fromStdin.code, fromStdin.stderr).to.equal(0);
    expect(fromStdin.json<{ address: string }>().address).to.equal(address);
    await writeFile(path.join(cwd, "key.txt"), key.slice(2));
    const fromFile = await runCli(["keys", "import", "second", "--private-key-file", "key.txt", "--scrypt-n", "1024"], {
      cwd,
      env: { MINTKIT_PASSWORD: "pw2" },
    });
    expect(fromFile.code, fromFile.stderr).to.equal(0);
    expect(fromFile.stdout).to.contain(address);
    await writeFile(path.join(cwd, "ethers.json"), await new Wallet(key).encrypt("ethers-pw"));
    const copied = await runCli(["keys", "import", "third", "--keystore-file", "ethers.json"], { cwd });
    expect(copied.code, copied.stderr).to.equal(0);

    const deploy = await runCli(
      ["--rpc-url", chain.rpcUrl, "--account", "third", "--json", "deploy", "collection", "Keyed", "KEY"],
      { cwd, env: { MINTKIT_PASSWORD: "ethers-pw" } },
    );
    expect(deploy.code, deploy.stderr).to.equal(0);
    expect(deploy.json<{ owner: string }>().owner).to.equal(address);
  });

  it("wrong password: exit 1, KEYSTORE_WRONG_PASSWORD, nothing sent or recorded", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "pw.txt"), "right\n");
    await writeFile(path.join(cwd, "bad.txt"), "wrong\n");
    expect((await runCli(["keys", "create", "bob", "--password-file", "pw.txt", "--scrypt-n", "1024"], { cwd })).code).to.equal(0);
    const r = await runCli(["--rpc-url", chain.rpcUrl, "--account", "bob", "--password-file", "bad.txt", "deploy", "collection", "X", "X"], { cwd });
    expect(r.code).to.equal(1);
    expect(r.stderr).to.contain('Wrong password for keystore "bob"');
    expect(r.stderr).to.contain("KEYSTORE_WRONG_PASSWORD");
    expect(existsSync(path.join(cwd, "deployments"))).to.equal(false);
    const missing = await runCli(["--rpc-url", chain.rpcUrl, "--account", "carol", "deploy", "collection", "X", "X"], { cwd });
    expect(missing.code).to.equal(2);
    expect(missing.stderr).to.contain("KEYSTORE_NOT_FOUND");
    const noPassword = await runCli(["--rpc-url", chain.rpcUrl, "--account", "bob", "deploy", "collection", "X", "X"], { cwd });
    expect(noPassword.code).to.equal(2);
    expect(noPassword.stderr).to.contain("KEYSTORE_NO_PASSWORD");
  });

  it("bad input leaves no file: invalid key, taken name, bad name, unreadable key file", async () => {
    const cwd = tempDir();
    const env = { MINTKIT_PASSWORD: "pw" };
    const bad = await runCli(["keys", "import", "k", "--scrypt-n", "1024"], { cwd, env, input: "0x1234\n" });
    expect(bad.code).to.equal(2);
    expect(bad.stderr).to.contain("KEYSTORE_INVALID_KEY");
    expect(bad.stderr).not.to.contain("1234");
    expect(existsSync(path.join(cwd, "keystore"))).to.equal(false);

    expect((await runCli(["keys", "create", "taken", "--scrypt-n", "1024"], { cwd, env })).code).to.equal(0);
    const before = await readFile(path.join(cwd, "keystore", "taken.json"), "utf8");
    const dup = await runCli(["--json", "keys", "import", "taken", "--scrypt-n", "1024"], { cwd, env, input: key });
    expect(dup.code).to.equal(2);
    expect(dup.errorJson().error.code).to.equal("KEYSTORE_EXISTS");
    expect(await readFile(path.join(cwd, "keystore", "taken.json"), "utf8")).to.equal(before);

    const badName = await runCli(["keys", "create", "../escape"], { cwd, env });
    expect(badName.code).to.equal(2);
    expect(badName.stderr).to.contain("KEYSTORE_INVALID_NAME");
    const noFile = await runCli(["keys", "import", "k2", "--private-key-file", "nope.txt"], { cwd, env });
    expect(noFile.code).to.equal(2);
    expect(noFile.stderr).to.contain("CLI_FILE_NOT_FOUND");
    expect(await readdir(path.join(cwd, "keystore"))).to.deep.equal(["taken.json"]);
  });
});
