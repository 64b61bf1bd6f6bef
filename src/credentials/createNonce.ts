import { bytesToHex, type Hex } from "viem";

/**
 * A fresh random nonce for a presentation request: 32 bytes from the platform's CSPRNG
 * (`crypto.getRandomValues`, in browsers and Node), as 0x-prefixed hex. Browser-safe.
 * @example
 * const nonce = createNonce();
 * await store.issue({ nonce, audience: "https://shop.example", expiresAt: now + 600 });
 */
export function createNonce(): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}
