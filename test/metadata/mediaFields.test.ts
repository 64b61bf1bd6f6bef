import { expect } from "chai";
import { mediaFieldFor } from "../../src/metadata/mediaFieldFor.js";
import { mediaFields } from "../../src/metadata/mediaFields.js";
import { MEDIA_FORMATS, SUPPORTED_MEDIA_FORMATS } from "../../src/metadata/mediaFormats.js";
import { buildTokenMetadata } from "../../src/metadata/buildTokenMetadata.js";
import { isMetadataError } from "../../src/errors/MetadataError.js";
import { CID_V1 } from "./helpers/problems.js";

const uri = (name: string) => `ipfs://${CID_V1}/${name}`;

describe("metadata: which field a media file fits", () => {
  it("images go in image; video, audio and GLB in animation_url with a poster", () => {
    const fields = Object.fromEntries(SUPPORTED_MEDIA_FORMATS.map((f) => [f, mediaFieldFor(f).field]));
    expect(fields).to.deep.equal({
      png: "image",
      jpeg: "image",
      gif: "image",
      svg: "image",
      webp: "image",
      mp4: "animation_url",
      mov: "animation_url",
      webm: "animation_url",
      mp3: "animation_url",
      wav: "animation_url",
      flac: "animation_url",
      glb: "animation_url",
    });
    expect(mediaFieldFor("video")).to.deep.equal({ field: "animation_url", posterRequired: true });
    expect(mediaFieldFor("image")).to.deep.equal({ field: "image", posterRequired: false });
    expect(mediaFieldFor(MEDIA_FORMATS.glb)).to.deep.equal({ field: "animation_url", posterRequired: true });
  });

  it("mediaFields puts an image in image", () => {
    expect(mediaFields({ media: { type: MEDIA_FORMATS.png, uri: uri("1.png") } })).to.deep.equal({ image: uri("1.png") });
  });

  it("mediaFields puts video in animationUrl and the poster in image, ready for buildTokenMetadata", () => {
    const fields = mediaFields({
      media: { type: MEDIA_FORMATS.mp4, uri: uri("1.mp4") },
      poster: { type: MEDIA_FORMATS.jpeg, uri: uri("1.jpg") },
    });
    expect(fields).to.deep.equal({ image: uri("1.jpg"), animationUrl: uri("1.mp4") });
    const metadata = buildTokenMetadata({ name: "Clip", ...fields });
    expect(metadata).to.deep.equal({ name: "Clip", image: uri("1.jpg"), animation_url: uri("1.mp4") });
  });

  it("requires a poster for animation_url media unless allowed", () => {
    try {
      mediaFields({ media: { type: MEDIA_FORMATS.glb, uri: uri("1.glb") } });
      expect.fail("did not throw");
    } catch (err) {
      if (!isMetadataError(err, "MEDIA_POSTER_REQUIRED")) throw err;
      expect(err.shortMessage).to.equal("GLB media goes in animation_url and needs a poster image for the image field.");
      expect(err.details).to.deep.equal({ format: "glb" });
    }
    expect(mediaFields({ media: { type: MEDIA_FORMATS.mp3, uri: uri("1.mp3") }, allowMissingPoster: true })).to.deep.equal({
      animationUrl: uri("1.mp3"),
    });
  });

  it("rejects a poster that is not an image", () => {
    try {
      mediaFields({ media: { type: MEDIA_FORMATS.mp3, uri: uri("1.mp3") }, poster: { type: MEDIA_FORMATS.webm, uri: uri("1.webm") } });
      expect.fail("did not throw");
    } catch (err) {
      if (!isMetadataError(err, "MEDIA_POSTER_NOT_IMAGE")) throw err;
      expect(err.shortMessage).to.equal("The poster is WEBM, but the image field needs an image.");
    }
  });
});
