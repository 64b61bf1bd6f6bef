import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, extname, isAbsolute, relative, resolve, sep } from "node:path";
import { BatchError, type BatchInputProblem } from "../errors/BatchError.js";
import { naturalCompare } from "./naturalCompare.js";
import type { BatchFileRef, BatchItemSource, BatchSource } from "./types.js";

/** Fields of a manifest item or sidecar that are not metadata. */
const FILE_FIELDS = new Set(["file", "poster"]);

/**
 * Reads a batch's input: a folder of media files or a manifest JSON. NODE-ONLY.
 *
 * **Folder**: every file at the top level is one token, in natural name order (`2.png` before
 * `10.png`; digits compare as numbers, the rest by code unit, the same on every machine). Hidden
 * files (`.DS_Store`) and sub-folders are skipped. `<name>.json` beside a media file is its sidecar:
 * `cat.png.json`, or else `cat.json`, with metadata fields (`name`, `description`, `attributes`,
 * `external_url`, `background_color`, …) and an optional `poster` (a file in the folder, used as the
 * `image` of video, audio or 3D media, and not minted on its own). Without a sidecar, the name is the
 * file name without its extension.
 *
 * **Manifest**: `{ "items": [ { "file": "a.png", "name": "A", … } ] }` (or the bare array); `file`
 * and `poster` are relative to the manifest's folder and stay inside it (an absolute path or `../` is
 * the problem `FILE_OUTSIDE_FOLDER`); items are minted in list order.
 *
 * Problems of single items (an unreadable sidecar, an item without `file`) are returned, not thrown,
 * so that validation reports them together with every other problem.
 *
 * @throws BatchError `BATCH_INPUT_NOT_FOUND`, `BATCH_MANIFEST_INVALID`, `BATCH_INPUT_EMPTY`.
 */
export async function loadBatchInput(
  input: string,
): Promise<{ readonly source: BatchSource; readonly problems: readonly BatchInputProblem[] }> {
  const path = resolve(input);
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (err) {
    const missing = ["ENOENT", "ENOTDIR"].includes((err as NodeJS.ErrnoException).code ?? "");
    throw new BatchError("BATCH_INPUT_NOT_FOUND", `The batch input ${input} ${missing ? "does not exist" : "cannot be read"}.`, {
      hint: "Pass a folder of media files (one token each) or a manifest JSON file listing the items (relative paths start from the working directory).",
      details: { input: path },
      // A missing path says all there is to say; other failures (permissions) keep their cause.
      ...(missing ? {} : { cause: err }),
    });
  }
  const loaded = isDirectory ? await loadFolder(path) : await loadManifest(path);
  if (loaded.source.items.length === 0 && loaded.problems.length === 0) {
    throw new BatchError("BATCH_INPUT_EMPTY", `The batch input ${input} holds no item to mint.`, {
      hint: isDirectory
        ? "Put the media files (PNG, JPEG, GIF, SVG, WEBP, MP4, …) at the top level of the folder."
        : 'List the items in the manifest: { "items": [ { "file": "1.png", "name": "…" } ] }.',
      details: { input: path },
    });
  }
  return loaded;
}

async function loadFolder(folder: string): Promise<{ source: BatchSource; problems: BatchInputProblem[] }> {
  const problems: BatchInputProblem[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && !e.name.startsWith(".")).map((e) => e.name);
  const present = new Set(names);
  const jsonNames = names.filter((n) => extname(n).toLowerCase() === ".json");
  const mediaNames = names.filter((n) => extname(n).toLowerCase() !== ".json");

  // Sidecars first: their posters are not items of their own.
  const sidecarOf = new Map<string, string>();
  for (const media of mediaNames) {
    const own = `${media}.json`;
    const stem = `${media.slice(0, media.length - extname(media).length)}.json`;
    if (present.has(own)) sidecarOf.set(media, own);
    else if (stem !== media && present.has(stem)) sidecarOf.set(media, stem);
  }
  const fieldsOf = new Map<string, Record<string, unknown>>();
  const posters = new Set<string>();
  for (const sidecar of new Set(sidecarOf.values())) {
    const parsed = await readJsonObject(resolve(folder, sidecar));
    if (!parsed.ok) {
      problems.push({ item: -1, file: sidecar, code: "SIDECAR_INVALID", message: `The sidecar ${sidecar} ${parsed.reason}.` });
      continue;
    }
    fieldsOf.set(sidecar, parsed.value);
    const poster = parsed.value["poster"];
    if (typeof poster === "string") posters.add(poster);
  }

  const itemNames = mediaNames.filter((n) => !posters.has(n)).sort(naturalCompare);
  const used = new Set(sidecarOf.values());
  for (const json of jsonNames) {
    if (!used.has(json)) {
      problems.push({
        item: -1,
        file: json,
        code: "SIDECAR_ORPHAN",
        message: `${json} is not the sidecar of any media file (a sidecar is named <file>.json or <file without extension>.json).`,
      });
    }
  }

  const items: BatchItemSource[] = [];
  for (const [index, file] of itemNames.entries()) {
    const sidecar = sidecarOf.get(file);
    const raw = sidecar === undefined ? {} : (fieldsOf.get(sidecar) ?? {});
    const poster = raw["poster"];
    if (poster !== undefined && typeof poster !== "string") {
      problems.push({ item: index, file, code: "ITEM_INVALID", path: "poster", message: "poster must be a file name (a string)." });
    }
    items.push({
      index,
      file,
      path: resolve(folder, file),
      ...(typeof poster === "string" ? { poster: fileRef(folder, poster) } : {}),
      fields: metadataFields(raw),
      ...(sidecar === undefined ? {} : { sidecar }),
    });
  }
  return { source: { kind: "folder", input: folder, items }, problems };
}

async function loadManifest(manifest: string): Promise<{ source: BatchSource; problems: BatchInputProblem[] }> {
  let text: string;
  try {
    text = await readFile(manifest, "utf8");
  } catch (err) {
    throw new BatchError("BATCH_INPUT_NOT_FOUND", `The manifest ${manifest} cannot be read.`, {
      hint: "Check the path and its permissions.",
      details: { input: manifest },
      cause: err,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw manifestInvalid(manifest, `is not valid JSON (${(err as Error).message})`);
  }
  const list: unknown = Array.isArray(parsed) ? parsed : isRecord(parsed) ? parsed["items"] : undefined;
  if (!Array.isArray(list)) throw manifestInvalid(manifest, 'is neither an array of items nor { "items": [...] }');

  const base = dirname(manifest);
  const problems: BatchInputProblem[] = [];
  const items: BatchItemSource[] = [];
  for (const [index, entry] of list.entries()) {
    if (!isRecord(entry)) {
      problems.push({ item: index, code: "ITEM_INVALID", message: `items[${index}] is not an object.` });
      continue;
    }
    const file = entry["file"];
    if (typeof file !== "string" || file === "") {
      problems.push({ item: index, code: "ITEM_INVALID", path: "file", message: `items[${index}].file must name the media file.` });
      continue;
    }
    const poster = entry["poster"];
    if (poster !== undefined && typeof poster !== "string") {
      problems.push({ item: index, file, code: "ITEM_INVALID", path: "poster", message: "poster must be a file path (a string)." });
    }
    const outside = [["file", file] as const, ...(typeof poster === "string" ? [["poster", poster] as const] : [])].filter(([, f]) => escapes(base, f));
    for (const [field, f] of outside) {
      problems.push({
        item: index,
        file,
        code: "FILE_OUTSIDE_FOLDER",
        path: field,
        message: `items[${index}].${field} "${f}" is outside the manifest's folder: give paths relative to the manifest, inside its folder (copy the file there).`,
      });
    }
    if (outside.length > 0) continue;
    items.push({
      index,
      ...fileRef(base, file),
      ...(typeof poster === "string" ? { poster: fileRef(base, poster) } : {}),
      fields: metadataFields(entry),
    });
  }
  return { source: { kind: "manifest", input: manifest, items }, problems };
}

/** True when `file` is absolute or leads out of `base` (`../x.png`): a manifest names files inside its folder. */
function escapes(base: string, file: string): boolean {
  if (isAbsolute(file)) return true;
  const rel = relative(base, resolve(base, file));
  return rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function fileRef(base: string, file: string): BatchFileRef {
  return { file, path: isAbsolute(file) ? file : resolve(base, file) };
}

function metadataFields(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !FILE_FIELDS.has(k)));
}

async function readJsonObject(
  path: string,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (err) {
    return { ok: false, reason: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? { ok: true, value } : { ok: false, reason: "is not a JSON object" };
  } catch (err) {
    return { ok: false, reason: `is not valid JSON (${(err as Error).message})` };
  }
}

function manifestInvalid(manifest: string, reason: string): BatchError<"BATCH_MANIFEST_INVALID"> {
  return new BatchError("BATCH_MANIFEST_INVALID", `The manifest ${manifest} ${reason}.`, {
    hint: 'Write the manifest as { "items": [ { "file": "1.png", "name": "…", "attributes": [...] } ] } (paths relative to the manifest).',
    details: { input: manifest, reason },
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
