import { expect } from "chai";
import { readFileSync } from "node:fs";
import { DEFAULT_MAX_MEDIA_SIZE, detectMediaType } from "../../src/metadata/detectMediaType.js";
import { isSvg } from "../../src/metadata/isSvg.js";
import { isMetadataError, type MetadataErrorCode, type MetadataError } from "../../src/errors/MetadataError.js";
import type { MediaFormat } from "../../src/metadata/types.js";

const fixture = (name: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(`../fixtures/media/${name}`, import.meta.url)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

async function rejection<C extends MetadataErrorCode>(promise: Promise<unknown>, code: C): Promise<MetadataError<C>> {
  try {
    await promise;
  } catch (err) {
    if (isMetadataError(err, code)) return err;
    throw err;
  }
  return expect.fail(`expected ${code}`);
}

const CASES: ReadonlyArray<[file: string, format: MediaFormat, mimeType: string, kind: string, extension: string]> = [
  ["pixel.png", "png", "image/png", "image", "png"],
  ["pixel.jpg", "jpeg", "image/jpeg", "image", "jpg"],
  ["pixel.gif", "gif", "image/gif", "image", "gif"],
  ["pixel.svg", "svg", "image/svg+xml", "image", "svg"],
  ["declared.svg", "svg", "image/svg+xml", "image", "svg"],
  ["pixel.webp", "webp", "image/webp", "image", "webp"],
  ["clip.mp4", "mp4", "video/mp4", "video", "mp4"],
  ["clip.mov", "mov", "video/quicktime", "video", "mov"],
  ["clip.webm", "webm", "video/webm", "video", "webm"],
  ["tone.mp3", "mp3", "audio/mpeg", "audio", "mp3"],
  ["tone.wav", "wav", "audio/wav", "audio", "wav"],
  ["tone.flac", "flac", "audio/flac", "audio", "flac"],
  ["model.glb", "glb", "model/gltf-binary", "model", "glb"],
];

describe("metadata: detectMediaType", () => {
  describe("detects every supported format from the bytes", () => {
    for (const [file, format, mimeType, kind, extension] of CASES) {
      it(`${file} -> ${format}`, async () => {
        const bytes = fixture(file);
        expect(bytes.byteLength, "fixture size").to.be.below(20_000);
        const detected = await detectMediaType(bytes);
        expect(detected).to.deep.equal({ format, mimeType, kind, extension, size: bytes.byteLength });
        // same answer from an ArrayBuffer, a Blob and a File (name checked and matching)
        const buffer = bytes.slice().buffer;
        expect((await detectMediaType(buffer)).format).to.equal(format);
        expect((await detectMediaType(new Blob([bytes]))).format).to.equal(format);
        const fromFile = await detectMediaType(new File([bytes], file));
        expect(fromFile).to.deep.equal({ format, mimeType, kind, extension, size: bytes.byteLength, fileName: file });
      });
    }
  });

  it("goes by the bytes, not the name: an unnamed or oddly named file is still detected", async () => {
    expect((await detectMediaType(fixture("pixel.png"), { fileName: "upload" })).format).to.equal("png");
    expect((await detectMediaType(fixture("pixel.png"), { fileName: "upload.bin" })).format).to.equal("png");
    expect((await detectMediaType(fixture("pixel.jpg"), { fileName: "a/b/PHOTO.JPEG" })).format).to.equal("jpeg");
    expect((await detectMediaType(fixture("model.glb"), { fileName: ".glb" })).format).to.equal("glb");
  });

  describe("mislabelled files", () => {
    it("throws MEDIA_MISLABELLED naming both the name's format and the bytes' format", async () => {
      const err = await rejection(detectMediaType(fixture("pixel.jpg"), { fileName: "art/photo.png" }), "MEDIA_MISLABELLED");
      expect(err.shortMessage).to.equal("art/photo.png is named as PNG but its bytes are JPEG (image/jpeg).");
      expect(err.hint).to.equal(
        "Rename it to photo.jpg (gateways and browsers take the Content-Type from the name), or pass allowMislabelled: true to go by the bytes.",
      );
      expect(err.details).to.deep.equal({
        fileName: "art/photo.png",
        declaredExtension: "png",
        declaredFormat: "png",
        detectedFormat: "jpeg",
        detectedMimeType: "image/jpeg",
        expectedExtension: "jpg",
      });
    });

    it("uses a File's own name", async () => {
      const err = await rejection(detectMediaType(new File([fixture("clip.mov")], "clip.mp4")), "MEDIA_MISLABELLED");
      expect(err.details.declaredFormat).to.equal("mp4");
      expect(err.details.detectedFormat).to.equal("mov");
    });

    it("catches known non-media extensions too (an SVG named .xml, a PNG named .txt)", async () => {
      const svg = await rejection(detectMediaType(fixture("pixel.svg"), { fileName: "logo.xml" }), "MEDIA_MISLABELLED");
      expect(svg.shortMessage).to.equal("logo.xml is named as .xml but its bytes are SVG (image/svg+xml).");
      expect(svg.details).to.not.have.property("declaredFormat");
      const png = await rejection(detectMediaType(fixture("pixel.png"), { fileName: "notes.txt" }), "MEDIA_MISLABELLED");
      expect(png.details.declaredExtension).to.equal("txt");
    });

    it("with allowMislabelled, returns the bytes' type and reports the name's", async () => {
      const detected = await detectMediaType(fixture("tone.wav"), { fileName: "tone.mp3", allowMislabelled: true });
      expect(detected).to.deep.equal({
        format: "wav",
        mimeType: "audio/wav",
        kind: "audio",
        extension: "wav",
        size: fixture("tone.wav").byteLength,
        fileName: "tone.mp3",
        mislabelled: { declaredExtension: "mp3", declaredFormat: "mp3" },
      });
    });

    it("accepts the alternative extensions of a format (jpeg, m4v, qt, apng…)", async () => {
      for (const [file, name] of [
        ["pixel.jpg", "x.jpeg"],
        ["pixel.jpg", "x.jfif"],
        ["clip.mp4", "x.m4v"],
        ["clip.mov", "x.qt"],
        ["pixel.png", "x.apng"],
        ["tone.wav", "x.WAVE"],
      ] as const) {
        expect((await detectMediaType(fixture(file), { fileName: name })).fileName).to.equal(name);
      }
    });
  });

  describe("unsupported files", () => {
    it("names what the bytes are when recognisable (PDF), and lists what is supported", async () => {
      const err = await rejection(detectMediaType(fixture("document.pdf"), { fileName: "document.pdf" }), "MEDIA_UNSUPPORTED");
      expect(err.shortMessage).to.equal("document.pdf is PDF (application/pdf), which is not a supported media format.");
      expect(err.hint).to.equal(
        "Convert it to one of: PNG, JPEG, GIF, SVG, WEBP (images); MP4, MOV, WEBM (video); MP3, WAV, FLAC (audio); GLB (3D).",
      );
      expect(err.details).to.deep.include({ fileName: "document.pdf", detectedMimeType: "application/pdf", detectedExtension: "pdf" });
      expect(err.details.supported).to.have.length(12);
    });

    it("says so when the bytes match nothing (plain text)", async () => {
      const err = await rejection(detectMediaType(fixture("notes.txt")), "MEDIA_UNSUPPORTED");
      expect(err.shortMessage).to.equal("The media is not in a supported media format (its bytes match none).");
      expect(err.details).to.not.have.property("detectedMimeType");
    });

    it("XML that is not SVG is not SVG", async () => {
      const err = await rejection(detectMediaType(fixture("note.xml"), { fileName: "note.svg" }), "MEDIA_UNSUPPORTED");
      expect(err.details.detectedMimeType).to.equal("application/xml");
    });

    it("a shell script that merely contains <svg is not SVG", async () => {
      await rejection(detectMediaType(fixture("make-fixtures.sh")), "MEDIA_UNSUPPORTED");
    });
  });

  describe("size", () => {
    it("the default limit is 100 MB, checked before any byte is read", async () => {
      expect(DEFAULT_MAX_MEDIA_SIZE).to.equal(100_000_000);
      class HugeBlob extends Blob {
        override get size(): number {
          return 100_000_001;
        }
      }
      const err = await rejection(detectMediaType(new HugeBlob([fixture("clip.mp4")]), { fileName: "film.mp4" }), "MEDIA_TOO_LARGE");
      expect(err.shortMessage).to.equal("film.mp4 is 100000001 bytes, over the 100000000-byte limit.");
      expect(err.details).to.deep.equal({ size: 100_000_001, maxSize: 100_000_000, fileName: "film.mp4" });
    });

    it("the limit is configurable, and a file exactly at the limit passes", async () => {
      const bytes = fixture("tone.flac");
      const err = await rejection(detectMediaType(bytes, { maxSize: 4_000 }), "MEDIA_TOO_LARGE");
      expect(err.shortMessage).to.equal("The media is 8.7 kB, over the 4 kB limit.");
      expect(err.hint).to.contain("raise the limit with the maxSize option");
      expect((await detectMediaType(bytes, { maxSize: bytes.byteLength })).format).to.equal("flac");
    });

    it("an empty file is MEDIA_EMPTY", async () => {
      const err = await rejection(detectMediaType(new Uint8Array(0), { fileName: "x.png" }), "MEDIA_EMPTY");
      expect(err.shortMessage).to.equal("x.png is empty (0 bytes).");
      expect(err.details).to.deep.equal({ fileName: "x.png" });
    });
  });

  describe("isSvg", () => {
    it("finds the <svg> root behind a BOM, declaration, comments, processing instructions and DOCTYPE", () => {
      expect(isSvg(fixture("declared.svg"))).to.equal(true);
      expect(isSvg(text('<?xml version="1.0"?><?xml-stylesheet href="a.css"?><!--c--><svg/>'))).to.equal(true);
      expect(isSvg(text('<!DOCTYPE svg [ <!ENTITY a "<b>"> ]>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).to.equal(true);
      expect(isSvg(text('<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'))).to.equal(true);
      expect(isSvg(text("\n\t <svg\n width='1'/>"))).to.equal(true);
    });

    it("rejects other XML, HTML with inline SVG, look-alike tags, unterminated prologs and binary", () => {
      expect(isSvg(fixture("note.xml"))).to.equal(false);
      expect(isSvg(text("<html><body><svg></svg></body></html>"))).to.equal(false);
      expect(isSvg(text("<svgfoo/>"))).to.equal(false);
      expect(isSvg(text("<!-- never closed <svg/>"))).to.equal(false);
      expect(isSvg(text("<?xml version='1.0'"))).to.equal(false);
      expect(isSvg(fixture("pixel.png"))).to.equal(false);
      expect(isSvg(new Uint8Array(0))).to.equal(false);
    });
  });
});
