import { expect } from "chai";
import { validateTokenMetadata } from "../../src/metadata/validateTokenMetadata.js";
import { at, CID_V0, CID_V1, problemsOf, warningsOf } from "./helpers/problems.js";

const image = (uri: unknown) => validateTokenMetadata({ name: "A", image: uri });
const animation = (uri: unknown) => validateTokenMetadata({ name: "A", image: `ipfs://${CID_V0}`, animation_url: uri });
const imageProblem = (uri: unknown) => at(problemsOf(image(uri)), "image");

describe("metadata: URI fields", () => {
  it("accepts ipfs:// (CIDv0, CIDv1, base36), ar://, https:// and data: URIs", () => {
    for (const uri of [
      `ipfs://${CID_V0}`,
      `ipfs://${CID_V1}`,
      `ipfs://${CID_V1}/images/1.png`,
      `ipfs://${CID_V1}/a%20b.png?x=1#y`,
      "ipfs://k2k4r8jl0yz8qjgqbmc2cdu5hkqek5rj6flgnlkyywynci20j0iuyfuj",
      "ar://bNbA3TEQVL60xlgCcqdz4ZPHFZ711cZ3hmkpGttDt_U",
      "ar://bNbA3TEQVL60xlgCcqdz4ZPHFZ711cZ3hmkpGttDt_U/1.png",
      "ar://my-arns-name",
      "https://example.com/1.png",
      "HTTPS://EXAMPLE.COM/1.png",
      "data:image/png;base64,iVBORw0KGgo=",
      "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>",
      "data:,hello",
    ]) {
      expect(warningsOf(image(uri)), uri).to.deep.equal([]);
    }
  });

  it("accepts http:// with a warning (mixed content)", () => {
    const warning = at(warningsOf(image("http://example.com/1.png")), "image");
    expect(warning.severity).to.equal("warning");
    expect(warning.code).to.equal("uri_insecure");
    expect(warning.message).to.equal("uses http://, which https pages block as mixed content; use https:// or ipfs://");
  });

  it("accepts an IPFS gateway URL with a warning that suggests ipfs://", () => {
    const warning = at(warningsOf(image(`https://ipfs.io/ipfs/${CID_V1}/1.png`)), "image");
    expect(warning.code).to.equal("uri_gateway");
    expect(warning.message).to.equal(`points at one IPFS gateway (ipfs.io); write ipfs://${CID_V1}/1.png so any gateway can serve it`);
  });

  it("rejects relative paths, other schemes, blanks and non-strings", () => {
    expect(imageProblem("1.png").code).to.equal("uri_relative");
    expect(imageProblem("/images/1.png").code).to.equal("uri_relative");
    expect(imageProblem("file:///home/me/1.png").message).to.equal('uses the unsupported scheme "file:"; use ipfs://, ar://, https:// or data:');
    expect(imageProblem("javascript:alert(1)").code).to.equal("uri_scheme");
    expect(imageProblem("").message).to.equal("must not be empty; leave the field out if there is nothing to link to");
    expect(imageProblem(" https://example.com/1.png").message).to.equal("has leading or trailing whitespace; remove it");
    expect(imageProblem(42).message).to.equal("must be a URI string, got 42");
  });

  it("rejects malformed ipfs:// URIs, naming the fix", () => {
    expect(imageProblem(`ipfs://ipfs/${CID_V0}`).message).to.equal(
      'has an extra "ipfs/": write ipfs://<cid>/<path>, not ipfs://ipfs/<cid>',
    );
    expect(imageProblem("ipfs://not-a-cid/1.png").message).to.equal('has "not-a-cid" where a CID (Qm… or bafy…) should be');
    expect(imageProblem("ipfs://").message).to.equal("has no CID after ipfs://");
    expect(imageProblem(`ipfs:${CID_V0}`).code).to.equal("uri_malformed");
    expect(imageProblem(`IPFS://${CID_V0}`).code).to.equal("uri_malformed");
  });

  it("rejects malformed ar://, https:// and data: URIs", () => {
    expect(imageProblem("ar://").message).to.equal("must be written ar://<transaction id or ArNS name>/<path>");
    expect(imageProblem("https://").code).to.equal("uri_malformed");
    expect(imageProblem("https:example.com").code).to.equal("uri_malformed");
    expect(imageProblem("data:image/png;base64").message).to.equal(
      "is a data: URI without a comma; write data:<media type>[;base64],<data>",
    );
    expect(imageProblem("data:image/png;base64,not base64!").message).to.equal(
      "is a ;base64 data: URI whose data is not valid base64",
    );
  });

  it("an image field's data: URI must be image/*; animation_url takes any type", () => {
    expect(imageProblem("data:text/html,<p>hi</p>").message).to.equal(
      'is a data: URI of type "text/html"; an image field needs an image/* type',
    );
    expect(warningsOf(animation("data:text/html;base64,PHA+aGk8L3A+"))).to.deep.equal([]);
  });

  it("in ERC-721 documents a {id} placeholder is a warning (clients do not substitute it)", () => {
    const warning = at(warningsOf(image(`ipfs://${CID_V1}/{id}.png`)), "image");
    expect(warning.code).to.equal("uri_placeholder");
    expect(warning.message).to.equal('contains "{id}", which ERC-721 clients do not substitute; write the actual value');
  });

  it("applies to animation_url, external_url and youtube_url too", () => {
    const problems = problemsOf(
      validateTokenMetadata({ name: "A", image: "x.png", animation_url: "y.mp4", external_url: "example.com", youtube_url: 1 }),
    );
    expect(problems.map((p) => p.path)).to.deep.equal(["image", "animation_url", "external_url", "youtube_url"]);
  });
});
