/**
 * mintkit/node — the Node-only entry: everything in the browser entry, plus the parts that need the
 * filesystem (the embedded IPFS block store, CAR files on disk).
 */
export * from "./index.js";
export * from "./ipfs/node.js";
export * from "./ipfs/gateway/index.js";
export * from "./batch/index.js";
export * from "./keystore/index.js";
export * from "./deploy/node.js";
export * from "./credentials/node/index.js";
export * from "./access/node/index.js";
export * from "./verify/index.js";
export * from "./market/node/index.js";
