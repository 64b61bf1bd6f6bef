import { bytesToHex, type Hex } from "viem";

/** A fresh 32-byte salt from the platform CSPRNG (`crypto.getRandomValues`, in browsers and Node alike). */
export function createSalt(): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}
