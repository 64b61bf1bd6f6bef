/** Node-only access parts: the SQLite check-in store shared by door processes, QR codes as PNG files. */
export { openSqliteCheckInStore, type OpenSqliteCheckInStoreParameters } from "./openSqliteCheckInStore.js";
export { accessQrPng, writeAccessQrPng, readAccessQrPng, accessQrTerminal } from "./accessQrFiles.js";
