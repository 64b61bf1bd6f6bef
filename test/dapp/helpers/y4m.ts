/**
 * A still picture as a YUV4MPEG2 (.y4m) video, the format Chromium's fake camera plays
 * (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file.y4m>`): the test shows a
 * door page's camera a real raster image of a QR code, as a phone held up to it would.
 */
import { writeFile } from "node:fs/promises";
import { PNG } from "pngjs";

/**
 * Writes `png` centred on white paper (`margin` pixels around it) as a one-frame 4:2:0 y4m video
 * (Chromium loops it). Luma is BT.601 from the RGB; chroma is neutral (the code is black and white).
 */
export async function writeStillY4m(file: string, png: Buffer, margin = 80): Promise<{ width: number; height: number }> {
  const image = PNG.sync.read(png);
  const even = (n: number) => n + (n % 2);
  const width = even(image.width + 2 * margin);
  const height = even(image.height + 2 * margin);
  const luma = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const a = image.data[i + 3]! / 255;
      const gray = 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
      luma[(y + margin) * width + x + margin] = Math.round(gray * a + 255 * (1 - a));
    }
  }
  const chroma = new Uint8Array((width / 2) * (height / 2) * 2).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`, "ascii");
  await writeFile(file, Buffer.concat([header, luma, chroma]));
  return { width, height };
}
