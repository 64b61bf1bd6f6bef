/**
 * Presentations can't be replayed: nonce stores (memory, file) and `verifyPresentation({ nonceStore })`,
 * against a real CredentialRegistry on Hardhat's in-process chain.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { spawn } from "node:child_process";
import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { keccak256, toHex, type Address } from "viem";
import {
  commitClaims,
  createClaims,
  createClaimsFile,
  createDisclosure,
  createMemoryNonceStore,
  createNonce,
  createPresentation,
  parseIssuedCredentials,
  verifyPresentation,
  type NonceStore,
} from "../../src/credentials/index.js";
import { createFileNonceStore } from "../../src/credentials/node/index.js";
import { isCredentialError } from "../../src/errors/CredentialError.js";

const { viem, networkHelpers } = await network.create();
const { time } = networkHelpers;
const ISSUER_ROLE = keccak256(toHex("ISSUER_ROLE"));
const AUDIENCE = "https://shop.example";

async function deploy() {
  const [owner, issuer, holder] = await viem.getWalletClients();
  const publicClient = await viem.getPublicClient();
  const chainId = await publicClient.getChainId();
  const registry = await viem.deployContract("CredentialRegistry", [
    { owner: owner!.account.address, name: "creds", symbol: "C", baseURI: "", contractURI: "" },
  ]);
  await registry.write.grantRole([ISSUER_ROLE, issuer!.account.address]);
  await registry.write.registerSchema(["Member", ["bool member"]], { account: issuer!.account });
  const claims = createClaims({ fields: ["bool member"], values: { member: true } });
  const hash = await registry.write.issue([holder!.account.address, 1, commitClaims(claims).root, 0, 1], { account: issuer!.account });
  const [issued] = parseIssuedCredentials((await publicClient.waitForTransactionReceipt({ hash })).logs, { registry: registry.address });
  const file = createClaimsFile({
    credential: { chainId, registry: registry.address, tokenId: issued!.tokenId, holder: holder!.account.address as Address, issuer: issuer!.account.address, schemaId: 1 },
    claims,
  });
  const trustedIssuers = [{ registry: registry.address, issuer: issuer!.account.address }];
  const present = async (nonce: string) =>
    createPresentation(holder!, {
      credential: file.credential,
      disclosure: createDisclosure({ claims: file.claims, names: ["member"] }),
      audience: AUDIENCE,
      nonce,
      issuedAt: await time.latest(),
    });
  return { publicClient, trustedIssuers, present };
}

type Fixture = Awaited<ReturnType<typeof deploy>>;
const codes = (r: { reasons: readonly { code: string }[] }) => r.reasons.map((x) => x.code);

async function issued(store: NonceStore, ttl = 600): Promise<string> {
  const nonce = createNonce();
  await store.issue({ nonce, audience: AUDIENCE, expiresAt: (await time.latest()) + ttl });
  return nonce;
}

function verifyWith(f: Fixture, store: NonceStore) {
  return async (p: Awaited<ReturnType<Fixture["present"]>>) =>
    verifyPresentation(f.publicClient, p, { trustedIssuers: f.trustedIssuers, audience: AUDIENCE, nonceStore: store, now: await time.latest() });
}

describe("credentials: nonce stores stop replayed presentations", () => {
  for (const kind of ["memory", "file"] as const) {
    const makeStore = async () => (kind === "memory" ? createMemoryNonceStore() : createFileNonceStore({ dir: await mkdtemp(path.join(tmpdir(), "mintkit-nonces-")) }));

    it(`${kind}: the same presentation verifies once, then is NONCE_REUSED`, async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const store = await makeStore();
      const verify = verifyWith(f, store);
      const p = await f.present(await issued(store));
      const first = await verify(p);
      expect(first.valid, JSON.stringify(first.reasons)).to.equal(true);
      const replay = await verify(p);
      expect(replay.valid).to.equal(false);
      expect(codes(replay)).to.deep.equal(["NONCE_REUSED"]);
      expect(replay.claims).to.deep.equal({});
    });

    it(`${kind}: a nonce never issued is NONCE_UNKNOWN; an expired one NONCE_EXPIRED (chain clock)`, async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const store = await makeStore();
      const verify = verifyWith(f, store);
      expect(codes(await verify(await f.present(createNonce())))).to.deep.equal(["NONCE_UNKNOWN"]);
      const nonce = await issued(store, 60);
      await time.increase(120);
      expect(codes(await verify(await f.present(nonce)))).to.deep.equal(["NONCE_EXPIRED"]);
    });

    it(`${kind}: an invalid presentation does not burn the nonce; nonces are never reissued`, async () => {
      const f = await networkHelpers.loadFixture(deploy);
      const store = await makeStore();
      const nonce = await issued(store);
      const p = await f.present(nonce);
      const forged = { ...p, audience: "https://evil.example" };
      const bad = await verifyPresentation(f.publicClient, forged, { trustedIssuers: f.trustedIssuers, audience: "https://evil.example", nonceStore: store, now: await time.latest() });
      expect(codes(bad)).to.include("BAD_SIGNATURE").and.not.include("NONCE_REUSED");
      expect((await verifyWith(f, store)(p)).valid).to.equal(true);
      let err: unknown;
      await store.issue({ nonce, audience: AUDIENCE, expiresAt: 2 ** 40 }).catch((e: unknown) => (err = e));
      expect(isCredentialError(err, "CREDENTIAL_NONCE_EXISTS"), String(err)).to.equal(true);
    });
  }

  it("verifyPresentation without nonce and nonceStore throws a typed error", async () => {
    const f = await networkHelpers.loadFixture(deploy);
    const p = await f.present("n");
    let err: unknown;
    await verifyPresentation(f.publicClient, p, { trustedIssuers: f.trustedIssuers, audience: AUDIENCE }).catch((e: unknown) => (err = e));
    expect(isCredentialError(err, "CREDENTIAL_INVALID_NONCE"), String(err)).to.equal(true);
  });

  it("file store: of 8 processes consuming the same nonce at once, exactly one gets ok", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mintkit-nonces-"));
    const store = createFileNonceStore({ dir });
    const nonce = createNonce();
    await store.issue({ nonce, audience: AUDIENCE, expiresAt: 2 ** 40 });
    // Separate Node processes run the built module (dist/: `npm run build` first, as for the CLI tests).
    const moduleUrl = new URL("../../dist/credentials/node/createFileNonceStore.js", import.meta.url).href;
    const script = path.join(dir, "consume.mjs");
    await writeFile(
      script,
      `const { createFileNonceStore } = await import(${JSON.stringify(moduleUrl)});\n` +
        `process.stdout.write(await createFileNonceStore({ dir: ${JSON.stringify(dir)} }).consume(${JSON.stringify(nonce)}, 1));\n`,
    );
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let errText = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (errText += d));
        child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(errText))));
      });
    const results = await Promise.all(Array.from({ length: 8 }, run));
    expect(results.filter((r) => r === "ok")).to.have.length(1);
    expect(results.filter((r) => r === "reused")).to.have.length(7);
    expect((await readdir(dir)).filter((n) => n.endsWith(".used"))).to.have.length(1);
  });

  it("file store: a corrupt record is a typed error naming the file, never a valid nonce", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mintkit-nonces-"));
    const store = createFileNonceStore({ dir });
    const nonce = createNonce();
    await store.issue({ nonce, audience: AUDIENCE, expiresAt: 2 ** 40 });
    const [issuedFile] = (await readdir(dir)).filter((n) => n.endsWith(".issued"));
    await writeFile(path.join(dir, issuedFile!), '{"nonce":');
    let err: unknown;
    await store.consume(nonce, 1).catch((e: unknown) => (err = e));
    expect(isCredentialError(err, "CREDENTIAL_NONCE_STORE_FAILED"), String(err)).to.equal(true);
    expect((err as Error).message).to.contain(issuedFile);
  });
});
