/**
 * mintkit IPFS layer — BROWSER-SAFE entry (no Node built-ins). Re-exported by `src/index.ts`.
 * Node-only parts (embedded filesystem store, CAR files) are in `./node.ts`.
 */
export {
  profiles,
  defaultProfileName,
  resolveProfile,
  type ImportProfile,
  type ProfileName,
  type ProfileInput,
} from "./profiles.js";
export {
  importFiles,
  type ImportContent,
  type ImportEntry,
  type FileEntry,
  type DirectoryEntry,
  type ImportFilesOptions,
  type ImportFilesResult,
  type ImportedFile,
  type ImportedDirectory,
  type ImportProgressEvent,
} from "./importFiles.js";
export { cidForBytes } from "./cidForBytes.js";
export {
  verifyRetrievable,
  type VerifyRetrievableOptions,
  type RetrievabilityReport,
} from "./verifyRetrievable.js";
export { exportCar, type ExportCarOptions } from "./exportCar.js";
export { getBlock } from "./blockBytes.js";
export type { BlockStore, BlockBytes } from "./stores/BlockStore.js";
export { createMemoryStore, type MemoryStore } from "./stores/memoryStore.js";
export { fromBlockstore, type BlockstoreLike } from "./stores/fromBlockstore.js";
export * from "./remote/index.js";
