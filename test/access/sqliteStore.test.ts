/**
 * The SQLite check-in store (mintkit/node): first admission wins, state survives reopening, and a file that
 * is locked, corrupt or another application's database is a clean, specific error that changes nothing.
 * On a Node without node:sqlite (the machine's Node 20, when there is one) opening is ACCESS_STORE_UNAVAILABLE.
 */
import { expect } from "chai";
import { execFileSync, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { getAddress } from "viem";
import { isAccessError, type CheckInRecord } from "../../src/index.js";
import { openSqliteCheckInStore } from "../../src/node.js";
import { tempDir } from "../cli/helpers/cli.js";

const record = (overrides: Partial<CheckInRecord> = {}): CheckInRecord => ({
  event: "devcon-2026",
  chainId: 31337,
  kind: "erc721",
  collection: getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"),
  tokenId: 7n,
  holder: getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"),
  nonce: "00112233445566778899aabbccddeeff",
  at: 1_800_000_000,
  ...overrides,
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return isAccessError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

describe("access: SQLite check-in store", function () {
  this.timeout(60_000);

  it("admits once per (event, ticket), remembers nonces, and keeps both across reopening", async () => {
    const file = path.join(tempDir("mintkit-store-"), "doors", "checkins.sqlite");
    const store = await openSqliteCheckInStore({ path: file });
    expect(await store.useNonce("n1", 1)).to.equal(true);
    expect(await store.useNonce("n1", 1)).to.equal(false);
    expect(await store.checkIn(record())).to.deep.equal({ admitted: true, record: record() });
    const again = await store.checkIn(record({ nonce: "ffeeddccbbaa99887766554433221100", holder: getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc") }));
    expect(again).to.deep.equal({ admitted: false, first: record() });
    expect((await store.checkIn(record({ event: "devcon-2026-day2" }))).admitted).to.equal(true);
    // ERC-1155: each holder of the id is a ticket of its own
    expect((await store.checkIn(record({ kind: "erc1155" }))).admitted).to.equal(true);
    expect((await store.checkIn(record({ kind: "erc1155", holder: getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc") }))).admitted).to.equal(true);
    await store.close();
    const reopened = await openSqliteCheckInStore({ path: file });
    expect(await reopened.getCheckIn(record())).to.deep.equal(record());
    expect(await reopened.useNonce("n1", 1)).to.equal(false);
    await reopened.close();
    const db = new DatabaseSync(file);
    expect(db.prepare("PRAGMA journal_mode").get()).to.deep.equal({ journal_mode: "wal" });
    db.close();
    expect(await codeOf(reopened.checkIn(record()))).to.equal("ACCESS_STORE_FAILED"); // closed
  });

  it("a store locked by another process is ACCESS_STORE_LOCKED after the busy timeout; nothing recorded", async () => {
    const file = path.join(tempDir("mintkit-store-"), "checkins.sqlite");
    const store = await openSqliteCheckInStore({ path: file, busyTimeoutMs: 200 });
    // another process takes the write lock and holds it
    const holder = spawn(process.execPath, [
      "--no-warnings",
      "-e",
      `const { DatabaseSync } = require("node:sqlite"); const db = new DatabaseSync(${JSON.stringify(file)});
       db.exec("BEGIN EXCLUSIVE"); db.exec("INSERT INTO nonces VALUES ('held', 1)"); console.log("locked"); setTimeout(() => {}, 60000);`,
    ]);
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once("data", () => resolve());
      holder.once("exit", (code) => reject(new Error(`the lock holder exited (${code})`)));
    });
    try {
      expect(await codeOf(store.checkIn(record()))).to.equal("ACCESS_STORE_LOCKED");
      expect(await codeOf(store.useNonce("x", 1))).to.equal("ACCESS_STORE_LOCKED");
    } finally {
      holder.kill();
      await new Promise((r) => holder.once("exit", r));
    }
    expect(await store.getCheckIn(record())).to.equal(undefined);
    expect((await store.checkIn(record())).admitted).to.equal(true);
    await store.close();
  });

  it("a corrupt file or another application's database is ACCESS_STORE_CORRUPT and is left untouched", async () => {
    const dir = tempDir("mintkit-store-");
    const garbage = path.join(dir, "garbage.sqlite");
    writeFileSync(garbage, "this is not a database ".repeat(100));
    const before = readFileSync(garbage);
    expect(await codeOf(openSqliteCheckInStore({ path: garbage }))).to.equal("ACCESS_STORE_CORRUPT");
    expect(readFileSync(garbage).equals(before)).to.equal(true);

    const other = path.join(dir, "other.sqlite");
    const db = new DatabaseSync(other);
    db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('cat')");
    db.close();
    expect(await codeOf(openSqliteCheckInStore({ path: other }))).to.equal("ACCESS_STORE_CORRUPT");
    const check = new DatabaseSync(other);
    expect(check.prepare("SELECT name FROM sqlite_schema").all().map((r) => r["name"])).to.deep.equal(["photos"]);
    check.close();
  });

  it("on a Node without node:sqlite, opening is ACCESS_STORE_UNAVAILABLE (the machine's Node 20, if any)", async function () {
    const old = ["/usr/bin/node", "/usr/local/bin/node", "/bin/node"].find((bin) => {
      try {
        const [major, minor] = execFileSync(bin, ["-p", "process.versions.node"], { encoding: "utf8" }).trim().split(".").map(Number);
        return major! < 22 || (major === 22 && minor! < 5);
      } catch {
        return false;
      }
    });
    if (!old) this.skip();
    const dist = new URL("../../dist/node.js", import.meta.url).href;
    const out = execFileSync(old!, ["--input-type=module", "-e",
      `import { openSqliteCheckInStore } from ${JSON.stringify(dist)};
       try { await openSqliteCheckInStore({ path: "/tmp/never.sqlite" }); console.log("opened"); }
       catch (e) { console.log(JSON.stringify({ code: e.code, message: e.shortMessage, node: e.details?.nodeVersion })); }`,
    ], { encoding: "utf8" });
    const result = JSON.parse(out) as { code: string; message: string };
    expect(result.code).to.equal("ACCESS_STORE_UNAVAILABLE");
    expect(result.message).to.match(/node:sqlite/);
  });
});
