import { expect } from "chai";
import { Wallet } from "ethers";
import { chmod, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { privateKeyToAddress } from "viem/accounts";
import {
  decryptKeystore,
  encryptKeystore,
  findKeystore,
  isKeystoreError,
  listKeystores,
  parsePrivateKey,
  saveKeystore,
} from "../../src/node.js";

const key = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d" as const;
const fast = { scryptN: 1024 };

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

describe("keystore (Web3 Secret Storage v3)", () => {
  it("round-trips a key, with the v3 shape geth writes", async () => {
    const ks = await encryptKeystore(key, "pw", fast);
    expect(ks.version).to.equal(3);
    expect(ks.crypto.cipher).to.equal("aes-128-ctr");
    expect(ks.crypto.kdf).to.equal("scrypt");
    expect(ks.address).to.equal(privateKeyToAddress(key).slice(2).toLowerCase());
    expect(JSON.stringify(ks)).not.to.contain(key.slice(2));
    expect(await decryptKeystore(ks, "pw")).to.equal(key);
  });

  it("decrypts a keystore made by ethers 6 (Wallet.encrypt), and ethers decrypts ours", async () => {
    const fromEthers = await new Wallet(key).encrypt("ethers-pw"); // ethers' defaults (scrypt N = 2^17, r = 8)
    expect(await decryptKeystore(fromEthers, "ethers-pw")).to.equal(key);
    const ours = await encryptKeystore(key, "our-pw", fast);
    const wallet = await Wallet.fromEncryptedJson(JSON.stringify(ours), "our-pw");
    expect(wallet.privateKey).to.equal(key);
  });

  it("decrypts the Web3 Secret Storage spec's PBKDF2 vector; refuses its r=1 scrypt vector with a clear error", async () => {
    const expected = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    const pbkdf2 = {
      crypto: {
        cipher: "aes-128-ctr",
        cipherparams: { iv: "6087dab2f9fdbbfaddc31a909735c1e6" },
        ciphertext: "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
        kdf: "pbkdf2",
        kdfparams: { c: 262144, dklen: 32, prf: "hmac-sha256", salt: "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd" },
        mac: "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
      },
      id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
      version: 3,
    };
    expect(await decryptKeystore(pbkdf2, "testpassword")).to.equal(expected);
    const scrypt = {
      crypto: {
        cipher: "aes-128-ctr",
        cipherparams: { iv: "83dbcc02d8ccb40e466191a123791e0e" },
        ciphertext: "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
        kdf: "scrypt",
        kdfparams: { dklen: 32, n: 262144, r: 1, p: 8, salt: "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19" },
        mac: "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097",
      },
      id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
      version: 3,
    };
    // N = 2^18 with r = 1 is outside RFC 7914's N < 2^(16·r), which node:crypto (OpenSSL) enforces.
    const err = await rejection(decryptKeystore(scrypt, "testpassword"));
    expect(isKeystoreError(err, "KEYSTORE_INVALID_FILE")).to.equal(true);
    expect((err as Error).message).to.contain("RFC 7914");
  });

  it("a wrong password is KEYSTORE_WRONG_PASSWORD; a broken file is KEYSTORE_INVALID_FILE", async () => {
    const ks = await encryptKeystore(key, "right", fast);
    const wrong = await rejection(decryptKeystore(ks, "wrong", { name: "alice" }));
    expect(isKeystoreError(wrong, "KEYSTORE_WRONG_PASSWORD")).to.equal(true);
    expect((wrong as Error).message).to.contain("alice");
    for (const broken of ["not json", { version: 2 }, { version: 3, crypto: { ...ks.crypto, cipher: "aes-256-gcm" } }]) {
      expect(isKeystoreError(await rejection(decryptKeystore(broken, "right")), "KEYSTORE_INVALID_FILE")).to.equal(true);
    }
    const otherAddress = { ...ks, address: "0000000000000000000000000000000000000001" };
    expect(isKeystoreError(await rejection(decryptKeystore(otherAddress, "right")), "KEYSTORE_INVALID_FILE")).to.equal(true);
  });

  it("rejects malformed private keys without echoing them", () => {
    expect(parsePrivateKey(`  ${key.slice(2)}\n`)).to.equal(key);
    for (const bad of ["0x1234", "zz".repeat(32), "0x" + "00".repeat(32), "0x" + "ff".repeat(32)]) {
      let err: unknown;
      try {
        parsePrivateKey(bad);
      } catch (e) {
        err = e;
      }
      expect(isKeystoreError(err, "KEYSTORE_INVALID_KEY")).to.equal(true);
      expect((err as Error).message).not.to.contain(bad.slice(2, 20));
    }
  });

  it("saves files 0600 atomically, never overwrites, lists and finds by name, address or path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mintkit-ks-"));
    const entry = await saveKeystore("alice", await encryptKeystore(key, "pw", fast), { dir });
    expect((await stat(entry.path)).mode & 0o777).to.equal(0o600);
    const before = await readFile(entry.path, "utf8");
    const dup = await rejection(saveKeystore("alice", await encryptKeystore(key, "pw2", fast), { dir }));
    expect(isKeystoreError(dup, "KEYSTORE_EXISTS")).to.equal(true);
    expect(await readFile(entry.path, "utf8")).to.equal(before);
    expect(await readdir(dir)).to.deep.equal(["alice.json"]); // no temp file left behind
    const badName = await rejection(saveKeystore("../evil", await encryptKeystore(key, "pw", fast), { dir }));
    expect(isKeystoreError(badName, "KEYSTORE_INVALID_NAME")).to.equal(true);

    await writeFile(path.join(dir, "notes.json"), "{}");
    const list = await listKeystores({ dir });
    expect(list.map((e) => [e.name, e.address])).to.deep.equal([["alice", privateKeyToAddress(key)]]);
    expect((await findKeystore("alice", { dir })).address).to.equal(privateKeyToAddress(key));
    expect((await findKeystore(privateKeyToAddress(key).toLowerCase(), { dir })).name).to.equal("alice");
    expect((await findKeystore(entry.path, { dir: tmpdir() })).name).to.equal("alice");
    expect(isKeystoreError(await rejection(findKeystore("bob", { dir })), "KEYSTORE_NOT_FOUND")).to.equal(true);
    expect(await listKeystores({ dir: path.join(dir, "missing") })).to.deep.equal([]);
  });

  it("tightens an existing keystore folder open to others (0755) to 0700 when saving a key", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mintkit-ks-"));
    await chmod(dir, 0o755);
    await saveKeystore("bob", await encryptKeystore(key, "pw", fast), { dir });
    expect((await stat(dir)).mode & 0o777).to.equal(0o700);
    const fresh = path.join(dir, "nested", "keys");
    await saveKeystore("carol", await encryptKeystore(key, "pw", fast), { dir: fresh });
    expect((await stat(fresh)).mode & 0o777).to.equal(0o700);
  });

  it("refuses scrypt parameters over 1 GiB of work (128·n·r·p) with KEYSTORE_INVALID_FILE, before deriving", async () => {
    const ks = await encryptKeystore(key, "pw", fast);
    const params = ks.crypto.kdfparams as { n: number; r: number; p: number };
    for (const over of [{ n: 2 ** 30 }, { n: 2 ** 20, r: 16 }, { n: 2 ** 18, p: 64 }]) {
      const huge = { ...ks, crypto: { ...ks.crypto, kdfparams: { ...params, ...over } } };
      const err = await rejection(decryptKeystore(huge, "pw"));
      expect(isKeystoreError(err, "KEYSTORE_INVALID_FILE"), JSON.stringify(over)).to.equal(true);
      expect((err as Error).message).to.contain("over mintkit's limit of 1 GiB");
      expect((err as { hint: string }).hint).to.contain("re-encrypt");
    }
    // geth's standard parameters (n = 2^18, r = 8, p = 1: 256 MiB) stay accepted.
    const standard = await encryptKeystore(key, "pw", { scryptN: 2 ** 18 });
    expect(await decryptKeystore(standard, "pw")).to.equal(key);
  });
});
