/**
 * Credential presentations verified per second, off-chain part (no RPC): mintkit's disclosure check (claims
 * canonicalised, EAS private-data leaves, OpenZeppelin multiproof against the claims root) + the holder's
 * EIP-712 signature check, against the EAS SDK's `PrivateData.verifyMultiProof` on the same disclosures
 * (and the EAS SDK + ethers `verifyTypedData`, the like-for-like peer of the whole off-chain check).
 */
import { createRequire } from "node:module";
import { keccak256, toHex, verifyTypedData, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createClaims } from "../../src/credentials/createClaims.js";
import { createDisclosure } from "../../src/credentials/createDisclosure.js";
import { presentationDomain, presentationMessage, presentationTypes, type Presentation } from "../../src/credentials/presentationTypes.js";
import { checkDisclosure } from "../../src/credentials/verifyDisclosure.js";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { compare, stats, type TimedSubject } from "./shared/timing.js";

const require = createRequire(import.meta.url);

/** Distinct credentials (holders, claim values, salts) verified per timed job. */
const PRESENTATIONS = 200;
const CLAIMS = 16;
const DISCLOSED = ["age_over_18", "nationality", "licence_class"] as const;
const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
const CHAIN_ID = 31337;

const MINTKIT = "mintkit";
const EAS = "EAS SDK PrivateData.verifyMultiProof";
const EAS_ETHERS = "EAS SDK multiproof + ethers verifyTypedData";

const FIELDS = [
  "bool age_over_18",
  "bool age_over_21",
  "bool age_over_65",
  "string given_name",
  "string family_name",
  "string nationality",
  "string document_number",
  "string issuing_authority",
  "uint16 birth_year",
  "uint32 licence_class",
  "uint256 points",
  "int64 balance",
  "address wallet",
  "bytes32 document_hash",
  "bytes4 country_code",
  "bytes photo_hash",
] as const;

/** Deterministic 32 bytes from a label. */
const det = (label: string): Hex => keccak256(toHex(label));

interface Fixture {
  readonly presentation: Presentation;
  /** The on-chain claims root the verifier would read (no RPC here: taken from the issuer's tree). */
  readonly root: Hex;
}

async function fixtures(): Promise<Fixture[]> {
  const out: Fixture[] = [];
  for (let i = 0; i < PRESENTATIONS; i++) {
    const account = privateKeyToAccount(det(`holder ${i}`));
    const values = {
      age_over_18: true,
      age_over_21: i % 2 === 0,
      age_over_65: false,
      given_name: `Given ${i}`,
      family_name: `Family ${i}`,
      nationality: ["NL", "FR", "DE", "JP"][i % 4]!,
      document_number: `X${1_000_000 + i}`,
      issuing_authority: "Gemeente Utrecht",
      birth_year: 1950 + (i % 60),
      licence_class: i % 7,
      points: BigInt(i) * 10n ** 18n,
      balance: -BigInt(i),
      wallet: account.address,
      document_hash: det(`doc ${i}`),
      country_code: det(`cc ${i}`).slice(0, 10) as Hex,
      photo_hash: det(`photo ${i}`),
    };
    const salts = Object.fromEntries(FIELDS.map((f) => [f.split(" ")[1]!, det(`salt ${i} ${f}`)]));
    const claims = createClaims({ fields: FIELDS, values, salts });
    if (claims.length !== CLAIMS) throw new Error(`expected ${CLAIMS} claims, got ${claims.length}`);
    const disclosure = createDisclosure({ claims, names: DISCLOSED });
    const tokenId = (BigInt(account.address) << 96n) | (1n << 64n);
    const unsigned = {
      chainId: CHAIN_ID,
      registry: REGISTRY,
      tokenId,
      holder: account.address,
      audience: "https://shop.example",
      nonce: det(`nonce ${i}`),
      issuedAt: 1_800_000_000 + i,
      disclosure,
    };
    const leaves = checkDisclosure(disclosure);
    if (!leaves.ok) throw new Error("fixture disclosure does not verify");
    const signature = await account.signTypedData({
      domain: presentationDomain(CHAIN_ID, REGISTRY),
      types: presentationTypes,
      primaryType: "Presentation",
      message: presentationMessage({ ...unsigned, claimsRoot: disclosure.root, leaves: [...leaves.leaves] }),
    });
    out.push({ presentation: { ...unsigned, signature }, root: disclosure.root });
  }
  return out;
}

/** The off-chain part of `verifyPresentation`: disclosure against the root, then the holder's signature. */
async function mintkitVerify(f: Fixture): Promise<boolean> {
  const p = f.presentation;
  const check = checkDisclosure(p.disclosure, f.root);
  if (!check.ok) return false;
  return verifyTypedData({
    address: p.holder,
    domain: presentationDomain(p.chainId, p.registry),
    types: presentationTypes,
    primaryType: "Presentation",
    message: presentationMessage({ ...p, claimsRoot: p.disclosure.root, leaves: [...check.leaves] }),
    signature: p.signature,
  });
}

type EasSdk = typeof import("@ethereum-attestation-service/eas-sdk");
type Ethers = typeof import("ethers");

function easLeaves(f: Fixture) {
  const d = f.presentation.disclosure;
  return { leaves: d.claims.map((c) => ({ type: c.type, name: c.name, value: c.value, salt: c.salt })), proof: [...d.proof], proofFlags: [...d.proofFlags] };
}

let cached: Promise<Fixture[]> | undefined;

/** Runs one measurement: `which` picks the subjects (the whole off-chain check, or the multiproof alone). */
async function measure(ctx: LibContext, which: "presentation" | "multiproof"): Promise<MeasurementResult> {
  const { PrivateData } = require("@ethereum-attestation-service/eas-sdk") as EasSdk;
  const ethers = require("ethers") as Ethers;
  const set = await (cached ??= fixtures());
  // The peers take their inputs in their own shapes, prepared untimed.
  const eas = set.map((f) => ({ root: f.root, proof: easLeaves(f) }));
  const ethersTypes = { Presentation: presentationTypes.Presentation.map((t) => ({ ...t })) };
  const ethersInputs = set.map((f) => {
    const p = f.presentation;
    const leaves = checkDisclosure(p.disclosure);
    if (!leaves.ok) throw new Error("fixture");
    return {
      holder: p.holder,
      domain: { ...presentationDomain(p.chainId, p.registry) },
      message: presentationMessage({ ...p, claimsRoot: p.disclosure.root, leaves: [...leaves.leaves] }),
      signature: p.signature,
    };
  });

  const easMultiproof = async () => eas.map((e) => PrivateData.verifyMultiProof(e.root, e.proof));
  const jobs: Record<string, () => Promise<boolean[]>> =
    which === "presentation"
      ? {
          [MINTKIT]: async () => {
            const r: boolean[] = [];
            for (const f of set) r.push(await mintkitVerify(f));
            return r;
          },
          [EAS_ETHERS]: async () =>
            eas.map(
              (e, i) =>
                PrivateData.verifyMultiProof(e.root, e.proof) &&
                ethers.verifyTypedData(ethersInputs[i]!.domain, ethersTypes, ethersInputs[i]!.message, ethersInputs[i]!.signature) === ethersInputs[i]!.holder,
            ),
          [EAS]: easMultiproof,
        }
      : {
          [MINTKIT]: async () => set.map((f) => checkDisclosure(f.presentation.disclosure, f.root).ok),
          [EAS]: easMultiproof,
        };

  // Same answers before timing: every subject accepts every presentation; a tampered salt is rejected.
  for (const [name, job] of Object.entries(jobs)) {
    const answers = await job();
    if (answers.length !== PRESENTATIONS || !answers.every(Boolean)) throw new Error(`${name} does not accept every fixture presentation`);
  }
  const tampered = set[0]!;
  const bad = { ...tampered.presentation.disclosure, claims: tampered.presentation.disclosure.claims.map((c, i) => (i === 0 ? { ...c, salt: det("other salt") } : c)) };
  const badFixture: Fixture = { root: tampered.root, presentation: { ...tampered.presentation, disclosure: bad } };
  if ((await mintkitVerify(badFixture)) || PrivateData.verifyMultiProof(tampered.root, easLeaves(badFixture))) {
    throw new Error("a tampered disclosure was accepted");
  }

  const subjects: TimedSubject<boolean[]>[] = Object.entries(jobs).map(([name, job]) => ({
    name,
    run: job,
    async check(result) {
      if (!result.every(Boolean)) throw new Error(`${name} rejected a valid presentation`);
    },
  }));
  const timed = await compare(subjects, { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log });
  const perSecond = Object.fromEntries(
    Object.entries(timed).map(([name, s]) => [name, stats(s.samples.map((ms) => (PRESENTATIONS * 1000) / ms))]),
  );
  const mk = perSecond[MINTKIT]!.median;
  ctx.log(
    Object.entries(perSecond)
      .map(([name, s]) => `${name}: ${Math.round(s.median).toLocaleString("en-US")}/s`)
      .join("; "),
  );
  const ratioTo = (peer: string) => Math.round((mk / perSecond[peer]!.median) * 100) / 100;
  return {
    subjects: perSecond,
    facts: {
      presentationsPerJob: PRESENTATIONS,
      claimsPerCredential: CLAIMS,
      disclosedPerPresentation: DISCLOSED.length,
      allAccepted: true,
      tamperedRejected: true,
      ...(which === "presentation" ? { ratioVsEasPlusEthers: ratioTo(EAS_ETHERS), ratioVsEasMultiproofOnly: ratioTo(EAS) } : { ratioVsEasMultiproof: ratioTo(EAS) }),
    },
    notes:
      which === "presentation"
        ? [
            `mintkit checks the multiproof and recovers the holder's EIP-712 signature; "${EAS}" checks the multiproof only (listed for reference: it is not the same work), "${EAS_ETHERS}" is the same work. Signature recovery (noble secp256k1 in both viem and ethers) dominates.`,
          ]
        : ["The Merkle part alone: mintkit's checkDisclosure (which also canonicalises and type-checks every disclosed claim) vs EAS's verifyMultiProof."],
  };
}

const fixtureText =
  `${PRESENTATIONS} distinct presentations (deterministic holders, values and salts), each of a credential with ${CLAIMS} claims of 16 ` +
  `Solidity types, ${DISCLOSED.length} disclosed (${DISCLOSED.join(", ")}). One timed job verifies all of them in sequence, in process, no RPC. ` +
  `Every subject is checked to accept all ${PRESENTATIONS} and a tampered salt to be rejected before timing; compare() rounds alternate the ` +
  `order; per second = ${PRESENTATIONS} / wall time of the job, median of the runs. EAS SDK 2.10 is loaded from its CommonJS build.`;

export const measurements: LibMeasurement[] = [
  {
    key: "credential_presentations_per_second",
    title: "credential presentations verified per second (off-chain part)",
    methodology:
      `${fixtureText} mintkit = the off-chain part of verifyPresentation: checkDisclosure (claims canonicalised, EAS private-data leaves, ` +
      `OpenZeppelin multiproof against the claims root) then viem verifyTypedData of the holder's EIP-712 presentation signature. ` +
      `Peers: EAS SDK PrivateData.verifyMultiProof + ethers 6 verifyTypedData of the same signature (same work), and ` +
      `PrivateData.verifyMultiProof alone (reference).`,
    unit: "ops/s",
    subjects: [MINTKIT, EAS_ETHERS, EAS],
    run: (ctx) => measure(ctx, "presentation"),
  },
  {
    key: "credential_disclosure_multiproofs_per_second",
    title: "credential disclosures (3 of 16 claims) checked per second, multiproof only",
    methodology: `${fixtureText} mintkit = checkDisclosure against the claims root; peer = EAS SDK PrivateData.verifyMultiProof on the same disclosures.`,
    unit: "ops/s",
    subjects: [MINTKIT, EAS],
    target: { kind: "ratio", peer: EAS, min: 1, text: ">= 1.0x EAS SDK" },
    run: (ctx) => measure(ctx, "multiproof"),
  },
];
