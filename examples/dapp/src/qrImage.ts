/**
 * QR codes in the browser, for the door and holder pages: draw a payload as an image (mintkit's
 * `accessQrSvg`), and read one from a picture file or from the camera (canvas pixels → `decodeAccessQr`).
 */
import { AccessError, accessQrSvg, decodeAccessQr } from "mintkit";

/** Shows `payload` as a QR code in an <img> (an SVG data URL: crisp at any size). */
export async function showQr(img: HTMLImageElement, payload: string, label: string): Promise<void> {
  const svg = await accessQrSvg(payload);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  img.alt = label;
  img.hidden = false;
  await img.decode();
}

/** Longest side a picture is scaled down to before decoding (a phone photo has 12 MP; a code needs far less). */
const MAX_SIDE = 1280;

/** The RGBA pixels of an image source drawn on a canvas (scaled down to at most MAX_SIDE). */
function pixels(source: CanvasImageSource, width: number, height: number): ImageData {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("This browser cannot draw on a canvas, so it cannot read QR codes.");
  ctx.fillStyle = "#fff"; // transparent pixels (a PNG with alpha) read as white paper
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * The text of the QR code in a picture file (PNG, JPEG, …: a screenshot or a photo). A file that is not
 * an image, or shows no readable code, throws mintkit's `ACCESS_QR_UNREADABLE`.
 */
export async function readQrFile(file: Blob): Promise<string> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch (cause) {
    throw new AccessError("ACCESS_QR_UNREADABLE", "The QR code cannot be read: the file is not a picture this browser can open.", {
      hint: "Choose a PNG or JPEG photo or screenshot of the QR code, or paste the text instead.",
      details: { reason: "not an image" },
      cause,
    });
  }
  try {
    return decodeAccessQr(pixels(bitmap, bitmap.width, bitmap.height));
  } finally {
    bitmap.close();
  }
}

/** A running camera scan: `stop()` ends it and releases the camera. */
export interface CameraScan {
  stop(): void;
}

/**
 * Shows the camera in `video` and calls `onText` with the text of each QR code seen (a few frames a
 * second; frames with no readable code are skipped). Throws when there is no camera or it is refused.
 */
export async function scanCamera(video: HTMLVideoElement, onText: (text: string) => void): Promise<CameraScan> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error("This browser has no camera access here (it needs https or localhost).");
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  const timer = setInterval(() => {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    let text: string;
    try {
      text = decodeAccessQr(pixels(video, video.videoWidth, video.videoHeight));
    } catch {
      return; // no code in this frame
    }
    onText(text);
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
      video.hidden = true;
    },
  };
}
