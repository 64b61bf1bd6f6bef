/**
 * The measurements: one entry per operation key of bench/results/gas.json. Each says exactly what its
 * number is (`methodology`), runs every subject that can do the job, and may carry a target. Adding an
 * operation (e.g. the credential registry's) is adding an entry to MEASUREMENTS.
 *
 * Conventions shared by all measurements:
 * - gas is `receipt.gasUsed` of one transaction (intrinsic 21,000 + calldata + execution - refunds);
 * - every subject is freshly deployed for the measurement by account 0 (the owner), with the config in
 *   config.ts; "fresh" recipients are deterministic never-used addresses (config.ts `freshAddress`), the
 *   same for every subject so the calldata is byte-identical;
 * - "steady state": the operation measured is never the contract's first of its kind (a warm-up call
 *   first turns the id counters and bitmap words from zero to non-zero, as on any live collection).
 */
import { keccak256, toBytes, type Address } from "viem";
import { transferredTokenIds, type BenchChain, type WalletClient } from "./chain.js";
import {
  BATCH_CROSS_WORD,
  BATCH_LARGE,
  BATCH_SMALL,
  EDITION,
  VOUCHER_PRICE,
  VOUCHER_VALID_UNTIL,
  freshAddress,
} from "./config.js";
import type { Collection721, Deployable, Editions1155, LazyRedeemer } from "./subjects.js";
import {
  CLAIMS,
  CREDENTIAL_EXPIRY,
  CREDENTIAL_SUBJECTS,
  DISCLOSED,
  type CredentialSubject,
  EAS_PRIVATE_DATA_SCHEMA,
  claimsTree,
  disclosure,
  issueFresh,
  viewExecutionGas,
} from "./credentials.js";
import { baseUriVoucher, explicitIdVoucher, signVoucher, type Voucher } from "./vouchers.js";

/** Gas per subject for one operation, e.g. { mintkit: 75123, oz: 75869 }. */
export type Row = Record<string, number>;
/** All results so far, by operation key. */
export type Results = Record<string, Row>;

export interface BenchContext {
  chain: BenchChain;
  /** Account 0: deploys every contract, owns it, mints and signs vouchers. */
  owner: WalletClient;
  /** Account 1: receives single and batch mints, then transfers them. */
  holder: WalletClient;
  /** ERC-721 subjects deployed directly: mintkit (if built) first, then the peers. */
  collections: Deployable<Collection721>[];
  /** mintkit's collection through the factory (clone), if built. */
  collectionClones: Deployable<Collection721>[];
  lazy: Deployable<LazyRedeemer>[];
  lazyClones: Deployable<LazyRedeemer>[];
  editions: Deployable<Editions1155>[];
  editionsClones: Deployable<Editions1155>[];
  /** mintkit's credential registry through the factory (clone), if built. */
  credentialClones: CredentialSubject[];
  /** Deploy gas of each subject, recorded by the deploy measurements. */
  results: Results;
  /** Notes for the report (skipped subjects and why; where a worst case was found). */
  notes: string[];
}

export interface Target {
  /** The largest passing value for mintkit. */
  limit: number;
  /** How the limit is stated, e.g. "<= 75,400" or "<= 1.5x transfer_normal". */
  text: string;
}

export interface Measurement {
  key: string;
  /** What is measured, in a few words (the table's first column). */
  title: string;
  /** Exactly how the number is obtained. */
  methodology: string;
  run(ctx: BenchContext): Promise<Row>;
  /** The target for mintkit's number, if any; may depend on other results. */
  target?(results: Results): Target | undefined;
  /** Print-only: clone rows show their difference to this direct-deploy row. */
  cloneOf?: string;
}

/** Runs `job` for every subject; a subject that fails is noted and left out, never fatal. */
async function eachSubject<S extends { subject: string }>(
  ctx: BenchContext,
  key: string,
  subjects: S[],
  job: (subject: S) => Promise<number | undefined>,
): Promise<Row> {
  const row: Row = {};
  for (const subject of subjects) {
    try {
      const gas = await ctx.chain.isolated(() => job(subject));
      if (gas !== undefined) row[subject.subject] = gas;
    } catch (error) {
      ctx.notes.push(`${key}: ${subject.subject} failed: ${firstLine(error)}`);
    }
  }
  return row;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n").find((line) => line.trim() !== "") ?? text;
}

const n = (gas: bigint) => Number(gas);
const fixed = (limit: number, text = `<= ${limit.toLocaleString("en-US")}`): Target => ({ limit, text });

// ----------------------------------------------------------------------------------------------------
// ERC-721 jobs, shared by the direct and the clone rows
// ----------------------------------------------------------------------------------------------------

async function mintSingleFresh(ctx: BenchContext, subject: Deployable<Collection721>): Promise<number> {
  const { contract } = await subject.deploy(ctx.chain, ctx.owner);
  await ctx.chain.send(contract.mint(ctx.holder.account.address), ctx.owner); // warm-up: not the first mint
  const { gasUsed } = await ctx.chain.send(contract.mint(freshAddress("mint_single_fresh")), ctx.owner);
  return n(gasUsed);
}

async function transferNormal(ctx: BenchContext, subject: Deployable<Collection721>): Promise<number> {
  const { contract } = await subject.deploy(ctx.chain, ctx.owner);
  const holder = ctx.holder.account.address;
  const first = await ctx.chain.send(contract.mint(holder), ctx.owner);
  await ctx.chain.send(contract.mint(holder), ctx.owner); // the holder keeps this one: balance stays nonzero
  const [tokenId] = transferredTokenIds(first.receipt, contract.address);
  if (tokenId === undefined) throw new Error("mint emitted no Transfer");
  const call = transferFrom(contract, holder, freshAddress("transfer_normal"), tokenId);
  return n((await ctx.chain.send(call, ctx.holder)).gasUsed);
}

function transferFrom(contract: Collection721, from: Address, to: Address, tokenId: bigint) {
  return { address: contract.address, abi: contract.abi, functionName: "transferFrom", args: [from, to, tokenId] };
}

/** Deploys `subject` and returns a function that signs (as the owner) and redeems a voucher. */
async function lazySetup(ctx: BenchContext, subject: Deployable<LazyRedeemer>) {
  const { contract } = await subject.deploy(ctx.chain, ctx.owner);
  const chainId = await ctx.chain.chainId();
  const signer = ctx.owner.account.address;
  const redeem = async (voucher: Voucher, redeemer: WalletClient) => {
    const signature = await signVoucher(ctx.owner, voucher, contract.address, chainId);
    return ctx.chain.send(contract.redeem(voucher, signer, signature, VOUCHER_PRICE), redeemer);
  };
  return { contract, redeem };
}

/**
 * A next-id voucher redeemed by a fresh account after a warm-up redemption of uid 0 (id counter and uid
 * bitmap word 0 nonzero). `uid` 1 shares the warm-up's word; 256 is the first of a never-used word.
 */
async function lazyRedeemFresh(ctx: BenchContext, subject: Deployable<LazyRedeemer>, key: string, uid: bigint): Promise<number> {
  const { redeem } = await lazySetup(ctx, subject);
  await redeem(baseUriVoucher(0n, VOUCHER_PRICE, VOUCHER_VALID_UNTIL), ctx.holder); // warm-up
  const fresh = await ctx.chain.impersonate(freshAddress(key));
  return n((await redeem(baseUriVoucher(uid, VOUCHER_PRICE, VOUCHER_VALID_UNTIL), fresh)).gasUsed);
}

/**
 * A voucher naming an explicit token id, redeemed by a fresh account; its uid (512) would open a never-used
 * bitmap word. Steady state: a next-id voucher (uid 0) and an explicit-id voucher (uid 1) were redeemed first.
 */
async function lazyRedeemExplicitId(ctx: BenchContext, subject: Deployable<LazyRedeemer>): Promise<number> {
  const { contract, redeem } = await lazySetup(ctx, subject);
  await redeem(baseUriVoucher(0n, VOUCHER_PRICE, VOUCHER_VALID_UNTIL), ctx.holder); // warm-up: next id
  // More ids set aside than redeemed: the reserved-unminted count stays nonzero (no refund for clearing it).
  const [warmId, measuredId] = await contract.explicitIds(ctx.chain, ctx.owner, 10);
  await redeem(explicitIdVoucher(1n, warmId!, VOUCHER_PRICE, VOUCHER_VALID_UNTIL), ctx.holder); // warm-up: explicit id
  const fresh = await ctx.chain.impersonate(freshAddress("lazy_redeem_explicit_id"));
  return n((await redeem(explicitIdVoucher(512n, measuredId!, VOUCHER_PRICE, VOUCHER_VALID_UNTIL), fresh)).gasUsed);
}

/**
 * The worst first transfer of any token of a `size`-batch minted to the holder after a warm-up single
 * mint: every token is transferred to a fresh EOA from a snapshot; the maximum is returned (and noted).
 */
async function worstTransferAfterBatch(ctx: BenchContext, subject: Deployable<Collection721>, key: string, size: number) {
  const { contract } = await subject.deploy(ctx.chain, ctx.owner);
  if (!contract.mintBatch) return undefined;
  const holder = ctx.holder.account.address;
  await ctx.chain.send(contract.mint(holder), ctx.owner);
  const batch = await ctx.chain.send(contract.mintBatch(holder, BigInt(size), 1n), ctx.owner);
  const ids = transferredTokenIds(batch.receipt, contract.address);
  if (ids.length !== size) throw new Error(`batch emitted ${ids.length} Transfer logs`);
  let worst = { gas: 0, position: 0, id: 0n };
  for (const [i, id] of ids.entries()) {
    const call = transferFrom(contract, holder, freshAddress("transfer_worst", i), id);
    const gas = await ctx.chain.isolated(async () => n((await ctx.chain.send(call, ctx.holder)).gasUsed));
    if (gas > worst.gas) worst = { gas, position: i, id };
  }
  ctx.notes.push(`${key}: ${subject.subject}'s worst is token ${worst.id} (position ${worst.position + 1} of ${size})`);
  return worst.gas;
}

async function erc1155MintNewId(ctx: BenchContext, subject: Deployable<Editions1155>): Promise<number> {
  const { contract } = await subject.deploy(ctx.chain, ctx.owner);
  const { amount, maxSupply } = EDITION;
  await ctx.chain.send(contract.mintNewId(ctx.holder.account.address, amount, maxSupply, 1n), ctx.owner); // warm-up
  const call = contract.mintNewId(freshAddress("erc1155_mint_new_id"), amount, maxSupply, 2n);
  return n((await ctx.chain.send(call, ctx.owner)).gasUsed);
}

async function batchMint(ctx: BenchContext, subject: Deployable<Collection721>, size: number) {
  const { contract } = await subject.deploy(ctx.chain, ctx.owner);
  if (!contract.mintBatch) return undefined;
  await ctx.chain.send(contract.mint(ctx.holder.account.address), ctx.owner); // warm-up
  const call = contract.mintBatch(freshAddress("batch_mint"), BigInt(size), 1n); // same fresh EOA for both sizes
  return n((await ctx.chain.send(call, ctx.owner)).gasUsed);
}

// ----------------------------------------------------------------------------------------------------
// The list
// ----------------------------------------------------------------------------------------------------

/** The owner grants ISSUER_ROLE to the holder, who issues a warm-up credential, then one to a fresh EOA. */
async function credentialIssueByIssuerRole(ctx: BenchContext, subject: CredentialSubject): Promise<number> {
  const issuer = await subject.deploy(ctx.chain, ctx.owner);
  const role = keccak256(toBytes("ISSUER_ROLE"));
  const holder = ctx.holder.account.address;
  await ctx.chain.send({ address: issuer.address, abi: issuer.abi, functionName: "grantRole", args: [role, holder] }, ctx.owner);
  await ctx.chain.send(issuer.issue(holder, claimsTree("warm-up").root, CREDENTIAL_EXPIRY), ctx.holder);
  const sent = await ctx.chain.send(
    issuer.issue(freshAddress("credential_issue"), claimsTree("holder").root, CREDENTIAL_EXPIRY),
    ctx.holder,
  );
  return n(sent.gasUsed);
}

export const MEASUREMENTS: Measurement[] = [
  {
    key: "deploy_collection_direct",
    title: "deploy a collection (direct)",
    methodology:
      "gas of the contract-creation transaction of each ERC-721 collection (mintkit's full collection; each peer; " +
      "the OZ lazy-mint reference too) with the bench config: name, symbol, base URI, contract URI, max supply " +
      "10,000, 5% royalty to the owner.",
    run: async (ctx) => ({
      ...(await eachSubject(ctx, "deploy_collection_direct", ctx.collections, async (s) =>
        n((await s.deploy(ctx.chain, ctx.owner)).gasUsed),
      )),
      ...(await eachSubject(ctx, "deploy_collection_direct", ctx.lazy.filter((s) => s.subject !== "mintkit"), async (s) =>
        n((await s.deploy(ctx.chain, ctx.owner)).gasUsed),
      )),
    }),
  },
  {
    key: "deploy_collection_via_factory",
    title: "deploy a collection (factory clone)",
    methodology:
      "mintkit: gas of MintkitFactory.createCollection(config, salt) — EIP-1167 clone (CREATE2) + initialize(config) " +
      "in one transaction; the implementation and factory are deployed once beforehand and not counted. Peers: " +
      "their direct deploys (deploy_collection_direct), as peers ship no factory here (thirdweb's, 2,576,630, is " +
      "not installable offline).",
    run: async (ctx) => {
      const row = await eachSubject(ctx, "deploy_collection_via_factory", ctx.collectionClones, async (s) =>
        n((await s.deploy(ctx.chain, ctx.owner)).gasUsed),
      );
      const direct = ctx.results["deploy_collection_direct"] ?? {};
      for (const [subject, gas] of Object.entries(direct)) if (subject !== "mintkit") row[subject] = gas;
      return row;
    },
    target: () => fixed(350_000),
  },
  {
    key: "mint_single_fresh",
    title: "mint 1 to a fresh EOA",
    methodology:
      "owner calls the single mint (mintkit mint(to); peers mint(to)) for a never-used EOA, after one warm-up mint " +
      "to another holder (so the id counter is already nonzero: not the contract's first mint). Direct deploy. " +
      "No receiver check on either side (ERC-721 _mint, not _safeMint).",
    run: (ctx) => eachSubject(ctx, "mint_single_fresh", ctx.collections, (s) => mintSingleFresh(ctx, s)),
    target: () => fixed(75_400),
  },
  {
    key: "mint_single_fresh_clone",
    title: "  … through a factory clone",
    methodology: "mint_single_fresh on a collection created by MintkitFactory (EIP-1167 delegatecall proxy).",
    run: (ctx) => eachSubject(ctx, "mint_single_fresh_clone", ctx.collectionClones, (s) => mintSingleFresh(ctx, s)),
    cloneOf: "mint_single_fresh",
  },
  {
    key: "batch_mint_10",
    title: `batch mint ${BATCH_SMALL} to a fresh EOA`,
    methodology:
      `owner mints ${BATCH_SMALL} consecutive tokens to a never-used EOA in one call (mintkit's batch mint; ERC721A ` +
      "_mint(to, n); OZ and solady loop _mint), after one warm-up single mint.",
    run: (ctx) => eachSubject(ctx, "batch_mint_10", ctx.collections, (s) => batchMint(ctx, s, BATCH_SMALL)),
  },
  {
    key: "batch_mint_100",
    title: `batch mint ${BATCH_LARGE} to a fresh EOA`,
    methodology: `as batch_mint_10 with ${BATCH_LARGE} tokens, from the same starting state.`,
    run: (ctx) => eachSubject(ctx, "batch_mint_100", ctx.collections, (s) => batchMint(ctx, s, BATCH_LARGE)),
  },
  {
    key: "batch_marginal_per_token",
    title: "batch mint, gas per extra token",
    methodology: `(batch_mint_100 - batch_mint_10) / ${BATCH_LARGE - BATCH_SMALL}, rounded to the nearest unit.`,
    run: async (ctx) => {
      const small = ctx.results["batch_mint_10"] ?? {};
      const large = ctx.results["batch_mint_100"] ?? {};
      const row: Row = {};
      for (const subject of Object.keys(large)) {
        const s = small[subject];
        const l = large[subject];
        if (s !== undefined && l !== undefined) row[subject] = Math.round((l - s) / (BATCH_LARGE - BATCH_SMALL));
      }
      return row;
    },
    target: () => fixed(2_000),
  },
  {
    key: "transfer_normal",
    title: "transfer (normal)",
    methodology:
      "the holder (account 1) owns two single-minted tokens and calls transferFrom(holder, freshEOA, firstToken); " +
      "it keeps a nonzero balance. No approval set.",
    run: (ctx) => eachSubject(ctx, "transfer_normal", ctx.collections, (s) => transferNormal(ctx, s)),
  },
  {
    key: "transfer_normal_clone",
    title: "  … through a factory clone",
    methodology: "transfer_normal on a collection created by MintkitFactory.",
    run: (ctx) => eachSubject(ctx, "transfer_normal_clone", ctx.collectionClones, (s) => transferNormal(ctx, s)),
    cloneOf: "transfer_normal",
  },
  {
    key: "transfer_worst_after_batch",
    title: `worst first transfer in a ${BATCH_LARGE}-batch`,
    methodology:
      `after a warm-up single mint, the owner batch-mints ${BATCH_LARGE} tokens to the holder; then for every token ` +
      "of that untouched batch, from a snapshot each time, the holder transferFrom's it to a fresh EOA; the row " +
      "is the maximum over the batch.",
    run: (ctx) =>
      eachSubject(ctx, "transfer_worst_after_batch", ctx.collections, (s) =>
        worstTransferAfterBatch(ctx, s, "transfer_worst_after_batch", BATCH_LARGE),
      ),
    target: (results) => {
      const normal = results["transfer_normal"]?.["mintkit"];
      return normal === undefined
        ? undefined
        : { limit: Math.floor(normal * 1.5), text: `<= 1.5x transfer_normal (${Math.floor(normal * 1.5).toLocaleString("en-US")})` };
    },
  },
  {
    key: "transfer_worst_after_batch_cross_word",
    title: `worst first transfer in a ${BATCH_CROSS_WORD}-batch`,
    methodology:
      `transfer_worst_after_batch with a ${BATCH_CROSS_WORD}-batch (mintkit ids 2..${BATCH_CROSS_WORD + 1}): the tokens ` +
      "from id 256 on lie in the bitmap word after the batch head's, so their owner lookup reads two bitmap words " +
      "(mintkit's bound). The row is the maximum over the batch.",
    run: (ctx) =>
      eachSubject(ctx, "transfer_worst_after_batch_cross_word", ctx.collections, (s) =>
        worstTransferAfterBatch(ctx, s, "transfer_worst_after_batch_cross_word", BATCH_CROSS_WORD),
      ),
    target: (results) => {
      const normal = results["transfer_normal"]?.["mintkit"];
      return normal === undefined
        ? undefined
        : { limit: Math.floor(normal * 1.5), text: `<= 1.5x transfer_normal (${Math.floor(normal * 1.5).toLocaleString("en-US")})` };
    },
  },
  {
    key: "lazy_redeem_fresh",
    title: "lazy-mint redeem, fresh redeemer",
    methodology:
      "owner signs (eth_signTypedData_v4) a base-URI voucher: to = 0 (whoever redeems), tokenId 0 (next), quantity 1, empty uri, " +
      "price 0.01 ETH forwarded to the primary-sale recipient (the owner), default royalty, validUntil set; a never-" +
      "used account redeems it paying the price. Steady state: a warm-up voucher (uid 0) was redeemed first, so the " +
      "measured uid 1 shares its bitmap word and the id counter is nonzero. mintkit: redeem(v, signer, sig) (the " +
      "signer may be an ERC-1271 wallet); the reference: redeem(v, sig) with ECDSA.recover. Direct deploy.",
    run: (ctx) => eachSubject(ctx, "lazy_redeem_fresh", ctx.lazy, (s) => lazyRedeemFresh(ctx, s, "lazy_redeem_fresh", 1n)),
    target: () => fixed(102_000),
  },
  {
    key: "lazy_redeem_fresh_clone",
    title: "  … through a factory clone",
    methodology: "lazy_redeem_fresh on a collection created by MintkitFactory (the voucher's domain is the clone's).",
    run: (ctx) =>
      eachSubject(ctx, "lazy_redeem_fresh_clone", ctx.lazyClones, (s) => lazyRedeemFresh(ctx, s, "lazy_redeem_fresh", 1n)),
    cloneOf: "lazy_redeem_fresh",
  },
  {
    key: "lazy_redeem_fresh_new_word",
    title: "  … uid opening a new bitmap word",
    methodology:
      "lazy_redeem_fresh with uid 256: the first uid of a bitmap word no redemption has touched (the spent-uid " +
      "slot goes from zero to nonzero: what a random uid costs). The mapping(uid => bool) reference pays this " +
      "on every redemption.",
    run: (ctx) =>
      eachSubject(ctx, "lazy_redeem_fresh_new_word", ctx.lazy, (s) => lazyRedeemFresh(ctx, s, "lazy_redeem_fresh_new_word", 256n)),
    target: () => fixed(118_500),
  },
  {
    key: "lazy_redeem_explicit_id",
    title: "lazy-mint redeem of an explicit token id",
    methodology:
      "a voucher naming its token id (otherwise as lazy_redeem_fresh: 0.01 ETH to the owner, base URI), redeemed by " +
      "a never-used account; its uid 512 lies in a never-used bitmap word. Steady state: a next-id voucher (uid 0) " +
      "and an explicit-id voucher (uid 1) were redeemed first. mintkit: the id was set aside with reserve(10); the " +
      "uid is not touched: the minted token guards the replay, and a cancellation (cancelReservedIds) is a mark in " +
      "the token's own slot, which the mint reads anyway. Reference: an " +
      "unused id far above its counter; it spends the uid as always.",
    run: (ctx) => eachSubject(ctx, "lazy_redeem_explicit_id", ctx.lazy, (s) => lazyRedeemExplicitId(ctx, s)),
    target: () => fixed(100_000),
  },
  {
    key: "erc1155_mint_new_id",
    title: "ERC-1155 mint of a new id",
    methodology:
      `owner creates a new id with a supply cap of ${EDITION.maxSupply} and mints ${EDITION.amount} copies to a ` +
      "never-used EOA, after a warm-up creation (steady state). The owner check reads storage. Peers: OZ " +
      "ERC1155Supply mint(to, id, amount) of an unused id (no cap recorded: the figure the targets cite) and the " +
      "capped variant (counter + cap mapping). ERC-1155 mints check the recipient's code (acceptance check).",
    run: (ctx) => eachSubject(ctx, "erc1155_mint_new_id", ctx.editions, (s) => erc1155MintNewId(ctx, s)),
    target: () => fixed(75_000),
  },
  {
    key: "erc1155_mint_new_id_clone",
    title: "  … through a factory clone",
    methodology: "erc1155_mint_new_id on an editions contract created by MintkitFactory.",
    run: (ctx) => eachSubject(ctx, "erc1155_mint_new_id_clone", ctx.editionsClones, (s) => erc1155MintNewId(ctx, s)),
    cloneOf: "erc1155_mint_new_id",
  },
  {
    key: "deploy_editions_direct",
    title: "deploy an editions contract (direct)",
    methodology: "gas of the contract-creation transaction of each ERC-1155 contract with the bench config.",
    run: (ctx) =>
      eachSubject(ctx, "deploy_editions_direct", ctx.editions, async (s) => n((await s.deploy(ctx.chain, ctx.owner)).gasUsed)),
  },
  {
    key: "deploy_editions_via_factory",
    title: "deploy an editions contract (factory clone)",
    methodology:
      "mintkit: gas of MintkitFactory.createEditions(config, salt) (clone + initialize). Peers: their direct deploys.",
    run: async (ctx) => {
      const row = await eachSubject(ctx, "deploy_editions_via_factory", ctx.editionsClones, async (s) =>
        n((await s.deploy(ctx.chain, ctx.owner)).gasUsed),
      );
      for (const [subject, gas] of Object.entries(ctx.results["deploy_editions_direct"] ?? {})) {
        if (subject !== "mintkit") row[subject] = gas;
      }
      return row;
    },
  },
  {
    key: "credential_issue",
    title: "issue a credential (fresh holder)",
    methodology:
      `owner issues a credential with a ${CLAIMS}-claim root and a one-year expiry to a never-used EOA, after a ` +
      "warm-up issue (steady state). mintkit: issue(to, schemaId, root, expiry, burnAuth). EAS: attest() on a " +
      `"${EAS_PRIVATE_DATA_SCHEMA}" schema (revocable, no resolver), the root as data (EAS's private-data ` +
      "attestation). OZ soulbound: ERC721 _mint + record slot + root slot.",
    run: (ctx) =>
      eachSubject(ctx, "credential_issue", CREDENTIAL_SUBJECTS, async (s) => {
        const { sent } = await issueFresh(ctx.chain, ctx.owner, s, freshAddress("credential_issue"));
        return n(sent.gasUsed);
      }),
    target: () => fixed(100_000),
  },
  {
    key: "credential_issue_issuer_role",
    title: "  … by an issuer-role account",
    methodology:
      "credential_issue sent by an account holding ISSUER_ROLE instead of the owner (one more cold slot: the role).",
    run: (ctx) =>
      eachSubject(ctx, "credential_issue_issuer_role", CREDENTIAL_SUBJECTS.filter((s) => s.subject === "mintkit"), (s) =>
        credentialIssueByIssuerRole(ctx, s),
      ),
    target: () => fixed(100_000),
  },
  {
    key: "credential_issue_clone",
    title: "  … on a factory-made registry (clone)",
    methodology:
      "credential_issue (owner) on a CredentialRegistry created by MintkitFactory.createCredentialRegistry " +
      "(EIP-1167 clone: one DELEGATECALL hop).",
    run: (ctx) =>
      eachSubject(ctx, "credential_issue_clone", ctx.credentialClones, async (s) => {
        const { sent } = await issueFresh(ctx.chain, ctx.owner, s, freshAddress("credential_issue"));
        return n(sent.gasUsed);
      }),
    cloneOf: "credential_issue",
  },
  {
    key: "credential_issue_issuer_role_clone",
    title: "  … on a clone, by an issuer-role account",
    methodology: "credential_issue_issuer_role on a CredentialRegistry created by MintkitFactory (clone).",
    run: (ctx) =>
      eachSubject(ctx, "credential_issue_issuer_role_clone", ctx.credentialClones, (s) =>
        credentialIssueByIssuerRole(ctx, s),
      ),
    cloneOf: "credential_issue_issuer_role",
  },
  {
    key: "credential_revoke",
    title: "revoke a credential",
    methodology:
      "the issuer (owner) revokes the credential issued by credential_issue, no reason text (EAS has none). mintkit: " +
      "revoke(tokenId, \"\"). EAS: revoke({schema, {uid, 0}}). OZ soulbound: a flag in the record slot.",
    run: (ctx) =>
      eachSubject(ctx, "credential_revoke", CREDENTIAL_SUBJECTS, async (s) => {
        const { issuer, id } = await issueFresh(ctx.chain, ctx.owner, s, freshAddress("credential_issue"));
        return n((await ctx.chain.send(issuer.revoke(id), ctx.owner)).gasUsed);
      }),
    target: () => fixed(35_000),
  },
  {
    key: "credential_verify_claims_3_of_16",
    title: `verify ${DISCLOSED.length} of ${CLAIMS} claims on chain (view)`,
    methodology:
      `execution gas of verifyClaims(tokenId, leaves, proof, proofFlags) for claims ${DISCLOSED.join(", ")} of the ` +
      `credential's ${CLAIMS}-claim tree (OpenZeppelin multiproof), measured inside the EVM by bench/contracts/` +
      "GasProbe.sol (gas around a STATICCALL minus its 2,600 cold-account charge; storage cold). The calldata and " +
      "the 21,000 a transaction adds are not included. EAS has no on-chain check of private data.",
    run: (ctx) =>
      eachSubject(ctx, "credential_verify_claims_3_of_16", CREDENTIAL_SUBJECTS, async (s) => {
        const { issuer, id } = await issueFresh(ctx.chain, ctx.owner, s, freshAddress("credential_issue"));
        if (!issuer.verifyClaimsData) return undefined;
        const { leaves, proof, proofFlags } = disclosure("holder");
        const data = issuer.verifyClaimsData(id, leaves, proof, proofFlags);
        return viewExecutionGas(ctx.chain, ctx.owner, issuer.address, data);
      }),
    target: () => fixed(20_000),
  },
];
