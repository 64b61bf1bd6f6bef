/**
 * Access QR codes: a proof's payload survives PNG encode → decode (qrcode + pngjs + jsqr), also with part of
 * the symbol damaged within error correction M; a destroyed code, a file that is not a PNG, and a payload
 * over 1,000 characters are clean, specific errors. The browser SVG renders the same payload.
 */
import { expect } from "chai";
import { PNG } from "pngjs";
import { getAddress } from "viem";
import { privateKeyToAccount, signMessage } from "viem/accounts";
import { accessMessage, accessQrSvg, createAccessChallenge, decodeAccessProof, encodeAccessProof, isAccessError, maxAccessPayloadLength } from "../../src/index.js";
import { accessQrPng, accessQrTerminal, readAccessQrPng } from "../../src/node.js";

const holder = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

async function payload(): Promise<string> {
  const challenge = createAccessChallenge({
    audience: "https://door.example",
    event: "devcon-2026",
    chainId: 31337,
    grant: { kind: "erc721", collection: getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3") },
  });
  const message = accessMessage(challenge, { holder: holder.address, tokenId: 12345n });
  const signature = await signMessage({ message, privateKey: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" });
  return encodeAccessProof({ challenge, holder: holder.address, tokenId: 12345n, signature });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return isAccessError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

describe("access: QR codes", function () {
  it("PNG round trip; a partly damaged code still reads (error correction M)", async () => {
    const text = await payload();
    expect(text.length).to.be.lessThan(260);
    const png = await accessQrPng(text);
    expect(await readAccessQrPng(png)).to.equal(text);
    expect(decodeAccessProof(await readAccessQrPng(png)).tokenId).to.equal(12345n);
    // paint over a small block away from the finder patterns (a scratch on the screen)
    const image = PNG.sync.read(Buffer.from(png));
    const cx = Math.floor(image.width * 0.6);
    const cy = Math.floor(image.height * 0.6);
    for (let y = cy; y < cy + 24; y++) for (let x = cx; x < cx + 24; x++) image.data.fill(255, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3);
    expect(await readAccessQrPng(PNG.sync.write(image))).to.equal(text);
  });

  it("a destroyed code, a non-PNG file and an oversized payload are clean errors", async () => {
    const png = PNG.sync.read(Buffer.from(await accessQrPng(await payload())));
    // wipe the middle third: far beyond what error correction recovers
    for (let y = Math.floor(png.height / 3); y < Math.floor((2 * png.height) / 3); y++) png.data.fill(255, y * png.width * 4, (y + 1) * png.width * 4);
    expect(await codeOf(readAccessQrPng(PNG.sync.write(png)))).to.equal("ACCESS_QR_UNREADABLE");
    expect(await codeOf(readAccessQrPng(new TextEncoder().encode("GIF89a not a png")))).to.equal("ACCESS_QR_UNREADABLE");
    expect(await codeOf(accessQrPng("mkap1." + "A".repeat(maxAccessPayloadLength)))).to.equal("ACCESS_PAYLOAD_TOO_LARGE");
    expect(await codeOf(accessQrSvg("mkap1." + "A".repeat(maxAccessPayloadLength)))).to.equal("ACCESS_PAYLOAD_TOO_LARGE");
  });

  it("the browser SVG and the terminal rendering carry a QR code", async () => {
    const text = await payload();
    const svg = await accessQrSvg(text);
    expect(svg).to.match(/^<svg[^>]*viewBox="0 0 (\d+) \1"/);
    const terminal = await accessQrTerminal(text);
    expect(terminal.split("\n").length).to.be.greaterThan(20);
  });
});
