/** The work of `mintkit upload` (loaded lazily by the command). */
import type { PublishCliOptions } from "../publishOptions.js";
import path from "node:path";
import { importFiles } from "../../ipfs/importFiles.js";
import { verifyRetrievable } from "../../ipfs/verifyRetrievable.js";
import { writeCarFile } from "../../ipfs/writeCarFile.js";
import type { GlobalOptions } from "../globalOptions.js";
import { checkOutputPath } from "../files.js";
import { collectEntries, entriesFor, openEmbeddedStore, publishRemote, readPinningToken } from "../ipfsSupport.js";
import { note, type CommandResult } from "../output.js";
import { resolvePublishTargets } from "../publishOptions.js";
import { parseSize } from "../parse.js";

/** Options of `mintkit upload`. */
export interface UploadOptions extends PublishCliOptions {
  car?: string;
  profile: "kubo-v0" | "kubo-v1" | "unixfs-v1-2025";
  hidden?: boolean;
  maxSize?: string;
}

export async function upload(g: GlobalOptions, input: string, opts: UploadOptions): Promise<CommandResult> {
  const maxSize = opts.maxSize !== undefined ? parseSize(opts.maxSize) : undefined;
  const targets = resolvePublishTargets(opts);
  const pinningToken = readPinningToken(targets);
  if (opts.car !== undefined) await checkOutputPath(opts.car, "--car");
  const collected = await collectEntries(input, { hidden: opts.hidden, maxSize });
  const store = await openEmbeddedStore(g.dataDir);
  try {
    const totalBytes = collected.files.reduce((n, f) => n + f.size, 0);
    const progress = !g.json && process.stderr.isTTY;
    let lastDraw = 0;
    const result = await importFiles(entriesFor(collected), {
      store,
      profile: opts.profile,
      onProgress: (e) => {
        if (!progress || e.type !== "bytes") return;
        const now = Date.now();
        if (now - lastDraw < 100) return;
        lastDraw = now;
        const pct = totalBytes > 0 ? Math.floor((e.bytes / totalBytes) * 100) : 100;
        process.stderr.write(`\rimporting ${pct}% (${e.bytes}/${totalBytes} bytes)`);
      },
    });
    if (progress) process.stderr.write("\r\x1b[K");
    const verified = await verifyRetrievable(result.root, store);
    const car = opts.car !== undefined ? await writeCarFile(result.root, store, opts.car) : undefined;
    const remote = await publishRemote(
      result.root,
      store,
      { ...targets, pinningToken, pinName: targets.pinName ?? path.basename(path.resolve(input)) },
      (m) => note(g.json, m),
    );
    const root = result.root.toString();
    const files = result.files.map((f) => ({ path: f.path, cid: f.cid.toString(), size: f.size, uri: `ipfs://${root}/${f.path}` }));
    const single = collected.kind === "file" ? files[0] : undefined;
    const data = {
      kind: collected.kind,
      root,
      ...(single ? { cid: single.cid } : {}),
      profile: opts.profile,
      files,
      directories: result.directories.map((d) => ({ path: d.path, cid: d.cid.toString() })),
      blocks: { ...result.blocks, total: verified.blocks },
      verified: verified.complete,
      store: store.path,
      ...(car ? { car } : {}),
      ...remote,
    };
    const text = [
      single ? `${single.path}  ${single.cid}` : `root  ${root}  (${files.length} files)`,
      ...(single ? [`  wrapped in directory ${root}: ipfs://${root}/${single.path}`] : files.slice(0, 50).map((f) => `  ${f.cid}  ${f.path}`)),
      ...(!single && files.length > 50 ? [`  … ${files.length - 50} more (use --json for all)`] : []),
      `  profile ${opts.profile}; ${result.blocks.written} blocks written, ${result.blocks.skipped} already stored; all ${verified.blocks} blocks retrievable`,
      `  store ${store.path}`,
      ...(car ? [`  CAR ${car.path} (${car.blocks} blocks, ${car.bytes} bytes)`] : []),
      ...(remote.kubo ? [`  Kubo ${remote.kubo.url}: ${remote.kubo.blocksSent} blocks sent, pinned ${remote.kubo.pinned}`] : []),
      ...(remote.pinning ? [`  pin ${remote.pinning.requestid} at ${remote.pinning.endpoint}: ${remote.pinning.status}`] : []),
    ];
    return { data, text };
  } finally {
    await store.close?.();
  }
}
