import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { BatchError, type BatchInputProblem } from "../errors/BatchError.js";
import { isMetadataError } from "../errors/MetadataError.js";
import { buildTokenMetadata, type TokenMetadataInput } from "../metadata/buildTokenMetadata.js";
import { DEFAULT_MAX_MEDIA_SIZE, detectMediaType } from "../metadata/detectMediaType.js";
import { mediaFields } from "../metadata/mediaFields.js";
import { hashFile } from "./hashFile.js";
import { mapLimit } from "./mapLimit.js";
import type { BatchFileRef, BatchItemSource, BatchSource, ValidatedItem, ValidatedMedia } from "./types.js";

export interface ValidateBatchItemsOptions {
  /** Largest media file in bytes; default 100 MB. */
  readonly maxMediaSize?: number;
  /** Problems found while reading the input (sidecars, manifest items), reported with the rest. */
  readonly problems?: readonly BatchInputProblem[];
}

/** A valid CID standing in for the media URI while the metadata is checked (the real one comes later). */
const PLACEHOLDER_URI = "ipfs://bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

/** Metadata fields that mintkit sets from the uploaded media. */
const MEDIA_URI_FIELDS = ["image", "animation_url", "animationUrl", "image_data", "imageData"];

/** snake_case spellings of the builder's camelCase fields. */
const SNAKE_TO_CAMEL: Readonly<Record<string, string>> = {
  external_url: "externalUrl",
  background_color: "backgroundColor",
  youtube_url: "youtubeUrl",
};
const STANDARD_INPUT_FIELDS = new Set(["name", "description", "externalUrl", "backgroundColor", "youtubeUrl", "attributes"]);

/**
 * Validates every item of a batch before anything is uploaded or sent, and reports every problem of
 * every item at once: missing or unreadable files, media that is unsupported, mislabelled, empty or
 * over the size limit (from the bytes, `detectMediaType`), video/audio/3D without an image poster, and
 * invalid metadata (each problem with its JSON path). Hashes each file (SHA-256) for the journal.
 * NODE-ONLY. Writes nothing.
 *
 * @throws BatchError `BATCH_INPUT_INVALID` with `details.problems`.
 */
export async function validateBatchItems(
  source: BatchSource,
  options: ValidateBatchItemsOptions = {},
): Promise<ValidatedItem[]> {
  const maxSize = options.maxMediaSize ?? DEFAULT_MAX_MEDIA_SIZE;
  const problems: BatchInputProblem[] = [...(options.problems ?? [])];
  const results = await mapLimit(source.items, 4, async (item) => {
    const found: BatchInputProblem[] = [];
    const validated = await validateItem(item, maxSize, found);
    return { validated, found };
  });
  const items: ValidatedItem[] = [];
  for (const { validated, found } of results) {
    problems.push(...found);
    if (validated) items.push(validated);
  }
  if (problems.length > 0) {
    const itemCount = new Set(problems.map((p) => p.item)).size;
    throw new BatchError(
      "BATCH_INPUT_INVALID",
      `The batch input has ${problems.length} problem(s) in ${itemCount} item(s); nothing was uploaded or sent.`,
      {
        hint: "Fix every listed problem (details.problems has each file and JSON path), then run the same command again.",
        details: { input: source.input, problems },
      },
    );
  }
  return items;
}

async function validateItem(
  item: BatchItemSource,
  maxSize: number,
  problems: BatchInputProblem[],
): Promise<ValidatedItem | undefined> {
  const report = (code: string, message: string, path?: string) =>
    problems.push({ item: item.index, file: item.file, code, message, ...(path === undefined ? {} : { path }) });

  const media = await validateMedia(item, maxSize, report);
  const poster = item.poster === undefined ? undefined : await validateMedia(item.poster, maxSize, report, "poster");

  for (const field of MEDIA_URI_FIELDS) {
    if (item.fields[field] !== undefined) {
      report("ITEM_INVALID", `${field} is set by mintkit from the uploaded file; remove it (use poster for a video's image).`, field);
    }
  }
  const metadata = toMetadataInput(item, report);
  if (!media || (item.poster !== undefined && !poster) || !metadata) return undefined;

  try {
    buildTokenMetadata({
      ...(metadata as unknown as TokenMetadataInput),
      ...mediaFields({
        media: { type: media, uri: PLACEHOLDER_URI },
        ...(poster ? { poster: { type: poster, uri: PLACEHOLDER_URI } } : {}),
      }),
    });
  } catch (err) {
    if (isMetadataError(err, "METADATA_INVALID")) {
      for (const p of err.details.problems) {
        if (p.severity === "error") report(p.code, p.message, p.path);
      }
      return undefined;
    }
    if (isMetadataError(err)) {
      report(err.code, `${err.shortMessage} ${err.hint}`);
      return undefined;
    }
    throw err;
  }
  return { index: item.index, media, ...(poster ? { poster } : {}), metadata };
}

async function validateMedia(
  ref: BatchFileRef,
  maxSize: number,
  report: (code: string, message: string, path?: string) => void,
  role?: "poster",
): Promise<ValidatedMedia | undefined> {
  const label = role === "poster" ? `The poster ${ref.file}` : ref.file;
  const at = role === "poster" ? "poster" : undefined;
  try {
    const info = await stat(ref.path);
    if (!info.isFile()) {
      report("FILE_UNREADABLE", `${label} is not a file.`, at);
      return undefined;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    report(code === "ENOENT" ? "FILE_MISSING" : "FILE_UNREADABLE", `${label} ${code === "ENOENT" ? "does not exist" : `cannot be read (${code})`}.`, at);
    return undefined;
  }
  try {
    const blob = await openAsBlob(ref.path);
    const type = await detectMediaType(blob, { fileName: basename(ref.file), maxSize });
    if (role === "poster" && type.kind !== "image") {
      report("MEDIA_POSTER_NOT_IMAGE", `${label} is ${type.format.toUpperCase()}, but a poster must be an image.`, at);
      return undefined;
    }
    const sha256 = await hashFile(ref.path);
    return {
      file: ref.file,
      path: ref.path,
      sha256,
      size: type.size,
      format: type.format,
      kind: type.kind,
      extension: type.extension,
    };
  } catch (err) {
    if (isMetadataError(err)) {
      report(err.code, err.shortMessage, at);
      return undefined;
    }
    const code = (err as NodeJS.ErrnoException).code;
    report("FILE_UNREADABLE", `${label} cannot be read (${code ?? (err as Error).message}).`, at);
    return undefined;
  }
}

/** The item's fields as camelCase builder input (name defaults to the file name without extension). */
function toMetadataInput(
  item: BatchItemSource,
  report: (code: string, message: string, path?: string) => void,
): (Record<string, unknown> & { name: string }) | undefined {
  const input: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  let ok = true;
  for (const [key, value] of Object.entries(item.fields)) {
    if (MEDIA_URI_FIELDS.includes(key)) continue;
    const camel = SNAKE_TO_CAMEL[key] ?? key;
    if (key === "attributes") {
      const attributes = toAttributesInput(value);
      if (attributes === undefined) {
        report("wrong_type", "attributes must be a list of { trait_type, value } or an object of trait: value.", "attributes");
        ok = false;
      } else input["attributes"] = attributes;
    } else if (STANDARD_INPUT_FIELDS.has(camel)) input[camel] = value;
    else extra[key] = value;
  }
  if (input["name"] === undefined) input["name"] = basename(item.file, extname(item.file));
  if (Object.keys(extra).length > 0) input["extra"] = extra;
  return ok ? (input as Record<string, unknown> & { name: string }) : undefined;
}

/** Attributes as written in OpenSea JSON (`trait_type`, …) or camelCase, or a record, as builder input. */
function toAttributesInput(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map((a: unknown) => {
      if (typeof a !== "object" || a === null || Array.isArray(a)) return a;
      const r = a as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const traitType = r["trait_type"] ?? r["traitType"];
      if (traitType !== undefined) out["traitType"] = traitType;
      out["value"] = r["value"];
      const displayType = r["display_type"] ?? r["displayType"];
      if (displayType !== undefined) out["displayType"] = displayType;
      const maxValue = r["max_value"] ?? r["maxValue"];
      if (maxValue !== undefined) out["maxValue"] = maxValue;
      return out;
    });
  }
  if (typeof value === "object" && value !== null) return value;
  return undefined;
}
