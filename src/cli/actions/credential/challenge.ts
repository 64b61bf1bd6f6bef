/**
 * `mintkit credential challenge` (loaded lazily), and the verifier's nonce store it shares with
 * `credential verify`. NODE-ONLY. Credential commands tell time by the chain's latest block (as the
 * registry's `isValid` does): a challenge expires `--ttl` seconds after the chain's time when issued.
 */
import path from "node:path";
import { createNonce } from "../../../credentials/createNonce.js";
import type { NonceStore } from "../../../credentials/nonceStore.js";
import { createFileNonceStore } from "../../../credentials/node/createFileNonceStore.js";
import { resolveContext, type ChainContext } from "../../context.js";
import type { GlobalOptions } from "../../globalOptions.js";
import type { CommandResult } from "../../output.js";
import { invalidInput } from "../../parse.js";
import { isoTime, parseSeconds } from "./options.js";

/** Options of `credential challenge`. */
export interface ChallengeInput {
  audience: string;
  ttl?: string;
}

/** The verifier's nonce store of a project: `<dataDir>/nonces/<chainId>`. */
export function verifierNonceStore(ctx: ChainContext): NonceStore {
  return createFileNonceStore({ dir: path.join(ctx.dataDir, "nonces", String(ctx.chainId)) });
}

/** The chain's latest block time, in unix seconds: the one clock of the credential commands. */
export async function chainTime(ctx: ChainContext): Promise<number> {
  return Number((await ctx.publicClient.getBlock({ blockTag: "latest" })).timestamp);
}

/** Longest challenge lifetime accepted: 30 days. */
const MAX_TTL = 30 * 86_400;

/** Issues a fresh random nonce for a holder to present to `--audience`, recorded until `--ttl` passes. */
export async function issueChallenge(g: GlobalOptions, input: ChallengeInput): Promise<CommandResult> {
  if (input.audience.trim() === "") throw invalidInput("--audience", input.audience, "must not be empty", "Use your own name as a verifier, e.g. https://shop.example.");
  const ttl = input.ttl === undefined ? 600 : parseSeconds(input.ttl, "--ttl");
  if (ttl < 1 || ttl > MAX_TTL) throw invalidInput("--ttl", input.ttl ?? "", `must be 1 to ${MAX_TTL} seconds (30 days)`, "e.g. --ttl 600 (the default: 10 minutes).");
  const ctx = await resolveContext(g);
  const now = await chainTime(ctx);
  const nonce = createNonce();
  const expiresAt = now + ttl;
  await verifierNonceStore(ctx).issue({ nonce, audience: input.audience, expiresAt });
  return {
    data: { nonce, audience: input.audience, chainId: ctx.chainId, issuedAt: now, expiresAt, expiresAtIso: isoTime(expiresAt) },
    text: [
      `Challenge for the holder (valid until ${isoTime(expiresAt)}, chain time; accepted once):`,
      `  --audience ${input.audience} --nonce ${nonce}`,
      `The holder runs: mintkit credential present --claims-file <file> --disclose <claims> --audience ${input.audience} --nonce ${nonce} --out presentation.json`,
      `Then you run:    mintkit credential verify presentation.json --audience ${input.audience} --nonce ${nonce} --trusted-issuer <registry>:<issuer>`,
    ],
  };
}
