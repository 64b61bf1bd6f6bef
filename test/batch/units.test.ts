import { expect } from "chai";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BatchJournal, readJournalFile } from "../../src/batch/BatchJournal.js";
import { parseBatchFaults } from "../../src/batch/faults.js";
import { loadBatchInput } from "../../src/batch/loadBatchInput.js";
import { naturalCompare } from "../../src/batch/naturalCompare.js";
import { isBatchError } from "../../src/errors/BatchError.js";
import { tempDir } from "./helpers.js";

describe("batch units", () => {
  it("naturalCompare: digits as numbers, the rest by code unit, a total order", () => {
    const names = ["10.png", "2.png", "1.png", "a10.png", "a9.png", "B.png", "01.png", "1.gif", "img_100.png", "img_20.png"];
    expect([...names].sort(naturalCompare)).to.deep.equal([
      "1.gif", "01.png", "1.png", "2.png", "10.png", "B.png", "a9.png", "a10.png", "img_20.png", "img_100.png",
    ]);
    expect(naturalCompare("1.png", "1.png")).to.equal(0);
  });

  it("parseBatchFaults: steps as chunk numbers or base-uri; unknown points ignored; empty → undefined", () => {
    expect(parseBatchFaults("after-sign:2, torn-confirm:base-uri,bogus:1", "throw")).to.deep.equal({
      mode: "throw",
      points: [
        { point: "after-sign", step: "chunk-2" },
        { point: "torn-confirm", step: "base-uri" },
      ],
    });
    expect(parseBatchFaults("after-plan")?.points).to.deep.equal([{ point: "after-plan" }]);
    expect(parseBatchFaults("")).to.equal(undefined);
    expect(parseBatchFaults(undefined)).to.equal(undefined);
  });

  it("manifest: a file or poster outside the manifest's folder (../, absolute) is a problem, not an item", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "m"));
    writeFileSync(path.join(dir, "secret.png"), "x");
    writeFileSync(path.join(dir, "m", "ok.png"), "x");
    const items = [
      { file: "../secret.png", name: "S" },
      { file: path.join(dir, "secret.png"), name: "A" },
      { file: "ok.png", poster: "../secret.png", name: "P" },
      { file: "sub/../ok.png", name: "Inside" },
    ];
    writeFileSync(path.join(dir, "m", "manifest.json"), JSON.stringify({ items }));
    const { source, problems } = await loadBatchInput(path.join(dir, "m", "manifest.json"));
    expect(source.items.map((i) => i.file)).to.deep.equal(["sub/../ok.png"]);
    expect(problems.map((p) => [p.item, p.code, p.path])).to.deep.equal([
      [0, "FILE_OUTSIDE_FOLDER", "file"],
      [1, "FILE_OUTSIDE_FOLDER", "file"],
      [2, "FILE_OUTSIDE_FOLDER", "poster"],
    ]);
  });

  it("input: a missing path is BATCH_INPUT_NOT_FOUND without a raw Node cause", async () => {
    const err = await loadBatchInput(path.join(tempDir(), "nope")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isBatchError(err, "BATCH_INPUT_NOT_FOUND"), String(err)).to.equal(true);
    expect((err as Error).message).to.match(/does not exist/);
    expect((err as Error).cause).to.equal(undefined);
  });

  it("journal: a torn last line is ignored and dropped on open; a corrupt middle line is an error", () => {
    const file = path.join(tempDir(), "j.jsonl");
    const plan = {
      type: "plan",
      version: 1,
      chainId: 31337,
      collection: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      firstId: "1",
      items: [],
      steps: [],
    } as unknown as Parameters<BatchJournal["append"]>[0];
    const j = BatchJournal.open(file);
    j.append(plan);
    j.append({ type: "complete", at: "now" });
    j.close();
    appendFileSync(file, '{"type":"signed","step":"chu');
    const read = readJournalFile(file)!;
    expect(read.records.map((r) => r.type)).to.deep.equal(["plan", "complete"]);
    expect(read.tornTail).to.equal(true);
    const reopened = BatchJournal.open(file);
    expect(reopened.hadTornTail).to.equal(true);
    reopened.append({ type: "complete", at: "later" });
    reopened.close();
    expect(readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { type: string }).type)).to.deep.equal([
      "plan",
      "complete",
      "complete",
    ]);
    writeFileSync(file, `${JSON.stringify(plan)}\nnot json\n${JSON.stringify({ type: "complete" })}\n`);
    let err: unknown;
    try {
      readJournalFile(file);
    } catch (e) {
      err = e;
    }
    expect(isBatchError(err, "BATCH_JOURNAL_INVALID")).to.equal(true);
    expect((err as { details: { line: number } }).details.line).to.equal(2);
  });

  it("journal: every line is checksummed; a damaged line, a plan of the wrong shape or an unearned \"complete\" is an error", () => {
    const dir = tempDir();
    const file = path.join(dir, "j.jsonl");
    const plan = {
      type: "plan",
      version: 1,
      chainId: 31337,
      collection: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      firstId: "1",
      items: [],
      steps: [{ key: "chunk-1", kind: "mint" }],
    } as unknown as Parameters<BatchJournal["append"]>[0];
    const j = BatchJournal.open(file);
    j.append(plan);
    j.append({ type: "settled", step: "chunk-1", reason: "test", at: "now" });
    j.append({ type: "complete", at: "now" });
    j.close();
    const text = readFileSync(file, "utf8");
    expect(text.split("\n")[0]).to.match(/,"sum":"[0-9a-f]{16}"\}$/);
    expect(readJournalFile(file)!.records.map((r) => r.type)).to.deep.equal(["plan", "settled", "complete"]);
    const reasonOf = (content: string): string => {
      writeFileSync(file, content);
      try {
        readJournalFile(file);
      } catch (e) {
        expect(isBatchError(e, "BATCH_JOURNAL_INVALID"), String(e)).to.equal(true);
        expect((e as { hint: string }).hint).to.not.equal("");
        return (e as { details: { reason: string } }).details.reason;
      }
      throw new Error("expected BATCH_JOURNAL_INVALID");
    };
    // A digit changed in place: still JSON, still a record, but not what was written.
    expect(reasonOf(text.replace('"chainId":31337', '"chainId":31338'))).to.match(/line 1 does not match its checksum/);
    // A line without its checksum in a checksummed journal.
    const lines = text.trim().split("\n");
    expect(reasonOf(`${lines[0]}\n{"type":"complete","at":"x"}\n`)).to.match(/line 2 has no checksum/);
    // Older journals (no checksums): shape and consistency are still checked.
    const legacy = (p: unknown, ...rest: unknown[]) => `${[p, ...rest].map((r) => JSON.stringify(r)).join("\n")}\n`;
    expect(reasonOf(legacy(plan, { type: "complete", at: "x" }))).to.match(/says "complete" although step\(s\) chunk-1 were never confirmed/);
    expect(reasonOf(legacy({ ...(plan as object), items: 5 }))).to.match(/plan record whose items is missing or malformed/);
    expect(reasonOf(legacy({ ...(plan as object), collection: "0x12" }))).to.match(/plan record whose collection/);
    expect(reasonOf(legacy(plan, { type: "confirmed", step: "chunk-9", hash: "0x", at: "x" }))).to.match(/names a step that is not in the plan/);
    expect(reasonOf(legacy(plan, { type: "mystery" }))).to.match(/line 2 is not a journal record/);
  });
});
