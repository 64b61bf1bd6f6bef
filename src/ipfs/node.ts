/**
 * mintkit IPFS layer — NODE-ONLY entry (uses node:fs). Re-exported by `src/node.ts`, never by
 * the browser entry.
 */
export { createFsStore, defaultFsStorePath, type FsStore, type FsStoreOptions } from "./stores/fsStore.js";
export { writeCarFile } from "./writeCarFile.js";
