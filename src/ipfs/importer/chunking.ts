// Loaded on first use by `loadImporter.ts` (a module of its own so a bundler keeps only these two).
export { fixedSize } from "ipfs-unixfs-importer/chunker";
export { balanced } from "ipfs-unixfs-importer/layout";
