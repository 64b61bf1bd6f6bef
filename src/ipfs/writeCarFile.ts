import { resolve } from "node:path";
import type { CID } from "multiformats/cid";
import { IpfsError } from "../errors/IpfsError.js";
import { writeFileAtomic } from "../fs/writeFileAtomic.js";
import { exportCar } from "./exportCar.js";
import type { BlockStore } from "./stores/BlockStore.js";

/**
 * Writes the CAR of the DAG under `root` to a file, atomically (`writeFileAtomic`: a failed export
 * leaves the old file, if any, as it was). NODE-ONLY (uses `node:fs`); import it from the Node entry.
 * @returns the absolute path, block count and CAR size in bytes.
 * @throws IpfsError `IPFS_CAR_EXPORT_FAILED`.
 */
export async function writeCarFile(
  root: CID,
  store: BlockStore,
  path: string,
): Promise<{ readonly path: string; readonly blocks: number; readonly bytes: number }> {
  const target = resolve(path);
  let blocks = 0;
  let bytes = 0;
  try {
    const car = exportCar(root, store, { onProgress: (e) => (blocks = e.blocks) });
    const counted = async function* () {
      for await (const chunk of car) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    };
    await writeFileAtomic(target, counted(), { mkdir: true });
  } catch (err) {
    if (err instanceof IpfsError && err.code === "IPFS_CAR_EXPORT_FAILED") throw err;
    throw new IpfsError("IPFS_CAR_EXPORT_FAILED", `Writing the CAR of ${root.toString()} to ${target} failed.`, {
      hint: "Check that the folder is writable and the disk is not full, then export again.",
      details: { root: root.toString(), location: target },
      cause: err,
    });
  }
  return { path: target, blocks, bytes };
}
