/** The work of `mintkit keys …` (loaded lazily by the command). Never prints a private key or password. */
import { readFile } from "node:fs/promises";
import { generatePrivateKey } from "viem/accounts";
import { CliError } from "../../errors/CliError.js";
import { KeystoreError } from "../../errors/KeystoreError.js";
import { encryptKeystore } from "../../keystore/encryptKeystore.js";
import { parsePrivateKey } from "../../keystore/assertPrivateKey.js";
import { parseKeystore } from "../../keystore/decryptKeystore.js";
import { resolveKeystoreDir } from "../../keystore/keystoreDir.js";
import { assertKeystoreName, listKeystores, saveKeystore } from "../../keystore/keystoreFiles.js";
import type { KeystoreEntry } from "../../keystore/types.js";
import { firstLine } from "../context.js";
import { fileError } from "../files.js";
import type { GlobalOptions } from "../globalOptions.js";
import type { CommandResult } from "../output.js";

/** `keys create <name>`. */
export async function createKey(g: GlobalOptions, name: string, opts: { scryptN?: string }): Promise<CommandResult> {
  assertKeystoreName(name);
  const scryptN = parseScryptN(opts.scryptN);
  const password = await newPassword(g, name);
  const keystore = await encryptKeystore(generatePrivateKey(), password, { scryptN });
  const entry = await saveKeystore(name, keystore, { dir: resolveKeystoreDir({ dir: g.keystoreDir }) });
  return describe("created", entry);
}

/** `keys import <name>`: a private key from a file or stdin, or a v3 keystore file. */
export async function importKey(
  g: GlobalOptions,
  name: string,
  opts: { privateKeyFile?: string; keystoreFile?: string; scryptN?: string },
): Promise<CommandResult> {
  assertKeystoreName(name);
  const dir = resolveKeystoreDir({ dir: g.keystoreDir });
  if (opts.keystoreFile !== undefined) {
    if (opts.privateKeyFile !== undefined) {
      throw new CliError("CLI_INVALID_INPUT", "Both --keystore-file and --private-key-file were given.", {
        hint: "Pass only one of them.",
        details: { field: "--keystore-file", reason: "conflicts with --private-key-file" },
      });
    }
    let text: string;
    try {
      text = await readFile(opts.keystoreFile, "utf8");
    } catch (err) {
      throw fileError(err, opts.keystoreFile);
    }
    const keystore = parseKeystore(text, opts.keystoreFile);
    if (!keystore.address) {
      throw new KeystoreError("KEYSTORE_INVALID_FILE", `The keystore ${opts.keystoreFile} has no address.`, {
        hint: "Import its private key instead: mintkit keys import <name> --private-key-file <file>.",
        details: { path: opts.keystoreFile, reason: "no address" },
      });
    }
    return describe("imported", await saveKeystore(name, keystore, { dir }));
  }
  const scryptN = parseScryptN(opts.scryptN);
  let keyText: string;
  if (opts.privateKeyFile !== undefined) {
    try {
      keyText = await readFile(opts.privateKeyFile, "utf8");
    } catch (err) {
      throw fileError(err, opts.privateKeyFile);
    }
  } else if (process.stdin.isTTY) {
    const { promptHidden } = await import("../prompt.js");
    keyText = await promptHidden("Private key (hex): ");
  } else {
    keyText = await readStdin();
  }
  const privateKey = parsePrivateKey(keyText);
  const password = await newPassword(g, name);
  const keystore = await encryptKeystore(privateKey, password, { scryptN });
  return describe("imported", await saveKeystore(name, keystore, { dir }));
}

/** `keys list`. */
export async function listKeys(g: GlobalOptions): Promise<CommandResult> {
  const dir = resolveKeystoreDir({ dir: g.keystoreDir });
  const entries = await listKeystores({ dir });
  const width = Math.max(4, ...entries.map((e) => e.name.length));
  return {
    data: { dir, keys: entries.map((e) => ({ name: e.name, address: e.address, path: e.path })) },
    text: entries.length === 0 ? [`No keystores in ${dir}. Create one with \`mintkit keys create <name>\`.`] : entries.map((e) => `${e.name.padEnd(width)}  ${e.address}`),
  };
}

function describe(verb: string, entry: KeystoreEntry): CommandResult {
  return {
    data: { name: entry.name, address: entry.address, path: entry.path },
    text: [`${verb === "created" ? "Created" : "Imported"} "${entry.name}": ${entry.address}`, `  saved to ${entry.path} (mode 0600)`],
  };
}

/** The password for a new keystore: --password-file, MINTKIT_PASSWORD, or asked twice on a TTY. */
async function newPassword(g: GlobalOptions, name: string): Promise<string> {
  let password: string | undefined;
  if (g.passwordFile !== undefined) {
    try {
      password = firstLine(await readFile(g.passwordFile, "utf8"));
    } catch (err) {
      throw fileError(err, g.passwordFile, "Check the --password-file path and its permissions.");
    }
  } else if (process.env.MINTKIT_PASSWORD !== undefined) {
    password = process.env.MINTKIT_PASSWORD;
  } else if (process.stdin.isTTY) {
    const { promptHidden } = await import("../prompt.js");
    password = await promptHidden(`New password for "${name}": `);
    const again = await promptHidden("Repeat the password: ");
    if (again !== password) {
      throw new CliError("CLI_INVALID_INPUT", "The passwords do not match.", {
        hint: "Run the command again and type the same password twice.",
        details: { field: "password", reason: "mismatch" },
      });
    }
  } else {
    throw new KeystoreError("KEYSTORE_NO_PASSWORD", `No password for the new keystore "${name}".`, {
      hint: "Pass --password-file <path>, set MINTKIT_PASSWORD, or run in a terminal to be asked.",
      details: { account: name },
    });
  }
  if (password === "") {
    throw new CliError("CLI_INVALID_INPUT", "The keystore password is empty.", {
      hint: "Use a non-empty password (a long passphrase is best).",
      details: { field: "password", reason: "empty" },
    });
  }
  return password;
}

function parseScryptN(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1024 || n > 2 ** 22 || (n & (n - 1)) !== 0) {
    throw new CliError("CLI_INVALID_INPUT", `--scrypt-n must be a power of two between 1024 and 4194304, got "${value}".`, {
      hint: "Leave it out for geth's default (262144).",
      details: { field: "--scrypt-n", value, reason: "not a power of two in range" },
    });
  }
  return n;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}
