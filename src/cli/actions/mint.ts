/** The work of `mintkit mint` (loaded lazily by the command). */
import type { PublishCliOptions } from "../publishOptions.js";
import { constants, openAsBlob } from "node:fs";
import { access, stat } from "node:fs/promises";
import path from "node:path";
import type { CID } from "multiformats/cid";
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

/** What `mint` checked locally before touching the chain: recipient, media, poster and a metadata builder. */
interface PreparedMint {
  readonly to: Address | undefined;
  readonly media: ReadMedia;
  readonly poster: ReadMedia | undefined;
  readonly metadataFor: (mediaUri: string, posterUri: string | undefined) => ReturnType<typeof buildTokenMetadata>;
}

/** What went to IPFS: the CIDs, and the remote outcomes when published. */
interface StoredMint {
  readonly mediaCid: string;
  readonly posterCid: string | undefined;
  readonly metadataCid: string;
  readonly remote: { media?: RemoteOutcome; metadata?: RemoteOutcome };
}

/**
 * Runs `mintkit mint <file>`: checks everything locally, simulates the mint, stores (and publishes) media and
 * metadata, then mints with the metadata's URI.
 * @example
 * await mint(globalOptions(cmd), "art.png", { collection: "Art", name: "Sunrise", profile: "unixfs-v1-2025", publish: true });
 */
export async function mint(g: GlobalOptions, file: string, opts: MintOptions): Promise<CommandResult> {
  // 1. Everything local first: options, media bytes and type, metadata (with placeholder URIs).
  const targets = resolvePublishTargets(opts);
  const pinningToken = readPinningToken(targets);
  const prepared = await prepareMint(file, opts);

  // 2. The chain: reachable, collection exists, and the mint would succeed (simulated).
  const ctx = await resolveContext(g, { signer: true });
  // On a real chain the token URI must point at published content (decided before anything is stored).
  const mustPublish = requirePublishing(ctx.chainId, targets, opts.publish, "the token's media and metadata");
  const collection = await resolveCollectionAddress(ctx, opts.collection);
  const recipient: Address = prepared.to ?? ctx.account.address;
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
  const publish = mustPublish
    ? (root: CID, pinName: string) => publishRemote(root, store, { ...targets, pinningToken, pinName }, (m) => note(g.json, m))
    : undefined;
  let stored: StoredMint;
  try {
    stored = await storeMint(store, prepared, opts, publish);
  } finally {
    await store.close?.();
  }

  // 4. Mint.
  const tokenURI = `ipfs://${stored.metadataCid}`;
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
  return mintResult({ collection, tokenId, recipient, tokenURI, media: prepared.media, stored, sent, chainId: ctx.chainId });
}

/** Step 1: options, media and poster read and typed from their bytes, metadata valid (placeholder URIs). */
async function prepareMint(file: string, opts: MintOptions): Promise<PreparedMint> {
  const maxSize = parseSize(opts.maxSize ?? "100M");
  const to = opts.to !== undefined ? await parseAddress(opts.to, "--to") : undefined;
  if (to === zeroAddress) {
    throw new CliError("CLI_INVALID_ADDRESS", `--to is the zero address (${zeroAddress}): a token minted there is lost.`, {
      hint: "Pass the recipient's address, or leave --to out to mint to the signing account.",
      details: { field: "--to", value: opts.to ?? "" },
    });
  }
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
  return { to, media, poster, metadataFor };
}

/** Step 3: media (+ poster) then metadata into `store`, each checked retrievable, then published when asked. */
async function storeMint(
  store: Awaited<ReturnType<typeof openEmbeddedStore>>,
  { media, poster, metadataFor }: PreparedMint,
  opts: MintOptions,
  publish: ((root: CID, pinName: string) => Promise<RemoteOutcome>) | undefined,
): Promise<StoredMint> {
  const mediaImport = await importFiles(
    [{ path: media.name, content: media.bytes }, ...(poster ? [{ path: `poster-${poster.name}`, content: poster.bytes }] : [])],
    { store, profile: opts.profile },
  );
  await verifyRetrievable(mediaImport.root, store);
  const mediaCid = mediaImport.files[0]!.cid.toString();
  const posterCid = poster ? mediaImport.files[1]!.cid.toString() : undefined;
  const metadata = metadataFor(`ipfs://${mediaCid}`, posterCid ? `ipfs://${posterCid}` : undefined);
  const metadataJson = `${JSON.stringify(metadata, null, 2)}\n`;
  const metadataImport = await importFiles([{ path: "metadata.json", content: new TextEncoder().encode(metadataJson) }], {
    store,
    profile: opts.profile,
  });
  await verifyRetrievable(metadataImport.root, store);
  const metadataCid = metadataImport.files[0]!.cid.toString();
  // Published (pushed and verified on Kubo, pin waited on until `pinned`) before the URI goes on chain.
  const remote = publish
    ? { media: await publish(mediaImport.root, `${opts.name} media`), metadata: await publish(metadataImport.root, `${opts.name} metadata`) }
    : {};
  return { mediaCid, posterCid, metadataCid, remote };
}

/** Step 4's output: the JSON data and the lines printed. */
function mintResult(r: {
  collection: Address;
  tokenId: bigint;
  recipient: Address;
  tokenURI: string;
  media: ReadMedia;
  stored: StoredMint;
  sent: Awaited<ReturnType<typeof writeAndWait>>;
  chainId: number;
}): CommandResult {
  const { collection, tokenId, recipient, tokenURI, media, stored, sent } = r;
  const { mediaCid, posterCid, metadataCid, remote } = stored;
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
    chainId: r.chainId,
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
    // A folder opens as a blob that fails on first read: say what it is instead.
    if ((await stat(file)).isDirectory()) throw Object.assign(new Error(`${file} is a folder`), { code: "EISDIR" });
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
