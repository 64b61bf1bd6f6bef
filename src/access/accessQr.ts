/**
 * QR codes for access proofs, browser-safe: the SVG a holder's page shows (`qrcode`) and the decoder a
 * door's page runs on a camera frame (`jsqr`). The PNG files and terminal output of the CLI are in
 * `mintkit/node` (`writeAccessQrPng`, `readAccessQrPng`, `accessQrTerminal`).
 *
 * The payload is `mkap1.` + base64url (about 240 characters for an EOA's proof), written in byte mode
 * with error correction level M (15% of the symbol may be damaged): a version-10-ish symbol, well within
 * what a phone camera reads. Payloads over 1,000 characters are refused before encoding.
 */
import jsqrModule from "jsqr";
import QRCode from "qrcode";
import { AccessError } from "../errors/AccessError.js";
import { maxAccessPayloadLength, tooLarge } from "./compactBytes.js";

/** Error correction of every access QR code: M recovers about 15% of the symbol. */
export const accessQrErrorCorrection = "M";

/** The QR code of a payload as an SVG document (black modules on white, a 4-module quiet zone). */
export async function accessQrSvg(payload: string): Promise<string> {
  checkLength(payload);
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel: accessQrErrorCorrection, margin: 4 });
}

/** An image as RGBA pixels (a canvas `ImageData`, or a decoded PNG). */
export interface RgbaImage {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * The text of the QR code in an image. No readable code (damaged, blurred, cropped, not a QR code) throws
 * `AccessError("ACCESS_QR_UNREADABLE")`; the text is not checked here (`decodeAccessProof` does).
 * @example
 * const frame = ctx.getImageData(0, 0, video.videoWidth, video.videoHeight);
 * const payload = decodeAccessQr(frame);
 */
export function decodeAccessQr(image: RgbaImage): string {
  if (!(image.width > 0 && image.height > 0) || image.data.length !== image.width * image.height * 4) {
    throw unreadable("the image is not width × height RGBA pixels");
  }
  const data = image.data instanceof Uint8ClampedArray ? image.data : new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length);
  const found = jsQR()(data, image.width, image.height, { inversionAttempts: "attemptBoth" });
  if (!found) throw unreadable("no QR code could be read in it (damaged, blurred, cropped or none at all)");
  return found.data;
}

type JsQr = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: "dontInvert" | "onlyInvert" | "attemptBoth" | "invertFirst" }) => { data: string } | null;

/** jsqr is a UMD bundle: its default import is the function or a namespace holding it, by bundler. */
function jsQR(): JsQr {
  const m = jsqrModule as unknown as JsQr | { default: JsQr };
  return typeof m === "function" ? m : m.default;
}

export function checkLength(payload: string): void {
  if (typeof payload !== "string" || payload.length === 0) throw unreadable("the payload to encode is empty");
  if (payload.length > maxAccessPayloadLength) throw tooLarge(payload.length);
}

export function unreadable(reason: string): AccessError<"ACCESS_QR_UNREADABLE"> {
  return new AccessError("ACCESS_QR_UNREADABLE", `The QR code cannot be read: ${reason}.`, {
    hint: "Hold the code steady and fully in view (or export the PNG again); if it is damaged, the holder shows a fresh one.",
    details: { reason },
  });
}
