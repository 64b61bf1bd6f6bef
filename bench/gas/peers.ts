/**
 * The peers: the same jobs done with OpenZeppelin 5.7, ERC721A 4.3 and solady 0.1.26. Their sources are
 * in bench/contracts/ (compiled with the project: hardhat.config.ts lists bench/contracts as a source
 * root). Every peer is deployed directly (constructor) with the same configuration as mintkit
 * (config.ts), mints are owner-only and checked against the max supply, ids are assigned sequentially.
 */
import type { Abi, Address, Hex } from "viem";
import type { BenchChain, WalletClient } from "./chain.js";
import { COLLECTION, EDITION } from "./config.js";
import type { Collection721, Deployable, Editions1155, LazyRedeemer } from "./subjects.js";
import type { Voucher } from "./vouchers.js";

/** The `PeerConfig` struct every peer's constructor takes (bench/contracts/PeerConfig.sol). */
function peerConfig(owner: Address, baseURI: string) {
  return {
    owner,
    name: COLLECTION.name,
    symbol: COLLECTION.symbol,
    baseURI,
    contractURI: COLLECTION.contractURI,
    maxSupply: COLLECTION.maxSupply,
    royaltyReceiver: owner,
    royaltyBps: COLLECTION.royaltyBps,
  };
}

async function deployPeer(chain: BenchChain, owner: WalletClient, name: string, baseURI: string = COLLECTION.baseURI) {
  const abi = await chain.abiOf(name);
  const { address, gasUsed } = await chain.deploy(name, [peerConfig(owner.account.address, baseURI)], owner);
  return { address, abi, gasUsed };
}

/** A peer exposing `mint(address)` and `mintBatch(address,uint256)` (all bench/contracts ERC-721 peers). */
function peer721(address: Address, abi: Abi): Collection721 {
  return {
    address,
    abi,
    mint: (to) => ({ address, abi, functionName: "mint", args: [to] }),
    mintBatch: (to, quantity) => ({ address, abi, functionName: "mintBatch", args: [to, quantity] }),
  };
}

function collectionPeer(subject: string, contractName: string, describe: string): Deployable<Collection721> {
  return {
    subject,
    describe,
    async deploy(chain, owner) {
      const { address, abi, gasUsed } = await deployPeer(chain, owner, contractName);
      return { contract: peer721(address, abi), gasUsed };
    },
  };
}

/** ERC-721 peers: single mint, batch mint, transfers, direct deploy. */
export const COLLECTION_PEERS: Deployable<Collection721>[] = [
  collectionPeer("oz", "PeerOZ721", "OpenZeppelin 5.7 ERC721 + ERC2981 + Ownable (batch = loop of _mint)"),
  collectionPeer("erc721a", "PeerERC721A", "ERC721A 4.3 + OZ ERC2981 + Ownable (batch = _mint(to, n))"),
  collectionPeer("solady", "PeerSolady721", "solady 0.1.26 ERC721 + ERC2981 + Ownable (batch = loop of _mint)"),
];

function lazyPeer(subject: string, contractName: string, describe: string): Deployable<LazyRedeemer> {
  return {
    subject,
    describe,
    async deploy(chain, owner) {
      const { address, abi, gasUsed } = await deployPeer(chain, owner, contractName);
      const contract: LazyRedeemer = {
        ...peer721(address, abi),
        mintBatch: undefined,
        redeem: (voucher: Voucher, _signer: Address, signature: Hex, value: bigint) => ({
          address,
          abi,
          functionName: "redeem",
          args: [voucher, signature],
          value,
        }),
        // The reference mints whatever unused id a voucher names: ids far above its counter.
        explicitIds: async (_chain, _owner, count) => Array.from({ length: count }, (_, i) => 5_000n + BigInt(i)),
      };
      return { contract, gasUsed };
    },
  };
}

/**
 * The OZ EIP-712 reference lazy minter, in two variants that differ only in how spent uids are kept:
 * a `mapping(uint256 => bool)` (the straightforward way; every redemption writes a fresh slot) and OZ
 * BitMaps (consecutive uids share a slot, like mintkit's design).
 */
export const LAZY_PEERS: Deployable<LazyRedeemer>[] = [
  lazyPeer(
    "oz_eip712_reference",
    "PeerOZLazyMint721",
    "OZ 5.7 EIP712 + ECDSA.recover + mapping(uid => bool) + ERC721URIStorage + ERC2981, ETH sent to payee",
  ),
  lazyPeer(
    "oz_eip712_reference_bitmap",
    "PeerOZLazyMint721Bitmap",
    "the same with an OZ BitMaps uid set (consecutive uids share a storage slot)",
  ),
];

/** ERC-1155 peers: OZ ERC1155Supply minting a new id, as the Wizard writes it (no cap) and with a recorded cap. */
export const EDITIONS_PEERS: Deployable<Editions1155>[] = [
  {
    subject: "oz_erc1155supply",
    describe: "OZ 5.7 ERC1155Supply + ERC2981 + Ownable: mint(to, id, amount) of a new id, no cap recorded",
    async deploy(chain, owner) {
      const { address, abi, gasUsed } = await deployPeer(chain, owner, "PeerOZ1155Supply", EDITION.baseURI);
      const contract: Editions1155 = {
        address,
        abi,
        mintNewId: (to, amount, _maxSupply, nextId) => ({
          address,
          abi,
          functionName: "mint",
          args: [to, nextId, amount],
        }),
      };
      return { contract, gasUsed };
    },
  },
  {
    subject: "oz_erc1155supply_capped",
    describe: "OZ 5.7 ERC1155Supply + a per-id cap: createAndMint(to, amount, cap), id from a counter, cap in a mapping",
    async deploy(chain, owner) {
      const { address, abi, gasUsed } = await deployPeer(chain, owner, "PeerOZ1155SupplyCapped", EDITION.baseURI);
      const contract: Editions1155 = {
        address,
        abi,
        mintNewId: (to, amount, maxSupply) => ({
          address,
          abi,
          functionName: "createAndMint",
          args: [to, amount, maxSupply],
        }),
      };
      return { contract, gasUsed };
    },
  },
];
