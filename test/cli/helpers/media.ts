/** Small real media files for CLI tests. */

/** A valid 1×1 RGBA PNG (70 bytes). */
export const png1x1 = Uint8Array.from(
  Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478" +
      "9c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082",
    "hex",
  ),
);

/** The start of a PDF: recognisable, but not a supported media format. */
export const pdfBytes = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
