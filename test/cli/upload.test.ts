import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { CarReader } from "@ipld/car";
import { createMemoryStore, importFiles } from "../../src/node.js";
import { runCli, tempDir } from "./helpers/cli.js";
import { png1x1 } from "./helpers/media.js";

interface UploadJson {
  kind: string;
  root: string;
  cid?: string;
  profile: string;
  files: { path: string; cid: string; size: number; uri: string }[];
  blocks: { written: number; skipped: number; total: number };
  verified: boolean;
  car?: { path: string; blocks: number; bytes: number };
}

describe("mintkit upload", () => {
  it("a single file gets Kubo's CID (kubo-v0: `ipfs add` of hello\\n)", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "hello.txt"), "hello\n");
    const r = await runCli(["--json", "upload", "hello.txt", "--profile", "kubo-v0"], { cwd });
    expect(r.code, r.stderr).to.equal(0);
    const out = r.json<UploadJson>();
    expect(out.cid).to.equal("QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN");
    expect(out.files[0]).to.include({ path: "hello.txt", size: 6 });
    expect(out.verified).to.equal(true);
    const text = await runCli(["upload", "hello.txt", "--profile", "kubo-v0"], { cwd });
    expect(text.stdout).to.match(/^hello\.txt {2}QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN$/m);
  });

  it("a folder becomes one directory CID (same as the library), re-upload writes nothing, --car exports it", async () => {
    const cwd = tempDir();
    const dir = path.join(cwd, "art");
    await mkdir(path.join(dir, "images"), { recursive: true });
    await writeFile(path.join(dir, "1.json"), '{"name":"one"}');
    await writeFile(path.join(dir, "images", "1.png"), png1x1);
    await writeFile(path.join(dir, ".DS_Store"), "junk");
    const r = await runCli(["--json", "upload", "art", "--profile", "kubo-v1", "--car", "out/art.car"], { cwd });
    expect(r.code, r.stderr).to.equal(0);
    const out = r.json<UploadJson>();
    expect(out.files.map((f) => f.path)).to.deep.equal(["1.json", "images/1.png"]); // dotfiles skipped
    const expected = await importFiles(
      [
        { path: "1.json", content: new TextEncoder().encode('{"name":"one"}') },
        { path: "images/1.png", content: png1x1 },
      ],
      { store: createMemoryStore(), profile: "kubo-v1" },
    );
    expect(out.root).to.equal(expected.root.toString());
    expect(out.files[1]!.uri).to.equal(`ipfs://${out.root}/images/1.png`);
    expect(out.blocks.written).to.be.greaterThan(0);
    const car = await CarReader.fromBytes(await readFile(path.join(cwd, "out", "art.car")));
    expect((await car.getRoots()).map(String)).to.deep.equal([out.root]);
    expect(out.car!.blocks).to.equal(out.blocks.total);

    const again = await runCli(["--json", "upload", "art", "--profile", "kubo-v1"], { cwd });
    expect(again.json<UploadJson>().root).to.equal(out.root);
    expect(again.json<UploadJson>().blocks.written).to.equal(0);
  });

  it("missing path, special file or a file over --max-size: exit 2, nothing stored", async () => {
    const cwd = tempDir();
    const missing = await runCli(["--json", "upload", "nope"], { cwd });
    expect(missing.code).to.equal(2);
    expect(missing.errorJson().error.code).to.equal("CLI_FILE_NOT_FOUND");
    execFileSync("mkfifo", [path.join(cwd, "pipe")]);
    const fifo = await runCli(["--json", "upload", "pipe"], { cwd });
    expect(fifo.code).to.equal(2);
    expect(fifo.errorJson().error.code).to.equal("CLI_FILE_UNREADABLE");
    await mkdir(path.join(cwd, "big"));
    await writeFile(path.join(cwd, "big", "small.txt"), "ok");
    await writeFile(path.join(cwd, "big", "large.bin"), new Uint8Array(4096));
    const big = await runCli(["upload", "big", "--max-size", "1k"], { cwd });
    expect(big.code).to.equal(2);
    expect(big.stderr).to.contain("large.bin is 4096 bytes, over the limit of 1024 bytes");
    expect(existsSync(path.join(cwd, ".mintkit"))).to.equal(false);
    const badProfile = await runCli(["upload", "big", "--profile", "kubo-v9"], { cwd });
    expect(badProfile.code).to.equal(2);
    expect(badProfile.stderr).to.contain("kubo-v9");
  });
});
