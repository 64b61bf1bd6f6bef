import { expect } from "chai";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("errors: every docsPath names a file of the repository", () => {
  it("each error class's docsPath exists (a section in parentheses may follow the file)", () => {
    const dir = path.join(root, "src/errors");
    const paths = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/docsPath: "([^"]+)"/g)].map((m) => ({ file: f, docs: m[1]! })));
    expect(paths.length, "error classes with a docsPath").to.be.greaterThan(3);
    for (const { file, docs } of paths) {
      const target = docs.replace(/\s*\(.*\)$/, "");
      expect(existsSync(path.join(root, target)), `${file}: docsPath "${docs}"`).to.equal(true);
    }
  });
});
