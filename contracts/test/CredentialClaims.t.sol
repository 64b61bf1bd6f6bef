// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {CredentialRegistry} from "../identity/CredentialRegistry.sol";
import {CredentialClaims} from "../identity/CredentialClaims.sol";
import {IERC5484} from "../interfaces/IERC5484.sol";

/// @dev Test-side OpenZeppelin StandardMerkleTree: sorted leaves laid out at the end of the array in reverse,
/// sorted-pair hashing, and `getMultiProof` — the same algorithm as the OpenZeppelin merkle-tree package.
library CredentialTestTree {
    function hashPair(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        return a < b ? keccak256(abi.encode(a, b)) : keccak256(abi.encode(b, a));
    }

    function sort(bytes32[] memory a) internal pure {
        for (uint256 i = 1; i < a.length; ++i) {
            bytes32 key = a[i];
            uint256 j = i;
            while (j > 0 && a[j - 1] > key) {
                a[j] = a[j - 1];
                --j;
            }
            a[j] = key;
        }
    }

    /// @dev `sortedLeaves` ascending; returns the whole tree, root at 0.
    function build(bytes32[] memory sortedLeaves) internal pure returns (bytes32[] memory tree) {
        uint256 n = sortedLeaves.length;
        tree = new bytes32[](2 * n - 1);
        for (uint256 i; i < n; ++i) {
            tree[tree.length - 1 - i] = sortedLeaves[i];
        }
        for (uint256 k = tree.length - n; k > 0; --k) {
            uint256 i = k - 1;
            tree[i] = hashPair(tree[2 * i + 1], tree[2 * i + 2]);
        }
    }

    /// @dev The multiproof of the leaves at sorted positions `positions` (ascending, distinct).
    function multiProof(bytes32[] memory tree, uint256[] memory positions)
        internal
        pure
        returns (bytes32[] memory leaves, bytes32[] memory proof, bool[] memory flags)
    {
        uint256 k = positions.length;
        uint256[] memory queue = new uint256[](tree.length + k + 1);
        leaves = new bytes32[](k);
        for (uint256 i; i < k; ++i) {
            queue[i] = tree.length - 1 - positions[i]; // descending tree indices
            leaves[i] = tree[queue[i]];
        }
        uint256 head;
        uint256 tail = k;
        proof = new bytes32[](tree.length);
        flags = new bool[](tree.length);
        uint256 proofLen;
        uint256 flagsLen;
        while (head < tail && queue[head] > 0) {
            uint256 j = queue[head++];
            uint256 s = j % 2 == 1 ? j + 1 : j - 1;
            if (head < tail && queue[head] == s) {
                flags[flagsLen++] = true;
                ++head;
            } else {
                flags[flagsLen++] = false;
                proof[proofLen++] = tree[s];
            }
            queue[tail++] = (j - 1) / 2;
        }
        assembly ("memory-safe") {
            mstore(proof, proofLen)
            mstore(flags, flagsLen)
        }
    }
}

/// @notice verifyClaims against trees built here: random claim sets and random disclosed subsets always
/// verify; any single-bit change of a disclosed leaf never does; zero leaves never verify; inconsistent
/// multiproofs return false.
contract CredentialClaimsTest is TestBase {
    using Strings for uint256;

    CredentialRegistry internal registry;
    address internal constant HOLDER = address(0xA11CE);

    function setUp() public {
        registry = new CredentialRegistry(CredentialRegistry.Config(address(this), "C", "C", "", ""));
        string[] memory fields = new string[](1);
        fields[0] = "uint256 claim_<i>";
        registry.registerSchema("Fuzz", fields);
    }

    /// @dev `n` claims `("uint256", "claim_<i>", abi.encode(value_i), salt_i)` derived from `seed`, sorted.
    function _claimLeaves(uint256 seed, uint256 n) internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            uint256 value = uint256(keccak256(abi.encode(seed, i, "value"))) % 1000;
            bytes32 salt = keccak256(abi.encode(seed, i, "salt"));
            leaves[i] = CredentialClaims.leaf("uint256", string.concat("claim_", i.toString()), abi.encode(value), salt);
        }
        CredentialTestTree.sort(leaves);
    }

    /// @dev Sorted positions selected by the low `n` bits of `mask` (at least one).
    function _subset(uint256 mask, uint256 n) internal pure returns (uint256[] memory positions) {
        uint256 original = mask;
        mask &= (1 << n) - 1;
        if (mask == 0) mask = 1 << (original % n);
        uint256 count;
        for (uint256 i; i < n; ++i) {
            if ((mask >> i) & 1 == 1) ++count;
        }
        positions = new uint256[](count);
        uint256 c;
        for (uint256 i; i < n; ++i) {
            if ((mask >> i) & 1 == 1) positions[c++] = i;
        }
    }

    function _issue(bytes32 root) internal returns (uint256) {
        return registry.issue(HOLDER, 1, root, 0, IERC5484.BurnAuth.Both);
    }

    function testFuzz_randomSubsetsVerifyAndSingleBitFlipsNever(uint256 seed, uint8 nRaw, uint256 mask, uint256 pick, uint8 bit)
        public
    {
        uint256 n = bound(nRaw, 1, 24);
        bytes32[] memory tree = CredentialTestTree.build(_claimLeaves(seed, n));
        uint256 id = _issue(tree[0]);
        (bytes32[] memory leaves, bytes32[] memory proof, bool[] memory flags) =
            CredentialTestTree.multiProof(tree, _subset(mask, n));

        assertTrue(registry.verifyClaims(id, leaves, proof, flags), "subset verifies");
        assertTrue(registry.verifyValidClaims(id, leaves, proof, flags), "valid subset verifies");

        uint256 at = pick % leaves.length;
        bytes32 original = leaves[at];
        leaves[at] = original ^ bytes32(uint256(1) << bit);
        assertTrue(!registry.verifyClaims(id, leaves, proof, flags), "flipped bit never verifies");
        leaves[at] = original;

        // The same disclosure against another credential's root never verifies.
        bytes32[] memory otherTree = CredentialTestTree.build(_claimLeaves(~seed, n));
        uint256 other = _issue(otherTree[0]);
        assertTrue(!registry.verifyClaims(other, leaves, proof, flags), "other credential");
    }

    /// @dev Any flags and any proof length: verifyClaims answers (true only for the real multiproof) and never
    /// reverts — OpenZeppelin's multiproof reverts or panics (0x32) on such inputs.
    function testFuzz_inconsistentMultiproofsReturnFalse(uint256 seed, uint8 nRaw, uint256 mask, uint256 flagBits, int8 proofDelta)
        public
    {
        uint256 n = bound(nRaw, 2, 24);
        bytes32[] memory tree = CredentialTestTree.build(_claimLeaves(seed, n));
        uint256 id = _issue(tree[0]);
        (bytes32[] memory leaves, bytes32[] memory proof, bool[] memory flags) =
            CredentialTestTree.multiProof(tree, _subset(mask, n));
        // Random flags of the right length.
        bool[] memory random = new bool[](flags.length);
        bool same = true;
        for (uint256 i; i < flags.length; ++i) {
            random[i] = (flagBits >> (i % 256)) & 1 == 1;
            if (random[i] != flags[i]) same = false;
        }
        bool ok = registry.verifyClaims(id, leaves, proof, random);
        if (same) assertTrue(ok, "the real flags verify");
        // A proof one node longer or shorter (lengths no longer fit): false.
        uint256 length = proofDelta >= 0 ? proof.length + 1 : (proof.length == 0 ? 0 : proof.length - 1);
        bytes32[] memory resized = new bytes32[](length);
        for (uint256 i; i < length && i < proof.length; ++i) {
            resized[i] = proof[i];
        }
        if (length != proof.length) assertTrue(!registry.verifyClaims(id, leaves, resized, flags), "resized proof");
    }

    function testFuzz_zeroLeavesNeverVerify(uint256 seed, uint8 nRaw, bytes32 extra) public {
        uint256 n = bound(nRaw, 1, 16);
        bytes32[] memory tree = CredentialTestTree.build(_claimLeaves(seed, n));
        uint256 id = _issue(tree[0]);
        bytes32[] memory none = new bytes32[](0);
        bytes32[] memory proof = new bytes32[](1);
        proof[0] = tree[0]; // OpenZeppelin's multiproof accepts this for an empty leaf set
        assertTrue(!registry.verifyClaims(id, none, proof, new bool[](0)), "[root]");
        proof[0] = extra;
        assertTrue(!registry.verifyClaims(id, none, proof, new bool[](0)), "[anything]");
        assertTrue(!registry.verifyValidClaims(id, none, new bytes32[](0), new bool[](0)), "empty");
    }

    function testFuzz_claimLeafMatchesLibrary(string calldata claimType, string calldata name, bytes calldata value, bytes32 salt)
        public
        view
    {
        assertEq(
            registry.claimLeaf(claimType, name, value, salt),
            keccak256(bytes.concat(keccak256(abi.encode(claimType, name, value, salt)))),
            "leaf"
        );
    }

    /// @dev A 3-of-16 disclosure: the whole external call, measured with gasleft (account already warm).
    function test_gasVerify3of16() public {
        bytes32[] memory tree = CredentialTestTree.build(_claimLeaves(42, 16));
        uint256 id = _issue(tree[0]);
        uint256[] memory positions = new uint256[](3);
        (positions[0], positions[1], positions[2]) = (1, 6, 12);
        (bytes32[] memory leaves, bytes32[] memory proof, bool[] memory flags) =
            CredentialTestTree.multiProof(tree, positions);
        uint256 before = gasleft();
        bool ok = registry.verifyClaims(id, leaves, proof, flags);
        uint256 used = before - gasleft();
        assertTrue(ok, "verifies");
        assertTrue(used <= 20_000, "<= 20k");
        before = gasleft();
        ok = registry.verifyValidClaims(id, leaves, proof, flags);
        uint256 usedValid = before - gasleft();
        assertTrue(ok, "valid verifies");
        assertTrue(usedValid <= 20_000, "valid <= 20k");
    }
}
