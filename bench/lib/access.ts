/**
 * Door throughput (issue 13): access proofs verified and checked in per second against a local chain
 * (Hardhat's in-process EDR), one Node thread. mintkit's `admitAccess` (decode the QR payload, chain,
 * audience, event, expiry, ECDSA first then ERC-1271/6492, `ownerOf` at the latest block, nonce and
 * check-in in a SQLite file in WAL mode) against a peer door built from viem's `verifySiweMessage`
 * (parse the SIWE text, validate, verify through the ERC-6492 universal validator by `eth_call`) followed
 * by the same `ownerOf` read and the same store. Target: mintkit >= 200 admissions/s.
 */
import path from "node:path";
import { network } from "hardhat";
import { erc721Abi, getAddress, isAddressEqual, keccak256, toHex, type Address } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { verifySiweMessage } from "viem/siwe";
import { accessMessage, admitAccess, createAccessChallenge, encodeAccessProof, type AccessProof } from "../../src/index.js";
import { openSqliteCheckInStore } from "../../src/node.js";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { compare, stats } from "./shared/timing.js";

const TICKETS = 200;
const HOLDERS = 4;
const AUDIENCE = "https://door.example";
const TARGET = 200;

async function run(ctx: LibContext): Promise<MeasurementResult> {
  const { viem } = await network.connect();
  const publicClient = await viem.getPublicClient();
  const [owner] = await viem.getWalletClients();
  const chainId = await publicClient.getChainId();
  const holders = Array.from({ length: HOLDERS }, (_, i) => privateKeyToAccount(keccak256(toHex(`mintkit bench access holder ${i}`))));
  const collection = await viem.deployContract("MintkitCollection", [
    {
      owner: getAddress(owner!.account.address),
      name: "mintkit Bench Tickets",
      symbol: "MKT",
      baseURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/",
      contractURI: "",
      maxSupply: 10_000n,
      royaltyReceiver: getAddress(owner!.account.address),
      royaltyBps: 0n,
      primarySaleRecipient: "0x0000000000000000000000000000000000000000",
    },
  ]);
  const perHolder = TICKETS / HOLDERS;
  const tokens: { id: bigint; holder: number }[] = [];
  for (let h = 0; h < HOLDERS; h++) {
    const first = await collection.read.nextTokenId();
    await collection.write.mintBatch([holders[h]!.address, BigInt(perHolder), first]);
    for (let i = 0; i < perHolder; i++) tokens.push({ id: first + BigInt(i), holder: h });
  }
  const store = await openSqliteCheckInStore({ path: path.join(ctx.workDir, "checkins.sqlite") });
  const now = Number((await publicClient.getBlock()).timestamp);
  // Each (subject, round) is its own event with fresh proofs, signed untimed in `prepare`.
  const batches = new Map<string, { event: string; proofs: AccessProof[]; payloads: string[] }>();
  const prepare = (name: string) => async (round: number) => {
    const event = `bench-${name.replace(/[^a-z0-9]/gi, "")}-${round}`;
    const proofs: AccessProof[] = [];
    for (const t of tokens) {
      const challenge = createAccessChallenge({ audience: AUDIENCE, event, chainId, grant: { kind: "erc721", collection: collection.address }, now, ttl: 86_400 });
      const holder = holders[t.holder]!;
      const signature = await holder.signMessage({ message: accessMessage(challenge, { holder: holder.address, tokenId: t.id }) });
      proofs.push({ challenge, holder: holder.address, tokenId: t.id, signature });
    }
    batches.set(name, { event, proofs, payloads: proofs.map(encodeAccessProof) });
  };
  const accept = { collection: collection.address };
  const mintkit = async (): Promise<number> => {
    const { event, payloads } = batches.get("mintkit")!;
    let admitted = 0;
    for (const proof of payloads) if ((await admitAccess(publicClient, { proof, audience: AUDIENCE, event, accept, store })).admitted) admitted++;
    return admitted;
  };
  const peer = async (): Promise<number> => {
    const { event, proofs } = batches.get("viem verifySiweMessage")!;
    let admitted = 0;
    for (const p of proofs) {
      const message = accessMessage(p.challenge, { holder: p.holder, tokenId: p.tokenId });
      const block = await publicClient.getBlock();
      const ok = await verifySiweMessage(publicClient, { message, signature: p.signature, domain: "door.example", time: new Date(Number(block.timestamp) * 1000) });
      if (!ok) continue;
      const owner: Address = await publicClient.readContract({ address: collection.address, abi: erc721Abi, functionName: "ownerOf", args: [p.tokenId], blockNumber: block.number });
      if (!isAddressEqual(owner, p.holder)) continue;
      if (!(await store.useNonce(p.challenge.nonce, p.challenge.expiresAt))) continue;
      const r = await store.checkIn({ event, chainId, kind: "erc721", collection: collection.address, tokenId: p.tokenId, holder: p.holder, nonce: p.challenge.nonce, at: Number(block.timestamp) });
      if (r.admitted) admitted++;
    }
    return admitted;
  };
  const check = (name: string) => async (result: unknown) => {
    if (result !== TICKETS) throw new Error(`${name} admitted ${String(result)} of ${TICKETS} valid tickets`);
  };
  const ms = await compare(
    [
      { name: "mintkit", prepare: prepare("mintkit"), run: mintkit, check: check("mintkit") },
      { name: "viem verifySiweMessage", prepare: prepare("viem verifySiweMessage"), run: peer, check: check("viem verifySiweMessage") },
    ],
    { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log },
  );
  await store.close();
  const perSecond = (name: string) => stats(ms[name]!.samples.map((sample) => (TICKETS * 1000) / sample));
  const subjects = { mintkit: perSecond("mintkit"), "viem verifySiweMessage": perSecond("viem verifySiweMessage") };
  const cpuPerSecond = (TICKETS * 1000) / (ms["mintkit"]!.cpuMedian ?? Number.NaN);
  ctx.log(`mintkit ${subjects.mintkit.median.toFixed(0)} admissions/s (target >= ${TARGET}), viem verifySiweMessage door ${subjects["viem verifySiweMessage"].median.toFixed(0)}/s`);
  return {
    subjects,
    facts: {
      tickets: TICKETS,
      holders: HOLDERS,
      targetPerSecond: TARGET,
      meetsTarget: subjects.mintkit.median >= TARGET,
      mintkitAdmissionsPerCpuSecond: Math.round(cpuPerSecond),
      mintkitCpuMsPerRun: ms["mintkit"]!.cpuMedian ?? -1,
      peerCpuMsPerRun: ms["viem verifySiweMessage"]!.cpuMedian ?? -1,
    },
    notes: [
      `Target: >= ${TARGET} admissions/s for mintkit (wall clock, one Node thread; the in-process chain answers on EDR's threads, counted in the CPU figures).`,
      "mintkitAdmissionsPerCpuSecond: admissions per second of process CPU (all threads, chain included).",
    ],
  };
}

export const measurements: LibMeasurement[] = [
  {
    key: "access_verify_and_checkin_per_second",
    title: "door admissions/s (verify + check-in)",
    methodology:
      `${TICKETS} ERC-721 tickets held by ${HOLDERS} keys on Hardhat's in-process chain; per run a fresh event and ${TICKETS} fresh ` +
      "proofs (signed untimed before the run). Timed: admitting every proof in sequence into one SQLite check-in file (WAL). " +
      "mintkit: admitAccess(publicClient, { proof: payload text, audience, event, accept, store }) — decode, checks, ECDSA " +
      "(ERC-1271/6492 only when it does not match), ownerOf at the latest block, nonce + check-in. Peer: viem " +
      "verifySiweMessage (ERC-6492 validator eth_call per proof) on the same SIWE text, then the same ownerOf read and store calls. " +
      "Every subject must admit all tickets. Reported as admissions per second (higher is better).",
    unit: "ops/s",
    subjects: ["mintkit", "viem verifySiweMessage"],
    run,
  },
];
