import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import { keccak256, type Hex } from "viem";
// viem/accounts (key derivation, wordlists) is loaded on first use, so `import "mintkit/node"` does not pay for it.
import { deriveKey } from "./deriveKey.js";
import { assertPrivateKey } from "./assertPrivateKey.js";
import type { KeystoreV3 } from "./types.js";

export interface EncryptKeystoreOptions {
  /** scrypt cost N (a power of two). Default 262144 (2^18), as geth and ethers. Lower is faster and weaker. */
  readonly scryptN?: number;
  /** scrypt r. Default 8. */
  readonly scryptR?: number;
  /** scrypt p. Default 1. */
  readonly scryptP?: number;
}

/**
 * Encrypts a private key as a Web3 Secret Storage v3 keystore (scrypt + aes-128-ctr + keccak256 MAC),
 * readable by geth, ethers (`Wallet.fromEncryptedJson`) and any v3 tool. NODE-ONLY (`node:crypto`).
 * @example
 * const keystore = await encryptKeystore(privateKey, "correct horse battery staple");
 * await writeFile("key.json", JSON.stringify(keystore));
 */
export async function encryptKeystore(
  privateKey: Hex,
  password: string,
  options: EncryptKeystoreOptions = {},
): Promise<KeystoreV3> {
  assertPrivateKey(privateKey);
  const kdfparams = {
    dklen: 32,
    n: options.scryptN ?? 262_144,
    r: options.scryptR ?? 8,
    p: options.scryptP ?? 1,
    salt: randomBytes(32).toString("hex"),
  };
  const derived = await deriveKey(password, "scrypt", kdfparams);
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-128-ctr", derived.subarray(0, 16), iv);
  const ciphertext = Buffer.concat([cipher.update(Buffer.from(privateKey.slice(2), "hex")), cipher.final()]);
  const mac = keccak256(Buffer.concat([derived.subarray(16, 32), ciphertext])).slice(2);
  const { privateKeyToAddress } = await import("viem/accounts");
  return {
    version: 3,
    id: randomUUID(),
    address: privateKeyToAddress(privateKey).slice(2).toLowerCase(),
    crypto: {
      cipher: "aes-128-ctr",
      cipherparams: { iv: iv.toString("hex") },
      ciphertext: ciphertext.toString("hex"),
      kdf: "scrypt",
      kdfparams,
      mac,
    },
  };
}
