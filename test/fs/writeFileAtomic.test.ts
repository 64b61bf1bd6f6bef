import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileAtomic, writeFileAtomicSync } from "../../src/fs/writeFileAtomic.js";

const fresh = () => mkdtempSync(path.join(tmpdir(), "mintkit-atomic-"));
const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("writeFileAtomic", () => {
  for (const [name, write] of [
    ["async", writeFileAtomic],
    ["sync", async (...args: Parameters<typeof writeFileAtomicSync>) => writeFileAtomicSync(...args)],
  ] as const) {
    describe(name, () => {
      it("writes the bytes, replaces an old file and leaves no temp file behind", async () => {
        const dir = fresh();
        const file = path.join(dir, "a.json");
        writeFileSync(file, "old");
        const written = await write(file, "new", {});
        expect(written).to.equal(file);
        expect(readFileSync(file, "utf8")).to.equal("new");
        expect(readdirSync(dir)).to.deep.equal(["a.json"]);
      });

      it("applies the mode exactly, whatever the umask", async () => {
        const dir = fresh();
        const previous = process.umask(0o077);
        try {
          await write(path.join(dir, "public.json"), "x", { mode: 0o644 });
        } finally {
          process.umask(previous);
        }
        await write(path.join(dir, "secret.json"), "x", { mode: 0o600 });
        expect(modeOf(path.join(dir, "public.json"))).to.equal(0o644);
        expect(modeOf(path.join(dir, "secret.json"))).to.equal(0o600);
      });

      it("noClobber: refuses an existing file with EEXIST and leaves it and the folder as they were", async () => {
        const dir = fresh();
        const file = path.join(dir, "voucher.json");
        writeFileSync(file, "keep me");
        let caught: NodeJS.ErrnoException | undefined;
        await write(file, "other", { noClobber: true }).catch((e: NodeJS.ErrnoException) => (caught = e));
        expect(caught?.code).to.equal("EEXIST");
        expect(readFileSync(file, "utf8")).to.equal("keep me");
        expect(readdirSync(dir)).to.deep.equal(["voucher.json"]);
        await write(path.join(dir, "new.json"), "fresh", { noClobber: true });
        expect(readFileSync(path.join(dir, "new.json"), "utf8")).to.equal("fresh");
      });

      it("mkdir creates missing folders; without it a missing folder fails with ENOENT", async () => {
        const dir = fresh();
        let caught: NodeJS.ErrnoException | undefined;
        await write(path.join(dir, "no", "such", "f.json"), "x", {}).catch((e: NodeJS.ErrnoException) => (caught = e));
        expect(caught?.code).to.equal("ENOENT");
        await write(path.join(dir, "made", "here", "f.json"), "x", { mkdir: true });
        expect(readFileSync(path.join(dir, "made", "here", "f.json"), "utf8")).to.equal("x");
      });

      it("a folder at the target fails (EISDIR) and the folder stays", async () => {
        const dir = fresh();
        mkdirSync(path.join(dir, "out.car"));
        let caught: NodeJS.ErrnoException | undefined;
        await write(path.join(dir, "out.car"), "x", {}).catch((e: NodeJS.ErrnoException) => (caught = e));
        expect(caught?.code).to.be.oneOf(["EISDIR", "ENOTEMPTY", "EEXIST"]);
        expect(statSync(path.join(dir, "out.car")).isDirectory()).to.equal(true);
        expect(readdirSync(dir)).to.deep.equal(["out.car"]);
      });
    });
  }

  it("streams chunks, and a stream that fails midway leaves the old file and no temp file", async () => {
    const dir = fresh();
    const file = path.join(dir, "art.car");
    writeFileSync(file, "old car");
    async function* chunks(fail: boolean) {
      yield new Uint8Array([1, 2]);
      if (fail) throw new Error("export failed");
      yield new Uint8Array([3]);
    }
    let caught: Error | undefined;
    await writeFileAtomic(file, chunks(true)).catch((e: Error) => (caught = e));
    expect(caught?.message).to.equal("export failed");
    expect(readFileSync(file, "utf8")).to.equal("old car");
    expect(readdirSync(dir)).to.deep.equal(["art.car"]);
    await writeFileAtomic(file, chunks(false));
    expect([...readFileSync(file)]).to.deep.equal([1, 2, 3]);
  });

  it("a crash between the write and the rename leaves the old file whole", () => {
    const dir = fresh();
    const file = path.join(dir, "deployments.json");
    writeFileSync(file, '{"old":true}\n');
    const writer = pathToFileURL(path.resolve("src/fs/writeFileAtomic.ts")).href;
    // A real process, killed (SIGKILL) at the moment it would commit the new file.
    const script = `
      import fs from "node:fs"; import fsp from "node:fs/promises"; import { syncBuiltinESMExports } from "node:module";
      const crash = () => process.kill(process.pid, "SIGKILL");
      fsp.rename = crash; fs.renameSync = crash; syncBuiltinESMExports();
      const { writeFileAtomic } = await import(${JSON.stringify(writer)});
      await writeFileAtomic(${JSON.stringify(file)}, '{"new":true}\\n');
    `;
    const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8" });
    expect(r.signal, r.stderr).to.equal("SIGKILL");
    expect(readFileSync(file, "utf8")).to.equal('{"old":true}\n');
    // The new bytes were complete in the temp file when the process died: only the commit was missing.
    const temps = readdirSync(dir).filter((f) => f.endsWith(".tmp"));
    expect(temps).to.have.length(1);
    expect(readFileSync(path.join(dir, temps[0]!), "utf8")).to.equal('{"new":true}\n');
  });
});
