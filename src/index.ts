/**
 * mintkit — the browser-safe entry: everything a dapp imports. Nothing here (or below it) may import a
 * Node built-in; `test/library/browserBundle.test.ts` bundles this file for the browser to keep it so.
 * Node-only parts (filesystem store, CAR files on disk) are in `mintkit/node`.
 */
export * from "./contracts/index.js";
export * from "./credentials/index.js";
export * from "./errors/index.js";
export * from "./gas/index.js";
export * from "./ipfs/index.js";
export * from "./metadata/index.js";
export * from "./vouchers/index.js";
export * from "./deploy/index.js";
export * from "./chain/index.js";
export * from "./access/index.js";
export * from "./market/index.js";
