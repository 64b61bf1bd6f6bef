import { expect } from "chai";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BatchJournal, readJournalFile } from "../../src/batch/BatchJournal.js";
import { parseBatchFaults } from "../../src/batch/faults.js";
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

  it("journal: a torn last line is ignored and dropped on open; a corrupt middle line is an error", () => {
    const file = path.join(tempDir(), "j.jsonl");
    const plan = { type: "plan", version: 1 } as unknown as Parameters<BatchJournal["append"]>[0];
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
});
