import { expect } from "chai";
import { decryptKeystore, parseKeystore } from "../../src/keystore/index.js";
import { isKeystoreError } from "../../src/errors/KeystoreError.js";

/** The Web3 Secret Storage spec's PBKDF2 vector, with kdfparams replaced by `kdfparams`. */
function pbkdf2Keystore(kdfparams: Record<string, unknown>) {
  return {
    crypto: {
      cipher: "aes-128-ctr",
      cipherparams: { iv: "6087dab2f9fdbbfaddc31a909735c1e6" },
      ciphertext: "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
      kdf: "pbkdf2",
      kdfparams: { c: 262144, dklen: 32, prf: "hmac-sha256", salt: "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd", ...kdfparams },
      mac: "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
    },
    id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
    version: 3,
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected a rejection");
}

describe("keystore KDF bounds (a crafted file cannot hang the CLI)", function () {
  // On code without the bound, c = 2^40 runs for days: the test then fails on mocha's timeout.
  this.timeout(10_000);

  it("refuses a PBKDF2 iteration count over the limit at once, with a hint to re-encrypt", async () => {
    const started = Date.now();
    const err = await rejection(decryptKeystore(pbkdf2Keystore({ c: 2 ** 40 }), "testpassword"));
    expect(Date.now() - started).to.be.below(1000);
    expect(isKeystoreError(err, "KEYSTORE_INVALID_FILE"), String(err)).to.equal(true);
    expect((err as Error).message).to.match(/pbkdf2 c=1099511627776 iterations is over mintkit's limit of 4194304/);
    expect((err as { hint?: string }).hint).to.match(/re-encrypt/);
  });

  it("refuses non-integer or absurd dklen, c and salt sizes; the spec's c=262144 still opens", async () => {
    for (const params of [{ c: 1.5 }, { dklen: 2 ** 30 }, { dklen: 31 }, { salt: "ab".repeat(4096) }]) {
      const err = await rejection(decryptKeystore(pbkdf2Keystore(params), "testpassword"));
      expect(isKeystoreError(err, "KEYSTORE_INVALID_FILE"), `${JSON.stringify(params).slice(0, 40)}: ${String(err)}`).to.equal(true);
    }
    expect(await decryptKeystore(pbkdf2Keystore({}), "testpassword")).to.equal(
      "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d",
    );
  });

  it("refuses absurd KDF parameters when the file is parsed (so `keys import` never stores one), naming the file", () => {
    const scrypt = { ...pbkdf2Keystore({}), crypto: { ...pbkdf2Keystore({}).crypto, kdf: "scrypt", kdfparams: { n: 2 ** 40, r: 8, p: 1, dklen: 32, salt: "ab".repeat(32) } } };
    for (const [file, reason] of [
      [pbkdf2Keystore({ c: 2 ** 40 }), /pbkdf2 c=1099511627776 iterations is over mintkit's limit/],
      [pbkdf2Keystore({ dklen: 10 ** 9 }), /dklen=1000000000 is outside 32\.\.64/],
      [scrypt, /scrypt n=1099511627776, r=8, p=1 needs .* over mintkit's limit of 1 GiB/],
    ] as const) {
      let err: unknown;
      try {
        parseKeystore(file, "crafted.json");
      } catch (e) {
        err = e;
      }
      expect(isKeystoreError(err, "KEYSTORE_INVALID_FILE"), String(err)).to.equal(true);
      expect((err as Error).message).to.contain("crafted.json").and.match(reason);
      expect((err as { hint?: string }).hint).to.be.a("string").and.not.equal("");
    }
    expect(parseKeystore(pbkdf2Keystore({}), "ok.json").crypto.kdf).to.equal("pbkdf2");
  });
});
