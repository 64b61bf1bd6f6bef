import { expect } from "chai";
import { validateTokenMetadata } from "../../src/metadata/validateTokenMetadata.js";
import { assertTokenMetadata } from "../../src/metadata/assertTokenMetadata.js";
import { isMetadataError, MetadataError } from "../../src/errors/MetadataError.js";
import { MintkitError } from "../../src/errors/MintkitError.js";
import { at, CID_V0, CID_V1, lines, problemsOf, warningsOf } from "./helpers/problems.js";

const valid = {
  name: "Creature #3",
  description: "Friendly OpenSea Creature that enjoys long swims in the ocean.",
  image: `ipfs://${CID_V1}/3.png`,
  animation_url: `ipfs://${CID_V1}/3.mp4`,
  external_url: "https://example.com/?token_id=3",
  background_color: "1a2B3c",
  youtube_url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
  attributes: [
    { trait_type: "Base", value: "Starfish" },
    { trait_type: "Level", value: 5 },
    { trait_type: "Stamina", value: 1.4, max_value: 10 },
    { display_type: "boost_number", trait_type: "Aqua Power", value: 40 },
    { display_type: "boost_percentage", trait_type: "Stamina Increase", value: 10 },
    { display_type: "number", trait_type: "Generation", value: 2, max_value: 10 },
    { display_type: "date", trait_type: "Birthday", value: 1546360800 },
    { value: "Generic" },
  ],
  custom_field: { anything: true },
};

describe("metadata: validateTokenMetadata (ERC-721 / OpenSea)", () => {
  it("accepts a full OpenSea document and returns it typed, with no warnings", () => {
    const result = validateTokenMetadata(valid);
    expect(warningsOf(result)).to.deep.equal([]);
    if (result.ok) {
      expect(result.value).to.equal(valid);
      expect(result.value.name).to.equal("Creature #3");
    }
  });

  it("accepts a minimal document (name + image)", () => {
    expect(warningsOf(validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}` }))).to.deep.equal([]);
  });

  it("reports every problem at once, each with its JSON path", () => {
    const result = validateTokenMetadata({
      description: 42,
      image: "images/1.png",
      animation_url: "ftp://example.com/a.mp4",
      background_color: "#ff0000",
      attributes: [
        { trait_type: "Eyes", value: "Blue" },
        { trait_type: "Level", value: "high", display_type: "number" },
        { trait_type: "Power", value: "10", display_type: "boost_number" },
      ],
    });
    const problems = problemsOf(result);
    expect(lines(problems)).to.deep.equal([
      "name: is required; add a non-empty string",
      "description: must be a string, got 42",
      'image: must be an absolute URI starting with ipfs://, ar://, https:// or data:; got "images/1.png"',
      'animation_url: uses the unsupported scheme "ftp:"; use ipfs://, ar://, https:// or data:',
      'background_color: must not start with "#": write "ff0000"',
      'attributes[1].value: must be a number when display_type is "number", got "high"',
      'attributes[2].value: must be a number when display_type is "boost_number" (write 10, not "10")',
    ]);
    expect(problems.every((p) => p.severity === "error")).to.equal(true);
    expect(problems.map((p) => p.code)).to.deep.equal([
      "required",
      "wrong_type",
      "uri_relative",
      "uri_scheme",
      "color",
      "attribute_value",
      "attribute_value",
    ]);
  });

  it("rejects what is not a JSON object, and says to parse JSON text first", () => {
    const text = problemsOf(validateTokenMetadata('{"name":"A"}'));
    expect(lines(text)).to.deep.equal([': must be a JSON object, got "{\\"name\\":\\"A\\"}" (parse the JSON text first: JSON.parse(text))']);
    expect(text[0]?.code).to.equal("not_object");
    expect(lines(problemsOf(validateTokenMetadata(null)))).to.deep.equal([": must be a JSON object, got null"]);
    expect(lines(problemsOf(validateTokenMetadata([])))).to.deep.equal([": must be a JSON object, got an array"]);
  });

  describe("name and description", () => {
    it("name must be a non-empty string", () => {
      expect(at(problemsOf(validateTokenMetadata({ name: "  ", image: `ipfs://${CID_V0}` })), "name").message).to.equal(
        "must not be empty",
      );
      expect(at(problemsOf(validateTokenMetadata({ name: 7, image: `ipfs://${CID_V0}` })), "name").message).to.equal(
        "must be a string, got 7",
      );
    });

    it("an empty description is only a warning", () => {
      const warnings = warningsOf(validateTokenMetadata({ name: "A", description: "", image: `ipfs://${CID_V0}` }));
      expect(lines(warnings)).to.deep.equal(["description: is empty; leave the field out instead"]);
    });
  });

  describe("image", () => {
    it("is recommended, not required: a missing image is a warning", () => {
      const warnings = warningsOf(validateTokenMetadata({ name: "A" }));
      expect(warnings).to.deep.equal([
        {
          path: "image",
          code: "image_recommended",
          severity: "warning",
          message: "is recommended; marketplaces show a placeholder without it",
        },
      ]);
    });

    it("without image, animation_url's missing poster is pointed out", () => {
      const warnings = warningsOf(validateTokenMetadata({ name: "A", animation_url: `ipfs://${CID_V1}/a.mp4` }));
      expect(at(warnings, "image").message).to.equal(
        "is recommended as the poster of animation_url; marketplaces show a placeholder without it",
      );
    });

    it("image_data (raw SVG) stands in for image", () => {
      const svg = '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>';
      expect(warningsOf(validateTokenMetadata({ name: "A", image_data: svg }))).to.deep.equal([]);
    });

    it("image_data must be SVG markup, and is pointless beside image", () => {
      const problems = problemsOf(
        validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}`, image_data: "ipfs://not-svg" }),
      );
      expect(lines(problems)).to.deep.equal([
        "image_data: must be raw SVG markup starting with <svg; put image URIs in image",
        "image_data: is ignored by marketplaces when image is set; keep one of the two",
      ]);
      expect(problems.map((p) => p.severity)).to.deep.equal(["error", "warning"]);
      expect(at(problemsOf(validateTokenMetadata({ name: "A", image_data: 1 })), "image_data").message).to.equal(
        "must be a string of SVG markup, got 1",
      );
    });
  });

  describe("background_color", () => {
    const color = (c: unknown) => validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}`, background_color: c });
    it("accepts six hex digits in either case", () => {
      expect(warningsOf(color("00ff00"))).to.deep.equal([]);
      expect(warningsOf(color("ABCDEF"))).to.deep.equal([]);
    });
    it("rejects a leading #, three digits, other text and non-strings, saying what to write", () => {
      expect(at(problemsOf(color("#00ff00")), "background_color").message).to.equal('must not start with "#": write "00ff00"');
      expect(at(problemsOf(color("f0a")), "background_color").message).to.equal('must have six hex digits, not three: write "ff00aa"');
      expect(at(problemsOf(color("#f0a")), "background_color").message).to.equal('must have six hex digits, not three: write "ff00aa"');
      expect(at(problemsOf(color("red")), "background_color").message).to.equal(
        'must be six hex digits without "#" (e.g. "1a2b3c"), got "red"',
      );
      expect(at(problemsOf(color("1a2b3c4d")), "background_color").code).to.equal("color");
      expect(at(problemsOf(color(0xff0000)), "background_color").message).to.equal(
        'must be a string of six hex digits such as "1a2b3c", got 16711680',
      );
    });
  });

  describe("unknown fields", () => {
    it("keeps extra fields, but warns about misspelt standard ones", () => {
      const warnings = warningsOf(
        validateTokenMetadata({
          name: "A",
          image: `ipfs://${CID_V0}`,
          animationUrl: "ipfs://x",
          image_url: "https://example.com/a.png",
          BackgroundColor: "ffffff",
          traits: [],
          edition: 4,
        }),
      );
      expect(lines(warnings)).to.deep.equal([
        'animationUrl: is not a field of the standard and will be ignored; did you mean "animation_url"?',
        'image_url: is not a field of the standard and will be ignored; did you mean "image"? (the document also has "image"; remove one)',
        'BackgroundColor: is not a field of the standard and will be ignored; did you mean "background_color"?',
        'traits: is not a field of the standard and will be ignored; did you mean "attributes"?',
      ]);
      expect(warnings.every((w) => w.code === "unknown_field")).to.equal(true);
    });

    it("ERC-1155 fields are not near misses in ERC-721 documents (they are simply extra)", () => {
      expect(warningsOf(validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}`, decimals: 0 }))).to.deep.equal([]);
    });
  });

  describe("assertTokenMetadata", () => {
    it("returns the typed metadata when valid, even with warnings", () => {
      const metadata = assertTokenMetadata({ name: "A" });
      expect(metadata.name).to.equal("A");
    });

    it("throws one MetadataError METADATA_INVALID carrying every problem", () => {
      let caught: unknown;
      try {
        assertTokenMetadata({ name: "", background_color: "#fff", attributes: [{ value: true }] });
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(MetadataError);
      expect(caught).to.be.instanceOf(MintkitError);
      if (!isMetadataError(caught, "METADATA_INVALID")) return expect.fail("not METADATA_INVALID");
      expect(caught.details.kind).to.equal("token");
      expect(caught.details.problems.map((p) => p.path)).to.deep.equal([
        "name",
        "background_color",
        "attributes[0].value",
        "image",
      ]);
      expect(caught.shortMessage).to.equal("Token metadata (ERC-721) has 3 problems and 1 warning.");
      expect(caught.message).to.contain("Fix each field below, then validate again:");
      expect(caught.message).to.contain('  attributes[0].value: must be a string or a number, got true; write "true" to show it as text');
      expect(caught.message).to.contain("  warning: image: is recommended; marketplaces show a placeholder without it");
      expect(caught.message).to.contain("Code: METADATA_INVALID");
    });
  });
});
