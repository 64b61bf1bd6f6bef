import { createDecipheriv, timingSafeEqual } from "node:crypto";
import { getAddress, keccak256, type Hex } from "viem";
// viem/accounts (key derivation, wordlists) is loaded on first use, so `import "mintkit/node"` does not pay for it.
import { KeystoreError } from "../errors/KeystoreError.js";
import { assertKdfParams, deriveKey } from "./deriveKey.js";
import type { KeystoreV3 } from "./types.js";

export interface DecryptKeystoreOptions {
  /** Name shown in errors (e.g. the file name). */
  readonly name?: string;
  /** Path shown in errors. */
  readonly path?: string;
}

/**
 * Decrypts a Web3 Secret Storage v3 keystore (scrypt or pbkdf2, aes-128-ctr) made by mintkit, geth,
 * ethers, Foundry or MetaMask. NODE-ONLY.
 * @throws KeystoreError `KEYSTORE_WRONG_PASSWORD` when the MAC does not match, `KEYSTORE_INVALID_FILE`
 *   when the JSON is not a v3 keystore (or its address does not match the key inside).
 * @example
 * const key = await decryptKeystore(JSON.parse(await readFile("key.json", "utf8")), password);
 * const account = privateKeyToAccount(key);
 */
export async function decryptKeystore(
  keystore: unknown,
  password: string,
  options: DecryptKeystoreOptions = {},
): Promise<Hex> {
  const ks = parseKeystore(keystore, options.path);
  const c = ks.crypto;
  const derived = await deriveKey(password, c.kdf, c.kdfparams);
  const ciphertext = Buffer.from(c.ciphertext, "hex");
  const mac = Buffer.from(keccak256(Buffer.concat([derived.subarray(16, 32), ciphertext])).slice(2), "hex");
  const expected = Buffer.from(c.mac, "hex");
  if (expected.length !== mac.length || !timingSafeEqual(mac, expected)) {
    throw new KeystoreError("KEYSTORE_WRONG_PASSWORD", `Wrong password for keystore${options.name ? ` "${options.name}"` : ""}.`, {
      hint: "Check the password (file, MINTKIT_PASSWORD or prompt) and try again.",
      details: { name: options.name, address: ks.address ? getAddress(`0x${ks.address.replace(/^0x/, "")}`) : undefined },
    });
  }
  const decipher = createDecipheriv("aes-128-ctr", derived.subarray(0, 16), Buffer.from(c.cipherparams.iv, "hex"));
  const key = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  if (key.length !== 32) throw invalidFile("the decrypted key is not 32 bytes", options.path);
  const privateKey = `0x${key.toString("hex")}` as Hex;
  if (ks.address) {
    const recorded = `0x${ks.address.replace(/^0x/, "")}`.toLowerCase();
    const { privateKeyToAddress } = await import("viem/accounts");
    if (privateKeyToAddress(privateKey).toLowerCase() !== recorded) {
      throw invalidFile("its address does not match the key inside", options.path);
    }
  }
  return privateKey;
}

/** Checks the shape of a v3 keystore (also accepts ethers' `Crypto` key) and returns it normalised. */
export function parseKeystore(value: unknown, path?: string): KeystoreV3 {
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      throw invalidFile("not JSON", path);
    }
  }
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== "object") throw invalidFile("not a JSON object", path);
  if (Number(v.version) !== 3) throw invalidFile(`version is ${String(v.version)}, not 3`, path);
  const crypto = (v.crypto ?? v.Crypto) as Record<string, unknown> | undefined;
  if (!crypto || typeof crypto !== "object") throw invalidFile("no crypto section", path);
  if (crypto.cipher !== "aes-128-ctr") throw invalidFile(`cipher ${String(crypto.cipher)} is not aes-128-ctr`, path);
  if (crypto.kdf !== "scrypt" && crypto.kdf !== "pbkdf2") throw invalidFile(`kdf ${String(crypto.kdf)} is not scrypt or pbkdf2`, path);
  const hex = (x: unknown) => typeof x === "string" && /^(0x)?[0-9a-fA-F]*$/.test(x);
  const strip = (x: string) => x.replace(/^0x/, "");
  const iv = (crypto.cipherparams as { iv?: unknown } | undefined)?.iv;
  const params = crypto.kdfparams as Record<string, unknown> | undefined;
  if (!hex(iv) || !hex(crypto.ciphertext) || !hex(crypto.mac) || !params || !hex(params.salt)) {
    throw invalidFile("missing or non-hex iv, ciphertext, mac or salt", path);
  }
  const address = typeof v.address === "string" && /^(0x)?[0-9a-fA-F]{40}$/.test(v.address) ? strip(v.address).toLowerCase() : undefined;
  const parsed: KeystoreV3 = {
    version: 3,
    id: typeof v.id === "string" ? v.id : "",
    ...(address ? { address } : {}),
    crypto: {
      cipher: "aes-128-ctr",
      cipherparams: { iv: strip(iv as string) },
      ciphertext: strip(crypto.ciphertext as string),
      kdf: crypto.kdf,
      kdfparams:
        crypto.kdf === "scrypt"
          ? { dklen: Number(params.dklen), n: Number(params.n), r: Number(params.r), p: Number(params.p), salt: strip(params.salt as string) }
          : { dklen: Number(params.dklen), c: Number(params.c), prf: params.prf as "hmac-sha256", salt: strip(params.salt as string) },
      mac: strip(crypto.mac as string),
    },
  };
  // The KDF work is bounded when the file is read, not only when it is used: `keys import` refuses a crafted
  // file instead of storing a keystore that would hang every later command.
  try {
    assertKdfParams(parsed.crypto.kdf, parsed.crypto.kdfparams);
  } catch (err) {
    if (!(err instanceof KeystoreError)) throw err;
    const reason = String((err.details as { reason?: unknown } | undefined)?.reason ?? err.shortMessage);
    throw new KeystoreError("KEYSTORE_INVALID_FILE", `Not a usable keystore${path ? ` (${path})` : ""}: ${reason}.`, {
      hint: err.hint ?? "Use a Web3 Secret Storage v3 JSON keystore (geth, ethers, Foundry, MetaMask export).",
      details: { path, reason },
    });
  }
  return parsed;
}

function invalidFile(reason: string, path?: string): KeystoreError<"KEYSTORE_INVALID_FILE"> {
  return new KeystoreError("KEYSTORE_INVALID_FILE", `Not a usable keystore${path ? ` (${path})` : ""}: ${reason}.`, {
    hint: "Use a Web3 Secret Storage v3 JSON keystore (geth, ethers, Foundry, MetaMask export).",
    details: { path, reason },
  });
}
