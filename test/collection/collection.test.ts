/**
 * MintkitCollection: deployment and clones, ERC-165, minting paths, max supply, ERC-721 transfers and
 * approvals, burn, metadata (ERC-4906, freeze, ERC-7572), royalties (ERC-2981, bound), roles and ownership.
 */
import { expect } from "chai";
import { network } from "hardhat";
import { getAddress, keccak256, toHex, zeroAddress, type Address } from "viem";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { BASE_URI, CONTRACT_URI, benchConfig } from "./helpers.js";

const { viem, networkHelpers } = await network.create();
const publicClient = await viem.getPublicClient();
const wallets = await viem.getWalletClients();
const [owner, alice, bob, carol, minter, admin] = [wallets[0]!, wallets[1]!, wallets[2]!, wallets[3]!, wallets[4]!, wallets[5]!];
const A = alice.account.address;
const B = bob.account.address;
const C = carol.account.address;
const O = owner.account.address;
const MINTER_ROLE = keccak256(toHex("MINTER_ROLE"));
const ADMIN_ROLE = `0x${"00".repeat(32)}` as const;
const MAX_UINT = 2n ** 256n - 1n;
const fresh = (): Address => privateKeyToAddress(generatePrivateKey());
const as = (w: typeof alice) => ({ account: w.account });

async function deployFixture() {
  const c = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
  return { c };
}
async function uncappedFixture() {
  const c = await viem.deployContract("MintkitCollection", [benchConfig(O, { maxSupply: 0n })]);
  return { c };
}
async function cloneFixture() {
  const impl = await viem.deployContract("MintkitCollection", [benchConfig(zeroAddress)]);
  const cloner = await viem.deployContract("CollectionCloneMock", [impl.address]);
  return { impl, cloner };
}

describe("MintkitCollection", function () {
  describe("deployment", function () {
    it("stores the config", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      expect(await c.read.name()).to.equal("mintkit Bench");
      expect(await c.read.symbol()).to.equal("MKB");
      expect(await c.read.baseURI()).to.equal(BASE_URI);
      expect(await c.read.contractURI()).to.equal(CONTRACT_URI);
      expect(await c.read.maxSupply()).to.equal(10_000n);
      expect(await c.read.owner()).to.equal(getAddress(O));
      expect(await c.read.nextTokenId()).to.equal(1n);
      expect(await c.read.totalSupply()).to.equal(0n);
      expect(await c.read.totalBurned()).to.equal(0n);
      expect(await c.read.metadataFrozen()).to.equal(false);
      expect(await c.read.primarySaleRecipient()).to.equal(getAddress(O));
      expect(await c.read.royaltyInfo([1n, 10_000n])).to.deep.equal([getAddress(O), 500n]);
      expect(await c.read.MAX_ROYALTY_BPS()).to.equal(1_000n);
      expect(await c.read.MINTER_ROLE()).to.equal(MINTER_ROLE);
    });

    it("emits OwnershipTransferred at deployment", async function () {
      const c = await viem.deployContract("MintkitCollection", [benchConfig(O)]);
      const events = await c.getEvents.OwnershipTransferred({}, { fromBlock: 0n });
      expect(events.at(-1)!.args).to.deep.equal({ previousOwner: zeroAddress, newOwner: getAddress(O) });
    });

    it("accepts empty strings, no royalty, no cap and an explicit sale recipient", async function () {
      const c = await viem.deployContract("MintkitCollection", [
        benchConfig(O, {
          name: "",
          symbol: "",
          baseURI: "",
          contractURI: "",
          maxSupply: 0n,
          royaltyReceiver: zeroAddress,
          royaltyBps: 0n,
          primarySaleRecipient: C,
        }),
      ]);
      expect(await c.read.name()).to.equal("");
      expect(await c.read.contractURI()).to.equal("");
      expect(await c.read.maxSupply()).to.equal(0n);
      expect(await c.read.royaltyInfo([1n, 10_000n])).to.deep.equal([zeroAddress, 0n]);
      expect(await c.read.primarySaleRecipient()).to.equal(getAddress(C));
      await c.write.mint([A]);
      expect(await c.read.tokenURI([1n])).to.equal("");
    });

    it("rejects a royalty above the bound and a max supply beyond the id space", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        viem.deployContract("MintkitCollection", [benchConfig(O, { royaltyBps: 1_001n })]),
        c,
        "RoyaltyTooHigh",
        [1_001n, 1_000n],
      );
      await viem.assertions.revertWithCustomError(
        viem.deployContract("MintkitCollection", [benchConfig(O, { maxSupply: 2n ** 40n - 1n })]),
        c,
        "MaxSupplyExceeded",
      );
    });

    it("keeps long strings intact (packed data contract)", async function () {
      const long = "ipfs://" + "b".repeat(500) + "/";
      const c = await viem.deployContract("MintkitCollection", [
        benchConfig(O, { name: "N".repeat(300), baseURI: long, contractURI: long + "c.json" }),
      ]);
      expect(await c.read.name()).to.equal("N".repeat(300));
      expect(await c.read.symbol()).to.equal("MKB");
      expect(await c.read.baseURI()).to.equal(long);
      expect(await c.read.contractURI()).to.equal(long + "c.json");
    });

    it("rejects a string over 65,535 bytes", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        c.write.setBaseURI(["x".repeat(65_536)]),
        c,
        "StringTooLong",
        [65_536n],
      );
    });
  });

  describe("clones (EIP-1167) and initialize", function () {
    it("initializes a fresh clone once, in the factory's transaction", async function () {
      const { cloner } = await networkHelpers.loadFixture(cloneFixture);
      const hash = await cloner.write.clone([benchConfig(O, { name: "Clone", maxSupply: 5n })]);
      const [ev] = await cloner.getEvents.Cloned({ blockHash: (await publicClient.waitForTransactionReceipt({ hash })).blockHash });
      const clone = await viem.getContractAt("MintkitCollection", ev!.args.collection!);
      expect(await clone.read.name()).to.equal("Clone");
      expect(await clone.read.owner()).to.equal(getAddress(O));
      expect(await clone.read.maxSupply()).to.equal(5n);
      expect(await clone.read.nextTokenId()).to.equal(1n);
      await clone.write.mint([A]);
      expect(await clone.read.ownerOf([1n])).to.equal(getAddress(A));
      expect(await clone.read.tokenURI([1n])).to.equal(BASE_URI + "1.json");
      await viem.assertions.revertWithCustomError(clone.write.initialize([benchConfig(A)]), clone, "AlreadyInitialized");
    });

    it("refuses to initialize the implementation", async function () {
      const { impl } = await networkHelpers.loadFixture(cloneFixture);
      await viem.assertions.revertWithCustomError(impl.write.initialize([benchConfig(A)]), impl, "AlreadyInitialized");
      expect(await impl.read.owner()).to.equal(zeroAddress);
    });

    it("rejects a zero owner on initialize; a bare clone reads empty", async function () {
      const { cloner } = await networkHelpers.loadFixture(cloneFixture);
      const hash = await cloner.write.cloneBare();
      const [ev] = await cloner.getEvents.Cloned({ blockHash: (await publicClient.waitForTransactionReceipt({ hash })).blockHash });
      const clone = await viem.getContractAt("MintkitCollection", ev!.args.collection!);
      expect(await clone.read.name()).to.equal("");
      await viem.assertions.revertWithCustomErrorWithArgs(
        clone.write.initialize([benchConfig(zeroAddress)]),
        clone,
        "OwnableInvalidOwner",
        [zeroAddress],
      );
      await viem.assertions.emitWithArgs(clone.write.initialize([benchConfig(B)]), clone, "OwnershipTransferred", [
        zeroAddress,
        getAddress(B),
      ]);
      expect(await clone.read.owner()).to.equal(getAddress(B));
    });

    it("a clone has its own EIP-712 domain (verifyingContract = the clone)", async function () {
      const { cloner } = await networkHelpers.loadFixture(cloneFixture);
      const hash = await cloner.write.clone([benchConfig(O)]);
      const [ev] = await cloner.getEvents.Cloned({ blockHash: (await publicClient.waitForTransactionReceipt({ hash })).blockHash });
      const clone = await viem.getContractAt("MintkitCollection", ev!.args.collection!);
      const domain = await clone.read.eip712Domain();
      expect(domain[1]).to.equal("mintkit");
      expect(domain[2]).to.equal("1");
      expect(domain[4]).to.equal(getAddress(clone.address));
    });
  });

  describe("ERC-165", function () {
    it("supports 165, 721, 721 metadata, 2981, 4906, AccessControl, 173; not 0xffffffff", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      for (const id of ["0x01ffc9a7", "0x80ac58cd", "0x5b5e139f", "0x2a55205a", "0x49064906", "0x7965db0b", "0x7f5828d0"] as const) {
        expect(await c.read.supportsInterface([id]), id).to.equal(true);
      }
      for (const id of ["0xffffffff", "0xd9b67a26", "0x780e9d63"] as const) {
        expect(await c.read.supportsInterface([id]), id).to.equal(false);
      }
    });
  });

  describe("minting", function () {
    it("mint: next id to one holder, Transfer event, no receiver check", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(c.write.mint([A]), c, "Transfer", [zeroAddress, getAddress(A), 1n]);
      const noReceiver = await viem.deployContract("CollectionRejectingReceiver", [0]);
      await c.write.mint([noReceiver.address]); // plain mint does not call onERC721Received
      expect(await c.read.ownerOf([1n])).to.equal(getAddress(A));
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(noReceiver.address));
      expect(await c.read.balanceOf([A])).to.equal(1n);
      expect(await c.read.totalSupply()).to.equal(2n);
      expect(await c.read.nextTokenId()).to.equal(3n);
      const { result } = await c.simulate.mint([A]);
      expect(result).to.equal(3n);
    });

    it("mintWithURI: next id with its own URI, MetadataUpdate, minter only, allowed after the freeze", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([B]);
      const uri = "ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
      await viem.assertions.emitWithArgs(c.write.mintWithURI([A, uri]), c, "MetadataUpdate", [2n]);
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(A));
      expect(await c.read.tokenURI([2n])).to.equal(uri);
      expect(await c.read.tokenURI([1n])).to.equal(`${BASE_URI}1.json`);
      expect(await c.read.nextTokenId()).to.equal(3n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintWithURI([A, uri], as(alice)), c, "AccessControlUnauthorizedAccount", [getAddress(A), MINTER_ROLE]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintWithURI([zeroAddress, uri]), c, "ERC721InvalidReceiver", [zeroAddress]);
      await c.write.freezeMetadata();
      await c.write.mintWithURI([B, "ipfs://later"]);
      expect(await c.read.tokenURI([3n])).to.equal("ipfs://later");
    });

    it("mint to the zero address reverts ERC721InvalidReceiver", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      for (const p of [c.write.mint([zeroAddress]), c.write.safeMint([zeroAddress, "0x"]), c.write.mintBatch([zeroAddress, 2n, 1n]), c.write.safeMintBatch([zeroAddress, 2n, 1n, "0x"]), c.write.airdrop([[A, zeroAddress], 1n])]) {
        await viem.assertions.revertWithCustomErrorWithArgs(p, c, "ERC721InvalidReceiver", [zeroAddress]);
      }
    });

    it("safeMint calls onERC721Received with operator, from 0, id and data", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const r = await viem.deployContract("CollectionAcceptingReceiver");
      await c.write.safeMint([r.address, "0x1234"]);
      expect(await r.read.lastOperator()).to.equal(getAddress(O));
      expect(await r.read.lastFrom()).to.equal(zeroAddress);
      expect(await r.read.lastTokenId()).to.equal(1n);
      expect(await r.read.lastData()).to.equal("0x1234");
      await c.write.safeMint([A, "0x"]); // EOA: no call
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(A));
    });

    it("safeMint to a refusing or non-receiver contract reverts (reason bubbled)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const wrong = await viem.deployContract("CollectionRejectingReceiver", [0]);
      const reverting = await viem.deployContract("CollectionRejectingReceiver", [1]);
      const empty = await viem.deployContract("CollectionRejectingReceiver", [2]);
      const notReceiver = await viem.deployContract("MockERC20");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeMint([wrong.address, "0x"]), c, "ERC721InvalidReceiver", [getAddress(wrong.address)]);
      await viem.assertions.revertWithCustomError(c.write.safeMint([reverting.address, "0x"]), reverting, "Refused");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeMint([empty.address, "0x"]), c, "ERC721InvalidReceiver", [getAddress(empty.address)]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeMint([notReceiver.address, "0x"]), c, "ERC721InvalidReceiver", [getAddress(notReceiver.address)]);
      await viem.assertions.revertWithCustomError(c.write.safeMintBatch([wrong.address, 3n, 1n, "0x"]), c, "ERC721InvalidReceiver");
      expect(await c.read.nextTokenId()).to.equal(1n);
    });

    it("mintBatch: N consecutive ids, one Transfer each, balances and ownerOf everywhere", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([B]);
      const hash = await c.write.mintBatch([A, 5n, 2n]);
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const transfers = await c.getEvents.Transfer({}, { blockHash: receipt.blockHash });
      expect(transfers.map((e) => [e.args.from, e.args.to, e.args.tokenId])).to.deep.equal(
        [2n, 3n, 4n, 5n, 6n].map((id) => [zeroAddress, getAddress(A), id]),
      );
      for (let id = 2n; id <= 6n; id++) expect(await c.read.ownerOf([id])).to.equal(getAddress(A));
      expect(await c.read.balanceOf([A])).to.equal(5n);
      expect(await c.read.totalSupply()).to.equal(6n);
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.ownerOf([7n]), c, "ERC721NonexistentToken", [7n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.ownerOf([0n]), c, "ERC721NonexistentToken", [0n]);
      const { result } = await c.simulate.mintBatch([A, 2n, 7n]);
      expect(result).to.equal(7n);
      // even and single-token batches log every id exactly once too
      for (const [n, first] of [[4n, 7n], [1n, 11n], [2n, 12n]] as const) {
        const r = await publicClient.waitForTransactionReceipt({ hash: await c.write.mintBatch([C, n, first]) });
        const evs = await c.getEvents.Transfer({}, { blockHash: r.blockHash });
        expect(evs.map((e) => e.args.tokenId)).to.deep.equal(Array.from({ length: Number(n) }, (_, i) => first + BigInt(i)));
      }
    });

    it("mintBatch, safeMintBatch and airdrop revert UnexpectedNextTokenId unless they start at the expected id", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([A, 3n, 1n]); // ids 1-3
      // a retry of the same transaction (built when the next id was 1) mints nothing
      for (const p of [
        c.write.mintBatch([A, 3n, 1n]),
        c.write.safeMintBatch([A, 3n, 1n, "0x"]),
        c.write.airdrop([[A, B, C], 1n]),
        c.write.mintBatch([A, 3n, 5n]), // ahead of the counter too
      ]) {
        await viem.assertions.revertWithCustomError(p, c, "UnexpectedNextTokenId");
      }
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.airdrop([[B], 2n]), c, "UnexpectedNextTokenId", [2n, 4n]);
      expect(await c.read.nextTokenId()).to.equal(4n);
      expect(await c.read.balanceOf([A])).to.equal(3n);
      // a concurrent mint landing first makes the batch revert instead of minting elsewhere
      await c.write.mint([B]); // id 4
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintBatch([A, 2n, 4n]), c, "UnexpectedNextTokenId", [4n, 5n]);
      await c.write.airdrop([[C, C], 5n]);
      expect(await c.read.ownerOf([6n])).to.equal(getAddress(C));
    });

    it("mintBatch of zero reverts ZeroQuantity; airdrop of nobody too", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomError(c.write.mintBatch([A, 0n, 1n]), c, "ZeroQuantity");
      await viem.assertions.revertWithCustomError(c.write.safeMintBatch([A, 0n, 1n, "0x"]), c, "ZeroQuantity");
      await viem.assertions.revertWithCustomError(c.write.airdrop([[], 1n]), c, "ZeroQuantity");
      await viem.assertions.revertWithCustomError(c.write.reserve([0n]), c, "ZeroQuantity");
    });

    it("a large batch (1,300) is split into bounded range records and reads back everywhere", async function () {
      const { c } = await networkHelpers.loadFixture(uncappedFixture);
      await c.write.mint([B]);
      await c.write.mintBatch([A, 1_300n, 2n]); // ids 2..1301
      for (const id of [2n, 255n, 256n, 257n, 511n, 512n, 513n, 767n, 768n, 1023n, 1024n, 1025n, 1300n, 1301n]) {
        expect(await c.read.ownerOf([id]), `id ${id}`).to.equal(getAddress(A));
      }
      await viem.assertions.revertWithCustomError(c.read.ownerOf([1302n]), c, "ERC721NonexistentToken");
      expect(await c.read.balanceOf([A])).to.equal(1_300n);
      // a transfer inside leaves its neighbours alone
      await c.write.transferFrom([A, C, 700n], as(alice));
      expect(await c.read.ownerOf([699n])).to.equal(getAddress(A));
      expect(await c.read.ownerOf([700n])).to.equal(getAddress(C));
      expect(await c.read.ownerOf([701n])).to.equal(getAddress(A));
    });

    it("safeMintBatch calls the receiver once per token", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const r = await viem.deployContract("CollectionAcceptingReceiver");
      await c.write.safeMintBatch([r.address, 4n, 1n, "0xab"]);
      expect(await r.read.calls()).to.equal(4n);
      expect(await r.read.lastTokenId()).to.equal(4n);
      expect(await r.read.lastData()).to.equal("0xab");
      expect(await c.read.balanceOf([r.address])).to.equal(4n);
    });

    it("airdrop: one each, consecutive ids in list order (duplicates allowed)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const hash = c.write.airdrop([[A, B, C, A], 1n]);
      await viem.assertions.emitWithArgs(hash, c, "Transfer", [zeroAddress, getAddress(C), 3n]);
      expect(await c.read.ownerOf([1n])).to.equal(getAddress(A));
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(B));
      expect(await c.read.ownerOf([4n])).to.equal(getAddress(A));
      expect(await c.read.balanceOf([A])).to.equal(2n);
      expect(await c.read.totalSupply()).to.equal(4n);
    });

    it("reserve: advances the next id without minting; TokensReserved event", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([A]);
      await viem.assertions.emitWithArgs(c.write.reserve([3n]), c, "TokensReserved", [2n, 3n]);
      expect(await c.read.nextTokenId()).to.equal(5n);
      expect(await c.read.totalSupply()).to.equal(1n);
      for (const id of [2n, 3n, 4n]) await viem.assertions.revertWithCustomError(c.read.ownerOf([id]), c, "ERC721NonexistentToken");
      await c.write.mint([B]);
      expect(await c.read.ownerOf([5n])).to.equal(getAddress(B));
    });

    it("non-minters cannot mint, batch, airdrop or reserve", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      for (const p of [
        c.write.mint([A], as(alice)),
        c.write.safeMint([A, "0x"], as(alice)),
        c.write.mintBatch([A, 2n, 1n], as(alice)),
        c.write.safeMintBatch([A, 2n, 1n, "0x"], as(alice)),
        c.write.airdrop([[A], 1n], as(alice)),
        c.write.reserve([1n], as(alice)),
      ]) {
        await viem.assertions.revertWithCustomErrorWithArgs(p, c, "AccessControlUnauthorizedAccount", [getAddress(A), MINTER_ROLE]);
      }
    });
  });

  describe("max supply", function () {
    async function capped() {
      const c = await viem.deployContract("MintkitCollection", [benchConfig(O, { maxSupply: 5n })]);
      return { c };
    }

    it("is enforced by mint, safeMint, mintBatch, safeMintBatch, airdrop and reserve", async function () {
      const { c } = await networkHelpers.loadFixture(capped);
      await c.write.mintBatch([A, 3n, 1n]); // ids 1-3; 2 left
      const over = [
        c.write.mintBatch([A, 3n, 4n]),
        c.write.safeMintBatch([A, 3n, 4n, "0x"]),
        c.write.airdrop([[A, B, C], 4n]),
        c.write.reserve([3n]),
      ];
      for (const p of over) await viem.assertions.revertWithCustomErrorWithArgs(p, c, "MaxSupplyExceeded", [5n, 2n, 3n]);
      await c.write.mint([A]);
      await c.write.safeMint([A, "0x"]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mint([A]), c, "MaxSupplyExceeded", [5n, 0n, 1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.safeMint([A, "0x"]), c, "MaxSupplyExceeded", [5n, 0n, 1n]);
      expect(await c.read.totalSupply()).to.equal(5n);
    });

    it("counts reserved ids and survives burns (ids are never reused)", async function () {
      const { c } = await networkHelpers.loadFixture(capped);
      await c.write.reserve([2n]);
      await c.write.mintBatch([A, 3n, 3n]);
      await c.write.burn([3n], as(alice));
      await viem.assertions.revertWithCustomError(c.write.mint([A]), c, "MaxSupplyExceeded");
      expect(await c.read.totalSupply()).to.equal(2n);
    });

    it("huge quantities revert with MaxSupplyExceeded, not a panic (uncapped too)", async function () {
      const { c } = await networkHelpers.loadFixture(uncappedFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.mintBatch([A, MAX_UINT, 1n]), c, "MaxSupplyExceeded", [0n, 2n ** 40n - 2n, MAX_UINT]);
      await viem.assertions.revertWithCustomError(c.write.reserve([2n ** 40n]), c, "MaxSupplyExceeded");
    });

    it("setMaxSupply: admin only, not below issued ids, 0 lifts the cap, event", async function () {
      const { c } = await networkHelpers.loadFixture(capped);
      await c.write.mintBatch([A, 3n, 1n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setMaxSupply([2n]), c, "MaxSupplyBelowIssued", [2n, 3n]);
      await viem.assertions.revertWithCustomError(c.write.setMaxSupply([2n ** 40n]), c, "MaxSupplyExceeded");
      await viem.assertions.revertWithCustomError(c.write.setMaxSupply([9n], as(alice)), c, "AccessControlUnauthorizedAccount");
      await viem.assertions.emitWithArgs(c.write.setMaxSupply([3n]), c, "MaxSupplyUpdated", [3n]);
      await viem.assertions.revertWithCustomError(c.write.mint([A]), c, "MaxSupplyExceeded");
      await c.write.setMaxSupply([0n]);
      expect(await c.read.maxSupply()).to.equal(0n);
      await c.write.mintBatch([A, 10n, 4n]);
      expect(await c.read.nextTokenId()).to.equal(14n);
      expect(await c.read.owner()).to.equal(getAddress(O)); // packed neighbours intact
    });
  });

  describe("ERC-721 transfers and approvals", function () {
    async function minted() {
      const { c } = await deployFixture();
      await c.write.mint([A]); // 1
      await c.write.mintBatch([A, 4n, 2n]); // 2-5
      return { c };
    }

    it("transferFrom by the owner moves the token and balances (single and in-batch tokens)", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      for (const id of [1n, 3n]) {
        await viem.assertions.emitWithArgs(c.write.transferFrom([A, B, id], as(alice)), c, "Transfer", [getAddress(A), getAddress(B), id]);
        expect(await c.read.ownerOf([id])).to.equal(getAddress(B));
      }
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(A));
      expect(await c.read.ownerOf([4n])).to.equal(getAddress(A));
      expect(await c.read.balanceOf([A])).to.equal(3n);
      expect(await c.read.balanceOf([B])).to.equal(2n);
      await c.write.transferFrom([B, A, 3n], as(bob));
      expect(await c.read.ownerOf([3n])).to.equal(getAddress(A));
    });

    it("transfer reverts: wrong from, nonexistent, zero receiver, unauthorized caller", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferFrom([B, C, 2n], as(bob)), c, "ERC721IncorrectOwner", [getAddress(B), 2n, getAddress(A)]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferFrom([A, C, 99n], as(alice)), c, "ERC721NonexistentToken", [99n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferFrom([A, zeroAddress, 2n], as(alice)), c, "ERC721InvalidReceiver", [zeroAddress]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferFrom([A, C, 2n], as(bob)), c, "ERC721InsufficientApproval", [getAddress(B), 2n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferFrom([A, C, 1n], as(bob)), c, "ERC721InsufficientApproval", [getAddress(B), 1n]);
    });

    it("approve: approved account can transfer once; approval clears on transfer", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      for (const id of [1n, 4n]) {
        await viem.assertions.emitWithArgs(c.write.approve([B, id], as(alice)), c, "Approval", [getAddress(A), getAddress(B), id]);
        expect(await c.read.getApproved([id])).to.equal(getAddress(B));
        expect(await c.read.ownerOf([id])).to.equal(getAddress(A));
        await c.write.transferFrom([A, C, id], as(bob));
        expect(await c.read.getApproved([id])).to.equal(zeroAddress);
        await viem.assertions.revertWithCustomError(c.write.transferFrom([C, B, id], as(bob)), c, "ERC721InsufficientApproval");
      }
      expect(await c.read.getApproved([2n])).to.equal(zeroAddress);
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.getApproved([99n]), c, "ERC721NonexistentToken", [99n]);
    });

    it("approve(0) clears; approve reverts for non-owner and nonexistent tokens; operators may approve", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      await c.write.approve([B, 2n], as(alice));
      await viem.assertions.emitWithArgs(c.write.approve([zeroAddress, 2n], as(alice)), c, "Approval", [getAddress(A), zeroAddress, 2n]);
      expect(await c.read.getApproved([2n])).to.equal(zeroAddress);
      await viem.assertions.revertWithCustomError(c.write.transferFrom([A, C, 2n], as(bob)), c, "ERC721InsufficientApproval");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.approve([C, 2n], as(bob)), c, "ERC721InvalidApprover", [getAddress(B)]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.approve([C, 77n], as(bob)), c, "ERC721NonexistentToken", [77n]);
      await c.write.setApprovalForAll([B, true], as(alice));
      await c.write.approve([C, 2n], as(bob));
      expect(await c.read.getApproved([2n])).to.equal(getAddress(C));
      await c.write.transferFrom([A, C, 2n], as(carol));
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(C));
    });

    it("setApprovalForAll: operator transfers any token; event; revoke; zero operator reverts", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      await viem.assertions.emitWithArgs(c.write.setApprovalForAll([B, true], as(alice)), c, "ApprovalForAll", [getAddress(A), getAddress(B), true]);
      expect(await c.read.isApprovedForAll([A, B])).to.equal(true);
      await c.write.transferFrom([A, C, 5n], as(bob));
      await c.write.transferFrom([A, C, 1n], as(bob));
      await c.write.setApprovalForAll([B, false], as(alice));
      expect(await c.read.isApprovedForAll([A, B])).to.equal(false);
      await viem.assertions.revertWithCustomError(c.write.transferFrom([A, C, 2n], as(bob)), c, "ERC721InsufficientApproval");
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setApprovalForAll([zeroAddress, true], as(alice)), c, "ERC721InvalidOperator", [zeroAddress]);
    });

    it("balanceOf(0) reverts ERC721InvalidOwner", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.balanceOf([zeroAddress]), c, "ERC721InvalidOwner", [zeroAddress]);
    });

    it("safeTransferFrom (both overloads) checks the receiver and passes data", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      const r = await viem.deployContract("CollectionAcceptingReceiver");
      const bad = await viem.deployContract("CollectionRejectingReceiver", [0]);
      await c.write.safeTransferFrom([A, r.address, 1n], as(alice));
      expect(await r.read.lastFrom()).to.equal(getAddress(A));
      expect(await r.read.lastOperator()).to.equal(getAddress(A));
      expect(await r.read.lastData()).to.equal("0x");
      await c.write.safeTransferFrom([A, r.address, 3n, "0xbeef"], as(alice));
      expect(await r.read.lastTokenId()).to.equal(3n);
      expect(await r.read.lastData()).to.equal("0xbeef");
      await viem.assertions.revertWithCustomError(c.write.safeTransferFrom([A, bad.address, 2n], as(alice)), c, "ERC721InvalidReceiver");
      await viem.assertions.revertWithCustomError(c.write.safeTransferFrom([A, bad.address, 2n, "0x"], as(alice)), c, "ERC721InvalidReceiver");
      await c.write.safeTransferFrom([A, B, 2n, "0x"], as(alice)); // EOA
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(B));
    });

    it("a holder can transfer to itself", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      await c.write.transferFrom([A, A, 3n], as(alice));
      expect(await c.read.ownerOf([3n])).to.equal(getAddress(A));
      expect(await c.read.balanceOf([A])).to.equal(5n);
    });
  });

  describe("burn", function () {
    async function minted() {
      const { c } = await deployFixture();
      await c.write.mint([A]); // 1
      await c.write.mintBatch([A, 4n, 2n]); // 2-5
      return { c };
    }

    it("owner burns (single and in-batch); Transfer to 0; supply and balances drop; gone for good", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      for (const id of [1n, 3n]) {
        await viem.assertions.emitWithArgs(c.write.burn([id], as(alice)), c, "Transfer", [getAddress(A), zeroAddress, id]);
        await viem.assertions.revertWithCustomErrorWithArgs(c.read.ownerOf([id]), c, "ERC721NonexistentToken", [id]);
        await viem.assertions.revertWithCustomError(c.read.tokenURI([id]), c, "ERC721NonexistentToken");
        await viem.assertions.revertWithCustomError(c.write.burn([id], as(alice)), c, "ERC721NonexistentToken");
        await viem.assertions.revertWithCustomError(c.write.transferFrom([A, B, id], as(alice)), c, "ERC721NonexistentToken");
      }
      expect(await c.read.ownerOf([2n])).to.equal(getAddress(A));
      expect(await c.read.ownerOf([4n])).to.equal(getAddress(A));
      expect(await c.read.balanceOf([A])).to.equal(3n);
      expect(await c.read.totalSupply()).to.equal(3n);
      expect(await c.read.totalBurned()).to.equal(2n);
    });

    it("approved account and operator may burn; others may not", async function () {
      const { c } = await networkHelpers.loadFixture(minted);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.burn([2n], as(bob)), c, "ERC721InsufficientApproval", [getAddress(B), 2n]);
      await c.write.approve([B, 2n], as(alice));
      await c.write.burn([2n], as(bob));
      await c.write.setApprovalForAll([C, true], as(alice));
      await c.write.burn([4n], as(carol));
      expect(await c.read.balanceOf([A])).to.equal(3n);
      // the contract owner has no power over holders' tokens
      await viem.assertions.revertWithCustomError(c.write.burn([5n]), c, "ERC721InsufficientApproval");
    });
  });

  describe("metadata", function () {
    it("tokenURI: <base><id>.json, per-token override, reset to base; nonexistent reverts", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([A, 12n, 1n]);
      expect(await c.read.tokenURI([1n])).to.equal(BASE_URI + "1.json");
      expect(await c.read.tokenURI([12n])).to.equal(BASE_URI + "12.json");
      await viem.assertions.emitWithArgs(c.write.setTokenURI([7n, "ipfs://own/7"]), c, "MetadataUpdate", [7n]);
      expect(await c.read.tokenURI([7n])).to.equal("ipfs://own/7");
      await c.write.setTokenURI([7n, ""]);
      expect(await c.read.tokenURI([7n])).to.equal(BASE_URI + "7.json");
      await viem.assertions.revertWithCustomErrorWithArgs(c.read.tokenURI([13n]), c, "ERC721NonexistentToken", [13n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setTokenURI([13n, "x"]), c, "ERC721NonexistentToken", [13n]);
    });

    it("setBaseURI emits BatchMetadataUpdate(1, max) and keeps the other strings", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([A]);
      await viem.assertions.emitWithArgs(c.write.setBaseURI(["ipfs://new/"]), c, "BatchMetadataUpdate", [1n, MAX_UINT]);
      expect(await c.read.tokenURI([1n])).to.equal("ipfs://new/1.json");
      expect(await c.read.baseURI()).to.equal("ipfs://new/");
      expect(await c.read.name()).to.equal("mintkit Bench");
      expect(await c.read.symbol()).to.equal("MKB");
      expect(await c.read.contractURI()).to.equal(CONTRACT_URI);
    });

    it("setContractURI emits ContractURIUpdated (ERC-7572), keeps the others, works after the freeze", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emit(c.write.setContractURI(["ipfs://contract2"]), c, "ContractURIUpdated");
      expect(await c.read.contractURI()).to.equal("ipfs://contract2");
      expect(await c.read.baseURI()).to.equal(BASE_URI);
      await c.write.freezeMetadata();
      await c.write.setContractURI(["ipfs://contract3"]);
      expect(await c.read.contractURI()).to.equal("ipfs://contract3");
    });

    it("freezeMetadata: events, then base/token URI setters revert MetadataIsFrozen; freeze is one-way", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([A]);
      const tx = c.write.freezeMetadata();
      await viem.assertions.emit(tx, c, "MetadataFrozen");
      await viem.assertions.emitWithArgs(tx, c, "BatchMetadataUpdate", [1n, MAX_UINT]);
      expect(await c.read.metadataFrozen()).to.equal(true);
      await viem.assertions.revertWithCustomError(c.write.setBaseURI(["ipfs://x/"]), c, "MetadataIsFrozen");
      await viem.assertions.revertWithCustomError(c.write.setTokenURI([1n, "x"]), c, "MetadataIsFrozen");
      await viem.assertions.revertWithCustomError(c.write.freezeMetadata(), c, "MetadataIsFrozen");
      expect(await c.read.tokenURI([1n])).to.equal(BASE_URI + "1.json");
      // the frozen flag shares the owner slot: counters and owner intact
      await c.write.mint([A]);
      expect(await c.read.nextTokenId()).to.equal(3n);
      expect(await c.read.maxSupply()).to.equal(10_000n);
    });

    it("metadata setters are admin-only", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mint([A]);
      for (const p of [
        c.write.setBaseURI(["x"], as(alice)),
        c.write.setTokenURI([1n, "x"], as(alice)),
        c.write.setContractURI(["x"], as(alice)),
        c.write.freezeMetadata(as(alice)),
        c.write.setDefaultRoyalty([A, 100n], as(alice)),
        c.write.setTokenRoyalty([1n, A, 100n], as(alice)),
        c.write.setPrimarySaleRecipient([A], as(alice)),
      ]) {
        await viem.assertions.revertWithCustomErrorWithArgs(p, c, "AccessControlUnauthorizedAccount", [getAddress(A), ADMIN_ROLE]);
      }
    });
  });

  describe("royalties (ERC-2981) and sales", function () {
    it("default royalty, per-token override, reset, delete; amounts", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.mintBatch([A, 3n, 1n]);
      expect(await c.read.royaltyInfo([2n, 1_000_000n])).to.deep.equal([getAddress(O), 50_000n]);
      await c.write.setTokenRoyalty([2n, B, 1_000n]);
      expect(await c.read.royaltyInfo([2n, 1_000_000n])).to.deep.equal([getAddress(B), 100_000n]);
      expect(await c.read.royaltyInfo([3n, 1_000_000n])).to.deep.equal([getAddress(O), 50_000n]);
      await c.write.setDefaultRoyalty([C, 250n]);
      expect(await c.read.royaltyInfo([3n, 1_000_000n])).to.deep.equal([getAddress(C), 25_000n]);
      await c.write.setTokenRoyalty([2n, zeroAddress, 0n]);
      expect(await c.read.royaltyInfo([2n, 1_000_000n])).to.deep.equal([getAddress(C), 25_000n]);
      await c.write.setDefaultRoyalty([zeroAddress, 0n]);
      expect(await c.read.royaltyInfo([2n, 1_000_000n])).to.deep.equal([zeroAddress, 0n]);
    });

    it("royalty above 10% reverts RoyaltyTooHigh (default and per token)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setDefaultRoyalty([A, 1_001n]), c, "RoyaltyTooHigh", [1_001n, 1_000n]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.setTokenRoyalty([1n, A, 10_000n]), c, "RoyaltyTooHigh", [10_000n, 1_000n]);
      await c.write.setDefaultRoyalty([A, 1_000n]); // the bound itself is fine
    });

    it("setPrimarySaleRecipient: set, event, back to owner with zero (follows ownership)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.emitWithArgs(c.write.setPrimarySaleRecipient([C]), c, "PrimarySaleRecipientUpdated", [getAddress(C)]);
      expect(await c.read.primarySaleRecipient()).to.equal(getAddress(C));
      await c.write.setPrimarySaleRecipient([zeroAddress]);
      expect(await c.read.primarySaleRecipient()).to.equal(getAddress(O));
      await c.write.transferOwnership([B]);
      expect(await c.read.primarySaleRecipient()).to.equal(getAddress(B));
    });
  });

  describe("roles and ownership", function () {
    it("the owner holds every role; admin grants and revokes MINTER_ROLE", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      expect(await c.read.hasRole([MINTER_ROLE, O])).to.equal(true);
      expect(await c.read.hasRole([ADMIN_ROLE, O])).to.equal(true);
      expect(await c.read.hasRole([MINTER_ROLE, minter.account.address])).to.equal(false);
      await viem.assertions.emitWithArgs(c.write.grantRole([MINTER_ROLE, minter.account.address]), c, "RoleGranted", [MINTER_ROLE, getAddress(minter.account.address), getAddress(O)]);
      await c.write.mint([A], as(minter));
      await c.write.mintBatch([A, 2n, 2n], as(minter));
      await c.write.airdrop([[B], 4n], as(minter));
      await c.write.reserve([1n], as(minter));
      expect(await c.read.nextTokenId()).to.equal(6n);
      // a minter is not an admin
      await viem.assertions.revertWithCustomError(c.write.setBaseURI(["x"], as(minter)), c, "AccessControlUnauthorizedAccount");
      await viem.assertions.revertWithCustomError(c.write.grantRole([MINTER_ROLE, A], as(minter)), c, "AccessControlUnauthorizedAccount");
      await c.write.revokeRole([MINTER_ROLE, minter.account.address]);
      await viem.assertions.revertWithCustomError(c.write.mint([A], as(minter)), c, "AccessControlUnauthorizedAccount");
    });

    it("getRoleAdmin, RoleRevoked, renounceRole (self only: AccessControlBadConfirmation otherwise)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const M = minter.account.address;
      expect(await c.read.getRoleAdmin([MINTER_ROLE])).to.equal(ADMIN_ROLE);
      await c.write.grantRole([MINTER_ROLE, M]);
      await viem.assertions.revertWithCustomError(c.write.renounceRole([MINTER_ROLE, M], as(alice)), c, "AccessControlBadConfirmation");
      await viem.assertions.emitWithArgs(c.write.renounceRole([MINTER_ROLE, M], as(minter)), c, "RoleRevoked", [MINTER_ROLE, getAddress(M), getAddress(M)]);
      expect(await c.read.hasRole([MINTER_ROLE, M])).to.equal(false);
      await c.write.grantRole([MINTER_ROLE, M]);
      await viem.assertions.emitWithArgs(c.write.revokeRole([MINTER_ROLE, M]), c, "RoleRevoked", [MINTER_ROLE, getAddress(M), getAddress(O)]);
    });

    it("granting or revoking a role of the owner reverts OwnerHoldsEveryRole (it holds them all; a no-op would mislead)", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.grantRole([MINTER_ROLE, O]), c, "OwnerHoldsEveryRole", [getAddress(O)]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.revokeRole([MINTER_ROLE, O]), c, "OwnerHoldsEveryRole", [getAddress(O)]);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.renounceRole([ADMIN_ROLE, O]), c, "OwnerHoldsEveryRole", [getAddress(O)]);
      // the way to keep minting after handing over: transfer first, then the new owner grants the role
      await c.write.transferOwnership([B]);
      await c.write.grantRole([MINTER_ROLE, O], as(bob));
      await c.write.mint([A]);
      expect(await c.read.ownerOf([1n])).to.equal(getAddress(A));
    });

    it("a granted admin can grant minters and set metadata", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await c.write.grantRole([ADMIN_ROLE, admin.account.address]);
      await c.write.grantRole([MINTER_ROLE, minter.account.address], as(admin));
      await c.write.setBaseURI(["ipfs://admin/"], as(admin));
      await c.write.mint([A], as(minter));
      expect(await c.read.tokenURI([1n])).to.equal("ipfs://admin/1.json");
      // but only the owner transfers ownership
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferOwnership([A], as(admin)), c, "OwnableUnauthorizedAccount", [getAddress(admin.account.address)]);
    });

    it("transferOwnership moves every power; renounce leaves none; zero owner refused", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      await viem.assertions.revertWithCustomErrorWithArgs(c.write.transferOwnership([zeroAddress]), c, "OwnableInvalidOwner", [zeroAddress]);
      await viem.assertions.emitWithArgs(c.write.transferOwnership([B]), c, "OwnershipTransferred", [getAddress(O), getAddress(B)]);
      expect(await c.read.owner()).to.equal(getAddress(B));
      expect(await c.read.nextTokenId()).to.equal(1n); // packed counters untouched
      expect(await c.read.maxSupply()).to.equal(10_000n);
      await viem.assertions.revertWithCustomError(c.write.mint([A]), c, "AccessControlUnauthorizedAccount");
      await viem.assertions.revertWithCustomError(c.write.setBaseURI(["x"]), c, "AccessControlUnauthorizedAccount");
      await viem.assertions.revertWithCustomError(c.write.transferOwnership([O]), c, "OwnableUnauthorizedAccount");
      await c.write.mint([A], as(bob));
      await c.write.setBaseURI(["ipfs://b/"], as(bob));
      await c.write.renounceOwnership(as(bob));
      expect(await c.read.owner()).to.equal(zeroAddress);
      await viem.assertions.revertWithCustomError(c.write.mint([A], as(bob)), c, "AccessControlUnauthorizedAccount");
      expect(await c.read.hasRole([MINTER_ROLE, zeroAddress])).to.equal(false);
      await viem.assertions.revertWithCustomError(c.write.renounceOwnership(as(bob)), c, "OwnableUnauthorizedAccount");
    });
  });

  describe("a fresh holder and many holders", function () {
    it("mints to fresh EOAs and transfers among them", async function () {
      const { c } = await networkHelpers.loadFixture(deployFixture);
      const addrs = [fresh(), fresh(), fresh()];
      await c.write.airdrop([addrs, 1n]);
      for (const [i, a] of addrs.entries()) expect(await c.read.ownerOf([BigInt(i + 1)])).to.equal(getAddress(a));
    });
  });
});
