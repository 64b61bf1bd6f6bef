/**
 * mintkit demo (`npm run demo`): the whole minting flow and the credential flow, driven through the real
 * `mintkit` CLI (bin/mintkit → dist/), against a local chain and the embedded IPFS store. Nothing to
 * install or start: the script serves Hardhat's in-process chain (EDR) over HTTP on a free loopback port,
 * works in a fresh temporary folder, and prints every command it runs with its output. A command is
 * printed as one shell line and that very line is what runs (`sh -c`, in the work folder, with the clone's
 * bin/ on PATH and MINTKIT_RPC_URL set, as the printed set-up lines say), so a reader can copy it.
 *
 *   1. deploy a collection through the factory (the factory itself is deployed on first use, at its
 *      every-chain address through the deterministic deployer, which the demo installs as `mintkit dev` does);
 *   2. batch-mint 12 generated artworks: media + <id>.json metadata uploaded as one IPFS directory,
 *      base URI set, tokens minted under a write-ahead journal (resumable, even after kill -9);
 *   3. mint a one-off piece with its own metadata URI;
 *   4. upload the artwork folder again (nothing new to store) and export it as a CAR;
 *   5. sign a lazy-mint voucher (0.01 ETH), verify it, and redeem it as a buyer;
 *   6. compare single / batch / lazy / ERC-1155 gas for 1,000 tokens, and plan a 10,000-token mint into
 *      transactions under the gas caps, by simulation;
 *   7. serve the embedded store on a local gateway and resolve token #1's tokenURI over HTTP;
 *   8. credentials: deploy a registry, register a schema, issue a credential with an age_over_18
 *      predicate (no birth date stored), present "over 18" to a verifier, verify it.
 *
 * Run `mintkit --help` (in a clone: `npm run build`, then `export PATH="$PWD/bin:$PATH"`) for every command.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdtemp, mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { network } from "hardhat";
import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { mintkitCollectionAbi } from "../src/contracts/index.js";
import { installDeterministicDeployer, type DeployClients } from "../src/deploy/index.js";

const started = performance.now();
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

const server = await network.createServer("default", "127.0.0.1", 0);
const { address, port } = await server.listen();
const rpcUrl = `http://${address}:${port}`;
{
  // Like `mintkit dev`: the deterministic deployer (presigned transaction, funded from dev account 0).
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const [from] = await (publicClient.request as unknown as (args: { method: string }) => Promise<Address[]>)({ method: "eth_accounts" });
  const walletClient = createWalletClient({ transport: http(rpcUrl), account: from! });
  await installDeterministicDeployer({ publicClient, walletClient } as unknown as DeployClients);
}
const work = await mkdtemp(path.join(os.tmpdir(), "mintkit-demo-"));

/**
 * The terminal every command runs in, as a reader sets one up (README, "The CLI"): the clone's bin/ first on
 * PATH (npm's node_modules/.bin entries dropped, so `node` is the machine's), the demo chain as the RPC URL,
 * the work folder as the project folder (deployments/ and .mintkit/ are written there).
 */
const terminalEnv: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: [path.join(root, "bin"), ...(process.env.PATH ?? "").split(path.delimiter).filter((dir) => dir !== "" && !dir.split(path.sep).includes("node_modules"))].join(path.delimiter),
  MINTKIT_RPC_URL: rpcUrl,
  NO_COLOR: "1",
};
delete terminalEnv.NODE_OPTIONS;
const terminalSetup = [`cd ${shellWord(work)}`, `export PATH=${shellWord(path.join(root, "bin"))}:"$PATH"`, `export MINTKIT_RPC_URL=${rpcUrl}`];

/** One word of a POSIX shell command line: bare when safe, else single-quoted. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_+.,/:=@%-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * Runs `mintkit <args>` in the demo's terminal: prints the command line, then runs exactly that line with
 * `sh -c` (so what is printed is what ran, and pasting it after the set-up lines runs it again), then prints
 * its output (a `--json` result shortened for the screen).
 */
async function mintkit(args: string[]): Promise<string> {
  const line = ["mintkit", ...args].map(shellWord).join(" ");
  console.log(`\n$ ${line}`);
  const { code, stdout, stderr, combined } = await new Promise<{ code: number | null; stdout: string; stderr: string; combined: string }>((resolve, reject) => {
    const child = spawn("sh", ["-c", line], { cwd: work, env: terminalEnv });
    let out = "";
    let err = "";
    let both = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => ((out += d), (both += d)));
    child.stderr.setEncoding("utf8").on("data", (d: string) => ((err += d), (both += d)));
    child.on("error", reject);
    child.on("close", (exit) => resolve({ code: exit, stdout: out, stderr: err, combined: both }));
  });
  // What the terminal would show: stdout and stderr (progress, notes) as they came; a --json result shortened.
  const text = args.includes("--json") && code === 0 ? [stderr.trimEnd(), summarize(stdout)].filter(Boolean).join("\n") : combined.trimEnd();
  if (text) console.log(indent(text));
  if (code !== 0) throw new Error(`mintkit ${args[0]} failed with exit code ${code}`);
  return stdout;
}

const indent = (text: string) => text.split("\n").map((line) => `  ${line}`).join("\n");

/** A JSON result, shortened for the screen (long arrays cut). */
function summarize(stdout: string): string {
  const value = JSON.parse(stdout) as unknown;
  return JSON.stringify(value, (_key, v: unknown) => (Array.isArray(v) && v.length > 4 ? [...v.slice(0, 3), `… ${v.length - 3} more`] : v), 2);
}

/** A small generated artwork: an SVG with a colour per index. */
function artwork(i: number): string {
  const hue = (i * 29) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue} 70% 55%)"/><circle cx="32" cy="32" r="${8 + i}" fill="white"/></svg>\n`;
}

try {
  console.log(`mintkit demo: a local chain (Hardhat in-process) at ${rpcUrl}, a fresh project folder ${work}.`);
  console.log("Every command below runs with sh in that folder, after this set-up (paste it, then any command, while the demo runs):");
  for (const line of terminalSetup) console.log(`$ ${line}`);

  // 1. A collection through the factory.
  await mintkit(["deploy", "collection", "mintkit Demo", "DEMO", "--royalty-bps", "500", "--max-supply", "10000"]);

  // 2. Batch mint a folder of artworks (sidecar JSON gives each a name and traits).
  await mkdir(path.join(work, "art"));
  for (let i = 1; i <= 12; i++) {
    await writeFile(path.join(work, "art", `${i}.svg`), artwork(i));
    await writeFile(
      path.join(work, "art", `${i}.json`),
      JSON.stringify({ name: `Circle #${i}`, description: "A demo piece.", attributes: [{ trait_type: "Radius", value: 8 + i }] }),
    );
  }
  console.log("\n(12 generated SVG artworks with <id>.json sidecars written to art/)");
  await mintkit(["batch", "mintkit Demo", "art"]);

  // 3. A one-off piece with its own metadata.
  await copyFile(path.join(root, "test", "fixtures", "media", "pixel.png"), path.join(work, "cover.png"));
  await mintkit(["mint", "cover.png", "--collection", "mintkit Demo", "--name", "Pixel", "--description", "One piece, its own metadata URI.", "--attribute", "Colour=red"]);

  // 4. Upload again: content-addressed, so nothing new is written; export a CAR for services that take one.
  await mintkit(["upload", "art", "--car", "art.car"]);

  // 5. A lazy-mint voucher: the owner signs off-chain, a buyer (dev account 1) redeems and pays.
  await mintkit(["voucher", "sign", "--collection", "mintkit Demo", "--price", "0.01eth", "--valid-until", "+7d", "--out", "voucher.json"]);
  await mintkit(["voucher", "verify", "voucher.json"]);
  await mintkit(["--dev-account", "1", "voucher", "redeem", "voucher.json"]);

  // 6. What 1,000 more tokens would cost each way (an editions contract for the ERC-1155 row), and a plan
  //    that splits a 10,000-token mint of a fresh collection into transactions under the gas caps.
  await mintkit(["deploy", "editions", "mintkit Demo Prints", "DEMOP"]);
  await mintkit(["gas", "compare", "--collection", "mintkit Demo", "--editions", "mintkit Demo Prints", "--count", "1000", "--eth-price", "3000"]);
  await mintkit(["deploy", "collection", "mintkit Demo 10k", "DEMOK"]);
  await mintkit(["gas", "plan", "--collection", "mintkit Demo 10k", "--count", "10000"]);

  // 7. Token #1 resolves over a local gateway serving the embedded store (library code in this script, not a command).
  const collection = (JSON.parse(await readFile(path.join(work, "deployments", "31337.json"), "utf8")) as { collections: Record<string, { address: Address }> }).collections["mintkit Demo"]!.address;
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const tokenURI = await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "tokenURI", args: [1n] });
  const { createFsStore, startGateway } = await import("../src/node.js");
  const store = await createFsStore({ path: path.join(work, ".mintkit", "ipfs") });
  const gateway = await startGateway({ store });
  try {
    const url = gateway.urlFor(tokenURI);
    const metadata = (await (await fetch(url)).json()) as { name: string; image: string };
    const image = await fetch(gateway.urlFor(metadata.image));
    console.log(`\n(library: the collection's tokenURI(1) read on chain, then fetched from startGateway over the embedded store)\ntokenURI(1) = ${tokenURI}\n  GET ${url} → "${metadata.name}", image ${metadata.image} (${image.headers.get("content-type")}, ${(await image.arrayBuffer()).byteLength} bytes)`);
  } finally {
    await gateway.close();
    await store.close();
  }

  // 8. Credentials: an issuer proves a holder is over 18 without the birth date leaving the holder.
  const holder = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // Hardhat dev account 1
  const issuer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; // Hardhat dev account 0, the default signer
  await writeFile(path.join(work, "claims.json"), JSON.stringify({ nationality: "NL" }));
  console.log("\n(claims.json: { \"nationality\": \"NL\" })");
  const registry = (JSON.parse(await mintkit(["--json", "deploy", "credentials", "--name", "Demo KYC"])) as { address: Address }).address;
  await mintkit(["credential", "schema", "add", "--name", "KYC", "--field", "string nationality", "--age-over", "18,21"]);
  await mintkit([
    "credential", "issue", "--schema", "1", "--to", holder, "--claims", "claims.json",
    "--age-over", "18,21", "--birth-date", "2005-03-14", "--expiry", "+365d", "--out", "holder-claims.json",
  ]);
  const nonce = (JSON.parse(await mintkit(["--json", "credential", "challenge", "--audience", "https://shop.example"])) as { nonce: string }).nonce;
  await mintkit([
    "--dev-account", "1", "credential", "present", "--claims-file", "holder-claims.json", "--disclose", "age_over_18",
    "--audience", "https://shop.example", "--nonce", nonce, "--out", "presentation.json",
  ]);
  await mintkit([
    "credential", "verify", "presentation.json", "--audience", "https://shop.example", "--nonce", nonce,
    "--trusted-issuer", `${registry}:${issuer}`, "--require", "age_over_18", "--require-challenge",
  ]);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nDone in ${seconds} s. Everything the demo wrote is in ${work} (deployments/, .mintkit/, art/, art.car, voucher.json, holder-claims.json, presentation.json).`);
} finally {
  await server.close();
}
