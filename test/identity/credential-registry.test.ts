import { expect } from "chai";
import { network } from "hardhat";
import { erc721Abi, getAddress, keccak256, toHex, zeroAddress, type Address } from "viem";
import { BurnAuth, DEFAULT_ADMIN_ROLE, ISSUER_ROLE, credentialId } from "./helpers/registry.js";

const { viem, networkHelpers } = await network.create();
type Wallet = Awaited<ReturnType<typeof viem.getWalletClients>>[number];
const { time } = networkHelpers;

const ROOT = keccak256(toHex("claims root"));
const ROOT2 = keccak256(toHex("another claims root"));
const DAY = 86_400;

async function deployRegistry() {
  const [owner, issuer, issuer2, admin, alice, bob, carol, stranger] = (await viem.getWalletClients()) as unknown as [
    Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet, Wallet,
  ];
  const registry = await viem.deployContract("CredentialRegistry", [
    {
      owner: owner.account.address,
      name: "mintkit credentials",
      symbol: "MKC",
      baseURI: "ipfs://bafyschemas/",
      contractURI: "ipfs://bafycontract/contract.json",
    },
  ]);
  await registry.write.grantRole([ISSUER_ROLE, issuer.account.address]);
  await registry.write.grantRole([ISSUER_ROLE, issuer2.account.address]);
  await registry.write.grantRole([DEFAULT_ADMIN_ROLE, admin.account.address]);
  await registry.write.registerSchema(["KYC", ["bool age_over_18", "bool age_over_21", "string nationality"]], {
    account: issuer.account,
  });
  return { registry, owner, issuer, issuer2, admin, alice, bob, carol, stranger };
}

type Fixture = Awaited<ReturnType<typeof deployRegistry>>;

/** Issues one KYC credential (schema 1) from `issuer` to `to` and returns its id. */
async function issueOne(
  f: Fixture,
  to: Address,
  opts: { auth?: number; expiry?: number; root?: `0x${string}`; from?: Fixture["issuer"] } = {},
) {
  const from = opts.from ?? f.issuer;
  const { result } = await f.registry.simulate.issue(
    [to, 1, opts.root ?? ROOT, opts.expiry ?? 0, opts.auth ?? BurnAuth.IssuerOnly],
    { account: from.account.address },
  );
  await f.registry.write.issue([to, 1, opts.root ?? ROOT, opts.expiry ?? 0, opts.auth ?? BurnAuth.IssuerOnly], {
    account: from.account,
  });
  return result;
}

describe("CredentialRegistry", () => {
  describe("deployment, metadata and ERC-165", () => {
    it("sets name, symbol, owner and contract URI", async () => {
      const { registry, owner } = await networkHelpers.loadFixture(deployRegistry);
      expect(await registry.read.name()).to.equal("mintkit credentials");
      expect(await registry.read.symbol()).to.equal("MKC");
      expect(await registry.read.owner()).to.equal(getAddress(owner.account.address));
      expect(await registry.read.contractURI()).to.equal("ipfs://bafycontract/contract.json");
    });

    it("supports ERC-165, 721, 721 Metadata, 4906, 5192 (0xb45a3c0e), 5484 (0x0489b56f), AccessControl, 173", async () => {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      for (const id of ["0x01ffc9a7", "0x80ac58cd", "0x5b5e139f", "0x49064906", "0xb45a3c0e", "0x0489b56f", "0x7965db0b", "0x7f5828d0"] as const) {
        expect(await registry.read.supportsInterface([id]), id).to.equal(true);
      }
      for (const id of ["0xffffffff", "0x780e9d63", "0x2a55205a", "0x00000000"] as const) {
        expect(await registry.read.supportsInterface([id]), id).to.equal(false);
      }
    });

    it("cannot be initialized again", async () => {
      const { registry, stranger } = await networkHelpers.loadFixture(deployRegistry);
      await viem.assertions.revertWithCustomError(
        registry.write.initialize(
          [{ owner: stranger.account.address, name: "x", symbol: "x", baseURI: "", contractURI: "" }],
          { account: stranger.account },
        ),
        registry,
        "AlreadyInitialized",
      );
    });

    it("lets only an admin set the contract URI (ERC-7572 event) and the base URI (ERC-4906 event)", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, admin, issuer } = f;
      await viem.assertions.emit(
        registry.write.setContractURI(["ipfs://new/contract.json"], { account: admin.account }),
        registry,
        "ContractURIUpdated",
      );
      expect(await registry.read.contractURI()).to.equal("ipfs://new/contract.json");
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.setContractURI(["x"], { account: issuer.account }),
        registry,
        "AccessControlUnauthorizedAccount",
        [getAddress(issuer.account.address), DEFAULT_ADMIN_ROLE],
      );
      const id = await issueOne(f, f.alice.account.address);
      const tx = registry.write.setBaseURI(["ipfs://newbase/"], { account: admin.account });
      await viem.assertions.emitWithArgs(tx, registry, "BatchMetadataUpdate", [0n, 2n ** 256n - 1n]);
      expect(await registry.read.tokenURI([id])).to.equal("ipfs://newbase/1.json");
      await viem.assertions.emitWithArgs(
        registry.write.setBaseURI([""], { account: admin.account }),
        registry,
        "BaseURIUpdated",
        [""],
      );
      expect(await registry.read.tokenURI([id])).to.equal("");
      await viem.assertions.revertWithCustomError(
        registry.write.setBaseURI(["x"], { account: issuer.account }),
        registry,
        "AccessControlUnauthorizedAccount",
      );
    });
  });

  describe("schemas", () => {
    it("registers a schema with an event carrying its content, readable through a view", async () => {
      const { registry, issuer2 } = await networkHelpers.loadFixture(deployRegistry);
      const fields = ["string degree", "uint256 year", "bool honours"];
      await viem.assertions.emitWithArgs(
        registry.write.registerSchema(["Diploma", fields], { account: issuer2.account }),
        registry,
        "SchemaRegistered",
        [2, getAddress(issuer2.account.address), "Diploma", fields],
      );
      expect(await registry.read.schemaCount()).to.equal(2);
      const s = await registry.read.schema([2]);
      expect(s.registrar).to.equal(getAddress(issuer2.account.address));
      expect(s.name).to.equal("Diploma");
      expect(s.fields).to.deep.equal(fields);
      expect(s.uri).to.equal("");
      const first = await registry.read.schema([1]);
      expect(first.fields).to.deep.equal(["bool age_over_18", "bool age_over_21", "string nationality"]);
    });

    it("lets issuers, admins and the owner register; nobody else", async () => {
      const { registry, admin, owner, stranger } = await networkHelpers.loadFixture(deployRegistry);
      await registry.write.registerSchema(["ByAdmin", ["bool a"]], { account: admin.account });
      await registry.write.registerSchema(["ByOwner", ["bool a"]], { account: owner.account });
      expect(await registry.read.schemaCount()).to.equal(3);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.registerSchema(["Nope", ["bool a"]], { account: stranger.account }),
        registry,
        "AccessControlUnauthorizedAccount",
        [getAddress(stranger.account.address), ISSUER_ROLE],
      );
    });

    it("rejects an empty name or an empty field list", async () => {
      const { registry, issuer } = await networkHelpers.loadFixture(deployRegistry);
      await viem.assertions.revertWithCustomError(
        registry.write.registerSchema(["", ["bool a"]], { account: issuer.account }),
        registry,
        "InvalidSchema",
      );
      await viem.assertions.revertWithCustomError(
        registry.write.registerSchema(["X", []], { account: issuer.account }),
        registry,
        "InvalidSchema",
      );
    });

    it("reverts for unknown schema ids", async () => {
      const { registry } = await networkHelpers.loadFixture(deployRegistry);
      for (const id of [0, 2, 4_294_967_295]) {
        await viem.assertions.revertWithCustomErrorWithArgs(registry.read.schema([id]), registry, "UnknownSchema", [id]);
      }
    });

    it("per-schema URI: its registrar or an admin sets it; it overrides base URI + id", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, issuer2, admin } = f;
      const id = await issueOne(f, f.alice.account.address);
      expect(await registry.read.tokenURI([id])).to.equal("ipfs://bafyschemas/1.json");
      const tx = registry.write.setSchemaURI([1, "ipfs://bafykyc/kyc.json"], { account: issuer.account });
      await viem.assertions.emitWithArgs(tx, registry, "SchemaURIUpdated", [1, "ipfs://bafykyc/kyc.json"]);
      await viem.assertions.emitWithArgs(
        registry.write.setSchemaURI([1, "ipfs://bafykyc/v2.json"], { account: admin.account }),
        registry,
        "BatchMetadataUpdate",
        [0n, 2n ** 256n - 1n],
      );
      expect(await registry.read.tokenURI([id])).to.equal("ipfs://bafykyc/v2.json");
      expect((await registry.read.schema([1])).uri).to.equal("ipfs://bafykyc/v2.json");
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.setSchemaURI([1, "x"], { account: issuer2.account }),
        registry,
        "NotSchemaRegistrar",
        [1, getAddress(issuer2.account.address)],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.setSchemaURI([7, "x"], { account: admin.account }),
        registry,
        "UnknownSchema",
        [7],
      );
      await registry.write.setSchemaURI([1, ""], { account: issuer.account });
      expect(await registry.read.tokenURI([id])).to.equal("ipfs://bafyschemas/1.json");
    });
  });

  describe("issue", () => {
    it("mints a locked credential with Transfer, Locked and Issued (ERC-5484) and records it", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice } = f;
      const expiry = (await time.latest()) + 365 * DAY;
      const id = credentialId(alice.account.address, 1, 0);
      const hash = await registry.write.issue([alice.account.address, 1, ROOT, expiry, BurnAuth.Both], {
        account: issuer.account,
      });
      await viem.assertions.emitWithArgs(hash, registry, "Transfer", [zeroAddress, getAddress(alice.account.address), id]);
      await viem.assertions.emitWithArgs(hash, registry, "Locked", [id]);
      await viem.assertions.emitWithArgs(hash, registry, "Issued", [
        getAddress(issuer.account.address),
        getAddress(alice.account.address),
        id,
        BurnAuth.Both,
      ]);
      const now = await time.latest();
      expect(await registry.read.ownerOf([id])).to.equal(getAddress(alice.account.address));
      expect(await registry.read.balanceOf([alice.account.address])).to.equal(1n);
      expect(await registry.read.locked([id])).to.equal(true);
      expect(await registry.read.burnAuth([id])).to.equal(BurnAuth.Both);
      expect(await registry.read.isValid([id])).to.equal(true);
      expect(await registry.read.getApproved([id])).to.equal(zeroAddress);
      expect(await registry.read.isApprovedForAll([alice.account.address, issuer.account.address])).to.equal(false);
      expect(await registry.read.tokenURI([id])).to.equal("ipfs://bafyschemas/1.json");
      const c = await registry.read.credential([id]);
      expect(c).to.deep.equal({
        holder: getAddress(alice.account.address),
        issuer: getAddress(issuer.account.address),
        schemaId: 1,
        issuedAt: now,
        expiry,
        revoked: false,
        burnAuth: BurnAuth.Both,
        claimsRoot: ROOT,
      });
    });

    it("encodes holder, schema and the holder's serial in the id; serials are per holder", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice, bob } = f;
      await registry.write.registerSchema(["Membership", ["bool member"]], { account: issuer.account });
      expect(await issueOne(f, alice.account.address)).to.equal(credentialId(alice.account.address, 1, 0));
      expect(await issueOne(f, bob.account.address)).to.equal(credentialId(bob.account.address, 1, 0));
      const { result } = await registry.simulate.issue([alice.account.address, 2, ROOT, 0, 0], { account: issuer.account.address });
      expect(result).to.equal(credentialId(alice.account.address, 2, 1));
      await registry.write.issue([alice.account.address, 2, ROOT, 0, 0], { account: issuer.account });
      expect(await registry.read.balanceOf([alice.account.address])).to.equal(2n);
      expect((await registry.read.credential([result])).schemaId).to.equal(2);
    });

    it("lets the owner issue without an explicit role; a removed issuer can no longer issue", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, owner, issuer, alice } = f;
      await registry.write.issue([alice.account.address, 1, ROOT, 0, 0], { account: owner.account });
      await registry.write.revokeRole([ISSUER_ROLE, issuer.account.address]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.issue([alice.account.address, 1, ROOT, 0, 0], { account: issuer.account }),
        registry,
        "AccessControlUnauthorizedAccount",
        [getAddress(issuer.account.address), ISSUER_ROLE],
      );
    });

    it("rejects non-issuers, unknown schemas, an empty root, a past expiry, the zero holder, a bad burnAuth", async () => {
      const { registry, issuer, admin, stranger, alice } = await networkHelpers.loadFixture(deployRegistry);
      const to = alice.account.address;
      for (const who of [stranger, admin]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          registry.write.issue([to, 1, ROOT, 0, 0], { account: who.account }),
          registry,
          "AccessControlUnauthorizedAccount",
          [getAddress(who.account.address), ISSUER_ROLE],
        );
      }
      for (const schemaId of [0, 2]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          registry.write.issue([to, schemaId, ROOT, 0, 0], { account: issuer.account }),
          registry,
          "UnknownSchema",
          [schemaId],
        );
      }
      await viem.assertions.revertWithCustomError(
        registry.write.issue([to, 1, `0x${"00".repeat(32)}`, 0, 0], { account: issuer.account }),
        registry,
        "EmptyClaimsRoot",
      );
      const now = await time.latest();
      await time.setNextBlockTimestamp(now + 10);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.issue([to, 1, ROOT, now + 10, 0], { account: issuer.account }),
        registry,
        "InvalidExpiry",
        [now + 10],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.issue([to, 1, ROOT, 1, 0], { account: issuer.account }),
        registry,
        "InvalidExpiry",
        [1],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.issue([zeroAddress, 1, ROOT, 0, 0], { account: issuer.account }),
        registry,
        "ERC721InvalidReceiver",
        [zeroAddress],
      );
      await viem.assertions.revert(registry.write.issue([to, 1, ROOT, 0, 4], { account: issuer.account }));
    });

    it("issueBatch issues one credential per holder with the cohort's schema, expiry and burnAuth", async () => {
      const { registry, issuer, alice, bob, carol } = await networkHelpers.loadFixture(deployRegistry);
      const holders = [alice, bob, carol].map((w) => w.account.address);
      const roots = holders.map((h) => keccak256(h));
      const expiry = (await time.latest()) + 30 * DAY;
      const { result } = await registry.simulate.issueBatch([1, holders, roots, expiry, BurnAuth.OwnerOnly], {
        account: issuer.account.address,
      });
      expect(result).to.deep.equal(holders.map((h) => credentialId(h, 1, 0)));
      const hash = await registry.write.issueBatch([1, holders, roots, expiry, BurnAuth.OwnerOnly], {
        account: issuer.account,
      });
      for (const [i, h] of holders.entries()) {
        const id = credentialId(h, 1, 0);
        await viem.assertions.emitWithArgs(hash, registry, "Issued", [getAddress(issuer.account.address), getAddress(h), id, BurnAuth.OwnerOnly]);
        await viem.assertions.emitWithArgs(hash, registry, "Locked", [id]);
        const c = await registry.read.credential([id]);
        expect(c.claimsRoot).to.equal(roots[i]);
        expect(c.expiry).to.equal(expiry);
        expect(c.burnAuth).to.equal(BurnAuth.OwnerOnly);
        expect(await registry.read.balanceOf([h])).to.equal(1n);
      }
      const receipt = await (await viem.getPublicClient()).getTransactionReceipt({ hash });
      expect(receipt.logs.length).to.equal(9);
    });

    it("issueBatch rejects an empty list, mismatched lengths, a zero root, non-issuers, bad schema or expiry", async () => {
      const { registry, issuer, stranger, alice, bob } = await networkHelpers.loadFixture(deployRegistry);
      const holders = [alice.account.address, bob.account.address];
      await viem.assertions.revertWithCustomError(
        registry.write.issueBatch([1, [], [], 0, 0], { account: issuer.account }),
        registry,
        "EmptyBatch",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.issueBatch([1, holders, [ROOT], 0, 0], { account: issuer.account }),
        registry,
        "LengthMismatch",
        [2n, 1n],
      );
      await viem.assertions.revertWithCustomError(
        registry.write.issueBatch([1, holders, [ROOT, `0x${"00".repeat(32)}`], 0, 0], { account: issuer.account }),
        registry,
        "EmptyClaimsRoot",
      );
      await viem.assertions.revertWithCustomError(
        registry.write.issueBatch([1, holders, [ROOT, ROOT2], 0, 0], { account: stranger.account }),
        registry,
        "AccessControlUnauthorizedAccount",
      );
      await viem.assertions.revertWithCustomError(
        registry.write.issueBatch([9, holders, [ROOT, ROOT2], 0, 0], { account: issuer.account }),
        registry,
        "UnknownSchema",
      );
      await viem.assertions.revertWithCustomError(
        registry.write.issueBatch([1, holders, [ROOT, ROOT2], 5, 0], { account: issuer.account }),
        registry,
        "InvalidExpiry",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.issueBatch([1, [alice.account.address, zeroAddress], [ROOT, ROOT2], 0, 0], { account: issuer.account }),
        registry,
        "ERC721InvalidReceiver",
        [zeroAddress],
      );
    });
  });

  describe("soulbound: every transfer and approval path reverts with Soulbound", () => {
    it("transferFrom, both safeTransferFrom, approve, setApprovalForAll (standard ERC-721 ABI) — by holder, issuer, owner", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, owner, issuer, alice, bob } = f;
      const id = await issueOne(f, alice.account.address);
      const address = registry.address;
      const abi = erc721Abi;
      const from = alice.account.address;
      const to = bob.account.address;
      for (const who of [alice, issuer, owner]) {
        const attempts = [
          who.writeContract({ address, abi, functionName: "transferFrom", args: [from, to, id] }),
          who.writeContract({ address, abi, functionName: "safeTransferFrom", args: [from, to, id] }),
          who.writeContract({ address, abi, functionName: "safeTransferFrom", args: [from, to, id, "0x1234"] }),
          who.writeContract({ address, abi, functionName: "approve", args: [to, id] }),
          who.writeContract({ address, abi, functionName: "setApprovalForAll", args: [to, true] }),
          who.writeContract({ address, abi, functionName: "setApprovalForAll", args: [to, false] }),
        ];
        for (const attempt of attempts) await viem.assertions.revertWithCustomError(attempt, registry, "Soulbound");
      }
      expect(await registry.read.ownerOf([id])).to.equal(getAddress(alice.account.address));
      expect(await registry.read.balanceOf([bob.account.address])).to.equal(0n);
      expect(await registry.read.getApproved([id])).to.equal(zeroAddress);
    });

    it("views revert for a credential that does not exist; balanceOf(0) reverts", async () => {
      const { registry, alice } = await networkHelpers.loadFixture(deployRegistry);
      const id = credentialId(alice.account.address, 1, 0);
      for (const p of [
        registry.read.ownerOf([id]),
        registry.read.locked([id]),
        registry.read.burnAuth([id]),
        registry.read.tokenURI([id]),
        registry.read.getApproved([id]),
        registry.read.credential([id]),
      ]) {
        await viem.assertions.revertWithCustomErrorWithArgs(p, registry, "ERC721NonexistentToken", [id]);
      }
      expect(await registry.read.isValid([id])).to.equal(false);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.read.balanceOf([zeroAddress]),
        registry,
        "ERC721InvalidOwner",
        [zeroAddress],
      );
    });
  });

  describe("revoke", () => {
    it("the credential's issuer revokes it with a reason; it stays with the holder, invalid", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice } = f;
      const id = await issueOne(f, alice.account.address);
      await viem.assertions.emitWithArgs(
        registry.write.revoke([id, "issued in error"], { account: issuer.account }),
        registry,
        "CredentialRevoked",
        [id, getAddress(issuer.account.address), "issued in error"],
      );
      expect(await registry.read.isValid([id])).to.equal(false);
      expect((await registry.read.credential([id])).revoked).to.equal(true);
      expect(await registry.read.ownerOf([id])).to.equal(getAddress(alice.account.address));
      expect(await registry.read.locked([id])).to.equal(true);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.revoke([id, "again"], { account: issuer.account }),
        registry,
        "AlreadyRevoked",
        [id],
      );
    });

    it("another issuer cannot revoke it; an admin and the owner can", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer2, admin, owner, alice, bob, stranger } = f;
      const a = await issueOne(f, alice.account.address);
      const b = await issueOne(f, bob.account.address);
      for (const who of [issuer2, stranger, alice]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          registry.write.revoke([a, "x"], { account: who.account }),
          registry,
          "NotCredentialIssuer",
          [a, getAddress(who.account.address)],
        );
      }
      await viem.assertions.emitWithArgs(
        registry.write.revoke([a, "fraud"], { account: admin.account }),
        registry,
        "CredentialRevoked",
        [a, getAddress(admin.account.address), "fraud"],
      );
      await registry.write.revoke([b, "policy"], { account: owner.account });
      expect(await registry.read.isValid([b])).to.equal(false);
    });

    it("an issuer whose role was removed can still revoke what it issued", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice } = f;
      const id = await issueOne(f, alice.account.address);
      await registry.write.revokeRole([ISSUER_ROLE, issuer.account.address]);
      await registry.write.revoke([id, "wind-down"], { account: issuer.account });
      expect(await registry.read.isValid([id])).to.equal(false);
    });

    it("reverts for a credential that does not exist", async () => {
      const { registry, issuer, alice } = await networkHelpers.loadFixture(deployRegistry);
      const id = credentialId(alice.account.address, 1, 0);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.revoke([id, "x"], { account: issuer.account }),
        registry,
        "ERC721NonexistentToken",
        [id],
      );
    });
  });

  describe("expiry", () => {
    it("is valid until the expiry second, invalid from it on; expiry 0 never expires", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, alice, bob } = f;
      const expiry = (await time.latest()) + 7 * DAY;
      const expiring = await issueOne(f, alice.account.address, { expiry });
      const forever = await issueOne(f, bob.account.address, { expiry: 0 });
      expect(await registry.read.isValid([expiring])).to.equal(true);
      await time.increaseTo(expiry - 1);
      expect(await registry.read.isValid([expiring])).to.equal(true);
      await time.increaseTo(expiry);
      expect(await registry.read.isValid([expiring])).to.equal(false);
      await time.increase(100 * 365 * DAY);
      expect(await registry.read.isValid([forever])).to.equal(true);
      // Expired is not revoked: the record still says so, and the token stays.
      expect((await registry.read.credential([expiring])).revoked).to.equal(false);
      expect(await registry.read.ownerOf([expiring])).to.equal(getAddress(alice.account.address));
    });
  });

  describe("reissue after key loss", () => {
    it("revokes the old credential, issues the same one to the new holder, links both ways", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice, bob } = f;
      const expiry = (await time.latest()) + 365 * DAY;
      const oldId = await issueOne(f, alice.account.address, { expiry, auth: BurnAuth.OwnerOnly, root: ROOT2 });
      const newId = credentialId(bob.account.address, 1, 0);
      await time.increase(DAY);
      const hash = await registry.write.reissue([oldId, bob.account.address], { account: issuer.account });
      const iss = getAddress(issuer.account.address);
      await viem.assertions.emitWithArgs(hash, registry, "CredentialRevoked", [oldId, iss, "reissued"]);
      await viem.assertions.emitWithArgs(hash, registry, "Transfer", [zeroAddress, getAddress(bob.account.address), newId]);
      await viem.assertions.emitWithArgs(hash, registry, "Locked", [newId]);
      await viem.assertions.emitWithArgs(hash, registry, "Issued", [iss, getAddress(bob.account.address), newId, BurnAuth.OwnerOnly]);
      await viem.assertions.emitWithArgs(hash, registry, "CredentialReissued", [oldId, newId, iss]);
      expect(await registry.read.replacedBy([oldId])).to.equal(newId);
      expect(await registry.read.replaces([newId])).to.equal(oldId);
      expect(await registry.read.replacedBy([newId])).to.equal(0n);
      expect(await registry.read.replaces([oldId])).to.equal(0n);
      expect(await registry.read.isValid([oldId])).to.equal(false);
      expect(await registry.read.isValid([newId])).to.equal(true);
      const [o, n] = [await registry.read.credential([oldId]), await registry.read.credential([newId])];
      expect(n.holder).to.equal(getAddress(bob.account.address));
      expect(n.issuer).to.equal(o.issuer);
      expect(n.schemaId).to.equal(o.schemaId);
      expect(n.claimsRoot).to.equal(ROOT2);
      expect(n.expiry).to.equal(expiry);
      expect(n.burnAuth).to.equal(BurnAuth.OwnerOnly);
      expect(n.issuedAt).to.equal(await time.latest());
      expect(n.issuedAt).to.be.greaterThan(o.issuedAt);
      expect(o.revoked).to.equal(true);
      // The old token stays where it was (soulbound), the new one is the holder's.
      expect(await registry.read.ownerOf([oldId])).to.equal(getAddress(alice.account.address));
    });

    it("a revoked credential cannot be reissued: AlreadyRevoked (a revocation is final)", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, admin, alice, bob } = f;
      const oldId = await issueOne(f, alice.account.address);
      await registry.write.revoke([oldId, "fraud"], { account: issuer.account });
      for (const account of [issuer.account, admin.account]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          registry.write.reissue([oldId, bob.account.address], { account }),
          registry,
          "AlreadyRevoked",
          [oldId],
        );
      }
      expect(await registry.read.balanceOf([bob.account.address])).to.equal(0n);
      expect(await registry.read.replacedBy([oldId])).to.equal(0n);
    });

    it("an expired credential cannot be reissued: CredentialExpired (a reissue never copies a past expiry)", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice, bob } = f;
      const expiry = (await time.latest()) + DAY;
      const oldId = await issueOne(f, alice.account.address, { expiry });
      await time.increaseTo(expiry); // isValid is `now < expiry`: expired from this second on
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.reissue([oldId, bob.account.address], { account: issuer.account }),
        registry,
        "CredentialExpired",
        [oldId, expiry],
      );
      expect(await registry.read.balanceOf([bob.account.address])).to.equal(0n);
      expect((await registry.read.credential([oldId])).revoked).to.equal(false);
    });

    it("an admin may reissue (the original issuer stays the issuer); other issuers and ex-issuers may not", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, issuer2, admin, alice, bob, carol } = f;
      const a = await issueOne(f, alice.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.reissue([a, bob.account.address], { account: issuer2.account }),
        registry,
        "NotCredentialIssuer",
        [a, getAddress(issuer2.account.address)],
      );
      await registry.write.revokeRole([ISSUER_ROLE, issuer.account.address]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.reissue([a, bob.account.address], { account: issuer.account }),
        registry,
        "NotCredentialIssuer",
        [a, getAddress(issuer.account.address)],
      );
      const hash = await registry.write.reissue([a, bob.account.address], { account: admin.account });
      const newId = credentialId(bob.account.address, 1, 0);
      await viem.assertions.emitWithArgs(hash, registry, "CredentialReissued", [a, newId, getAddress(admin.account.address)]);
      expect((await registry.read.credential([newId])).issuer).to.equal(getAddress(issuer.account.address));
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.reissue([a, carol.account.address], { account: admin.account }),
        registry,
        "AlreadyReplaced",
        [a, newId],
      );
      // The replacement itself can be reissued again (a second key loss).
      await registry.write.reissue([newId, carol.account.address], { account: admin.account });
      expect(await registry.read.replaces([credentialId(carol.account.address, 1, 0)])).to.equal(newId);
    });

    it("reverts for a missing credential or the zero holder", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const { registry, issuer, alice } = f;
      const missing = credentialId(alice.account.address, 1, 5);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.reissue([missing, alice.account.address], { account: issuer.account }),
        registry,
        "ERC721NonexistentToken",
        [missing],
      );
      const a = await issueOne(f, alice.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.reissue([a, zeroAddress], { account: issuer.account }),
        registry,
        "ERC721InvalidReceiver",
        [zeroAddress],
      );
    });
  });

  describe("burn per ERC-5484 burnAuth", () => {
    async function expectBurnDenied(f: Fixture, id: bigint, who: Fixture["issuer"], auth: number) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        f.registry.write.burn([id], { account: who.account }),
        f.registry,
        "BurnNotAuthorized",
        [id, getAddress(who.account.address), auth],
      );
    }

    async function expectBurned(f: Fixture, id: bigint, who: Fixture["issuer"], holder: Address) {
      const before = await f.registry.read.balanceOf([holder]);
      await viem.assertions.emitWithArgs(
        f.registry.write.burn([id], { account: who.account }),
        f.registry,
        "Transfer",
        [getAddress(holder), zeroAddress, id],
      );
      expect(await f.registry.read.balanceOf([holder])).to.equal(before - 1n);
      expect(await f.registry.read.isValid([id])).to.equal(false);
      await viem.assertions.revertWithCustomError(f.registry.read.ownerOf([id]), f.registry, "ERC721NonexistentToken");
    }

    it("IssuerOnly: only the issuer (not the holder, not an admin or the owner)", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const id = await issueOne(f, f.alice.account.address, { auth: BurnAuth.IssuerOnly });
      for (const who of [f.alice, f.admin, f.owner, f.issuer2]) await expectBurnDenied(f, id, who, BurnAuth.IssuerOnly);
      await expectBurned(f, id, f.issuer, f.alice.account.address);
    });

    it("OwnerOnly: only the holder", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const id = await issueOne(f, f.alice.account.address, { auth: BurnAuth.OwnerOnly });
      for (const who of [f.issuer, f.admin, f.owner, f.bob]) await expectBurnDenied(f, id, who, BurnAuth.OwnerOnly);
      await expectBurned(f, id, f.alice, f.alice.account.address);
    });

    it("Both: the issuer or the holder", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const a = await issueOne(f, f.alice.account.address, { auth: BurnAuth.Both });
      const b = await issueOne(f, f.bob.account.address, { auth: BurnAuth.Both });
      for (const who of [f.admin, f.owner, f.stranger, f.issuer2]) await expectBurnDenied(f, a, who, BurnAuth.Both);
      await expectBurned(f, a, f.issuer, f.alice.account.address);
      await expectBurned(f, b, f.bob, f.bob.account.address);
    });

    it("Neither: nobody, ever", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const id = await issueOne(f, f.alice.account.address, { auth: BurnAuth.Neither });
      for (const who of [f.issuer, f.alice, f.admin, f.owner]) await expectBurnDenied(f, id, who, BurnAuth.Neither);
      expect(await f.registry.read.ownerOf([id])).to.equal(getAddress(f.alice.account.address));
    });

    it("a revoked credential can still be burned; a burned id is gone and never reused", async () => {
      const f = await networkHelpers.loadFixture(deployRegistry);
      const id = await issueOne(f, f.alice.account.address, { auth: BurnAuth.OwnerOnly });
      await f.registry.write.revoke([id, "x"], { account: f.issuer.account });
      await expectBurned(f, id, f.alice, f.alice.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        f.registry.write.burn([id], { account: f.alice.account }),
        f.registry,
        "ERC721NonexistentToken",
        [id],
      );
      await viem.assertions.revertWithCustomError(f.registry.read.credential([id]), f.registry, "ERC721NonexistentToken");
      const next = await issueOne(f, f.alice.account.address);
      expect(next).to.equal(credentialId(f.alice.account.address, 1, 1));
      expect(await f.registry.read.balanceOf([f.alice.account.address])).to.equal(1n);
    });
  });
});
