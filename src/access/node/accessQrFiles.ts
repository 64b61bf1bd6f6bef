/**
 * Access QR codes as PNG files and as terminal text (the CLI's `access prove --qr` and `access check
 * <qr.png>`). NODE-ONLY. PNG with `qrcode` (which writes through `pngjs`), read back with `pngjs` + `jsqr`.
 */
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../../fs/writeFileAtomic.js";
import { PNG } from "pngjs";
import QRCode from "qrcode";
import { accessQrErrorCorrection, checkLength, decodeAccessQr, unreadable } from "../accessQr.js";

/** The QR code of a payload as PNG bytes (8 pixels per module, 4-module quiet zone). */
export async function accessQrPng(payload: string): Promise<Uint8Array> {
  checkLength(payload);
  return new Uint8Array(await QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: accessQrErrorCorrection, margin: 4, scale: 8 }));
}

/** Writes the QR code of a payload to a PNG file. */
export async function writeAccessQrPng(file: string, payload: string): Promise<void> {
  await writeFileAtomic(file, await accessQrPng(payload));
}

/**
 * The text of the QR code in a PNG file (or PNG bytes). Not a PNG, or no readable code, throws
 * `AccessError("ACCESS_QR_UNREADABLE")`.
 * @example
 * const payload = await readAccessQrPng("ticket.png");
 */
export async function readAccessQrPng(source: string | Uint8Array): Promise<string> {
  const bytes = typeof source === "string" ? await readFile(source) : Buffer.from(source.buffer, source.byteOffset, source.length);
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    throw unreadable(`it is not a PNG image (${error instanceof Error ? error.message : String(error)})`);
  }
  return decodeAccessQr({ data: png.data, width: png.width, height: png.height });
}

/** The QR code as text for a terminal (two modules per character row). */
export async function accessQrTerminal(payload: string): Promise<string> {
  checkLength(payload);
  return QRCode.toString(payload, { type: "terminal", small: true, errorCorrectionLevel: accessQrErrorCorrection });
}
