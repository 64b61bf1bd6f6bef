import { expect } from "chai";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { resolveAccount, resolveContext } from "../../src/cli/context.js";
import { readDeployments, writeDeployments } from "../../src/cli/deployments.js";
import { exitCodeFor } from "../../src/cli/exitCodes.js";
import { globalOptions } from "../../src/cli/globalOptions.js";
import { createProgram } from "../../src/cli/program.js";
import { toJson } from "../../src/cli/output.js";
import { redactUrl } from "../../src/cli/redactUrl.js";
import { CliError, isCliError } from "../../src/errors/index.js";
import { reportError } from "../../src/cli/run.js";
import { repoRoot, runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";

describe("cli plumbing", () => {
  let chain: Chain;
  before(async () => {
    chain = await startChain();
  });
  after(async () => {
    await chain.close();
  });

  it("--help lists every command and the exit codes; --version matches package.json", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).to.equal(0);
    for (const name of ["dev", "deploy", "upload", "mint", "batch", "voucher", "royalty", "gas", "keys"]) {
      expect(help.stdout).to.match(new RegExp(`^  ${name}\\b`, "m"));
    }
    expect(help.stdout).to.contain("Exit codes:");
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    const version = await runCli(["--version"]);
    expect(version.stdout.trim()).to.equal(pkg.version);
  });

  it("every mintkit command's --help has examples", async () => {
    for (const args of [["dev"], ["deploy"], ["deploy", "collection"], ["deploy", "editions"], ["upload"], ["mint"], ["royalty", "get"], ["royalty", "set"], ["keys"], ["keys", "create"], ["keys", "import"], ["keys", "list"]]) {
      const r = await runCli([...args, "--help"]);
      expect(r.code, args.join(" ")).to.equal(0);
      expect(r.stdout, args.join(" ")).to.match(/Examples:\n {2}\$ mintkit /);
    }
  });

  it("an unknown command or option is a usage error (exit 2), as JSON with --json", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.match(/unknown command/);
    const j = await runCli(["--json", "--no-such-option"]);
    expect(j.code).to.equal(2);
    expect(j.errorJson().error.code).to.equal("CLI_USAGE");
  });

  it("resolves the chain and dev account 0 on a local chain", async () => {
    const program = createProgram();
    program.parseOptions(["--rpc-url", chain.rpcUrl]);
    const ctx = await resolveContext(globalOptions(program), { signer: true, env: {} });
    expect(ctx.chainId).to.equal(31337);
    expect(ctx.accountSource).to.equal("dev");
    expect(ctx.account.address).to.equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    expect(ctx.ipfsDir).to.equal(path.resolve(".mintkit", "ipfs"));
    expect(await ctx.publicClient.getBalance({ address: ctx.account.address }) > 0n).to.equal(true);
  });

  it("RPC down: CLI_RPC_UNREACHABLE whose hint says to run `mintkit dev`, exit code 3", async () => {
    const err = await resolveContext(
      { json: false, network: "local", dataDir: ".mintkit", rpcUrl: "http://127.0.0.1:9" },
      { env: {} },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCliError(err, "CLI_RPC_UNREACHABLE")).to.equal(true);
    expect((err as { hint: string }).hint).to.contain("mintkit dev");
    expect(exitCodeFor(err)).to.equal(3);
  });

  it("an RPC URL is shown redacted to its origin: no API key or credentials in errors, text or --json", async () => {
    const secretUrl = "http://user:pa55word@127.0.0.1:9/v3/SECRETKEY123?apikey=SECRETKEY123";
    for (const json of [true, false]) {
      const r = await runCli(["--rpc-url", secretUrl, ...(json ? ["--json"] : []), "deploy", "collection", "X"], { env: {} });
      expect(r.code, r.stderr).to.equal(3);
      for (const secret of ["SECRETKEY123", "pa55word", "user:"]) {
        expect(r.stdout + r.stderr, secret).not.to.contain(secret);
      }
      if (json) {
        const { error } = r.errorJson();
        expect(error.code).to.equal("CLI_RPC_UNREACHABLE");
        expect(error.details).to.include({ rpcUrl: "http://127.0.0.1:9" });
      } else {
        expect(r.stderr).to.contain("No JSON-RPC answer from http://127.0.0.1:9");
      }
    }
    expect(redactUrl("https://mainnet.infura.io/v3/KEY")).to.equal("https://mainnet.infura.io");
    expect(redactUrl("wss://u:p@node.example:8546/ws?key=K")).to.equal("wss://node.example:8546");
    expect(redactUrl("not a url KEY")).to.equal("(unparseable URL)");
  });

  it("--dev-account <i> is Hardhat's BIP-44 account i of the dev mnemonic (the same keys viem's mnemonicToAccount derives)", async () => {
    const { mnemonicToAccount } = await import("viem/accounts");
    for (const index of [0, 1, 7, 19, 20, 123]) {
      const { account, source } = await resolveAccount({ chainId: 31337, env: {}, devAccount: String(index) });
      expect(source).to.equal("dev");
      const expected = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: index });
      expect(account.address, `index ${index}`).to.equal(expected.address);
      const message = `dev account ${index}`;
      expect(await account.signMessage({ message }), `index ${index}`).to.equal(await expected.signMessage({ message }));
    }
    // Hardhat's published list: account #0 and #19.
    expect((await resolveAccount({ chainId: 1337, env: {} })).account.address).to.equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    expect((await resolveAccount({ chainId: 31337, env: {}, devAccount: "19" })).account.address).to.equal("0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199");
  });

  it("dev accounts are refused on a non-local chain id", async () => {
    for (const options of [{ devAccount: "0" }, {}]) {
      const err = await resolveAccount({ chainId: 1, env: {}, ...options }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isCliError(err)).to.equal(true);
      expect((err as { code: string }).code).to.equal(
        "devAccount" in options ? "CLI_DEV_ACCOUNT_REFUSED" : "CLI_NO_ACCOUNT",
      );
    }
  });

  it("MINTKIT_PRIVATE_KEY is used, and a malformed one is rejected without echoing it", async () => {
    const key = generatePrivateKey(); // not one of the dev keys, which are refused on chain 1
    const { account, source } = await resolveAccount({ chainId: 1, env: { MINTKIT_PRIVATE_KEY: key } });
    expect(source).to.equal("env");
    expect(account.address).to.equal(privateKeyToAccount(key).address);
    const err = await resolveAccount({ chainId: 1, env: { MINTKIT_PRIVATE_KEY: "0xdeadbeef" } }).catch((e: unknown) => e);
    expect(isCliError(err, "CLI_INVALID_INPUT")).to.equal(true);
    expect(String((err as Error).message)).not.to.contain("deadbeef");
  });

  it("deployments files are written atomically and read back; bigint-safe JSON", async () => {
    const cwd = tempDir();
    const empty = await readDeployments(31337, { cwd, network: "local" });
    expect(empty.collections).to.deep.equal({});
    empty.collections.Art = { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", creator: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", salt: "Art:ART" };
    await writeDeployments(empty, { cwd });
    const back = await readDeployments(31337, { cwd });
    expect(back.collections.Art?.address).to.equal("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    expect(toJson({ n: 2n ** 70n })).to.contain('"1180591620717411303424"');
  });

  it("Cause: only for a mintkit cause or with --verbose/MINTKIT_DEBUG; the JSON error keeps it in details.cause", async () => {
    const raw = Object.assign(new Error("EISDIR: illegal operation on a directory, read"), { code: "EISDIR" });
    const ours = new CliError("CLI_INVALID_INPUT", "inner problem", { hint: "fix it", details: { field: "x" } });
    const outer = (cause: unknown) => new CliError("CLI_INVALID_INPUT", "outer problem", { hint: "do this", details: { field: "y" }, cause });
    const capture = async (fn: () => Promise<void>) => {
      const original = process.stderr.write.bind(process.stderr);
      let text = "";
      process.stderr.write = ((chunk: string, cb?: (err?: Error) => void) => {
        text += chunk;
        cb?.();
        return true;
      }) as typeof process.stderr.write;
      try {
        await fn();
      } finally {
        process.stderr.write = original;
      }
      return text;
    };
    const debug = process.env.MINTKIT_DEBUG;
    delete process.env.MINTKIT_DEBUG;
    try {
      expect(await capture(() => reportError(outer(raw), false))).to.not.contain("EISDIR");
      expect(await capture(() => reportError(outer(raw), false, undefined, true))).to.contain("Cause: EISDIR: illegal operation");
      expect(await capture(() => reportError(outer(ours), false))).to.contain("Cause: inner problem");
      const json = JSON.parse(await capture(() => reportError(outer(raw), true))) as { error: { details: { field: string; cause: string } } };
      expect(json.error.details).to.deep.equal({ field: "y", cause: "EISDIR: illegal operation on a directory, read" });
    } finally {
      if (debug !== undefined) process.env.MINTKIT_DEBUG = debug;
    }
  });

  it("--json usage errors carry a hint", async () => {
    const r = await runCli(["--json", "upload", "a.png", "--frob"]);
    expect(r.code).to.equal(2);
    const { error } = JSON.parse(r.stderr.trim().split("\n").pop()!) as { error: { code: string; hint?: string } };
    expect(error.code).to.equal("CLI_USAGE");
    expect(error.hint).to.match(/--help/);
  });
});
