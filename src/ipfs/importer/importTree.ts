// Loaded on first use by `loadImporter.ts` (a module of its own: what `importFiles` needs).
export { importer, importFile, importDirectory } from "ipfs-unixfs-importer";
