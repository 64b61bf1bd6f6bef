import { pbkdf2, scrypt } from "node:crypto";
import { KeystoreError } from "../errors/KeystoreError.js";
import type { Pbkdf2KdfParams, ScryptKdfParams } from "./types.js";

/** Derives the 32-byte keystore key from a password (NFKC-normalised UTF-8, as ethers does). */
export function deriveKey(
  password: string,
  kdf: "scrypt" | "pbkdf2",
  params: ScryptKdfParams | Pbkdf2KdfParams,
): Promise<Buffer> {
  let checked: { readonly memory: number };
  try {
    checked = assertKdfParams(kdf, params);
  } catch (err) {
    return Promise.reject(err);
  }
  const pass = Buffer.from(password.normalize("NFKC"), "utf8");
  const salt = Buffer.from(params.salt, "hex");
  if (kdf === "scrypt") {
    const { n, r, p, dklen } = params as ScryptKdfParams;
    return new Promise((resolve, reject) => {
      scrypt(pass, salt, dklen, { N: n, r, p, maxmem: checked.memory + 64 * 1024 * 1024 }, (err, key) =>
        err ? reject(invalid(`scrypt failed: ${err.message}`)) : resolve(key),
      );
    });
  }
  const { c, dklen } = params as Pbkdf2KdfParams;
  return new Promise((resolve, reject) => {
    pbkdf2(pass, salt, c, dklen, "sha256", (err, key) => (err ? reject(invalid(`pbkdf2 failed: ${err.message}`)) : resolve(key)));
  });
}

/**
 * Checks a keystore's KDF parameters against mintkit's bounds before any work is done: they come from the
 * file, and a crafted file (scrypt n = 2^30, pbkdf2 c = 2^40, a huge dklen or salt) would otherwise hang the
 * CLI or exhaust memory. Called when a keystore is parsed (so `keys import` refuses such a file) and again
 * before deriving. Returns the scrypt memory needed (0 for pbkdf2).
 * @throws KeystoreError `KEYSTORE_INVALID_FILE` naming the parameter and the bound.
 * @example
 * assertKdfParams("pbkdf2", { c: 262144, dklen: 32, prf: "hmac-sha256", salt: "ab…" });
 */
export function assertKdfParams(kdf: "scrypt" | "pbkdf2", params: ScryptKdfParams | Pbkdf2KdfParams): { readonly memory: number } {
  if (typeof params.salt !== "string" || params.salt.length / 2 > MAX_SALT_BYTES) {
    throw invalid(`the KDF salt is ${typeof params.salt === "string" ? params.salt.length / 2 : 0} bytes, over mintkit's limit of ${MAX_SALT_BYTES}`);
  }
  if (!Number.isInteger(params.dklen) || params.dklen < 32 || params.dklen > MAX_DKLEN) {
    throw invalid(`the KDF key length dklen=${params.dklen} is outside 32..${MAX_DKLEN}`);
  }
  if (kdf === "scrypt") {
    const { n, r, p } = params as ScryptKdfParams;
    if (!Number.isInteger(n) || n < 2 || !Number.isInteger(Math.log2(n)) || !Number.isInteger(r) || !(r > 0) || !Number.isInteger(p) || !(p > 0)) {
      throw invalid(`scrypt parameters out of range (n=${n}, r=${r}, p=${p})`);
    }
    // OpenSSL (node:crypto) follows RFC 7914's N < 2^(16·r): e.g. N = 2^18 needs r >= 2. geth, ethers,
    // Foundry and mintkit use r = 8; the rare files outside that bound are refused with a clear error.
    if (Math.log2(n) >= 16 * r) {
      throw invalid(`scrypt n=${n} with r=${r} is outside RFC 7914's bound (N < 2^(16·r)) that node:crypto enforces`);
    }
    // An imported keystore with n = 2^30 would ask for 128 GiB. The work is capped at 1 GiB (geth's
    // standard n = 2^18, r = 8 uses 256 MiB; n = 2^20, r = 8 fits).
    const memory = 128 * n * r * p;
    if (memory > MAX_SCRYPT_MEMORY) {
      throw invalid(
        `scrypt n=${n}, r=${r}, p=${p} needs ${Math.ceil(memory / 2 ** 20)} MiB (128·n·r·p), over mintkit's limit of 1 GiB`,
        "The file asks for more scrypt work than mintkit allows (1 GiB): re-encrypt the key with standard parameters (n=262144, r=8, p=1), e.g. with the tool that made it, then import it again.",
      );
    }
    return { memory };
  }
  const { c, prf } = params as Pbkdf2KdfParams;
  if (prf !== "hmac-sha256" || !Number.isInteger(c) || !(c > 0)) {
    throw invalid(`unsupported pbkdf2 parameters (prf=${String(prf)}, c=${c})`);
  }
  // Like scrypt's n, the iteration count comes from the file: c = 2^40 would keep the CLI busy for days.
  // geth and the Web3 Secret Storage spec use c = 262144; the cap leaves 16 times that (about a second or two).
  if (c > MAX_PBKDF2_ITERATIONS) {
    throw invalid(
      `pbkdf2 c=${c} iterations is over mintkit's limit of ${MAX_PBKDF2_ITERATIONS}`,
      `The file asks for more PBKDF2 work than mintkit allows (c <= ${MAX_PBKDF2_ITERATIONS}): re-encrypt the key with standard parameters (pbkdf2 c=262144, or scrypt n=262144, r=8, p=1), e.g. with the tool that made it, then import it again.`,
    );
  }
  return { memory: 0 };
}

/** Largest scrypt work accepted from a keystore file: 128·n·r·p bytes. */
const MAX_SCRYPT_MEMORY = 2 ** 30;

/** Largest PBKDF2 iteration count accepted from a keystore file (16 × the spec's 262144). */
export const MAX_PBKDF2_ITERATIONS = 2 ** 22;

/** Largest derived key length accepted (the cipher and MAC use 32 bytes). */
const MAX_DKLEN = 64;

/** Largest KDF salt accepted, in bytes (geth and ethers write 32). */
const MAX_SALT_BYTES = 1024;

function invalid(reason: string, hint = "Use a Web3 Secret Storage v3 keystore (scrypt or pbkdf2, aes-128-ctr)."): KeystoreError<"KEYSTORE_INVALID_FILE"> {
  return new KeystoreError("KEYSTORE_INVALID_FILE", `The keystore cannot be read: ${reason}.`, {
    hint,
    details: { reason },
  });
}
