import { expect } from "chai";
import { open, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { createFsStore, getBlock } from "../../src/node.js";
import { CID } from "multiformats/cid";
import { runCli, tempDir } from "./helpers/cli.js";

interface UploadJson {
  root: string;
  files: { path: string; cid: string }[];
  blocks: { written: number; skipped: number; total: number };
  verified: boolean;
}

const METADATA = JSON.stringify({ name: "Corruptible", description: "a metadata file whose pack bytes get overwritten" });

/** Overwrites 8 bytes inside the last copy of `needle` in the pack files (the newest copy is the one used). */
async function corruptOnDisk(storePath: string, needle: string): Promise<string> {
  const dir = path.join(storePath, "packs");
  for (const name of (await readdir(dir)).sort().reverse()) {
    const file = path.join(dir, name);
    const at = (await readFile(file)).lastIndexOf(Buffer.from(needle));
    if (at < 0) continue;
    const handle = await open(file, "r+");
    try {
      await handle.write(Buffer.from("CORRUPT!"), 0, 8, at + 10);
    } finally {
      await handle.close();
    }
    return file;
  }
  throw new Error("needle not found in any pack");
}

describe("mintkit store verify|repair, and upload over a corrupt store", function () {
  this.timeout(120_000);

  it("a corrupt pack byte: verify exits 4 naming it, re-upload rewrites a good copy, repair drops a bad one", async () => {
    const cwd = tempDir();
    await mkdir(path.join(cwd, "art"));
    await writeFile(path.join(cwd, "art", "1.json"), METADATA);
    const first = await runCli(["--json", "upload", "art", "--profile", "kubo-v1"], { cwd });
    expect(first.code, first.stderr).to.equal(0);
    const uploaded = first.json<UploadJson>();
    const fileCid = uploaded.files[0]!.cid;
    const storePath = path.join(cwd, ".mintkit", "ipfs");

    const pack = await corruptOnDisk(storePath, METADATA);
    const verify = await runCli(["--json", "store", "verify"], { cwd });
    expect(verify.code, verify.stderr).to.equal(4);
    const error = verify.errorJson().error;
    expect(error.code).to.equal("IPFS_STORE_CORRUPT");
    expect(error.details).to.deep.include({ badCount: 1 });
    expect((error.details as { bad: { cid: string; pack: string; inUse: boolean }[] }).bad[0]).to.deep.equal({ cid: fileCid, pack, inUse: true });
    expect(error.hint).to.contain("mintkit store repair");

    // The same upload again must not certify the corrupt copy: it writes a good one.
    const again = await runCli(["--json", "upload", "art", "--profile", "kubo-v1"], { cwd });
    expect(again.code, again.stderr).to.equal(0);
    const out = again.json<UploadJson>();
    expect(out.root).to.equal(uploaded.root);
    expect(out.blocks.written).to.equal(1);
    const store = await createFsStore({ path: storePath });
    try {
      expect(Buffer.from(await getBlock(store, CID.parse(fileCid))).toString()).to.equal(METADATA);
    } finally {
      await store.close();
    }
    // The old bad copy is still on disk, no longer used: verify still lists it until repair drops it.
    const stale = await runCli(["--json", "store", "verify"], { cwd });
    expect(stale.code, stale.stderr).to.equal(4);
    expect((stale.errorJson().error.details as { bad: unknown[] }).bad).to.deep.equal([{ cid: fileCid, pack, inUse: false }]);
    expect(stale.errorJson().error.message).to.contain("already replaced by a good copy");

    // Now the copy in use goes bad too: repair drops both; the next upload rewrites the block.
    await corruptOnDisk(storePath, METADATA);
    const repair = await runCli(["--json", "store", "repair"], { cwd });
    expect(repair.code, repair.stderr).to.equal(0);
    const repaired = repair.json<{ dropped: number; bad: { cid: string; inUse: boolean }[] }>();
    expect(repaired.dropped).to.equal(2);
    expect(repaired.bad.map((b) => [b.cid, b.inUse])).to.deep.equal([
      [fileCid, false],
      [fileCid, true],
    ]);
    const clean = await runCli(["store", "verify"], { cwd });
    expect(clean.code, clean.stderr).to.equal(0);
    expect(clean.stdout).to.match(/all \d+ blocks .* hash to their CID/);
    const healed = await runCli(["--json", "upload", "art", "--profile", "kubo-v1"], { cwd });
    expect(healed.code, healed.stderr).to.equal(0);
    expect(healed.json<UploadJson>().blocks.written).to.equal(1);
  });

  it("--help lists verify and repair", async () => {
    const help = await runCli(["store", "--help"], { cwd: tempDir() });
    expect(help.stdout).to.contain("verify").and.to.contain("repair");
  });
});
