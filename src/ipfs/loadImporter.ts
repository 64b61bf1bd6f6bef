/**
 * Internal: `ipfs-unixfs-importer` loaded on first use and kept, so that `import "mintkit"` does not load
 * the importer's ~40 modules until a CID is computed. Each loader imports a module of its own under
 * `./importer/`, so a bundler still keeps only what the function used needs (`cidForBytes` alone does not
 * pull the directory builder). Browser-safe.
 * @internal
 */
type Chunking = typeof import("./importer/chunking.js");
type ImportBytes = typeof import("./importer/importBytes.js");
type ImportTree = typeof import("./importer/importTree.js");

let chunking: Promise<Chunking> | undefined;
let importBytes: Promise<ImportBytes> | undefined;
let importTree: Promise<ImportTree> | undefined;

/** The chunker and layout factories (`fixedSize`, `balanced`). @internal */
export function loadChunking(): Promise<Chunking> {
  return (chunking ??= import("./importer/chunking.js"));
}

/** `importBytes`, for one file's CID. @internal */
export function loadImportBytes(): Promise<ImportBytes> {
  return (importBytes ??= import("./importer/importBytes.js"));
}

/** `importer`, `importFile` and `importDirectory`, for a tree of files. @internal */
export function loadImporter(): Promise<ImportTree> {
  return (importTree ??= import("./importer/importTree.js"));
}

/** What `importFiles` uses of the importer. @internal */
export type ImporterModules = ImportTree;
