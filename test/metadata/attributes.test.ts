import { expect } from "chai";
import { validateTokenMetadata } from "../../src/metadata/validateTokenMetadata.js";
import { at, CID_V0, lines, problemsOf, warningsOf } from "./helpers/problems.js";

const withAttributes = (attributes: unknown) => validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}`, attributes });
const problemAt = (attribute: unknown, path: string) => at(problemsOf(withAttributes([attribute])), path);

describe("metadata: attributes (OpenSea traits)", () => {
  it("accepts text, numeric, generic and every display_type", () => {
    const result = withAttributes([
      { trait_type: "Eyes", value: "Blue" },
      { trait_type: "Level", value: 3, max_value: 3 },
      { value: 7 },
      { trait_type: "a", value: 1, display_type: "number" },
      { trait_type: "b", value: -5, display_type: "boost_number" },
      { trait_type: "c", value: 12.5, display_type: "boost_percentage" },
      { trait_type: "d", value: 0, display_type: "date" },
      { trait_type: "e", value: -86400, display_type: "date" },
    ]);
    expect(warningsOf(result)).to.deep.equal([]);
  });

  it("attributes must be an array of objects", () => {
    expect(at(problemsOf(withAttributes({ Eyes: "Blue" })), "attributes").message).to.equal(
      'must be an array of traits, got an object (list each trait as {"trait_type": "Eyes", "value": "Blue"})',
    );
    expect(at(problemsOf(withAttributes("Eyes")), "attributes").message).to.equal('must be an array of traits, got "Eyes"');
    expect(lines(problemsOf(withAttributes(["Blue", null])))).to.deep.equal([
      'attributes[0]: must be an object such as {"trait_type": "Eyes", "value": "Blue"}, got "Blue"',
      'attributes[1]: must be an object such as {"trait_type": "Eyes", "value": "Blue"}, got null',
    ]);
  });

  it("trait_type is optional but, when given, a non-empty string", () => {
    expect(problemAt({ trait_type: 3, value: "x" }, "attributes[0].trait_type").message).to.equal("must be a string, got 3");
    expect(problemAt({ trait_type: "", value: "x" }, "attributes[0].trait_type").message).to.equal(
      "must not be empty; leave it out for a trait without a name",
    );
  });

  it("value is required: a string or a finite number", () => {
    expect(problemAt({ trait_type: "Eyes" }, "attributes[0].value").message).to.equal("is required");
    expect(problemAt({ value: false }, "attributes[0].value").message).to.equal(
      'must be a string or a number, got false; write "false" to show it as text',
    );
    expect(problemAt({ value: null }, "attributes[0].value").message).to.equal("must be a string or a number, got null");
    expect(problemAt({ value: ["a"] }, "attributes[0].value").message).to.equal("must be a string or a number, got an array");
    expect(problemAt({ value: Number.NaN }, "attributes[0].value").message).to.equal("must be a finite number, got NaN");
    expect(problemAt({ value: " " }, "attributes[0].value").message).to.equal("must not be empty");
  });

  it("display_type must be one of the four OpenSea values", () => {
    const p = problemAt({ trait_type: "x", value: 1, display_type: "percentage" }, "attributes[0].display_type");
    expect(p.message).to.equal(
      'must be one of "number", "boost_number", "boost_percentage", "date", got "percentage"; leave it out for a text trait',
    );
    expect(p.code).to.equal("display_type");
  });

  it("value must be a number whenever display_type is set", () => {
    for (const displayType of ["number", "boost_number", "boost_percentage", "date"]) {
      expect(problemAt({ value: "many", display_type: displayType }, "attributes[0].value").message).to.equal(
        `must be a number when display_type is "${displayType}", got "many"`,
      );
    }
    expect(problemAt({ value: "2.5", display_type: "boost_percentage" }, "attributes[0].value").message).to.equal(
      'must be a number when display_type is "boost_percentage" (write 2.5, not "2.5")',
    );
  });

  it("dates are whole Unix times in seconds; milliseconds are caught", () => {
    const ms = problemAt({ trait_type: "Born", value: 1700000000123, display_type: "date" }, "attributes[0].value");
    expect(ms.message).to.equal('looks like milliseconds; display_type "date" takes a Unix time in seconds: write 1700000000');
    expect(ms.code).to.equal("date_milliseconds");
    expect(problemAt({ value: 1.5, display_type: "date" }, "attributes[0].value").message).to.equal(
      'must be a whole number of seconds when display_type is "date"',
    );
  });

  it("max_value is a finite number, not below value, only for numeric non-date traits", () => {
    expect(problemAt({ value: 5, max_value: "10" }, "attributes[0].max_value").message).to.equal('must be a finite number, got "10"');
    expect(problemAt({ value: 11, max_value: 10 }, "attributes[0].max_value").message).to.equal("must not be below value (11)");
    expect(problemAt({ value: 11, max_value: 10, display_type: "number" }, "attributes[0].max_value").code).to.equal("max_value");
    expect(problemAt({ value: "Blue", max_value: 10 }, "attributes[0].max_value").message).to.equal(
      "only applies to numeric values; remove it or make value a number",
    );
    expect(problemAt({ value: 1, max_value: 10, display_type: "date" }, "attributes[0].max_value").message).to.equal(
      'does not apply when display_type is "date"; remove it',
    );
  });

  it("warns about camelCase trait fields", () => {
    const warnings = warningsOf(withAttributes([{ traitType: "Eyes", value: "Blue", displayType: "number", trait_type: "E" }]));
    expect(lines(warnings)).to.deep.equal([
      'attributes[0].traitType: is not a field of the standard and will be ignored; did you mean "trait_type"? (the document also has "trait_type"; remove one)',
      'attributes[0].displayType: is not a field of the standard and will be ignored; did you mean "display_type"?',
    ]);
  });

  it("reports problems of several attributes in one go, in order", () => {
    const problems = problemsOf(
      withAttributes([
        { trait_type: "ok", value: "fine" },
        { trait_type: "Level", value: "9", display_type: "number", max_value: 5 },
        { trait_type: "", value: true },
        { value: 1700000000000, display_type: "date", max_value: 1 },
      ]),
    );
    expect(problems.map((p) => p.path)).to.deep.equal([
      "attributes[1].value",
      "attributes[1].max_value",
      "attributes[2].trait_type",
      "attributes[2].value",
      "attributes[3].value",
      "attributes[3].max_value",
    ]);
  });
});
