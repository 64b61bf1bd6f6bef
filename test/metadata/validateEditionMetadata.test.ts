import { expect } from "chai";
import { validateEditionMetadata } from "../../src/metadata/validateEditionMetadata.js";
import { assertEditionMetadata } from "../../src/metadata/assertEditionMetadata.js";
import { isMetadataError } from "../../src/errors/MetadataError.js";
import { at, CID_V1, lines, problemsOf, warningsOf } from "./helpers/problems.js";

const base = { name: "Sword", image: `ipfs://${CID_V1}/{id}.png` };
const edition = (extra: Record<string, unknown>) => validateEditionMetadata({ ...base, ...extra });

describe("metadata: validateEditionMetadata (ERC-1155)", () => {
  it("accepts the ERC-1155 example fields: decimals, properties, localization, {id} URIs", () => {
    const doc = {
      name: "Asset Name",
      description: "Lorem ipsum...",
      image: "https://s3.amazonaws.com/your-bucket/images/{id}.png",
      decimals: 3,
      properties: {
        simple_property: "example value",
        rich_property: { name: "Name", value: "123", display_value: "123 Example Value", class: "emphasis" },
        array_property: { name: "Name", value: [1, 2, 3, 4], class: "emphasis" },
      },
      localization: { uri: `ipfs://${CID_V1}/{locale}/{id}.json`, default: "en", locales: ["en", "es", "fr"] },
      attributes: [{ trait_type: "Rarity", value: "Rare" }],
    };
    const result = validateEditionMetadata(doc);
    expect(warningsOf(result)).to.deep.equal([]);
    if (result.ok) expect(result.value.decimals).to.equal(3);
  });

  it("keeps every ERC-721 rule (all problems at once)", () => {
    const problems = problemsOf(validateEditionMetadata({ image: "x.png", background_color: "#000000", attributes: [{ value: {} }] }));
    expect(problems.map((p) => p.path)).to.deep.equal(["name", "image", "background_color", "attributes[0].value"]);
  });

  it("only {id} is substituted: other placeholders are errors", () => {
    const p = at(problemsOf(edition({ animation_url: `ipfs://${CID_V1}/{tokenId}.mp4` })), "animation_url");
    expect(p.message).to.equal('contains "{tokenId}"; ERC-1155 clients only substitute "{id}"');
    expect(p.code).to.equal("uri_placeholder");
    expect(p.severity).to.equal("error");
  });

  it("decimals is a whole number >= 0", () => {
    for (const bad of [-1, 1.5, "2", null]) {
      expect(at(problemsOf(edition({ decimals: bad })), "decimals").code, String(bad)).to.equal("integer");
    }
    expect(at(problemsOf(edition({ decimals: -1 })), "decimals").message).to.equal(
      "must be a whole number >= 0 (0 for non-fungible editions), got -1",
    );
    expect(warningsOf(edition({ decimals: 0 }))).to.deep.equal([]);
  });

  it("properties is a JSON object", () => {
    expect(at(problemsOf(edition({ properties: [1, 2] })), "properties").message).to.equal("must be a JSON object, got an array");
    expect(at(problemsOf(edition({ properties: "x" })), "properties").code).to.equal("wrong_type");
  });

  it("localization: uri with {locale}, default, non-empty locales", () => {
    expect(lines(problemsOf(edition({ localization: {} })))).to.deep.equal([
      'localization.uri: is required: a URI template containing "{locale}"',
      "localization.default: is required; add a non-empty string",
      'localization.locales: is required: the list of locales, e.g. ["en", "es"]',
    ]);
    expect(lines(problemsOf(edition({ localization: { uri: `ipfs://${CID_V1}/{lang}.json`, default: "en", locales: [] } })))).to.deep.equal([
      'localization.uri: contains "{lang}"; ERC-1155 clients only substitute "{locale}" and "{id}"',
      'localization.uri: must contain "{locale}", which clients replace with the locale',
      "localization.locales: must be a non-empty array of locale strings, got an array",
    ]);
    expect(at(problemsOf(edition({ localization: "en" })), "localization").code).to.equal("wrong_type");
    expect(at(problemsOf(edition({ localization: { uri: "a/{locale}.json", default: "en", locales: ["en"] } })), "localization.uri").code).to.equal(
      "uri_relative",
    );
    expect(
      at(problemsOf(edition({ localization: { uri: `ipfs://${CID_V1}/{locale}.json`, default: "en", locales: ["en", 5] } })), "localization.locales[1]")
        .message,
    ).to.equal('must be a locale string such as "en" or "pt-BR", got 5');
  });

  it("localization: a default missing from locales, or a repeated locale, is a warning", () => {
    const warnings = warningsOf(
      edition({ localization: { uri: `ipfs://${CID_V1}/{locale}.json`, default: "en", locales: ["es", "es"] } }),
    );
    expect(lines(warnings)).to.deep.equal([
      'localization.locales[1]: repeats "es"',
      'localization.locales: does not include the default locale "en"; add it',
    ]);
  });

  it("assertEditionMetadata throws METADATA_INVALID of kind edition", () => {
    try {
      assertEditionMetadata({ name: "A", decimals: -2 });
      expect.fail("did not throw");
    } catch (err) {
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.kind).to.equal("edition");
      expect(err.shortMessage).to.equal("Edition metadata (ERC-1155) has 1 problem and 1 warning.");
    }
    expect(assertEditionMetadata(base).name).to.equal("Sword");
  });
});
