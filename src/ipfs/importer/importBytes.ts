// Loaded on first use by `loadImporter.ts` (a module of its own so a bundler of `cidForBytes` keeps only this).
export { importBytes } from "ipfs-unixfs-importer";
