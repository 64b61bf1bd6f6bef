/** Node-only parts of the credentials layer (exported from `mintkit/node`). */
export { createFileNonceStore, type CreateFileNonceStoreParameters } from "./createFileNonceStore.js";
