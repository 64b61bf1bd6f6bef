/** The work of `mintkit store verify|repair` (loaded lazily by the command). */
import { IpfsError } from "../../errors/IpfsError.js";
import type { StoreCheckProgress } from "../../ipfs/stores/fsStore.js";
import type { GlobalOptions } from "../globalOptions.js";
import { openEmbeddedStore } from "../ipfsSupport.js";
import type { CommandResult } from "../output.js";

/**
 * Re-hashes every block of the embedded store. `verify` fails with `IPFS_STORE_CORRUPT` (exit 4) when a
 * block is bad; `repair` drops the bad copies and succeeds, listing what the next import must rewrite.
 * Progress on stderr when it is a terminal (never with --json).
 */
export async function storeCheck(g: GlobalOptions, mode: "verify" | "repair"): Promise<CommandResult> {
  const store = await openEmbeddedStore(g.dataDir);
  const progress = !g.json && process.stderr.isTTY;
  let lastDraw = 0;
  const onProgress = (e: StoreCheckProgress) => {
    if (!progress) return;
    const now = Date.now();
    if (now - lastDraw < 100 && e.checked < e.total) return;
    lastDraw = now;
    const pct = e.total > 0 ? Math.floor((e.checked / e.total) * 100) : 100;
    process.stderr.write(`\rchecking ${pct}% (${e.checked}/${e.total} blocks, ${e.bytes} bytes, ${e.bad} bad)`);
  };
  try {
    const report = mode === "verify" ? await store.verify({ onProgress }) : await store.repair({ onProgress });
    if (progress) process.stderr.write("\r\x1b[K");
    if (mode === "verify" && report.bad.length > 0) {
      const superseded = report.bad.filter((b) => !b.inUse).length;
      throw new IpfsError(
        "IPFS_STORE_CORRUPT",
        `${report.bad.length} of ${report.blocks} block copies in the embedded store ${store.path} do not hash to their CID` +
          (superseded > 0 ? ` (${superseded} of them already replaced by a good copy)` : "") +
          ": " +
          report.bad.slice(0, 5).map((b) => `${b.cid} (in ${b.pack})`).join(", ") +
          (report.bad.length > 5 ? ", …" : "") +
          ".",
        {
          hint: "Run `mintkit store repair` to drop them, then upload/mint/batch the same content again to rewrite them (or re-import it now: a good copy replaces the bad one). Check the disk.",
          details: { location: store.path, badCount: report.bad.length, bad: report.bad.slice(0, 20).map((b) => ({ cid: b.cid, pack: b.pack, inUse: b.inUse })) },
        },
      );
    }
    const data = { store: store.path, blocks: report.blocks, bytes: report.bytes, bad: report.bad, dropped: report.dropped };
    const text =
      mode === "verify"
        ? [`store ${store.path}: all ${report.blocks} blocks (${report.bytes} bytes) hash to their CID`]
        : report.dropped === 0
          ? [`store ${store.path}: all ${report.blocks} blocks (${report.bytes} bytes) hash to their CID; nothing to repair`]
          : [
              `store ${store.path}: dropped ${report.dropped} bad block(s) of ${report.blocks}:`,
              ...report.bad.map((b) => `  ${b.cid}  (was in ${b.pack})`),
              "Upload/mint/batch the same content again to rewrite them.",
            ];
    return { data, text };
  } finally {
    await store.close();
  }
}
