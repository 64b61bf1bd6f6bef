/**
 * Encrypted keystores (Web3 Secret Storage v3), NODE-ONLY: exported from `mintkit/node`.
 * Compatible with geth, ethers, Foundry and MetaMask keystore files, both ways.
 */
export { encryptKeystore, type EncryptKeystoreOptions } from "./encryptKeystore.js";
export { decryptKeystore, parseKeystore, type DecryptKeystoreOptions } from "./decryptKeystore.js";
export { assertPrivateKey, parsePrivateKey } from "./assertPrivateKey.js";
export { resolveKeystoreDir } from "./keystoreDir.js";
export { saveKeystore, listKeystores, findKeystore, assertKeystoreName } from "./keystoreFiles.js";
export type { KeystoreV3, KeystoreEntry, ScryptKdfParams, Pbkdf2KdfParams } from "./types.js";
