// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SSTORE2} from "solady/src/utils/SSTORE2.sol";

/**
 * @title PackedStrings
 * @notice A contract's four metadata strings (name, symbol, base URI, contract URI) kept together in the
 * code of one SSTORE2 data contract, addressed by a single storage word (the pointer).
 *
 * Why: code costs ~200 gas per byte, written once, where storage costs 22,100 gas per 32 bytes; for
 * realistic strings (two IPFS URIs, a short name and symbol) that is ~75k instead of ~177k, most of what
 * an `initialize` costs. A change rewrites the whole set into a new data contract: fine for rare admin
 * operations.
 *
 * Encoding (the data contract's code after SSTORE2's leading STOP byte): an 8-byte header of four
 * big-endian `uint16` lengths, in the order name, symbol, base URI, contract URI, then the four strings'
 * bytes back to back in the same order. The header alone locates any one string, so {read} of a single
 * {Field} copies only that string. A zero pointer means "all four empty"; {write} returns it for an empty
 * set instead of deploying anything.
 *
 * Each string is at most {MAX_LENGTH} bytes (else {write} reverts with the caller's error); together with
 * the header they must also fit one contract's code (EIP-170: 24,576 bytes, less SSTORE2's STOP byte),
 * else SSTORE2 reverts (`DeploymentFailed()`; out of gas past 65,534 bytes).
 */
library PackedStrings {
    /// @notice The four strings, as one value.
    struct Metadata {
        string name;
        string symbol;
        string baseURI;
        string contractURI;
    }

    /// @notice One of the four strings, for reading it alone. The values are the header order.
    enum Field {
        Name,
        Symbol,
        BaseURI,
        ContractURI
    }

    /// @notice The longest string the `uint16` length header can describe.
    uint256 internal constant MAX_LENGTH = type(uint16).max;

    /// @dev Where the data starts in the data contract's code: SSTORE2 puts a STOP byte first (so the
    /// contract cannot be called). The reads below copy code ranges themselves, relying on this.
    uint256 private constant _DATA_OFFSET = 1;
    /// @dev Header size in bytes: four `uint16` lengths.
    uint256 private constant _HEADER_LENGTH = 8;

    /**
     * @notice Writes `strings` into a new data contract and returns its address; returns zero, and deploys
     * nothing, when all four strings are empty.
     * @param strings The strings to store.
     * @param tooLongError The selector of the caller's own `error <Name>(uint256 length)`: a string longer
     * than {MAX_LENGTH} reverts with it and that string's length (the first such string, in field order).
     * Lets each contract keep the error its ABI already declares.
     */
    function write(Metadata memory strings, bytes4 tooLongError) internal returns (address pointer) {
        uint256 nameLength = bytes(strings.name).length;
        uint256 symbolLength = bytes(strings.symbol).length;
        uint256 baseURILength = bytes(strings.baseURI).length;
        uint256 contractURILength = bytes(strings.contractURI).length;
        if (nameLength | symbolLength | baseURILength | contractURILength == 0) return address(0);
        _checkLength(nameLength, tooLongError);
        _checkLength(symbolLength, tooLongError);
        _checkLength(baseURILength, tooLongError);
        _checkLength(contractURILength, tooLongError);
        return SSTORE2.write(
            abi.encodePacked(
                uint16(nameLength),
                uint16(symbolLength),
                uint16(baseURILength),
                uint16(contractURILength),
                strings.name,
                strings.symbol,
                strings.baseURI,
                strings.contractURI
            )
        );
    }

    /// @notice Reads all four strings back from `pointer` (all empty for a zero pointer).
    function read(address pointer) internal view returns (Metadata memory strings) {
        if (pointer == address(0)) return strings;
        uint256 lengths = _readHeader(pointer);
        uint256 start = _HEADER_LENGTH;
        (strings.name, start) = _readString(pointer, start, _length(lengths, uint256(Field.Name)));
        (strings.symbol, start) = _readString(pointer, start, _length(lengths, uint256(Field.Symbol)));
        (strings.baseURI, start) = _readString(pointer, start, _length(lengths, uint256(Field.BaseURI)));
        (strings.contractURI,) = _readString(pointer, start, _length(lengths, uint256(Field.ContractURI)));
    }

    /// @notice Reads only `field` from `pointer` (empty for a zero pointer): copies just that string, for
    /// views that need one (e.g. `tokenURI` needs only the base URI).
    function read(address pointer, Field field) internal view returns (string memory str) {
        if (pointer == address(0)) return "";
        uint256 lengths = _readHeader(pointer);
        uint256 start = _HEADER_LENGTH;
        unchecked {
            // Skip the strings before `field` (a few uint16 lengths: no overflow).
            for (uint256 i; i < uint256(field); ++i) {
                start += _length(lengths, i);
            }
        }
        (str,) = _readString(pointer, start, _length(lengths, uint256(field)));
    }

    /// @dev Reverts with `tooLongError(length)` if `length` is above {MAX_LENGTH}.
    function _checkLength(uint256 length, bytes4 tooLongError) private pure {
        if (length > MAX_LENGTH) {
            assembly ("memory-safe") {
                mstore(0x00, tooLongError)
                mstore(0x04, length)
                revert(0x00, 0x24)
            }
        }
    }

    /// @dev The header as one number (its 8 bytes, big-endian): the name's length in bits 48-63, the
    /// contract URI's in bits 0-15.
    function _readHeader(address pointer) private view returns (uint256 lengths) {
        assembly ("memory-safe") {
            mstore(0x00, 0)
            // Into the low bytes of scratch word 0.
            extcodecopy(pointer, sub(0x20, _HEADER_LENGTH), _DATA_OFFSET, _HEADER_LENGTH)
            lengths := mload(0x00)
        }
    }

    /// @dev The length of field number `index` ({Field} order) within the header `lengths`.
    function _length(uint256 lengths, uint256 index) private pure returns (uint256) {
        unchecked {
            return uint16(lengths >> (48 - 16 * index));
        }
    }

    /// @dev The `length` bytes at `start` in the data, as a string, and where the next string starts.
    function _readString(address pointer, uint256 start, uint256 length)
        private
        view
        returns (string memory str, uint256 next)
    {
        unchecked {
            next = start + length; // Both from the header: no overflow.
        }
        str = string(_copy(pointer, start, length));
    }

    /// @dev The `length` data bytes at `start`, copied into new memory. Offsets come from the header
    /// {write} wrote, so they are always within the code.
    function _copy(address pointer, uint256 start, uint256 length) private view returns (bytes memory data) {
        assembly ("memory-safe") {
            data := mload(0x40)
            mstore(data, length)
            extcodecopy(pointer, add(data, 0x20), add(start, _DATA_OFFSET), length)
            let end := add(add(data, 0x20), length)
            mstore(end, 0) // Zero the last word's tail.
            mstore(0x40, and(add(end, 0x1f), not(0x1f))) // Allocate, word-aligned.
        }
    }
}
