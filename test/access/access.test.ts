/**
 * Tickets at the door (issue 13), library side: a verifier's challenge, the holder's SIWE proof, the
 * compact payload, verifyAccess / admitAccess against a real chain (Hardhat's in-process EDR) with one
 * reason code per refusal, and the in-memory check-in store.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { encodeFunctionData, getAddress, hashMessage, keccak256, serializeErc6492Signature, toHex, type Address } from "viem";
import { toAccount } from "viem/accounts";
import { parseSiweMessage } from "viem/siwe";
import {
  accessMessage,
  admitAccess,
  createAccessChallenge,
  createMemoryCheckInStore,
  decodeAccessChallenge,
  decodeAccessProof,
  encodeAccessChallenge,
  encodeAccessProof,
  isAccessError,
  proveAccess,
  verifyAccess,
  accessEventId,
  checkInOnChain,
  getOnChainCheckIn,
  type AccessChallenge,
  type AccessGrant,
  type CheckInStore,
} from "../../src/index.js";
import { benchConfig } from "../collection/helpers.js";
import { editionsConfig } from "../editions/helpers.js";
import { AUDIENCE, EVENT } from "./helpers.js";

const { viem, networkHelpers } = await network.connect();
const publicClient = await viem.getPublicClient();
const [owner, alice, bob, carol] = await viem.getWalletClients();
const A = getAddress(alice!.account.address);
const B = getAddress(bob!.account.address);

/** A collection with tokens firstId..firstId+2 held by Alice, and an edition where she holds 2 of id 7. */
async function deploy() {
  const O = getAddress(owner!.account.address);
  const collection = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
  const firstId = await collection.read.nextTokenId();
  await collection.write.mintBatch([A, 3n, firstId]);
  const editions = await viem.deployContract("MintkitEditions", [editionsConfig(O)]);
  await editions.write.mint([A, 7n, 2n, 0n, "0x"]);
  return { collection, firstId, editions };
}

async function chainNow(): Promise<number> {
  return Number((await publicClient.getBlock()).timestamp);
}

async function challengeFor(grant: AccessGrant, overrides: { ttl?: number; now?: number; event?: string; audience?: string } = {}): Promise<AccessChallenge> {
  return createAccessChallenge({
    audience: overrides.audience ?? AUDIENCE,
    event: overrides.event ?? EVENT,
    chainId: await publicClient.getChainId(),
    grant,
    now: overrides.now ?? (await chainNow()),
    ...(overrides.ttl === undefined ? {} : { ttl: overrides.ttl }),
  });
}

describe("access: challenge, proof, payload", function () {
  it("the holder signs a readable EIP-4361 message that carries the challenge", async () => {
    const { collection, firstId } = await networkHelpers.loadFixture(deploy);
    const challenge = await challengeFor({ kind: "erc721", collection: collection.address });
    expect(challenge.nonce).to.match(/^[0-9a-f]{32}$/);
    const proof = await proveAccess(alice!, { challenge, tokenId: firstId });
    const message = accessMessage(proof.challenge, { holder: A, tokenId: firstId });
    const siwe = parseSiweMessage(message);
    expect(siwe).to.include({ domain: "door.example", address: A, uri: AUDIENCE, version: "1", nonce: challenge.nonce, requestId: EVENT });
    expect(siwe.chainId).to.equal(challenge.chainId);
    expect(siwe.statement).to.equal(`Check me in to ${EVENT} with token #${firstId} of ${getAddress(collection.address)}.`);
    expect(siwe.expirationTime!.getTime()).to.equal(challenge.expiresAt * 1000);
    expect(await publicClient.verifyMessage({ address: A, message, signature: proof.signature })).to.equal(true);
  });

  it("the payload round-trips in at most 1,000 characters; the challenge text too", async () => {
    const { collection, firstId, editions } = await networkHelpers.loadFixture(deploy);
    for (const grant of [
      { kind: "erc721", collection: collection.address },
      { kind: "erc721", collection: collection.address, tokenId: firstId + 1n },
      { kind: "erc1155", collection: editions.address, tokenId: 7n, minBalance: 2n },
    ] as const) {
      const challenge = await challengeFor(grant);
      expect(decodeAccessChallenge(encodeAccessChallenge(challenge))).to.deep.equal(challenge);
      const proof = await proveAccess(alice!, { challenge, tokenId: grant.kind === "erc721" ? (grant.tokenId ?? firstId) : undefined });
      const payload = encodeAccessProof(proof);
      expect(payload).to.match(/^mkap1\.[A-Za-z0-9_-]+$/);
      expect(payload.length).to.be.lessThan(300);
      expect(decodeAccessProof(payload)).to.deep.equal(proof);
    }
  });

  it("bad challenge parameters are one typed error listing every problem", async () => {
    const chainId = await publicClient.getChainId();
    try {
      createAccessChallenge({ audience: "door.example", event: "has space", chainId, grant: { kind: "erc721", collection: "0x1234" as Address }, ttl: 0 });
      expect.fail("no error");
    } catch (error) {
      expect(isAccessError(error, "ACCESS_INVALID_CHALLENGE")).to.equal(true);
      const problems = (error as { details: { problems: string[] } }).details.problems;
      expect(problems.join("\n")).to.match(/audience/).and.match(/event/).and.match(/collection/).and.match(/ttl/);
    }
  });

  it("a damaged, truncated, foreign or oversized payload is a clean error", async () => {
    const { collection, firstId } = await networkHelpers.loadFixture(deploy);
    const payload = encodeAccessProof(await proveAccess(alice!, { challenge: await challengeFor({ kind: "erc721", collection: collection.address }), tokenId: firstId }));
    const code = (text: string) => {
      try {
        decodeAccessProof(text);
        return "decoded";
      } catch (error) {
        return isAccessError(error) ? error.code : `untyped: ${String(error)}`;
      }
    };
    expect(code(payload.slice(0, 40))).to.equal("ACCESS_MALFORMED_PAYLOAD");
    expect(code(payload.replace("mkap1.", "mkap2."))).to.equal("ACCESS_MALFORMED_PAYLOAD");
    expect(code(payload.slice(0, 20) + "!" + payload.slice(21))).to.equal("ACCESS_MALFORMED_PAYLOAD");
    expect(code("mkap1.AgAB")).to.equal("ACCESS_MALFORMED_PAYLOAD"); // version 2
    expect(code(payload + "A".repeat(1000))).to.equal("ACCESS_PAYLOAD_TOO_LARGE");
    expect(code("hello")).to.equal("ACCESS_MALFORMED_PAYLOAD");
  });
});

describe("access: verifyAccess and admitAccess", function () {
  async function setup() {
    const f = await networkHelpers.loadFixture(deploy);
    const store = createMemoryCheckInStore();
    const accept = { collection: f.collection.address };
    const door = (proof: string, s: CheckInStore = store, extra: Partial<Parameters<typeof admitAccess>[1]> = {}) =>
      admitAccess(publicClient, { proof, audience: AUDIENCE, event: EVENT, accept, store: s, ...extra });
    const prove = async (tokenId: bigint, wallet = alice!, overrides: Parameters<typeof challengeFor>[1] = {}) =>
      encodeAccessProof(await proveAccess(wallet, { challenge: await challengeFor({ kind: "erc721", collection: f.collection.address }, overrides), tokenId }));
    return { ...f, store, accept, door, prove };
  }

  it("admits the holder once; a second proof for the same ticket is ALREADY_CHECKED_IN, even after a transfer", async () => {
    const { door, prove, firstId, collection } = await setup();
    const first = await door(await prove(firstId));
    expect(first.admitted, first.valid ? "" : first.message).to.equal(true);
    if (!first.admitted) return;
    expect(first.record).to.include({ event: EVENT, holder: A, tokenId: firstId, kind: "erc721" });
    const second = await door(await prove(firstId));
    expect(second).to.include({ admitted: false, reason: "ALREADY_CHECKED_IN" });
    // sold after check-in: the new holder's ticket stays used for this event
    await collection.write.transferFrom([A, B, firstId], { account: alice!.account });
    expect(await door(await prove(firstId, bob!))).to.include({ admitted: false, reason: "ALREADY_CHECKED_IN" });
    // another token of the same holder still enters
    expect((await door(await prove(firstId + 1n))).admitted).to.equal(true);
  });

  it("a replayed proof (same nonce) is NONCE_REPLAYED, before the check-in", async () => {
    const { door, prove, firstId } = await setup();
    const payload = await prove(firstId);
    const other = createMemoryCheckInStore();
    expect((await door(payload)).admitted).to.equal(true);
    expect(await door(payload)).to.include({ reason: "NONCE_REPLAYED" });
    // verifyAccess alone records the nonce but admits nobody
    const fresh = await prove(firstId + 1n);
    expect((await verifyAccess(publicClient, { proof: fresh, audience: AUDIENCE, event: EVENT, accept: { collection: (await setup()).collection.address }, store: other })).valid).to.equal(true);
    expect(await verifyAccess(publicClient, { proof: fresh, audience: AUDIENCE, event: EVENT, accept: { collection: (await setup()).collection.address }, store: other })).to.include({ reason: "NONCE_REPLAYED" });
  });

  it("a signer that sold the ticket after signing is NOT_HOLDER (holding is read at the latest block)", async () => {
    const { door, prove, firstId, collection } = await setup();
    const payload = await prove(firstId);
    await collection.write.transferFrom([A, B, firstId], { account: alice!.account });
    expect(await door(payload)).to.include({ admitted: false, reason: "NOT_HOLDER" });
  });

  it("refuses another event, audience, chain, collection or token, each with its own reason", async () => {
    const { door, prove, firstId, editions } = await setup();
    expect(await door(await prove(firstId, alice!, { event: "another-event" }))).to.include({ reason: "EVENT_MISMATCH" });
    expect(await door(await prove(firstId, alice!, { audience: "https://other.example" }))).to.include({ reason: "AUDIENCE_MISMATCH" });
    expect(await door(await prove(firstId), undefined, { accept: { collection: editions.address } })).to.include({ reason: "WRONG_COLLECTION" });
    expect(await door(await prove(firstId), undefined, { accept: { collection: (await setup()).collection.address, tokenId: firstId + 2n } })).to.include({ reason: "WRONG_TOKEN" });
    const foreign = await proveAccess(alice!, {
      challenge: { ...(await challengeFor({ kind: "erc721", collection: (await setup()).collection.address })), chainId: 1 },
      tokenId: firstId,
    });
    expect(await door(encodeAccessProof(foreign))).to.include({ reason: "WRONG_CHAIN" });
    expect(await door(await prove(99n))).to.include({ reason: "TOKEN_NOT_FOUND" });
    expect(await door(await prove(firstId, bob!))).to.include({ reason: "NOT_HOLDER" });
  });

  it("an expired or future challenge is refused (chain time)", async () => {
    const { door, prove, firstId } = await setup();
    const payload = await prove(firstId, alice!, { ttl: 60 });
    await networkHelpers.time.increase(61);
    await networkHelpers.mine();
    expect(await door(payload)).to.include({ reason: "EXPIRED" });
    expect(await door(await prove(firstId, alice!, { now: (await chainNow()) + 3600 }))).to.include({ reason: "NOT_YET_VALID" });
  });

  it("a tampered proof is BAD_SIGNATURE (a field changed, or another signer's signature)", async () => {
    const { door, firstId, collection } = await setup();
    const challenge = await challengeFor({ kind: "erc721", collection: collection.address });
    const proof = await proveAccess(alice!, { challenge, tokenId: firstId });
    expect(await door(encodeAccessProof({ ...proof, challenge: { ...challenge, expiresAt: challenge.expiresAt + 1 } }))).to.include({ reason: "BAD_SIGNATURE" });
    const byBob = await proveAccess(bob!, { challenge, tokenId: firstId });
    expect(await door(encodeAccessProof({ ...byBob, holder: A }))).to.include({ reason: "BAD_SIGNATURE" });
  });

  it("an ERC-1271 contract wallet holds the ticket and its owner key proves it", async () => {
    const { door, collection, firstId } = await setup();
    const wallet = await viem.deployContract("MockERC1271Wallet", [getAddress(carol!.account.address), false]);
    await collection.write.transferFrom([A, wallet.address, firstId], { account: alice!.account });
    const challenge = await challengeFor({ kind: "erc721", collection: collection.address });
    const proof = await proveAccess(carol!, { challenge, tokenId: firstId, holder: wallet.address });
    const message = accessMessage(proof.challenge, { holder: proof.holder, tokenId: firstId });
    expect(await wallet.read.isValidSignature([hashMessage(message), proof.signature])).to.equal("0x1626ba7e");
    const result = await door(encodeAccessProof(proof));
    expect(result.admitted, result.valid ? "" : result.message).to.equal(true);
    // a wallet that refuses every signature
    const rejecting = await viem.deployContract("MockERC1271Wallet", [getAddress(carol!.account.address), true]);
    await collection.write.transferFrom([A, rejecting.address, firstId + 1n], { account: alice!.account });
    const refused = await proveAccess(carol!, { challenge: await challengeFor({ kind: "erc721", collection: collection.address }), tokenId: firstId + 1n, holder: rejecting.address });
    expect(await door(encodeAccessProof(refused))).to.include({ reason: "BAD_SIGNATURE" });
  });

  it("an undeployed contract wallet (ERC-6492) holds the ticket: its wrapped signature is checked, the wallet stays undeployed", async () => {
    const { door, collection, firstId } = await setup();
    const factory = await viem.deployContract("MockERC1271WalletFactory", []);
    const C = getAddress(carol!.account.address);
    const salt = keccak256(toHex("a counterfactual ticket wallet"));
    const wallet = await factory.read.walletAddress([C, salt]);
    expect(await publicClient.getCode({ address: wallet })).to.equal(undefined);
    await collection.write.transferFrom([A, wallet, firstId], { account: alice!.account });
    // A smart account as viem models one: it signs for its own address, wrapping its owner's signature in
    // ERC-6492 (factory + deploy calldata) while it has no code.
    const smartAccount = toAccount({
      address: wallet,
      signMessage: async ({ message }) =>
        serializeErc6492Signature({
          address: factory.address,
          data: encodeFunctionData({ abi: factory.abi, functionName: "deploy", args: [C, salt] }),
          signature: await carol!.signMessage({ account: carol!.account, message }),
        }),
      signTransaction: async () => {
        throw new Error("not used");
      },
      signTypedData: async () => {
        throw new Error("not used");
      },
    });
    const challenge = await challengeFor({ kind: "erc721", collection: collection.address });
    const proof = await proveAccess(carol!, { challenge, tokenId: firstId, account: smartAccount });
    expect(proof.holder).to.equal(wallet);
    expect(proof.signature.endsWith("6492".repeat(16))).to.equal(true);
    const payload = encodeAccessProof(proof);
    expect(payload.length).to.be.at.most(1_000); // a factory call is short: the QR code still fits
    const result = await door(payload);
    expect(result.admitted, result.valid ? "" : result.message).to.equal(true);
    expect(result).to.include({ holder: wallet, tokenId: firstId });
    expect(await publicClient.getCode({ address: wallet })).to.equal(undefined); // deployed only inside the eth_call
    // The same wrapper around another key's signature is refused.
    const forged = await proveAccess(bob!, { challenge: await challengeFor({ kind: "erc721", collection: collection.address }), tokenId: firstId, holder: wallet });
    const wrapped = serializeErc6492Signature({
      address: factory.address,
      data: encodeFunctionData({ abi: factory.abi, functionName: "deploy", args: [C, salt] }),
      signature: forged.signature,
    });
    expect(await door(encodeAccessProof({ ...forged, signature: wrapped }))).to.include({ reason: "BAD_SIGNATURE" });
  });

  it("ERC-1155: a minimum balance, read now; the ticket is (event, id, holder)", async () => {
    const { editions, store } = await setup();
    const accept = { collection: editions.address, kind: "erc1155" as const, tokenId: 7n, minBalance: 2n };
    const door = (proof: string) => admitAccess(publicClient, { proof, audience: AUDIENCE, event: EVENT, accept, store });
    const prove = async (wallet = alice!, minBalance = 2n) =>
      encodeAccessProof(await proveAccess(wallet, { challenge: await challengeFor({ kind: "erc1155", collection: editions.address, tokenId: 7n, minBalance }) }));
    expect(await door(await prove(alice!, 1n))).to.include({ reason: "WRONG_TOKEN" });
    const pending = await prove();
    await editions.write.safeTransferFrom([A, B, 7n, 1n, "0x"], { account: alice!.account });
    expect(await door(pending)).to.include({ reason: "BALANCE_TOO_LOW" });
    await editions.write.safeTransferFrom([B, A, 7n, 1n, "0x"], { account: bob!.account });
    const ok = await door(await prove());
    expect(ok.admitted, ok.valid ? "" : ok.message).to.equal(true);
    if (ok.admitted) expect(ok.balance).to.equal(2n);
    expect(await door(await prove())).to.include({ reason: "ALREADY_CHECKED_IN" });
  });
});

describe("access: optional on-chain check-in (AccessCheckIn)", function () {
  it("a door records a verified proof once, with a CheckedIn log; a second record reverts AlreadyCheckedIn", async () => {
    const { collection, firstId } = await networkHelpers.loadFixture(deploy);
    const record = await viem.deployContract("AccessCheckIn", [getAddress(owner!.account.address)]);
    const door = carol!;
    await record.write.grantRole([await record.read.DOOR_ROLE(), door.account.address]);
    const challenge = await challengeFor({ kind: "erc721", collection: collection.address });
    const granted = await verifyAccess(publicClient, {
      proof: encodeAccessProof(await proveAccess(alice!, { challenge, tokenId: firstId })),
      audience: AUDIENCE,
      event: EVENT,
      accept: { collection: collection.address },
      store: createMemoryCheckInStore(),
    });
    if (!granted.valid) expect.fail(granted.message);
    const hash = await checkInOnChain(door, { address: record.address, granted });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    const logs = await record.getEvents.CheckedIn({}, { fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber });
    expect(logs.map((l) => l.args)).to.deep.equal([{ eventId: accessEventId(EVENT), collection: getAddress(collection.address), tokenId: firstId, holder: A, door: getAddress(door.account.address) }]);
    expect((await getOnChainCheckIn(publicClient, { address: record.address, event: EVENT, collection: collection.address, tokenId: firstId })) > 0n).to.equal(true);
    await viem.assertions.revertWithCustomError(checkInOnChain(door, { address: record.address, granted }), record, "AlreadyCheckedIn");
    // only doors record
    await viem.assertions.revertWithCustomError(checkInOnChain(bob!, { address: record.address, granted }), record, "AccessControlUnauthorizedAccount");
  });
});
