import type { Command } from "commander";
import { globalOptions } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { runAction } from "../run.js";

interface CreateOptions {
  scryptN?: string;
}
interface ImportOptions extends CreateOptions {
  privateKeyFile?: string;
  keystoreFile?: string;
}

/** Registers `mintkit keys create|import|list`. */
export function register(program: Command): void {
  const keys = program
    .command("keys")
    .description("Encrypted keystore accounts (Web3 Secret Storage v3, geth/ethers compatible) in ~/.mintkit/keystore");
  withExamples(keys, [
    "mintkit keys create deployer --password-file pw.txt",
    "mintkit keys import deployer --private-key-file key.txt",
    "cat key.txt | mintkit keys import deployer",
    "mintkit keys list --json",
    "mintkit --account deployer --network sepolia deploy collection Art ART",
  ]);

  const create = keys
    .command("create")
    .description("Create a new random account and save it encrypted (prints the address, never the key)")
    .argument("<name>", "keystore name (file <keystore-dir>/<name>.json)")
    .option("--scrypt-n <n>", "scrypt cost N, a power of two (default 262144 as geth; lower = faster, weaker)");
  withExamples(create, ["mintkit keys create deployer", "MINTKIT_PASSWORD=… mintkit keys create ci --json"]);
  create.action(
    runAction(async (name: string, opts: CreateOptions, cmd: Command) => {
      const { createKey } = await import("../actions/keys.js");
      return createKey(globalOptions(cmd), name, opts);
    }),
  );

  const imp = keys
    .command("import")
    .description("Import a private key (from a file or stdin, never from the command line) or a v3 keystore file")
    .argument("<name>", "keystore name")
    .option("--private-key-file <path>", "file holding the hex private key (default: read stdin)")
    .option("--keystore-file <path>", "an existing v3 keystore JSON (geth, ethers, Foundry, MetaMask) to copy in")
    .option("--scrypt-n <n>", "scrypt cost N for the new file (default 262144)");
  withExamples(imp, [
    "mintkit keys import deployer --private-key-file key.txt --password-file pw.txt",
    "pbpaste | mintkit keys import deployer",
    "mintkit keys import old --keystore-file ~/.ethereum/keystore/UTC--…",
  ]);
  imp.action(
    runAction(async (name: string, opts: ImportOptions, cmd: Command) => {
      const { importKey } = await import("../actions/keys.js");
      return importKey(globalOptions(cmd), name, opts);
    }),
  );

  const list = keys.command("list").description("List keystore names and addresses");
  withExamples(list, ["mintkit keys list", "mintkit keys list --keystore-dir ./keys --json"]);
  list.action(
    runAction(async (_opts: unknown, cmd: Command) => {
      const { listKeys } = await import("../actions/keys.js");
      return listKeys(globalOptions(cmd));
    }),
  );
}
