/**
 * The example dapp's ticket pages (examples/dapp/holder.html and door.html) as an organiser and a holder
 * meet them, in headless Chromium against a local Hardhat chain. The ticket is minted with the real
 * `mintkit` CLI to the holder (dev account 1, the injected test wallet of the holder's page). The door page
 * runs in its own browser context with no wallet: it reads the chain at an RPC URL. What travels from the
 * holder to the door is a screenshot of the holder's QR code (a real raster image, read by the door page
 * from a file, as from a photo). Assertions are on what the pages show, checked against the chain.
 */
import { expect } from "chai";
import type { Server } from "node:http";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { PNG } from "pngjs";
import type { Browser, Page } from "playwright-core";
import { createPublicClient, createWalletClient, erc721Abi, http, type Address } from "viem";
import { decodeAccessChallenge, decodeAccessProof } from "../../src/access/accessPayload.js";
import { decodeAccessQr } from "../../src/access/accessQr.js";
import { mintkitEditionsAbi } from "../../src/contracts/index.js";
import { runCli, startChain, tempDir, type Chain, type CliRun } from "../cli/helpers/cli.js";
import { buildDapp, injectedProvider, launchChromium, serveStatic } from "./helpers/browser.js";
import { writeStillY4m } from "./helpers/y4m.js";

const HOLDER: Address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // Hardhat dev account 1
const CREATOR: Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; // dev account 0 (the CLI's default)
const BUYER: Address = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // dev account 2: buys ticket #2 from the holder
const EVENT = "launch-party";

/** The text of the QR code in a PNG, read in Node (pngjs + jsqr): checks that a picture is what the test says it is. */
function qrText(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  try {
    return decodeAccessQr(image);
  } catch {
    return undefined;
  }
}

/** The PNG with a white band over its middle third: the finder patterns survive, the data does not. */
function damaged(png: Buffer): Buffer {
  const image = PNG.sync.read(png);
  for (let y = Math.floor(image.height / 3); y < Math.floor((2 * image.height) / 3); y++) {
    image.data.fill(255, y * image.width * 4, (y + 1) * image.width * 4);
  }
  return PNG.sync.write(image);
}

describe("example dapp: the holder page and the door page (tickets at the door) in headless Chromium", function () {
  this.timeout(300_000);

  let chain: Chain;
  let site: { url: string; server: Server };
  let browser: Browser;
  let door: Page;
  let holder: Page;
  let cwd: string;
  let collection: Address;
  let origin: string;
  const pageErrors: string[] = [];
  const publicClient = () => createPublicClient({ transport: http(chain.rpcUrl) });

  const cli = async (args: string[]): Promise<CliRun> => {
    const r = await runCli(["--rpc-url", chain.rpcUrl, ...args], { cwd });
    expect(r.code, `mintkit ${args.join(" ")}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).to.equal(0);
    return r;
  };
  const text = (page: Page, selector: string) => page.locator(selector).innerText();
  const ownerOf = (tokenId: bigint) => publicClient().readContract({ address: collection, abi: erc721Abi, functionName: "ownerOf", args: [tokenId] });

  /** The door's current challenge; after a check, waits for the fresh one that replaces `used`. */
  let used = "";
  async function doorChallenge(): Promise<string> {
    await door.waitForFunction((old) => {
      const value = (document.getElementById("challenge-text") as HTMLTextAreaElement).value;
      return value.startsWith("mkac1.") && value !== old;
    }, used);
    used = await door.locator("#challenge-text").inputValue();
    return used;
  }

  /** The holder pastes a challenge, signs for `tokenId`, and the test screenshots the QR code the page shows. */
  async function holderSigns(challenge: string, tokenId?: bigint): Promise<{ png: Buffer; payload: string }> {
    await holder.fill("#challenge-text", challenge);
    await holder.click("#read-challenge");
    await holder.locator("#challenge-status", { hasText: "Challenge read." }).waitFor();
    // The page has read the wallet's tokens for this challenge (and filled in the first) before we type.
    await holder.waitForFunction(() => !/^(—|reading)/.test(document.getElementById("tokens-held")!.textContent ?? ""));
    if (tokenId !== undefined) await holder.fill("#token-id", String(tokenId));
    const before = await holder.locator("#proof-text").inputValue();
    await holder.click("#sign");
    await holder.locator("#sign-status", { hasText: "Signed for token" }).waitFor();
    await holder.waitForFunction((old) => (document.getElementById("proof-text") as HTMLTextAreaElement).value !== old, before);
    const payload = await holder.locator("#proof-text").inputValue();
    const png = await holder.locator("#proof-qr").screenshot();
    expect(qrText(png), "the screenshot is a readable QR code of the payload").to.equal(payload);
    return { png, payload };
  }

  /** The door reads a picture (as from a photo of the holder's phone) and shows its verdict. */
  async function doorReads(png: Buffer, name = "qr.png"): Promise<{ title: string; reason: string; detail: string; first: string }> {
    await door.evaluate(() => {
      document.getElementById("verdict-title")!.textContent = "";
    });
    await door.setInputFiles("#proof-image", { name, mimeType: "image/png", buffer: png });
    await door.waitForFunction(() => {
      const title = document.getElementById("verdict-title")!.textContent ?? "";
      return title !== "" && title !== "Checking…";
    });
    return {
      title: await text(door, "#verdict-title"),
      reason: await text(door, "#verdict-reason"),
      detail: await text(door, "#verdict-detail"),
      first: await text(door, "#verdict-first"),
    };
  }

  /** The organiser sets the event and the collection, and reads the chain at its RPC URL. */
  async function openDoor(page: Page): Promise<void> {
    await page.fill("#event", EVENT);
    await page.fill("#collection", collection);
    await page.fill("#rpc-url", chain.rpcUrl);
    await page.click("#open");
    await page.locator("#settings-status", { hasText: "Door open" }).waitFor();
  }

  before(async function () {
    const dist = await buildDapp();
    chain = await startChain();
    site = await serveStatic(dist);
    origin = new URL(site.url).origin;
    cwd = tempDir("mintkit-door-");
    collection = (await cli(["--json", "deploy", "collection", "Gig Tickets", "GIG"])).json<{ address: Address }>().address;
    const art = new PNG({ width: 8, height: 8 });
    art.data.fill(200);
    await writeFile(path.join(cwd, "ticket.png"), PNG.sync.write(art));
    for (const name of ["Ticket A", "Ticket B", "Ticket C"]) {
      await cli(["--json", "mint", "ticket.png", "--collection", collection, "--name", name, "--to", HOLDER]);
    }

    browser = await launchChromium();
    // The door: its own context, no wallet (window.ethereum absent).
    door = await (await browser.newContext()).newPage();
    // The holder: another context, the injected test wallet.
    const holderContext = await browser.newContext();
    await holderContext.addInitScript(injectedProvider, { rpcUrl: chain.rpcUrl, account: HOLDER });
    holder = await holderContext.newPage();
    for (const page of [door, holder]) page.on("pageerror", (error) => pageErrors.push(error.message));
    await door.goto(site.url);
    await holder.goto(site.url);
  });

  after(async function () {
    await browser?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    await chain?.close();
  });

  it("reaches both pages from the links on the dapp's first page", async () => {
    await door.click("a[href='./door.html']");
    await holder.click("a[href='./holder.html']");
    await door.waitForURL(`${site.url}door.html`);
    await holder.waitForURL(`${site.url}holder.html`);
    expect(await text(door, "h1")).to.equal("Door: check tickets");
    expect(await text(holder, "h1")).to.equal("My ticket");
  });

  it("the door, with no wallet, reads the chain at an RPC URL and shows a challenge as a QR code and as text", async () => {
    expect(await door.locator("#source-rpc").isChecked()).to.equal(true);
    expect(await door.locator("#audience").inputValue()).to.equal(origin);
    await openDoor(door);
    expect(await text(door, "#settings-status")).to.equal(`Door open for ${EVENT} on chain ${chain.chainId}: admits any token of ${collection}.`);

    const challenge = decodeAccessChallenge(await doorChallenge());
    const latest = await publicClient().getBlock({ blockTag: "latest" });
    expect(challenge).to.deep.include({ audience: origin, event: EVENT, chainId: chain.chainId, grant: { kind: "erc721", collection } });
    expect(challenge.issuedAt).to.equal(Number(latest.timestamp)); // chain time, as the CLI
    expect(challenge.expiresAt - challenge.issuedAt).to.equal(300);
    expect(qrText(await door.locator("#challenge-qr").screenshot()), "the challenge's QR code").to.equal(used);
  });

  it("the holder takes the challenge from a picture of the door's QR code, sees the ticket, signs and shows the proof's QR code", async () => {
    await holder.click("#connect");
    await holder.locator("#account", { hasText: HOLDER }).waitFor();
    await holder.setInputFiles("#challenge-image", { name: "door.png", mimeType: "image/png", buffer: await door.locator("#challenge-qr").screenshot() });
    await holder.locator("#ask-event", { hasText: EVENT }).waitFor();
    expect(await holder.locator("#challenge-text").inputValue()).to.equal(used);
    expect(await text(holder, "#ask-door")).to.equal(origin);
    expect(await text(holder, "#ask-ticket")).to.equal(`any token of ${collection}`);
    await holder.locator("#ask-expiry", { hasText: "(in " }).waitFor(); // read against the chain's time
    expect(await text(holder, "#ask-expiry")).to.match(/^\d\d:\d\d:\d\d \(in \d+ s\)$/);
    await holder.locator("#tokens-held", { hasText: "#1, #2, #3" }).waitFor(); // the minted tokens, read from the chain
    expect(await holder.locator("#token-id").inputValue()).to.equal("1");

    await holder.click("#sign");
    await holder.locator("#sign-status", { hasText: "Signed for token #1" }).waitFor();
    const payload = await holder.locator("#proof-text").inputValue();
    const proof = decodeAccessProof(payload);
    expect(proof).to.deep.include({ holder: HOLDER, tokenId: 1n });
    expect(proof.challenge.nonce).to.equal(decodeAccessChallenge(used).nonce);
    expect(await text(holder, "#proof-size")).to.equal(`${payload.length} characters; a QR code holds up to 1,000 here`);
    expect(payload.length).to.be.below(1000);
    const box = await holder.locator("#proof-qr").boundingBox();
    expect(box!.width, "a big code").to.be.at.least(300);
  });

  let admittedQr: Buffer;
  it("the door reads a screenshot of the holder's QR code: ADMIT, with the holder and token the chain has", async () => {
    admittedQr = await holder.locator("#proof-qr").screenshot();
    const verdict = await doorReads(admittedQr);
    expect(verdict.title).to.equal("ADMIT");
    expect(verdict.reason).to.equal("Token #1");
    expect(verdict.detail).to.match(new RegExp(`^Holder ${HOLDER}, checked in at block \\d+\\.$`));
    expect(await ownerOf(1n)).to.equal(HOLDER);
    expect(await door.locator("#verdict").getAttribute("class")).to.equal("verdict admit");
    expect(await text(door, "#admitted-count")).to.equal("1");
  });

  it("the same QR code again is REFUSED (NONCE_REPLAYED); a fresh proof for that ticket is ALREADY_CHECKED_IN, showing the first entry", async () => {
    const replay = await doorReads(admittedQr, "again.png");
    expect([replay.title, replay.reason]).to.deep.equal(["REFUSED", "NONCE_REPLAYED"]);

    const { png } = await holderSigns(await doorChallenge(), 1n);
    const second = await doorReads(png);
    expect([second.title, second.reason], second.detail).to.deep.equal(["REFUSED", "ALREADY_CHECKED_IN"]);
    expect(second.detail).to.contain(`already admitted to ${EVENT}`);
    expect(second.first).to.match(new RegExp(`^First admitted at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z, held then by ${HOLDER}\\.$`));
    expect(await door.locator("#verdict").getAttribute("class")).to.equal("verdict refused");
    expect(await text(door, "#admitted-count")).to.equal("1");
  });

  it("after the holder sells ticket #2, a fresh proof signed by the old holder is REFUSED (NOT_HOLDER)", async () => {
    const wallet = createWalletClient({ transport: http(chain.rpcUrl), account: HOLDER });
    const hash = await wallet.writeContract({ address: collection, abi: erc721Abi, functionName: "transferFrom", args: [HOLDER, BUYER, 2n], chain: null });
    await publicClient().waitForTransactionReceipt({ hash });
    expect(await ownerOf(2n)).to.equal(BUYER);

    const { png } = await holderSigns(await doorChallenge(), 2n);
    expect(await text(holder, "#tokens-held")).to.equal("#1, #3"); // the page knew #2 was gone
    const verdict = await doorReads(png);
    expect([verdict.title, verdict.reason], verdict.detail).to.deep.equal(["REFUSED", "NOT_HOLDER"]);
    expect(verdict.detail).to.equal(`${HOLDER} does not hold token 2 now (its owner is ${BUYER}).`);
  });

  it("a damaged picture of a QR code, or a file that is no picture: CANNOT READ THE QR CODE, and nothing is recorded", async () => {
    const { png } = await holderSigns(await doorChallenge(), 1n);
    const broken = damaged(png);
    expect(qrText(broken), "the damage is beyond error correction").to.equal(undefined);
    const verdict = await doorReads(broken, "damaged.png");
    expect(verdict.title).to.equal("CANNOT READ THE QR CODE");
    expect(verdict.detail).to.match(/^The QR code cannot be read: no QR code could be read in it .*\(ACCESS_QR_UNREADABLE\)$/);
    expect(await door.locator("#verdict").getAttribute("class")).to.equal("verdict unreadable");

    const notImage = await doorReads(Buffer.from("this is not a picture"), "note.png");
    expect(notImage.title).to.equal("CANNOT READ THE QR CODE");
    expect(notImage.detail).to.contain("the file is not a picture").and.contain("ACCESS_QR_UNREADABLE");
    expect(await text(door, "#admitted-count")).to.equal("1");
  });

  it("a proof for another event (a challenge made with the CLI) is REFUSED (EVENT_MISMATCH)", async () => {
    const other = (await cli(["--json", "access", "challenge", "--audience", origin, "--event", "after-party", "--collection", collection])).json<{ challenge: string }>().challenge;
    const { png } = await holderSigns(other, 1n);
    expect(await text(holder, "#ask-event")).to.equal("after-party");
    const verdict = await doorReads(png);
    expect([verdict.title, verdict.reason]).to.deep.equal(["REFUSED", "EVENT_MISMATCH"]);
    expect(verdict.detail).to.equal(`The proof is for event after-party, not ${EVENT}.`);
  });

  it("the door also checks pasted proof text; damaged text is NOT A TICKET", async () => {
    const { payload } = await holderSigns(await doorChallenge(), 2n);
    const paste = async (proofText: string) => {
      await door.fill("#proof-text", proofText);
      await door.evaluate(() => {
        document.getElementById("verdict-title")!.textContent = "";
      });
      await door.click("#check-text");
      await door.waitForFunction(() => !["", "Checking…"].includes(document.getElementById("verdict-title")!.textContent ?? ""));
      return { title: await text(door, "#verdict-title"), reason: await text(door, "#verdict-reason"), detail: await text(door, "#verdict-detail") };
    };
    const cut = await paste(payload.slice(0, 120));
    expect(cut.title).to.equal("NOT A TICKET");
    expect(cut.detail).to.contain("ACCESS_MALFORMED_PAYLOAD");
    const whole = await paste(payload);
    expect([whole.title, whole.reason]).to.deep.equal(["REFUSED", "NOT_HOLDER"]);
    expect(await door.locator("#log li").count()).to.equal(9);
  });

  it("an ERC-1155 door (id 7, at least 2): a holder with 1 is REFUSED (BALANCE_TOO_LOW), with 2 ADMIT", async () => {
    const editions = (await cli(["--json", "deploy", "editions", "Gig Passes", "PASS"])).json<{ address: Address }>().address;
    const creator = createWalletClient({ transport: http(chain.rpcUrl), account: CREATOR });
    const mint = async (amount: bigint) => {
      const hash = await creator.writeContract({ address: editions, abi: mintkitEditionsAbi, functionName: "mint", args: [HOLDER, 7n, amount, 0n, "0x"], chain: null });
      await publicClient().waitForTransactionReceipt({ hash });
    };
    await mint(1n);
    await door.selectOption("#kind", "erc1155");
    await door.fill("#token-id", "7");
    await door.fill("#min-balance", "2");
    await door.fill("#collection", editions);
    await door.click("#open");
    await door.locator("#settings-status", { hasText: "at least 2 of ERC-1155 id 7" }).waitFor();

    const { png } = await holderSigns(await doorChallenge());
    expect(await text(holder, "#ask-ticket")).to.equal(`at least 2 of ERC-1155 id 7 of ${editions}`);
    expect(await text(holder, "#tokens-held")).to.contain("none of your tokens qualifies");
    expect(await holder.locator("#token-id").inputValue()).to.equal("7");
    const low = await doorReads(png);
    expect([low.title, low.reason], low.detail).to.deep.equal(["REFUSED", "BALANCE_TOO_LOW"]);
    expect(low.detail).to.equal(`${HOLDER} holds 1 of id 7 now; at least 2 is needed.`);

    await mint(1n);
    const enough = await holderSigns(await doorChallenge());
    expect(await text(holder, "#tokens-held")).to.equal("#7");
    const verdict = await doorReads(enough.png);
    expect([verdict.title, verdict.reason], verdict.detail).to.deep.equal(["ADMIT", "Token #7 (balance 2)"]);
    expect(await publicClient().readContract({ address: editions, abi: mintkitEditionsAbi, functionName: "balanceOf", args: [HOLDER, 7n] })).to.equal(2n);
  });

  it("a second door reads the holder's code from its camera (Chromium's fake camera playing the screenshot as y4m video): ADMIT, once", async () => {
    const video = path.join(cwd, "camera.y4m");
    const cameraBrowser = await launchChromium(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${video}`]);
    try {
      const second = await cameraBrowser.newPage();
      second.on("pageerror", (error) => pageErrors.push(error.message));
      await second.goto(`${site.url}door.html`);
      await openDoor(second);
      await second.waitForFunction(() => (document.getElementById("challenge-text") as HTMLTextAreaElement).value.startsWith("mkac1."));
      const { png } = await holderSigns(await second.locator("#challenge-text").inputValue(), 3n);
      await writeStillY4m(video, png); // the camera opens the file when the page starts it
      await second.click("#camera");
      await second.locator("#verdict-title", { hasText: "ADMIT" }).waitFor({ timeout: 60_000 });
      expect(await text(second, "#verdict-reason")).to.equal("Token #3");
      expect(await text(second, "#verdict-detail")).to.contain(`Holder ${HOLDER}`);
      expect(await ownerOf(3n)).to.equal(HOLDER);
      await second.waitForTimeout(1500); // the code stays in view: it is checked once, not again every frame
      expect(await second.locator("#log li").count()).to.equal(1);
      await second.click("#camera");
      expect(await second.locator("#camera-view").isHidden()).to.equal(true);
    } finally {
      await cameraBrowser.close();
    }
  });

  it("threw no uncaught error in any page", () => {
    expect(pageErrors).to.deep.equal([]);
  });
});
