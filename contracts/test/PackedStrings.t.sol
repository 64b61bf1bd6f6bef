// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {PackedStrings} from "../utils/PackedStrings.sol";

/// @notice Exposes {PackedStrings} through external calls (so reverts can be expected), with its own
/// too-long error as the token contracts do.
contract PackedStringsHarness {
    error TooLong(uint256 length);

    function write(PackedStrings.Metadata calldata strings) external returns (address) {
        return PackedStrings.write(strings, TooLong.selector);
    }

    function read(address pointer) external view returns (PackedStrings.Metadata memory) {
        return PackedStrings.read(pointer);
    }

    function read(address pointer, PackedStrings.Field field) external view returns (string memory) {
        return PackedStrings.read(pointer, field);
    }

    /// @dev Reads `field` into memory first filled with 0xff bytes and returns the 32 bytes right after the
    /// string's last byte, which must be zero (a string's last word is clean, as Solidity expects).
    function tailAfterDirtyMemory(address pointer, PackedStrings.Field field) external view returns (bytes32 tail) {
        assembly ("memory-safe") {
            let free := mload(0x40)
            for { let i := 0 } lt(i, 0x8000) { i := add(i, 0x20) } { mstore(add(free, i), not(0)) }
        }
        string memory str = PackedStrings.read(pointer, field);
        assembly ("memory-safe") {
            tail := mload(add(add(str, 0x20), mload(str)))
        }
    }
}

/**
 * @notice {PackedStrings}: any four strings round-trip exactly, read together or one at a time; the data
 * contract holds the documented encoding; an empty set deploys nothing; an over-long string reverts with
 * the caller's error.
 */
contract PackedStringsTest is TestBase {
    /// @dev EIP-170 code size limit, less SSTORE2's STOP byte and the 8-byte header.
    uint256 internal constant MAX_TOTAL = 24_576 - 1 - 8;

    PackedStringsHarness internal h;

    function setUp() public {
        h = new PackedStringsHarness();
    }

    /// @dev Any bytes (zeros, 0xff, fragments that look like headers or lengths) as the four strings.
    function testFuzz_roundTrip(bytes calldata a, bytes calldata b, bytes calldata c, bytes calldata d) public {
        _checkRoundTrip(PackedStrings.Metadata(string(a), string(b), string(c), string(d)));
    }

    /// @dev Lengths around the length prefix's byte boundaries (255/256/257, multiples of 32, up to a few
    /// KB) and contents built to mimic headers: each string is its own seed's bytes repeated, so it is full
    /// of plausible `uint16` lengths, zero bytes, 0xff bytes.
    function testFuzz_roundTripCraftedLengths(
        uint256 lengthsSeed,
        bytes8 fillA,
        bytes8 fillB,
        bytes8 fillC,
        bytes8 fillD
    ) public {
        uint256[4] memory lengths;
        uint256 total;
        for (uint256 i; i < 4; ++i) {
            uint256 pick = uint16(lengthsSeed >> (16 * i));
            uint256 length;
            if (pick % 4 == 0) length = 0;
            else if (pick % 4 == 1) length = 254 + (pick >> 2) % 5; // 254..258
            else if (pick % 4 == 2) length = 32 * ((pick >> 2) % 8) + (pick >> 5) % 2; // 0..225, word edges
            else length = (pick >> 2) % 6_000;
            lengths[i] = length;
            total += length;
        }
        vm.assume(total <= MAX_TOTAL);
        _checkRoundTrip(
            PackedStrings.Metadata(
                _fill(fillA, lengths[0]), _fill(fillB, lengths[1]), _fill(fillC, lengths[2]), _fill(fillD, lengths[3])
            )
        );
    }

    /// @dev Long strings: one string takes (almost) all the code a contract may hold.
    function test_roundTripLongStrings() public {
        _checkRoundTrip(PackedStrings.Metadata(_fill(bytes8(0), MAX_TOTAL), "", "", ""));
        _checkRoundTrip(PackedStrings.Metadata("", "", "", _fill(hex"00ff00ff01000100", MAX_TOTAL)));
        _checkRoundTrip(
            PackedStrings.Metadata(
                _fill(hex"ffff", 6_000), _fill(hex"0000", 6_000), _fill(hex"0100", 6_000), _fill(hex"00", 6_000)
            )
        );
    }

    function test_emptySetIsTheZeroPointer() public {
        assertEq(h.write(PackedStrings.Metadata("", "", "", "")), address(0), "no data contract for an empty set");
        PackedStrings.Metadata memory got = h.read(address(0));
        _assertSame(got, PackedStrings.Metadata("", "", "", ""));
        for (uint256 i; i < 4; ++i) {
            assertEq(h.read(address(0), PackedStrings.Field(i)), "", "zero pointer field");
        }
    }

    /// @dev The data contract's code: SSTORE2's STOP byte, four big-endian uint16 lengths, the strings.
    function test_encoding() public {
        address pointer = h.write(PackedStrings.Metadata("Name", "SYM", "", "ipfs://c"));
        assertEq(
            keccak256(pointer.code),
            keccak256(abi.encodePacked(hex"00", hex"0004", hex"0003", hex"0000", hex"0008", "NameSYMipfs://c")),
            "encoding"
        );
    }

    function testFuzz_tooLongRevertsWithTheCallersError(uint8 field, uint256 extra) public {
        field = uint8(bound(field, 0, 3));
        uint256 length = PackedStrings.MAX_LENGTH + 1 + bound(extra, 0, 100);
        string[4] memory s = ["a", "b", "c", "d"];
        s[field] = _fill(bytes8("x"), length);
        vm.expectRevert(abi.encodeWithSelector(PackedStringsHarness.TooLong.selector, length));
        h.write(PackedStrings.Metadata(s[0], s[1], s[2], s[3]));
    }

    /// @dev With several over-long strings, the first in field order is reported.
    function test_tooLongReportsTheFirstInFieldOrder() public {
        uint256 max = PackedStrings.MAX_LENGTH;
        vm.expectRevert(abi.encodeWithSelector(PackedStringsHarness.TooLong.selector, max + 2));
        h.write(PackedStrings.Metadata("", _fill("y", max + 2), _fill("z", max + 1), _fill("w", max + 3)));
    }

    // ------------------------------------------------------------------------------------------------

    function _checkRoundTrip(PackedStrings.Metadata memory s) internal {
        address pointer = h.write(s);
        bool empty = bytes(s.name).length == 0 && bytes(s.symbol).length == 0 && bytes(s.baseURI).length == 0
            && bytes(s.contractURI).length == 0;
        assertTrue(empty == (pointer == address(0)), "zero pointer exactly for an empty set");
        _assertSame(h.read(pointer), s);
        assertEq(h.read(pointer, PackedStrings.Field.Name), s.name, "name alone");
        assertEq(h.read(pointer, PackedStrings.Field.Symbol), s.symbol, "symbol alone");
        assertEq(h.read(pointer, PackedStrings.Field.BaseURI), s.baseURI, "baseURI alone");
        assertEq(h.read(pointer, PackedStrings.Field.ContractURI), s.contractURI, "contractURI alone");
        // (A zero pointer gives Solidity's own "" literals: nothing copied, nothing to check.)
        for (uint256 i; pointer != address(0) && i < 4; ++i) {
            assertEq(h.tailAfterDirtyMemory(pointer, PackedStrings.Field(i)), bytes32(0), "clean tail");
        }
    }

    function _assertSame(PackedStrings.Metadata memory got, PackedStrings.Metadata memory want) internal pure {
        assertEq(bytes(got.name).length, bytes(want.name).length, "name length");
        assertEq(got.name, want.name, "name");
        assertEq(bytes(got.symbol).length, bytes(want.symbol).length, "symbol length");
        assertEq(got.symbol, want.symbol, "symbol");
        assertEq(bytes(got.baseURI).length, bytes(want.baseURI).length, "baseURI length");
        assertEq(got.baseURI, want.baseURI, "baseURI");
        assertEq(bytes(got.contractURI).length, bytes(want.contractURI).length, "contractURI length");
        assertEq(got.contractURI, want.contractURI, "contractURI");
    }

    /// @dev `length` bytes: `pattern` repeated.
    function _fill(bytes8 pattern, uint256 length) internal pure returns (string memory) {
        bytes memory out = new bytes(length);
        for (uint256 i; i < length; ++i) {
            out[i] = pattern[i % 8];
        }
        return string(out);
    }
}
