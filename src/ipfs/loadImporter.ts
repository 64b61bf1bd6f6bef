/**
 * Internal: `ipfs-unixfs-importer` (with its chunker and layout) loaded on first use and kept, so that
 * `import "mintkit"` does not load the importer's ~40 modules until a CID is computed. Browser-safe: a
 * bundler still includes it when an import function is used.
 * @internal
 */
export function loadImporter(): Promise<ImporterModules> {
  importerModules ??= Promise.all([
    import("ipfs-unixfs-importer"),
    import("ipfs-unixfs-importer/chunker"),
    import("ipfs-unixfs-importer/layout"),
  ]).then(([importer, chunker, layout]) => ({
    importer: importer.importer,
    importBytes: importer.importBytes,
    importFile: importer.importFile,
    importDirectory: importer.importDirectory,
    fixedSize: chunker.fixedSize,
    balanced: layout.balanced,
  }));
  return importerModules;
}

/** What mintkit uses of `ipfs-unixfs-importer`. @internal */
export interface ImporterModules {
  importer: typeof import("ipfs-unixfs-importer").importer;
  importBytes: typeof import("ipfs-unixfs-importer").importBytes;
  importFile: typeof import("ipfs-unixfs-importer").importFile;
  importDirectory: typeof import("ipfs-unixfs-importer").importDirectory;
  fixedSize: typeof import("ipfs-unixfs-importer/chunker").fixedSize;
  balanced: typeof import("ipfs-unixfs-importer/layout").balanced;
}

let importerModules: Promise<ImporterModules> | undefined;
