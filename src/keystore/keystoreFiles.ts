import { chmod, mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { getAddress } from "viem";
import { KeystoreError } from "../errors/KeystoreError.js";
import { writeFileAtomic } from "../fs/writeFileAtomic.js";
import { parseKeystore } from "./decryptKeystore.js";
import type { KeystoreEntry, KeystoreV3 } from "./types.js";

const namePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Throws `KEYSTORE_INVALID_NAME` unless `name` is 1-64 of `A-Z a-z 0-9 . _ -`, not starting with `.`/`-`/`_`. */
export function assertKeystoreName(name: string): void {
  if (!namePattern.test(name) || name.endsWith(".json")) {
    throw new KeystoreError("KEYSTORE_INVALID_NAME", `"${name}" cannot be a keystore name.`, {
      hint: "Use 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit (no .json).",
      details: { name },
    });
  }
}

/**
 * Saves a keystore as `<dir>/<name>.json`, mode 0600, atomically and never over an existing file (a
 * `writeFileAtomic` with mode 0600 and no-clobber: the name is taken atomically or not at all).
 * Nothing is left behind on failure. The folder is created 0700, and an existing one open to group or
 * others (e.g. 0755) is tightened to 0700 (`mkdir`'s mode applies only to a new folder).
 * @throws KeystoreError `KEYSTORE_EXISTS`, `KEYSTORE_INVALID_NAME`, `KEYSTORE_IO_FAILED`.
 */
export async function saveKeystore(
  name: string,
  keystore: KeystoreV3,
  options: { readonly dir: string },
): Promise<KeystoreEntry> {
  assertKeystoreName(name);
  const dir = path.resolve(options.dir);
  const file = path.join(dir, `${name}.json`);
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await restrictFolder(dir);
    await writeFileAtomic(file, `${JSON.stringify(keystore, null, 2)}\n`, { mode: 0o600, noClobber: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") {
      throw new KeystoreError("KEYSTORE_EXISTS", `A keystore named "${name}" already exists.`, {
        hint: "Pick another name, or remove the existing file first if you really mean to replace it.",
        details: { name, path: file },
      });
    }
    throw new KeystoreError("KEYSTORE_IO_FAILED", `Cannot write the keystore ${file}.`, {
      hint: "Check that the keystore folder is writable (--keystore-dir or MINTKIT_KEYSTORE_DIR).",
      details: { path: file, operation: "write" },
      cause: err,
    });
  }
  return { name, path: file, keystore, address: addressOf(keystore, file) };
}

/**
 * Removes group and other permissions from the keystore folder (0755 → 0700) so no other user can list
 * the key files. On Windows the mode bits mean nothing and are left alone.
 */
async function restrictFolder(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const mode = (await stat(dir)).mode & 0o777;
  if ((mode & 0o077) !== 0) await chmod(dir, mode & 0o700);
}

/**
 * Lists the keystores in `dir` (`*.json` files that parse as v3 keystores with an address), sorted by
 * name. A missing folder is an empty list.
 */
export async function listKeystores(options: { readonly dir: string }): Promise<KeystoreEntry[]> {
  const dir = path.resolve(options.dir);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new KeystoreError("KEYSTORE_IO_FAILED", `Cannot list the keystore folder ${dir}.`, {
      hint: "Check the folder's permissions (--keystore-dir or MINTKIT_KEYSTORE_DIR).",
      details: { path: dir, operation: "list" },
      cause: err,
    });
  }
  const entries: KeystoreEntry[] = [];
  for (const fileName of names.sort()) {
    if (!fileName.endsWith(".json") || fileName.startsWith(".")) continue;
    const file = path.join(dir, fileName);
    try {
      const keystore = parseKeystore(await readFile(file, "utf8"), file);
      if (!keystore.address) continue;
      entries.push({ name: fileName.slice(0, -5), path: file, keystore, address: addressOf(keystore, file) });
    } catch {
      // not a keystore: skip
    }
  }
  return entries;
}

/**
 * Finds a keystore by name (`<dir>/<name>.json`), by address (case-insensitive), or by a path to a
 * `.json` keystore file anywhere.
 * @throws KeystoreError `KEYSTORE_NOT_FOUND`, `KEYSTORE_INVALID_FILE`.
 */
export async function findKeystore(account: string, options: { readonly dir: string }): Promise<KeystoreEntry> {
  const dir = path.resolve(options.dir);
  const candidates: string[] = [];
  if (namePattern.test(account)) candidates.push(path.join(dir, `${account}.json`));
  if (account.endsWith(".json")) candidates.push(path.resolve(account));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      continue;
    }
    const keystore = parseKeystore(text, file);
    return { name: path.basename(file, ".json"), path: file, keystore, address: addressOf(keystore, file) };
  }
  if (/^(0x)?[0-9a-fA-F]{40}$/.test(account)) {
    const wanted = account.replace(/^0x/, "").toLowerCase();
    const found = (await listKeystores({ dir })).find((e) => e.address.slice(2).toLowerCase() === wanted);
    if (found) return found;
  }
  throw new KeystoreError("KEYSTORE_NOT_FOUND", `No keystore "${account}" in ${dir}.`, {
    hint: "List them with `mintkit keys list`, create one with `mintkit keys create <name>`, or pass --keystore-dir.",
    details: { account, dir },
  });
}

function addressOf(keystore: KeystoreV3, file: string): `0x${string}` {
  if (!keystore.address) {
    throw new KeystoreError("KEYSTORE_INVALID_FILE", `The keystore ${file} has no address.`, {
      hint: "Re-import the private key with `mintkit keys import`.",
      details: { path: file, reason: "no address" },
    });
  }
  return getAddress(`0x${keystore.address}`);
}
