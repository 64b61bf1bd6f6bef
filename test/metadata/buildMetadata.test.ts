import { expect } from "chai";
import { buildTokenMetadata } from "../../src/metadata/buildTokenMetadata.js";
import { buildEditionMetadata } from "../../src/metadata/buildEditionMetadata.js";
import { buildContractMetadata } from "../../src/metadata/buildContractMetadata.js";
import { buildAttributes } from "../../src/metadata/buildAttributes.js";
import { isMetadataError } from "../../src/errors/MetadataError.js";
import { CID_V1 } from "./helpers/problems.js";

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return expect.fail("did not throw");
}

describe("metadata: builders", () => {
  describe("buildTokenMetadata", () => {
    it("writes snake_case fields in a fixed order, leaving unset ones out", () => {
      const metadata = buildTokenMetadata({
        attributes: [
          { traitType: "Level", value: 5, displayType: "number", maxValue: 10 },
          { traitType: "Eyes", value: "Blue" },
          { value: "Generic" },
        ],
        backgroundColor: "#1A2B3C",
        externalUrl: "https://example.com/3",
        animationUrl: `ipfs://${CID_V1}/3.mp4`,
        image: `ipfs://${CID_V1}/3.png`,
        description: "Three",
        name: "#3",
      });
      expect(JSON.stringify(metadata)).to.equal(
        JSON.stringify({
          name: "#3",
          description: "Three",
          image: `ipfs://${CID_V1}/3.png`,
          animation_url: `ipfs://${CID_V1}/3.mp4`,
          external_url: "https://example.com/3",
          background_color: "1a2b3c",
          attributes: [
            { trait_type: "Level", value: 5, display_type: "number", max_value: 10 },
            { trait_type: "Eyes", value: "Blue" },
            { value: "Generic" },
          ],
        }),
      );
    });

    it("gives the same JSON for the same input whatever the input's key order (stable CIDs)", () => {
      const a = buildTokenMetadata({ name: "A", image: `ipfs://${CID_V1}`, description: "d", imageData: undefined });
      const b = buildTokenMetadata({ description: "d", image: `ipfs://${CID_V1}`, name: "A" });
      expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
      expect(Object.keys(a)).to.deep.equal(["name", "description", "image"]);
    });

    it("takes traits as a record too", () => {
      const metadata = buildTokenMetadata({ name: "A", image: `ipfs://${CID_V1}`, attributes: { Eyes: "Blue", Level: 5 } });
      expect(metadata.attributes).to.deep.equal([
        { trait_type: "Eyes", value: "Blue" },
        { trait_type: "Level", value: 5 },
      ]);
    });

    it("appends extra fields after the standard ones, and refuses extras that repeat a standard field", () => {
      const metadata = buildTokenMetadata({ name: "A", image: `ipfs://${CID_V1}`, extra: { edition: 4, artist: "Me" } });
      expect(Object.keys(metadata)).to.deep.equal(["name", "image", "edition", "artist"]);
      const err = thrown(() => buildTokenMetadata({ name: "A", image: `ipfs://${CID_V1}`, extra: { name: "B" } }));
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.problems.map((p) => `${p.path}: ${p.message}`)).to.deep.equal([
        "extra.name: is a standard field; set it through the builder's own option instead of extra",
      ]);
    });

    it("validates the result and throws every problem at once", () => {
      const err = thrown(() =>
        buildTokenMetadata({
          name: "",
          image: "1.png",
          backgroundColor: "red",
          attributes: [{ traitType: "Born", value: 1700000000000, displayType: "date" }],
        }),
      );
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.problems.map((p) => p.path)).to.deep.equal(["name", "image", "background_color", "attributes[0].value"]);
    });
  });

  describe("buildAttributes", () => {
    it("maps camelCase traits to OpenSea attributes", () => {
      expect(buildAttributes([{ traitType: "Power", value: 10, displayType: "boost_number" }])).to.deep.equal([
        { trait_type: "Power", value: 10, display_type: "boost_number" },
      ]);
      expect(buildAttributes({})).to.deep.equal([]);
    });
  });

  describe("buildEditionMetadata", () => {
    it("adds decimals, properties and localization after the token fields", () => {
      const metadata = buildEditionMetadata({
        localization: { uri: `ipfs://${CID_V1}/{locale}/{id}.json`, default: "en", locales: ["en", "de"] },
        properties: { rarity: "rare" },
        decimals: 0,
        image: `ipfs://${CID_V1}/{id}.png`,
        name: "Sword",
      });
      expect(Object.keys(metadata)).to.deep.equal(["name", "image", "decimals", "properties", "localization"]);
      expect(metadata.localization?.locales).to.deep.equal(["en", "de"]);
    });

    it("validates under ERC-1155 rules", () => {
      const err = thrown(() => buildEditionMetadata({ name: "Sword", image: `ipfs://${CID_V1}/{token}.png`, decimals: 1.5 }));
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.kind).to.equal("edition");
      expect(err.details.problems.map((p) => p.path)).to.deep.equal(["image", "decimals"]);
    });
  });

  describe("buildContractMetadata", () => {
    it("writes ERC-7572 fields in order and checksums collaborators", () => {
      const metadata = buildContractMetadata({
        collaborators: ["0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"],
        externalLink: "https://example.com",
        featuredImage: `ipfs://${CID_V1}/featured.png`,
        bannerImage: `ipfs://${CID_V1}/banner.png`,
        image: `ipfs://${CID_V1}/logo.png`,
        symbol: "CRT",
        name: "Creatures",
      });
      expect(metadata).to.deep.equal({
        name: "Creatures",
        symbol: "CRT",
        image: `ipfs://${CID_V1}/logo.png`,
        banner_image: `ipfs://${CID_V1}/banner.png`,
        featured_image: `ipfs://${CID_V1}/featured.png`,
        external_link: "https://example.com",
        collaborators: ["0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"],
      });
      expect(Object.keys(metadata)).to.deep.equal([
        "name",
        "symbol",
        "image",
        "banner_image",
        "featured_image",
        "external_link",
        "collaborators",
      ]);
    });

    it("throws every problem at once", () => {
      const err = thrown(() => buildContractMetadata({ name: "", image: "logo.png", collaborators: ["0x12"] }));
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.kind).to.equal("contract");
      expect(err.details.problems.map((p) => p.path)).to.deep.equal(["name", "image", "collaborators[0]"]);
    });
  });
});
