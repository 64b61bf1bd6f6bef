/**
 * Off-chain voucher signature verification per second: mintkit (`recoverVoucherSigner`, the contracts'
 * ECDSA rules: EIP-712 digest, low-s, v 27/28, recover, compare) against ethers 6 (`verifyTypedData`,
 * compare), on the same signed vouchers, in the same rounds.
 */
import { Wallet, verifyTypedData as ethersVerifyTypedData } from "ethers";
import { getAddress, isAddressEqual, keccak256, toHex, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { createVoucher, recoverVoucherSigner, voucherDomain, voucherTypes, type Voucher } from "../../src/index.js";
import type { LibContext, LibMeasurement, MeasurementResult } from "./shared/measurement.js";
import { compare, stats } from "./shared/timing.js";

const VOUCHERS = 1_000;
const CHAIN_ID = 8453;
const CONTRACT: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

interface Case {
  readonly voucher: Voucher;
  readonly signature: Hex;
  /** The signer the verifier is told about (a tampered case names another one). */
  readonly signer: Address;
  readonly expected: boolean;
}

/** Deterministic signed vouchers from 4 keys, every 10th one checked against the wrong signer. */
async function makeCases(): Promise<Case[]> {
  const keys = [0, 1, 2, 3].map((i) => privateKeyToAccount(keccak256(toHex(`mintkit bench voucher signer ${i}`))));
  const domain = voucherDomain(CHAIN_ID, CONTRACT);
  const cases: Case[] = [];
  for (let i = 0; i < VOUCHERS; i++) {
    const key = keys[i % keys.length]!;
    const voucher = createVoucher({
      uid: BigInt(i + 1),
      to: i % 3 === 0 ? key.address : "0x0000000000000000000000000000000000000000",
      quantity: BigInt(1 + (i % 5)),
      price: BigInt(i) * 10_000_000_000_000n,
      uri: i % 2 === 0 ? "" : `ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/${i}.json`,
      validUntil: 2_000_000_000n + BigInt(i),
    });
    const signature = await key.signTypedData({ domain, types: voucherTypes, primaryType: "Voucher", message: voucher });
    const tampered = i % 10 === 9;
    cases.push({ voucher, signature, signer: tampered ? keys[(i + 1) % keys.length]!.address : key.address, expected: !tampered });
  }
  return cases;
}

/** The voucher as ethers takes it (bigints are fine; the types are the same EIP-712 types). */
function ethersTypes(): Record<string, { name: string; type: string }[]> {
  return { Voucher: voucherTypes.Voucher.map((f) => ({ name: f.name, type: f.type })) };
}

async function run(ctx: LibContext): Promise<MeasurementResult> {
  const cases = await makeCases();
  const domain = voucherDomain(CHAIN_ID, CONTRACT);
  const types = ethersTypes();
  // Sanity: ethers signs the same digest viem does (same signature bytes for the same key and voucher).
  const probeKey = keccak256(toHex("mintkit bench voucher signer 0"));
  const ethersSig = await new Wallet(probeKey).signTypedData(domain, types, cases[0]!.voucher);
  if (ethersSig !== cases[0]!.signature) throw new Error("ethers and viem produce different signatures for the same voucher");

  const verdicts: Record<string, boolean[]> = {};
  const mintkit = async (): Promise<boolean[]> => {
    const out: boolean[] = new Array(cases.length);
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const recovered = await recoverVoucherSigner({ voucher: c.voucher, signature: c.signature, contract: CONTRACT, chainId: CHAIN_ID });
      out[i] = recovered !== undefined && isAddressEqual(recovered, c.signer);
    }
    return out;
  };
  const ethers = async (): Promise<boolean[]> => {
    const out: boolean[] = new Array(cases.length);
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      out[i] = getAddress(ethersVerifyTypedData(domain, types, c.voucher, c.signature)) === c.signer;
    }
    return out;
  };
  const check = (name: string) => async (result: unknown) => {
    const got = result as boolean[];
    verdicts[name] = got;
    const wrong = got.findIndex((v, i) => v !== cases[i]!.expected);
    if (wrong !== -1) throw new Error(`${name} got verdict ${got[wrong]} for voucher ${wrong}, expected ${cases[wrong]!.expected}`);
  };
  const ms = await compare(
    [
      { name: "mintkit", run: mintkit, check: check("mintkit") },
      { name: "ethers 6", run: ethers, check: check("ethers 6") },
    ],
    { runs: ctx.runs, warmup: ctx.warmup, log: ctx.log },
  );
  // Wall ms per run -> vouchers per second. CPU stays in the facts (as ms per run): `cpuMedian` is read as
  // the measurement's unit by the report, and CPU ms are not ops/s.
  const perSecond = (name: string) => stats(ms[name]!.samples.map((sample) => (VOUCHERS * 1000) / sample));
  const subjects = { mintkit: perSecond("mintkit"), "ethers 6": perSecond("ethers 6") };
  ctx.log(`mintkit ${subjects.mintkit.median.toFixed(0)} verifications/s, ethers 6 ${subjects["ethers 6"].median.toFixed(0)}/s`);
  return {
    subjects,
    facts: {
      vouchers: VOUCHERS,
      invalidVouchers: cases.filter((c) => !c.expected).length,
      sameVerdicts: JSON.stringify(verdicts["mintkit"]) === JSON.stringify(verdicts["ethers 6"]),
      sameSignatures: true,
      mintkitCpuMsPerRun: ms["mintkit"]!.cpuMedian ?? -1,
      ethersCpuMsPerRun: ms["ethers 6"]!.cpuMedian ?? -1,
    },
    notes: [
      `mintkitCpuMsPerRun / ethersCpuMsPerRun: median CPU time to verify all ${VOUCHERS} vouchers (lower is better).`,
      "Both refuse malleable (high-s) signatures; mintkit also refuses v 0/1 (the contracts' ecrecover does), which ethers accepts. No such signature is in the set.",
    ],
  };
}

export const measurements: LibMeasurement[] = [
  {
    key: "voucher_verify_offchain",
    title: "voucher signature verifications/s",
    methodology:
      `${VOUCHERS} deterministic EIP-712 vouchers signed by 4 keys (every 10th checked against the wrong signer). ` +
      "Per run, each subject verifies all of them in a loop: mintkit recoverVoucherSigner({ voucher, signature, contract, " +
      "chainId }) (EIP-712 digest, low-s and v checks, ecrecover) and compares with the expected signer; ethers 6 " +
      "verifyTypedData(domain, types, voucher, signature) and compares. Both must give the expected verdict for every " +
      "voucher. Reported as vouchers per second (higher is better), warm-up then alternating rounds (bench/lib/shared/timing.ts).",
    unit: "ops/s",
    subjects: ["mintkit", "ethers 6"],
    target: { kind: "ratio", peer: "ethers 6", min: 1, text: ">= 1.0x ethers 6" },
    run,
  },
];
