import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
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
    // --car's folder must exist: a mistyped path is refused (exit 2, nothing stored), not turned into new folders.
    const refused = await runCli(["--json", "upload", "art", "--profile", "kubo-v1", "--car", "out/art.car"], { cwd });
    expect(refused.code, refused.stderr).to.equal(2);
    expect(refused.errorJson().error.message).to.contain("--car out/art.car");
    expect(existsSync(path.join(cwd, "out"))).to.equal(false);
    expect(existsSync(path.join(cwd, ".mintkit"))).to.equal(false);
    await mkdir(path.join(cwd, "out"));
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

describe("mintkit upload: symbolic links and the pinning token", () => {
  it("a link inside the folder (to a file or a folder) is refused before anything is stored; the path given may be a link", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "secret.txt"), "do not upload\n");
    await mkdir(path.join(cwd, "private"));
    await writeFile(path.join(cwd, "private", "key.txt"), "do not upload either\n");
    await mkdir(path.join(cwd, "up"));
    await writeFile(path.join(cwd, "up", "a.txt"), "a\n");
    await symlink("../secret.txt", path.join(cwd, "up", "link.txt"));
    await mkdir(path.join(cwd, "up2"));
    await writeFile(path.join(cwd, "up2", "a.txt"), "a\n");
    await symlink("../private", path.join(cwd, "up2", "dir"));
    for (const [folder, link] of [["up", "link.txt"], ["up2", "dir"]] as const) {
      const r = await runCli(["--json", "upload", folder], { cwd });
      expect(r.code, r.stderr).to.equal(2);
      const { error } = r.errorJson();
      expect(error.code).to.equal("CLI_INVALID_INPUT");
      expect(error.message).to.contain(path.join(folder, link));
      expect(error.hint).to.contain("mintkit does not follow symbolic links");
      const text = await runCli(["upload", folder], { cwd });
      expect(text.stderr).to.contain(`${path.join(folder, link)} is a symbolic link`);
      expect(text.stdout).to.equal("");
    }
    expect(existsSync(path.join(cwd, ".mintkit"))).to.equal(false); // nothing written to the store

    await symlink("up2/a.txt", path.join(cwd, "top.txt"));
    const top = await runCli(["--json", "upload", "top.txt", "--profile", "kubo-v0"], { cwd });
    expect(top.code, top.stderr).to.equal(0);
    expect(top.json<UploadJson>().files[0]).to.include({ path: "top.txt", size: 2 });
  });

  it("the pinning token comes from --pinning-token-file (first line) or MINTKIT_PINNING_TOKEN, never the command line", async () => {
    const cwd = tempDir();
    await writeFile(path.join(cwd, "a.txt"), "a\n");
    const old = await runCli(["--json", "upload", "a.txt", "--pinning-endpoint", "http://127.0.0.1:9", "--pinning-token", "tok"], { cwd });
    expect(old.code).to.equal(2);
    expect(old.errorJson().error.code).to.equal("CLI_USAGE");
    const help = await runCli(["upload", "--help"]);
    expect(help.stdout).to.contain("--pinning-token-file <path>");
    expect(help.stdout).not.to.match(/--pinning-token </);

    await writeFile(path.join(cwd, "empty-token"), "\nsecond line\n");
    const empty = await runCli(["--json", "upload", "a.txt", "--pinning-endpoint", "http://127.0.0.1:9", "--pinning-token-file", "empty-token"], { cwd });
    expect(empty.code).to.equal(2);
    expect(empty.errorJson().error.details).to.include({ field: "--pinning-token-file", reason: "empty first line" });
    const missingFile = await runCli(["--json", "upload", "a.txt", "--pinning-endpoint", "http://127.0.0.1:9", "--pinning-token-file", "nope"], { cwd });
    expect(missingFile.code).to.equal(2);
    expect(missingFile.errorJson().error.code).to.equal("CLI_FILE_NOT_FOUND");
    const none = await runCli(["--json", "upload", "a.txt", "--pinning-endpoint", "http://127.0.0.1:9"], { cwd, env: { MINTKIT_PINNING_TOKEN: "" } });
    expect(none.code).to.equal(2);
    expect(none.errorJson().error.hint).to.contain("--pinning-token-file");
    expect(existsSync(path.join(cwd, ".mintkit"))).to.equal(false); // refused before importing

    // A local HTTP endpoint records the Authorization header the pinning client sends, then refuses.
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization ?? "");
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { reason: "UNAUTHORIZED", details: "test" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await writeFile(path.join(cwd, "token"), "tok-from-file\nignored\n");
      await runCli(["--json", "upload", "a.txt", "--pinning-endpoint", endpoint, "--pinning-token-file", "token"], { cwd });
      await runCli(["--json", "upload", "a.txt", "--pinning-endpoint", endpoint], { cwd, env: { MINTKIT_PINNING_TOKEN: "tok-from-env" } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).to.include("Bearer tok-from-file");
    expect(seen).to.include("Bearer tok-from-env");
    expect(seen.join()).not.to.contain("ignored");
  });
});
