/**
 * The example dapp (examples/dapp) as a user meets it: built with Vite, served over HTTP on loopback,
 * driven in headless Chromium (playwright-core + @sparticuz/chromium, both from npm) against a local
 * Hardhat chain (JSON-RPC on loopback). The page's wallet is a test EIP-1193 provider injected before the
 * page loads: it answers accounts with dev account 1 and forwards every other request to the chain,
 * which signs for its unlocked dev accounts. The creator and the issuer use the real `mintkit` CLI.
 * Assertions are on what the page shows, checked against the chain.
 */
import { expect } from "chai";
import type { Server } from "node:http";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { createPublicClient, http, parseEther, type Address } from "viem";
import { cidForBytes } from "../../src/ipfs/cidForBytes.js";
import { mintkitCollectionAbi } from "../../src/contracts/index.js";
import { runCli, startChain, tempDir, type Chain, type CliRun } from "../cli/helpers/cli.js";
import { buildDapp, injectedProvider, launchChromium, serveStatic } from "./helpers/browser.js";

const BUYER: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // Hardhat dev account 1
const CREATOR: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; // dev account 0 (the CLI's default)
const AUDIENCE = "https://shop.example";

describe("example dapp (examples/dapp) in headless Chromium", function () {
  this.timeout(300_000);

  let chain: Chain;
  let site: { url: string; server: Server };
  let browser: Browser;
  let page: Page;
  let cwd: string;
  let collection: Address;
  let registry: Address;
  const pageErrors: string[] = [];

  const cli = async (args: string[], account?: number): Promise<CliRun> => {
    const r = await runCli(["--rpc-url", chain.rpcUrl, ...(account === undefined ? [] : ["--dev-account", String(account)]), ...args], { cwd });
    expect(r.code, `mintkit ${args.join(" ")}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).to.equal(0);
    return r;
  };
  const text = (selector: string) => page.locator(selector).innerText();

  before(async function () {
    const dist = await buildDapp();
    chain = await startChain();
    site = await serveStatic(dist);
    cwd = tempDir("mintkit-dapp-");
    collection = (await cli(["--json", "deploy", "collection", "Dapp Art", "DART", "--royalty-bps", "500"])).json<{ address: Address }>().address;

    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.addInitScript(injectedProvider, { rpcUrl: chain.rpcUrl, account: BUYER });
    await page.goto(`${site.url}?collection=${collection}`);
  });

  after(async function () {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await chain?.close();
  });

  it("connects the injected wallet and shows the collection", async () => {
    await page.click("#connect");
    await page.locator("#account", { hasText: BUYER }).waitFor();
    expect(await text("#chain")).to.equal(String(chain.chainId));
    await page.locator("#collection-name", { hasText: "Dapp Art" }).waitFor();
    expect(await text("#collection-symbol")).to.equal("DART");
    expect(await text("#collection-supply")).to.equal("0");
    expect(await text("#collection-owned")).to.equal("none yet");
  });

  it("redeems a voucher file signed with the CLI: the price is paid and the token appears", async () => {
    await cli(["voucher", "sign", "--collection", collection, "--price", "0.01eth", "--valid-until", "+1d", "--out", "voucher.json"]);
    const publicClient = createPublicClient({ transport: http(chain.rpcUrl) });
    const creatorBefore = await publicClient.getBalance({ address: CREATOR });
    const buyerBefore = await publicClient.getBalance({ address: BUYER });

    await page.setInputFiles("#voucher-file", path.join(cwd, "voucher.json"));
    await page.locator("#voucher-status", { hasText: "ready to redeem" }).waitFor();
    expect(await text("#voucher-summary")).to.contain("1 token(s)").and.contain("for 0.01 ETH").and.contain(CREATOR);
    await page.click("#redeem");
    await page.locator("#voucher-status", { hasText: "Redeemed" }).waitFor();
    expect(await text("#voucher-status")).to.match(/^Redeemed: token #1 for 0\.01 ETH \(gas fee [0-9.]+ ETH\)\.$/);
    await page.locator("#collection-owned", { hasText: "#1" }).waitFor();
    expect(await text("#collection-supply")).to.equal("1");

    // The chain agrees: the buyer owns token 1, the creator (primary-sale recipient) got exactly the price.
    expect(await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [1n] })).to.equal(BUYER);
    expect(await publicClient.getBalance({ address: CREATOR })).to.equal(creatorBefore + parseEther("0.01"));
    expect(buyerBefore - (await publicClient.getBalance({ address: BUYER })) > parseEther("0.01")).to.equal(true);

    // The same file again: the page says why it cannot be redeemed, and the button stays off.
    await page.setInputFiles("#voucher-file", { name: "voucher-again.json", mimeType: "application/json", buffer: await readFile(path.join(cwd, "voucher.json")) });
    await page.locator("#voucher-status", { hasText: "Cannot be redeemed" }).waitFor();
    expect(await text("#voucher-status")).to.contain("VOUCHER_ALREADY_REDEEMED");
    expect(await page.locator("#redeem").isDisabled()).to.equal(true);
  });

  it("computes the Kubo CIDs of a picked file and of a dropped file in the browser", async () => {
    const hello = new TextEncoder().encode("hello world\n");
    await page.setInputFiles("#cid-file", { name: "hello.txt", mimeType: "text/plain", buffer: Buffer.from(hello) });
    await page.locator("#cid-v0", { hasText: "Qm" }).waitFor();
    expect(await text("#cid-v0")).to.equal("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o"); // Kubo's `ipfs add`
    expect(await text("#cid-v1")).to.equal((await cidForBytes(hello, "kubo-v1")).toString());

    // 300 kB spans two 256 KiB chunks (a dag-pb root over two leaves): dropped onto the drop zone.
    const big = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);
    const drop = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "big.bin"));
      return transfer;
    }, Array.from(big));
    await page.dispatchEvent("#drop", "drop", { dataTransfer: drop });
    await page.locator("#cid-name", { hasText: "big.bin" }).waitFor();
    await page.locator("#cid-v0", { hasText: "Qm" }).waitFor();
    expect(await text("#cid-name")).to.equal("big.bin (300,000 bytes)");
    expect(await text("#cid-v0")).to.equal((await cidForBytes(big, "kubo-v0")).toString());
    expect(await text("#cid-v1")).to.equal((await cidForBytes(big, "kubo-v1")).toString());
  });

  it("verifies a credential presentation: over 18 shown verified; a wrong nonce or a minor shown with the reason", async () => {
    registry = (await cli(["--json", "deploy", "credentials", "--name", "Dapp KYC"])).json<{ address: Address }>().address;
    await cli(["credential", "schema", "add", "--registry", registry, "--name", "Age", "--age-over", "18"]);
    await writeFile(path.join(cwd, "claims.json"), "{}");
    const issue = (birthDate: string, out: string) =>
      cli(["credential", "issue", "--registry", registry, "--schema", "1", "--to", BUYER, "--claims", "claims.json",
        "--age-over", "18", "--birth-date", birthDate, "--expiry", "+365d", "--out", out]);
    const present = (claimsFile: string, nonce: string, out: string) =>
      cli(["credential", "present", "--claims-file", claimsFile, "--disclose", "age_over_18", "--audience", AUDIENCE, "--nonce", nonce, "--out", out], 1);
    await issue("2001-05-02", "adult-claims.json");
    await present("adult-claims.json", "nonce-1", "adult.json");

    await page.fill("#trusted-issuer", `${registry}:${CREATOR}`);
    await page.fill("#audience", AUDIENCE);
    await page.fill("#nonce", "nonce-1");
    await page.setInputFiles("#presentation-file", path.join(cwd, "adult.json"));
    await page.locator("#presentation-status", { hasText: "verified" }).waitFor();
    expect(await text("#presentation-status"), await text("#presentation-reasons")).to.equal("Over 18: verified");
    expect(await page.locator("#presentation-reasons li").count()).to.equal(0);

    // The verifier expected another nonce: not verified, and the page says why.
    await page.fill("#nonce", "nonce-OTHER");
    await page.setInputFiles("#presentation-file", { name: "again.json", mimeType: "application/json", buffer: await readFile(path.join(cwd, "adult.json")) });
    await page.locator("#presentation-status", { hasText: "Not verified" }).waitFor();
    expect(await text("#presentation-reasons")).to.contain("NONCE_MISMATCH");

    // A holder under 18 presents a valid credential whose claim is false.
    await issue(`${new Date().getUTCFullYear() - 10}-01-01`, "minor-claims.json");
    await present("minor-claims.json", "nonce-2", "minor.json");
    await page.fill("#nonce", "nonce-2");
    await page.setInputFiles("#presentation-file", path.join(cwd, "minor.json"));
    await page.locator("#presentation-status", { hasText: "Not over 18" }).waitFor();
    expect(await text("#presentation-status")).to.equal("Not over 18 (the credential says age_over_18 = false)");
  });

  it("threw no uncaught error in the page", () => {
    expect(pageErrors).to.deep.equal([]);
  });
});
