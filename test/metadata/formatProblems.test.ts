import { expect } from "chai";
import { formatProblems } from "../../src/metadata/formatProblems.js";
import { validateTokenMetadata } from "../../src/metadata/validateTokenMetadata.js";
import { buildTokenMetadata } from "../../src/metadata/buildTokenMetadata.js";
import { isMetadataError } from "../../src/errors/MetadataError.js";
import { CID_V0, problemsOf, warningsOf } from "./helpers/problems.js";

describe("metadata: problem paths and formatting", () => {
  it("formats one problem per line, marking warnings and the document itself", () => {
    expect(
      formatProblems([
        { path: "", code: "not_object", severity: "error", message: "must be a JSON object, got null" },
        { path: "attributes[2].value", code: "attribute_value", severity: "error", message: "must be a number" },
        { path: "image", code: "image_recommended", severity: "warning", message: "is recommended" },
      ]),
    ).to.equal(
      "(document): must be a JSON object, got null\nattributes[2].value: must be a number\nwarning: image: is recommended",
    );
    expect(formatProblems([])).to.equal("");
  });

  it("quotes keys that are not identifiers", () => {
    const warnings = warningsOf(validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}`, "Background Color": "ffffff" }));
    expect(warnings.map((w) => w.path)).to.deep.equal(['["Background Color"]']);
    try {
      buildTokenMetadata({ name: "A", extra: { "animation_url": "x", "my key": 1 } });
      expect.fail("did not throw");
    } catch (err) {
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.problems.map((p) => p.path)).to.deep.equal(["extra.animation_url", "image"]);
    }
  });

  it("never changes the document it validates", () => {
    const doc = { name: "", background_color: "#fff", attributes: [{ value: "1", display_type: "number" }] };
    const copy = structuredClone(doc);
    problemsOf(validateTokenMetadata(doc));
    expect(doc).to.deep.equal(copy);
  });

  it("long values are shortened in messages", () => {
    const long = "x".repeat(100);
    const message = problemsOf(validateTokenMetadata({ name: "A", image: long }))[0]?.message ?? "";
    expect(message).to.equal(`must be an absolute URI starting with ipfs://, ar://, https:// or data:; got "${"x".repeat(57)}..."`);
  });
});
