import { expect } from "chai";
import { validateContractMetadata } from "../../src/metadata/validateContractMetadata.js";
import { assertContractMetadata } from "../../src/metadata/assertContractMetadata.js";
import { isMetadataError } from "../../src/errors/MetadataError.js";
import { at, CID_V1, lines, problemsOf, warningsOf } from "./helpers/problems.js";

const CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
const LOWERCASE = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";
const BAD_CHECKSUM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";

const contract = (extra: Record<string, unknown>) =>
  validateContractMetadata({ name: "Creatures", image: `ipfs://${CID_V1}/logo.png`, ...extra });

describe("metadata: validateContractMetadata (ERC-7572)", () => {
  it("accepts the ERC-7572 example document", () => {
    const result = validateContractMetadata({
      name: "Example Contract",
      symbol: "EC",
      description: "Your description here",
      image: "ipfs://QmTNgv3jx2HHfBjQX9RnKtxj2xv2xQCtbDXoRi5rJ3a46e",
      banner_image: "ipfs://QmdChMVnMSq4U7oVKhud7wUSEZGnwuMuTY5rUQx57Ayp6H",
      featured_image: "ipfs://QmS9m6e1E1NfioMM8dy1WMZNN2FRh2WDjeqJFWextqXCT8",
      external_link: "https://project-website.com",
      collaborators: ["0x388C818CA8B9251b393131C08a736A67ccB19297"],
    });
    expect(warningsOf(result)).to.deep.equal([]);
    if (result.ok) expect(result.value.collaborators).to.deep.equal(["0x388C818CA8B9251b393131C08a736A67ccB19297"]);
  });

  it("name is the only required field (a missing image is a warning)", () => {
    expect(lines(warningsOf(validateContractMetadata({ name: "X" })))).to.deep.equal([
      "image: is recommended: marketplaces use it as the collection's picture",
    ]);
    expect(lines(problemsOf(validateContractMetadata({ image: `ipfs://${CID_V1}` })))).to.deep.equal([
      "name: is required; add a non-empty string",
    ]);
  });

  it("reports every problem at once with its path", () => {
    const problems = problemsOf(
      contract({
        name: "",
        symbol: 5,
        banner_image: "banner.png",
        featured_image: "data:text/plain,hi",
        external_link: "ftp://x",
        collaborators: [CHECKSUMMED, "0x123", BAD_CHECKSUM, LOWERCASE, LOWERCASE.toUpperCase().replace("0X", "0x"), CHECKSUMMED.toLowerCase()],
      }),
    );
    expect(lines(problems)).to.deep.equal([
      "name: must not be empty",
      "symbol: must be a string, got 5",
      'banner_image: must be an absolute URI starting with ipfs://, ar://, https:// or data:; got "banner.png"',
      'featured_image: is a data: URI of type "text/plain"; an image field needs an image/* type',
      'external_link: uses the unsupported scheme "ftp:"; use ipfs://, ar://, https:// or data:',
      'collaborators[1]: must be a 0x-prefixed 20-byte address, got "0x123"',
      "collaborators[2]: has mixed case but a wrong EIP-55 checksum, so it may be mistyped; check it, then write it all lowercase or checksummed",
      "collaborators[4]: repeats collaborators[3]",
      "collaborators[5]: repeats collaborators[0]",
    ]);
    expect(problems.map((p) => p.severity)).to.deep.equal([
      "error",
      "error",
      "error",
      "error",
      "error",
      "error",
      "error",
      "warning",
      "warning",
    ]);
    expect(at(problems, "collaborators[2]").code).to.equal("address_checksum");
  });

  it("collaborators must be an array", () => {
    expect(at(problemsOf(contract({ collaborators: CHECKSUMMED })), "collaborators").message).to.equal(
      `must be an array of addresses, got "${CHECKSUMMED}"`,
    );
  });

  it("warns that ERC-7572 spells it external_link, and about camelCase fields", () => {
    expect(lines(warningsOf(contract({ external_url: "https://x.com", bannerImage: "https://x.com/b.png" })))).to.deep.equal([
      'external_url: is not a field of the standard and will be ignored; did you mean "external_link"?',
      'bannerImage: is not a field of the standard and will be ignored; did you mean "banner_image"?',
    ]);
  });

  it("assertContractMetadata returns the document or throws METADATA_INVALID of kind contract", () => {
    expect(assertContractMetadata({ name: "X" }).name).to.equal("X");
    try {
      assertContractMetadata({ name: "X", collaborators: ["nope"] });
      expect.fail("did not throw");
    } catch (err) {
      if (!isMetadataError(err, "METADATA_INVALID")) throw err;
      expect(err.details.kind).to.equal("contract");
      expect(err.details.problems.map((p) => p.path)).to.deep.equal(["collaborators[0]", "image"]);
    }
  });
});
