/**
 * mintkit demo (`npm run demo`): the whole minting flow and the credential flow, driven through the real
 * `mintkit` CLI (bin/mintkit.js → dist/), against a local chain and the embedded IPFS store. Nothing to
 * install or start: the script serves Hardhat's in-process chain (EDR) over HTTP on a free loopback port,
 * works in a fresh temporary folder, and prints every command it runs with its output.
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
 * Run `mintkit --help` (after `npm run build`: `npx mintkit --help`) for every command.
 */
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { network } from "hardhat";
import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { mintkitCollectionAbi } from "../src/contracts/index.js";
import { installDeterministicDeployer, type DeployClients } from "../src/deploy/index.js";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "mintkit.js");

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
const dataDir = path.join(work, ".mintkit");

/** Runs `mintkit <args>` in the work folder against the demo chain; prints the command and its output. */
async function mintkit(args: string[], options: { json?: boolean; quiet?: boolean } = {}): Promise<string> {
  const shown = args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(" ");
  console.log(`\n$ mintkit ${shown}`);
  const full = ["--rpc-url", rpcUrl, "--data-dir", dataDir, ...(options.json ? ["--json"] : []), ...args];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...full], { cwd: work, env: { ...process.env, NO_COLOR: "1" } });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (exit) => resolve({ code: exit, stdout: out, stderr: err }));
  });
  if (!options.quiet) {
    const text = options.json ? summarize(stdout) : stdout.trimEnd();
    if (text) console.log(indent(text));
  }
  if (code !== 0) {
    console.error(indent(stderr.trimEnd()));
    throw new Error(`mintkit ${args[0]} failed with exit code ${code}`);
  }
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
  console.log(`mintkit demo: local chain ${rpcUrl} (Hardhat in-process), work folder ${work}`);

  // 1. A collection through the factory.
  const deployed = JSON.parse(
    await mintkit(["deploy", "collection", "mintkit Demo", "DEMO", "--royalty-bps", "500", "--max-supply", "10000"], { json: true }),
  ) as { address: Address };
  const collection = deployed.address;

  // 2. Batch mint a folder of artworks (sidecar JSON gives each a name and traits).
  const art = path.join(work, "art");
  await mkdir(art);
  for (let i = 1; i <= 12; i++) {
    await writeFile(path.join(art, `${i}.svg`), artwork(i));
    await writeFile(
      path.join(art, `${i}.json`),
      JSON.stringify({ name: `Circle #${i}`, description: "A demo piece.", attributes: [{ trait_type: "Radius", value: 8 + i }] }),
    );
  }
  await mintkit(["batch", collection, art]);

  // 3. A one-off piece with its own metadata.
  await mintkit([
    "mint",
    path.join(root, "test", "fixtures", "media", "pixel.png"),
    "--collection",
    collection,
    "--name",
    "Pixel",
    "--description",
    "One piece, its own metadata URI.",
    "--attribute",
    "Colour=red",
  ]);

  // 4. Upload again: content-addressed, so nothing new is written; export a CAR for services that take one.
  await mintkit(["upload", art, "--car", path.join(work, "art.car")]);

  // 5. A lazy-mint voucher: the owner signs off-chain, a buyer (dev account 1) redeems and pays.
  const voucherFile = path.join(work, "voucher.json");
  await mintkit(["voucher", "sign", "--collection", collection, "--price", "0.01", "--valid-until", "+7d", "--out", voucherFile]);
  await mintkit(["voucher", "verify", voucherFile]);
  await mintkit(["--dev-account", "1", "voucher", "redeem", voucherFile]);

  // 6. What 1,000 more tokens would cost each way (an editions contract for the ERC-1155 row), and a plan
  //    that splits a 10,000-token mint of a fresh collection into transactions under the gas caps.
  const editions = (JSON.parse(await mintkit(["deploy", "editions", "mintkit Demo Prints", "DEMOP"], { json: true, quiet: true })) as { address: Address }).address;
  await mintkit(["gas", "compare", "--collection", collection, "--editions", editions, "--count", "1000", "--eth-price", "3000"]);
  const fresh = (JSON.parse(await mintkit(["deploy", "collection", "mintkit Demo 10k", "DEMOK"], { json: true, quiet: true })) as { address: Address }).address;
  await mintkit(["gas", "plan", "--collection", fresh, "--count", "10000"]);

  // 7. Token #1 resolves over a local gateway serving the embedded store.
  const publicClient = createPublicClient({ transport: http(rpcUrl) });
  const tokenURI = await publicClient.readContract({ address: collection, abi: mintkitCollectionAbi, functionName: "tokenURI", args: [1n] });
  const { createFsStore, startGateway } = await import("../src/node.js");
  const store = await createFsStore({ path: path.join(dataDir, "ipfs") });
  const gateway = await startGateway({ store });
  try {
    const url = gateway.urlFor(tokenURI);
    const metadata = (await (await fetch(url)).json()) as { name: string; image: string };
    const image = await fetch(gateway.urlFor(metadata.image));
    console.log(`\ntokenURI(1) = ${tokenURI}\n  GET ${url} → "${metadata.name}", image ${metadata.image} (${image.headers.get("content-type")}, ${(await image.arrayBuffer()).byteLength} bytes)`);
  } finally {
    await gateway.close();
    await store.close();
  }

  // 8. Credentials: an issuer proves a holder is over 18 without the birth date leaving the holder.
  const holder = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // Hardhat dev account 1
  const claims = path.join(work, "claims.json");
  await writeFile(claims, JSON.stringify({ nationality: "NL" }));
  const registry = (JSON.parse(await mintkit(["deploy", "credentials", "--name", "Demo KYC"], { json: true })) as { address: Address }).address;
  await mintkit(["credential", "schema", "add", "--registry", registry, "--name", "KYC", "--field", "string nationality", "--age-over", "18,21"]);
  const holderClaims = path.join(work, "holder-claims.json");
  await mintkit([
    "credential", "issue", "--registry", registry, "--schema", "1", "--to", holder, "--claims", claims,
    "--age-over", "18,21", "--birth-date", "2005-03-14", "--expiry", "+365d", "--out", holderClaims,
  ]);
  const presentation = path.join(work, "presentation.json");
  await mintkit([
    "--dev-account", "1", "credential", "present", "--claims-file", holderClaims, "--disclose", "age_over_18",
    "--audience", "https://shop.example", "--nonce", "demo-nonce-1", "--out", presentation,
  ]);
  const issuer = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; // Hardhat dev account 0
  await mintkit([
    "credential", "verify", presentation, "--audience", "https://shop.example", "--nonce", "demo-nonce-1",
    "--trusted-issuer", `${registry}:${issuer}`, "--require", "age_over_18",
  ]);

  console.log(`\nDone. Everything the demo wrote is in ${work} (deployments/, .mintkit/, art.car, voucher.json, holder-claims.json, presentation.json).`);
} finally {
  await server.close();
}
