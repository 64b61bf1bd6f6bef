/**
 * The bench's input folders, generated deterministically (same bytes every run, every machine).
 * - metadata: `1.json` … `N.json`, ERC-721 metadata as a generative collection has it (name,
 *   description, image and animation_url on IPFS, external_url, 6 attributes), 2-space indented, ~0.9 KB each;
 * - media: `media-01.bin` …, each `size` bytes of a ChaCha20 keystream (key = sha256("mintkit-bench-media-<i>")):
 *   incompressible like real images/video, and every chunk distinct.
 */
import { createCipheriv, createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

const TRAITS: Record<string, readonly string[]> = {
  Background: ["Sunset", "Ocean", "Forest", "Desert", "Night", "Snow"],
  Body: ["Robot", "Alien", "Ape", "Cat", "Ghost"],
  Eyes: ["Laser", "Sleepy", "Wide", "Visor", "Hearts", "Closed", "Wink"],
  Headwear: ["Cap", "Crown", "Halo", "Beanie", "None"],
};

export function metadataJson(id: number): string {
  const pick = (trait: string, salt: number) => {
    const values = TRAITS[trait]!;
    return values[(id * 2654435761 + salt * 40503) % values.length]!;
  };
  const doc = {
    name: `mintkit Bench #${id}`,
    description:
      "A token of the mintkit benchmark collection. Every file of this folder is generated deterministically, so each run of the bench imports exactly the same bytes.",
    image: `ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/${id}.png`,
    animation_url: `ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/${id}.mp4`,
    external_url: `https://example.org/bench/${id}`,
    attributes: [
      { trait_type: "Background", value: pick("Background", 1) },
      { trait_type: "Body", value: pick("Body", 2) },
      { trait_type: "Eyes", value: pick("Eyes", 3) },
      { trait_type: "Headwear", value: pick("Headwear", 4) },
      { trait_type: "Level", value: (id * 7919) % 100, display_type: "number", max_value: 100 },
      { trait_type: "Generation", value: 1 + (id % 3) },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** Writes N metadata files into `dir`; returns their total size in bytes. */
export async function writeMetadataFolder(dir: string, count: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let id = 1; id <= count; id++) {
    const text = metadataJson(id);
    bytes += Buffer.byteLength(text);
    await writeFile(path.join(dir, `${id}.json`), text);
  }
  return bytes;
}

/** Writes `count` media files of `size` bytes into `dir`, streamed in 1 MiB pieces. */
export async function writeMediaFolder(dir: string, count: number, size: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 1; i <= count; i++) {
    const key = createHash("sha256").update(`mintkit-bench-media-${i}`).digest();
    const cipher = createCipheriv("chacha20", key, Buffer.alloc(16));
    const pieces: Buffer[] = [];
    for (let left = size; left > 0; left -= zeros.byteLength) {
      pieces.push(cipher.update(left >= zeros.byteLength ? zeros : zeros.subarray(0, left)));
    }
    await writeFile(path.join(dir, `media-${String(i).padStart(2, "0")}.bin`), pieces);
  }
}
