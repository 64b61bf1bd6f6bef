import type { Hex } from "viem";
import { KeystoreError } from "../errors/KeystoreError.js";

/** Throws `KEYSTORE_INVALID_KEY` unless `key` is 0x + 64 hex characters within the secp256k1 order. Never echoes the key. */
export function assertPrivateKey(key: string): asserts key is Hex {
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) {
    throw new KeystoreError("KEYSTORE_INVALID_KEY", "The private key is not 32 bytes of hex.", {
      hint: "A private key is 64 hex characters, optionally prefixed with 0x.",
      details: { reason: "not 32 bytes of hex" },
    });
  }
  const n = BigInt(key);
  if (n === 0n || n >= 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n) {
    throw new KeystoreError("KEYSTORE_INVALID_KEY", "The private key is outside the secp256k1 range.", {
      hint: "Use a key between 1 and the curve order minus 1.",
      details: { reason: "out of range" },
    });
  }
}

/** Normalises user text (file or stdin) to a 0x-prefixed private key, or throws `KEYSTORE_INVALID_KEY`. */
export function parsePrivateKey(text: string): Hex {
  const trimmed = text.trim();
  const key = trimmed.startsWith("0x") || trimmed.startsWith("0X") ? `0x${trimmed.slice(2)}` : `0x${trimmed}`;
  assertPrivateKey(key);
  return key.toLowerCase() as Hex;
}
