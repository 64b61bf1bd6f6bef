import { createReadStream } from "node:fs";
import type { CID } from "multiformats/cid";
import { importFiles, type FileEntry } from "../ipfs/importFiles.js";
import type { ProfileInput } from "../ipfs/profiles.js";
import type { BlockStore } from "../ipfs/stores/BlockStore.js";
import { verifyRetrievable } from "../ipfs/verifyRetrievable.js";
import { buildTokenMetadata, type TokenMetadataInput } from "../metadata/buildTokenMetadata.js";
import { mediaFields } from "../metadata/mediaFields.js";
import type { TokenMetadata } from "../metadata/types.js";
import type { BatchEvent, PlannedItem, ValidatedItem, ValidatedMedia } from "./types.js";

export interface ImportBatchDirectoryOptions {
  readonly store: BlockStore;
  readonly profile?: ProfileInput;
  /** Token id of the first item; item i gets `firstId + i`. */
  readonly firstId: bigint;
  readonly onEvent?: (event: BatchEvent) => void;
}

export interface ImportedBatch {
  readonly dirCid: CID;
  readonly profile: string;
  readonly items: readonly PlannedItem[];
  /** The metadata documents, by item. */
  readonly metadata: readonly TokenMetadata[];
}

/**
 * Uploads a batch into the store as ONE directory, so that `tokenURI(id) = ipfs://<dirCID>/<id>.json`:
 * each item's media as `<id>.<ext>` (poster `<id>.poster.<ext>`) and its metadata as `<id>.json`,
 * whose `image` (or `animation_url`) is `ipfs://<media CID>`. Media is imported first (to learn its
 * CIDs), then the whole directory (media blocks are already stored and not written again); ends by
 * checking that every block under the directory is in the store. Idempotent: the same items and ids
 * give the same CIDs. NODE-ONLY (reads files).
 */
export async function importBatchDirectory(
  items: readonly ValidatedItem[],
  options: ImportBatchDirectoryOptions,
): Promise<ImportedBatch> {
  const { store, profile, firstId, onEvent } = options;
  const idOf = (item: ValidatedItem) => (firstId + BigInt(item.index)).toString();
  const mediaEntries = (): FileEntry[] =>
    items.flatMap((item) => [
      fileEntry(`${idOf(item)}.${item.media.extension}`, item.media),
      ...(item.poster ? [fileEntry(`${idOf(item)}.poster.${item.poster.extension}`, item.poster)] : []),
    ]);

  const first = mediaEntries();
  const media = await importFiles(first, {
    store,
    ...(profile === undefined ? {} : { profile }),
    onProgress: (e) => {
      if (e.type === "file") onEvent?.({ type: "import", pass: "media", filesDone: e.filesDone, filesTotal: first.length });
    },
  });
  const cidOf = new Map(media.files.map((f) => [f.path, f.cid.toString()]));

  const planned: PlannedItem[] = [];
  const documents: TokenMetadata[] = [];
  const metadataEntries: FileEntry[] = [];
  for (const item of items) {
    const id = idOf(item);
    const mediaPath = `${id}.${item.media.extension}`;
    const posterPath = item.poster ? `${id}.poster.${item.poster.extension}` : undefined;
    const mediaCid = cidOf.get(mediaPath) as string;
    const posterCid = posterPath === undefined ? undefined : (cidOf.get(posterPath) as string);
    const doc = buildTokenMetadata({
      ...(item.metadata as unknown as TokenMetadataInput),
      ...mediaFields({
        media: { type: item.media, uri: `ipfs://${mediaCid}` },
        ...(item.poster && posterCid ? { poster: { type: item.poster, uri: `ipfs://${posterCid}` } } : {}),
      }),
    });
    documents.push(doc);
    metadataEntries.push({ path: `${id}.json`, content: new TextEncoder().encode(JSON.stringify(doc)) });
    planned.push({
      index: item.index,
      tokenId: id,
      file: item.media.file,
      sha256: item.media.sha256,
      size: item.media.size,
      format: item.media.format,
      name: doc.name,
      mediaPath,
      mediaCid,
      ...(item.poster && posterPath && posterCid
        ? { poster: { file: item.poster.file, sha256: item.poster.sha256, mediaPath: posterPath, cid: posterCid } }
        : {}),
      metadataPath: `${id}.json`,
      metadataCid: "",
    });
  }

  const all = [...mediaEntries(), ...metadataEntries];
  const dir = await importFiles(all, {
    store,
    ...(profile === undefined ? {} : { profile }),
    onProgress: (e) => {
      if (e.type === "file") onEvent?.({ type: "import", pass: "directory", filesDone: e.filesDone, filesTotal: all.length });
    },
  });
  const dirCidOf = new Map(dir.files.map((f) => [f.path, f.cid.toString()]));
  await verifyRetrievable(dir.root, store);
  onEvent?.({ type: "imported", dirCid: dir.root.toString() });
  return {
    dirCid: dir.root,
    profile: dir.profile.name,
    items: planned.map((p) => ({ ...p, metadataCid: dirCidOf.get(p.metadataPath) as string })),
    metadata: documents,
  };
}

function fileEntry(path: string, media: ValidatedMedia): FileEntry {
  return { path, content: readStream(media.path) };
}

async function* readStream(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path)) yield chunk as Buffer;
}
