/**
 * Kubo's deterministic test data, reproduced byte for byte (test-only, Node-only).
 *
 * Kubo test/cli/testutils/random_deterministic.go:
 *   key = sha256(seed); nonce = 12 zero bytes; bytes = ChaCha20 keystream (XOR of zeros),
 *   read as one continuous stream.
 * Kubo test/cli/cid_profiles_test.go createDeterministicFiles():
 *   names come from a 1 MiB DeterministicRandomReader(seed); each name byte b becomes
 *   AlphabetEasy[b % 39], AlphabetEasy = "abcdefghijklmnopqrstuvwxyz01234567890-_"
 *   (test/cli/testutils/random_files.go); files 0..n-2 get nameLen chars, the last lastNameLen;
 *   every file holds "x".
 *
 * Node's "chacha20" cipher takes a 16-byte IV = 4-byte little-endian block counter (0, as Go's
 * NewUnauthenticatedCipher starts) followed by the 12-byte nonce.
 */
import { createCipheriv, createHash } from "node:crypto";

const ALPHABET_EASY = "abcdefghijklmnopqrstuvwxyz01234567890-_";

function keystream(seed: string) {
  const key = createHash("sha256").update(seed, "utf8").digest();
  return createCipheriv("chacha20", key, Buffer.alloc(16));
}

/** `size` bytes of Kubo's DeterministicRandomReaderBytes(size, seed), as one buffer. */
export function deterministicBytes(size: number, seed: string): Uint8Array {
  return new Uint8Array(keystream(seed).update(Buffer.alloc(size)));
}

/** The same bytes streamed in pieces of `piece` bytes (default 1 MiB), to keep memory flat. */
export async function* deterministicStream(size: number, seed: string, piece = 1 << 20): AsyncGenerator<Uint8Array> {
  const cipher = keystream(seed);
  const zeros = Buffer.alloc(piece);
  for (let left = size; left > 0; left -= piece) {
    const n = Math.min(piece, left);
    yield new Uint8Array(cipher.update(n === piece ? zeros : zeros.subarray(0, n)));
  }
}

/** File names of Kubo's createDeterministicFiles(dir, count, nameLen, lastNameLen, seed). */
export function deterministicNames(count: number, nameLen: number, lastNameLen: number, seed: string): string[] {
  const stream = deterministicBytes(1 << 20, seed);
  const names: string[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const len = i === count - 1 ? lastNameLen : nameLen;
    let name = "";
    for (let j = 0; j < len; j++) name += ALPHABET_EASY[(stream[offset + j] ?? 0) % ALPHABET_EASY.length];
    names.push(name);
    offset += len;
  }
  return names;
}
