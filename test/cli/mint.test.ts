import { expect } from "chai";
import { existsSync } from "node:fs";
import { readdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createPublicClient, http, type Address } from "viem";
import { createFsStore, mintkitCollectionAbi } from "../../src/node.js";
import { CID } from "multiformats/cid";
import { runCli, startChain, tempDir, type Chain } from "./helpers/cli.js";
import { pdfBytes, png1x1 } from "./helpers/media.js";

interface MintJson {
  collection: string;
  tokenId: string;
  to: string;
  tokenURI: string;
  metadataCid: string;
  mediaCid: string;
  transactionHash: string;
  gasUsed: string;
  cost: string;
}

/** Every file under the store folder with its size: equal snapshots = nothing written. */
async function storeSnapshot(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push(`${path.relative(dir, file)}:${(await stat(file)).size}`);
  }
  return out.sort();
}

describe("mintkit mint", () => {
  let chain: Chain;
  let cwd: string;
  let collection: Address;
  const base = () => ["--rpc-url", chain.rpcUrl];

  before(async () => {
    chain = await startChain();
    cwd = tempDir();
    await writeFile(path.join(cwd, "art.png"), png1x1);
    await writeFile(path.join(cwd, "art.jpg"), png1x1); // mislabelled
    await writeFile(path.join(cwd, "doc.pdf"), pdfBytes);
    await writeFile(path.join(cwd, "notes.png"), "just text, not an image\n");
    const d = await runCli([...base(), "--json", "deploy", "collection", "Two", "TWO", "--max-supply", "2"], { cwd });
    expect(d.code, d.stderr).to.equal(0);
    collection = d.json<{ address: Address }>().address;
  });
  after(async () => {
    await chain.close();
  });

  it("media → metadata → IPFS → mintWithURI: prints token id, URI, tx, gas, cost; the URI resolves in the store", async () => {
    const r = await runCli(
      [...base(), "--json", "mint", "art.png", "--collection", collection, "--name", "Sunrise #1", "--description", "First light",
        "--attribute", "Palette=warm", "--attribute", "Level=5", "--external-url", "https://example.com/1",
        "--to", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
      { cwd },
    );
    expect(r.code, r.stderr).to.equal(0);
    const out = r.json<MintJson>();
    expect(out.tokenId).to.equal("1");
    expect(out.tokenURI).to.equal(`ipfs://${out.metadataCid}`);
    expect(BigInt(out.gasUsed) > 0n && BigInt(out.cost) > 0n).to.equal(true);
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    expect(await client.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "tokenURI", args: [1n] })).to.equal(out.tokenURI);
    expect(await client.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "ownerOf", args: [1n] })).to.equal(
      "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    );
    const store = await createFsStore({ path: path.join(cwd, ".mintkit", "ipfs") });
    try {
      const chunks: Uint8Array[] = [];
      for await (const c of store.get(CID.parse(out.metadataCid))) chunks.push(c);
      const metadata = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      expect(metadata).to.deep.equal({
        name: "Sunrise #1",
        description: "First light",
        image: `ipfs://${out.mediaCid}`,
        external_url: "https://example.com/1",
        attributes: [
          { trait_type: "Palette", value: "warm" },
          { trait_type: "Level", value: 5 },
        ],
      });
      expect(await store.has(CID.parse(out.mediaCid))).to.equal(true);
    } finally {
      await store.close?.();
    }

    const text = await runCli([...base(), "mint", "art.png", "--collection", "Two", "--name", "Second"], { cwd });
    expect(text.code, text.stderr).to.equal(0);
    expect(text.stdout).to.match(/^Minted token #2 of 0x[0-9a-fA-F]{40}/);
    expect(text.stdout).to.match(/token URI ipfs:\/\/\w+/);
    expect(text.stdout).to.match(/cost {6}[\d.<]+ ETH/);
  });

  it("max supply exceeded: the decoded revert, exit 5, nothing stored or sent", async () => {
    const ipfs = path.join(cwd, ".mintkit", "ipfs");
    const before = await storeSnapshot(ipfs);
    expect(before.length).to.be.greaterThan(0);
    const r = await runCli([...base(), "mint", "art.png", "--collection", collection, "--name", "Third", "--description", "over the cap"], { cwd });
    expect(r.code).to.equal(5);
    expect(r.stderr).to.contain("MaxSupplyExceeded(2, 0, 1)");
    expect(r.stderr).to.contain("The collection is full");
    expect(await storeSnapshot(ipfs)).to.deep.equal(before);
  });

  it("bad media and metadata: clear messages, exit 2, nothing stored", async () => {
    const fresh = tempDir();
    for (const f of ["art.png", "art.jpg", "doc.pdf", "notes.png"]) {
      await writeFile(path.join(fresh, f), f === "doc.pdf" ? pdfBytes : f === "notes.png" ? "just text\n" : png1x1);
    }
    const mint = (file: string, ...extra: string[]) =>
      runCli([...base(), "--json", "mint", file, "--collection", collection, "--name", "X", ...extra], { cwd: fresh });
    const cases: Array<[Promise<Awaited<ReturnType<typeof runCli>>>, string, RegExp]> = [
      [mint("missing.png"), "CLI_FILE_NOT_FOUND", /missing\.png/],
      [mint("doc.pdf"), "MEDIA_UNSUPPORTED", /pdf/i],
      [mint("notes.png"), "MEDIA_UNSUPPORTED", /notes\.png/],
      [mint("art.jpg"), "MEDIA_MISLABELLED", /art\.jpg/],
      [mint("art.png", "--max-size", "50"), "MEDIA_TOO_LARGE", /limit/],
      [mint("art.png", "--to", "0xnope"), "CLI_INVALID_ADDRESS", /--to/],
      [mint("art.png", "--attribute", "novalue"), "CLI_INVALID_INPUT", /trait=value/],
    ];
    for (const [run, code, message] of cases) {
      const r = await run;
      expect(r.code, `${code}: ${r.stderr}`).to.equal(2);
      const { error } = r.errorJson();
      expect(error.code).to.equal(code);
      expect(error.message).to.match(message);
    }
    const invalid = await runCli(
      [...base(), "mint", "art.png", "--collection", collection, "--name", "X", "--external-url", "javascript:alert(1)", "--background-color", "red"],
      { cwd: fresh },
    );
    expect(invalid.code).to.equal(2);
    expect(invalid.stderr).to.contain("METADATA_INVALID");
    expect(invalid.stderr).to.match(/external_url: /);
    expect(invalid.stderr).to.match(/background_color: /);
    expect(existsSync(path.join(fresh, ".mintkit"))).to.equal(false);
  });

  it("an address without a contract, or an unknown collection name, is refused before anything is stored", async () => {
    const fresh = tempDir();
    await writeFile(path.join(fresh, "art.png"), png1x1);
    const r = await runCli([...base(), "mint", "art.png", "--collection", "0x000000000000000000000000000000000000dEaD", "--name", "X"], { cwd: fresh });
    expect(r.code).to.equal(2);
    expect(r.stderr).to.contain("CLI_CONTRACT_NOT_FOUND");
    const n = await runCli([...base(), "mint", "art.png", "--collection", "Nope", "--name", "X"], { cwd: fresh });
    expect(n.code).to.equal(2);
    expect(n.stderr).to.contain('No contract named "Nope"');
    expect(existsSync(path.join(fresh, ".mintkit"))).to.equal(false);
  });
});
