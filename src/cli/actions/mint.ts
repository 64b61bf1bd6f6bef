/** The work of `mintkit mint` (loaded lazily by the command). */
import type { PublishCliOptions } from "../publishOptions.js";
import { constants, openAsBlob } from "node:fs";
import { access } from "node:fs/promises";
import path from "node:path";
import { getAddress, parseEventLogs, zeroAddress, type Address } from "viem";
import { mintkitCollectionAbi } from "../../contracts/mintkitCollection.js";
import { CliError } from "../../errors/CliError.js";
import { importFiles } from "../../ipfs/importFiles.js";
import { verifyRetrievable } from "../../ipfs/verifyRetrievable.js";
import { buildTokenMetadata } from "../../metadata/buildTokenMetadata.js";
import { detectMediaType } from "../../metadata/detectMediaType.js";
import { mediaFields } from "../../metadata/mediaFields.js";
import type { AttributeInput } from "../../metadata/buildAttributes.js";
import type { DetectedMedia } from "../../metadata/types.js";
import { resolveContext } from "../context.js";
import { fileError } from "../files.js";
import type { GlobalOptions } from "../globalOptions.js";
import { openEmbeddedStore, publishRemote, readPinningToken, type RemoteOutcome } from "../ipfsSupport.js";
import { formatEth, note, type CommandResult } from "../output.js";
import { parseAddress, parseSize } from "../parse.js";
import { resolvePublishTargets } from "../publishOptions.js";
import { requirePublishing } from "../requirePublishing.js";
import { resolveCollectionAddress } from "../resolveCollection.js";
import { writeAndWait } from "../../chain/writeAndWait.js";
import { txReverted } from "../txReverted.js";

/** Options of `mintkit mint`. */
export interface MintOptions extends PublishCliOptions {
  collection: string;
  to?: string;
  name: string;
  description?: string;
  attribute?: string[];
  externalUrl?: string;
  backgroundColor?: string;
  poster?: string;
  allowMissingPoster?: boolean;
  maxSize?: string;
  profile: "kubo-v0" | "kubo-v1" | "unixfs-v1-2025";
  /** false with --no-publish. */
  publish: boolean;
}

/** A valid placeholder URI (identity CID of empty bytes) used to validate before anything is stored. */
const placeholderUri = "ipfs://bafkqaaa";

export async function mint(g: GlobalOptions, file: string, opts: MintOptions): Promise<CommandResult> {
  // 1. Everything local first: options, media bytes and type, metadata (with placeholder URIs).
  const maxSize = parseSize(opts.maxSize ?? "100M");
  const targets = resolvePublishTargets(opts);
  const pinningToken = readPinningToken(targets);
  const to = opts.to !== undefined ? await parseAddress(opts.to, "--to") : undefined;
  const attributes = (opts.attribute ?? []).map(parseAttribute);
  const media = await readMedia(file, maxSize);
  const poster = opts.poster !== undefined ? await readMedia(opts.poster, maxSize) : undefined;
  const place = (mediaUri: string, posterUri: string | undefined) =>
    mediaFields({
      media: { type: media.type, uri: mediaUri },
      ...(poster && posterUri ? { poster: { type: poster.type, uri: posterUri } } : {}),
      allowMissingPoster: opts.allowMissingPoster === true,
    });
  const metadataFor = (mediaUri: string, posterUri: string | undefined) =>
    buildTokenMetadata({
      name: opts.name,
      ...(opts.description !== undefined ? { description: opts.description } : {}),
      ...place(mediaUri, posterUri),
      ...(opts.externalUrl !== undefined ? { externalUrl: opts.externalUrl } : {}),
      ...(opts.backgroundColor !== undefined ? { backgroundColor: opts.backgroundColor } : {}),
      ...(attributes.length > 0 ? { attributes } : {}),
    });
  metadataFor(placeholderUri, poster ? placeholderUri : undefined); // throws METADATA_INVALID with every problem

  // 2. The chain: reachable, collection exists, and the mint would succeed (simulated).
  const ctx = await resolveContext(g, { signer: true });
  // On a real chain the token URI must point at published content (decided before anything is stored).
  const mustPublish = requirePublishing(ctx.chainId, targets, opts.publish, "the token's media and metadata");
  const collection = await resolveCollectionAddress(ctx, opts.collection);
  const recipient: Address = to ?? ctx.account.address;
  try {
    await ctx.publicClient.simulateContract({
      account: ctx.account,
      address: collection,
      abi: mintkitCollectionAbi,
      functionName: "mintWithURI",
      args: [recipient, placeholderUri],
    });
  } catch (err) {
    const { decodeRevert } = await import("../../chain/decodeRevert.js");
    throw txReverted(decodeRevert(err), { action: "mint", cause: err });
  }

  // 3. IPFS: media (+ poster), then the metadata, into the embedded store; each checked retrievable.
  const store = await openEmbeddedStore(g.dataDir);
  let mediaCid: string;
  let posterCid: string | undefined;
  let metadataCid: string;
  let metadataJson: string;
  let remote: { media?: RemoteOutcome; metadata?: RemoteOutcome } = {};
  try {
    const mediaImport = await importFiles(
      [
        { path: media.name, content: media.bytes },
        ...(poster ? [{ path: `poster-${poster.name}`, content: poster.bytes }] : []),
      ],
      { store, profile: opts.profile },
    );
    await verifyRetrievable(mediaImport.root, store);
    mediaCid = mediaImport.files[0]!.cid.toString();
    posterCid = poster ? mediaImport.files[1]!.cid.toString() : undefined;
    const metadata = metadataFor(`ipfs://${mediaCid}`, posterCid ? `ipfs://${posterCid}` : undefined);
    metadataJson = `${JSON.stringify(metadata, null, 2)}\n`;
    const metadataImport = await importFiles([{ path: "metadata.json", content: new TextEncoder().encode(metadataJson) }], {
      store,
      profile: opts.profile,
    });
    await verifyRetrievable(metadataImport.root, store);
    metadataCid = metadataImport.files[0]!.cid.toString();
    if (mustPublish) {
      // Published (pushed and verified on Kubo, pin waited on until `pinned`) before the URI goes on chain.
      const a = await publishRemote(mediaImport.root, store, { ...targets, pinningToken, pinName: `${opts.name} media` }, (m) => note(g.json, m));
      const b = await publishRemote(metadataImport.root, store, { ...targets, pinningToken, pinName: `${opts.name} metadata` }, (m) => note(g.json, m));
      remote = { media: a, metadata: b };
    }
  } finally {
    await store.close?.();
  }

  // 4. Mint.
  const tokenURI = `ipfs://${metadataCid}`;
  const sent = await writeAndWait(ctx, {
    address: collection,
    abi: mintkitCollectionAbi,
    functionName: "mintWithURI",
    args: [recipient, tokenURI],
    account: ctx.account,
    action: "mint",
    onRevert: txReverted,
    headroom: { operation: "mintWithURI", contract: collection, to: recipient },
  });
  const transfer = parseEventLogs({ abi: mintkitCollectionAbi, eventName: "Transfer", logs: sent.receipt.logs }).find(
    (l) => getAddress(l.address) === collection && l.args.from === zeroAddress,
  );
  const tokenId = transfer ? transfer.args.tokenId : (sent.result as bigint);

  const data = {
    collection,
    tokenId,
    to: recipient,
    tokenURI,
    metadataCid,
    mediaCid,
    ...(posterCid ? { posterCid } : {}),
    mediaType: media.type.mimeType,
    transactionHash: sent.transactionHash,
    gasUsed: sent.gasUsed,
    cost: sent.fee,
    costEth: formatEth(sent.fee).replace(/ ETH$/, ""),
    chainId: ctx.chainId,
    ...(remote.media ? { remote } : {}),
  };
  const text = [
    `Minted token #${tokenId} of ${collection} to ${recipient}`,
    `  token URI ${tokenURI}`,
    `  media     ipfs://${mediaCid} (${media.type.mimeType}, ${media.type.size} bytes)`,
    ...(posterCid ? [`  poster    ipfs://${posterCid}`] : []),
    `  tx        ${sent.transactionHash}`,
    `  gas used  ${sent.gasUsed}`,
    `  cost      ${formatEth(sent.fee)}`,
  ];
  return { data, text };
}

interface ReadMedia {
  name: string;
  bytes: Uint8Array;
  type: DetectedMedia;
}

/** Reads a media file after checking its size and type from the bytes (size checked before reading). */
async function readMedia(file: string, maxSize: number): Promise<ReadMedia> {
  let blob: Blob;
  try {
    await access(file, constants.R_OK);
    blob = await openAsBlob(file);
  } catch (err) {
    throw fileError(err, file);
  }
  const name = path.basename(file);
  const type = await detectMediaType(blob, { fileName: name, maxSize });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch (err) {
    throw fileError(err, file);
  }
  return { name, bytes, type };
}

/** `Trait=value` → an attribute; numeric values become numbers. `CLI_INVALID_INPUT` without `=`. */
export function parseAttribute(text: string): AttributeInput {
  const at = text.indexOf("=");
  if (at <= 0) {
    throw new CliError("CLI_INVALID_INPUT", `--attribute "${text}" is not trait=value.`, {
      hint: 'Write each trait as --attribute Name=Value, e.g. --attribute Eyes=blue --attribute "Level=5".',
      details: { field: "--attribute", value: text, reason: "no trait=value" },
    });
  }
  const traitType = text.slice(0, at).trim();
  const raw = text.slice(at + 1);
  const value = /^-?\d+(\.\d+)?$/.test(raw.trim()) && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  return { traitType, value };
}
