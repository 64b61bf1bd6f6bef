// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SSTORE2} from "solady/src/utils/SSTORE2.sol";
import {LibBytes} from "solady/src/utils/LibBytes.sol";

/**
 * @title EditionsStrings
 * @notice The contract-level strings of a MintkitEditions contract (name, symbol, base URI template,
 * contract URI), kept together in the code of one SSTORE2 data contract: about 200 gas per byte, written
 * once at initialization, instead of 22,100 gas per 32 bytes of storage (the bench config's four strings:
 * ~75k instead of ~177k, which is most of what `initialize` costs). A change rewrites the blob (a new data
 * contract); changes are rare admin operations.
 *
 * Encoding: each string as a 2-byte big-endian length followed by its bytes, in the order name, symbol,
 * base URI, contract URI. A zero pointer means "all four empty".
 */
library EditionsStrings {
    /// @notice A configuration string is longer than 65,535 bytes.
    error EditionsStringTooLong(uint256 length);

    struct Strings {
        string name;
        string symbol;
        string baseURI;
        string contractURI;
    }

    /// @dev Writes the four strings into a new data contract and returns its address (zero if all are empty).
    function write(Strings memory s) internal returns (address pointer) {
        if (
            bytes(s.name).length == 0 && bytes(s.symbol).length == 0 && bytes(s.baseURI).length == 0
                && bytes(s.contractURI).length == 0
        ) return address(0);
        return SSTORE2.write(bytes.concat(_pack(s.name), _pack(s.symbol), _pack(s.baseURI), _pack(s.contractURI)));
    }

    /// @dev Reads the four strings back (all empty for a zero pointer).
    function read(address pointer) internal view returns (Strings memory s) {
        if (pointer == address(0)) return s;
        bytes memory packed = SSTORE2.read(pointer);
        uint256 offset;
        (s.name, offset) = _unpack(packed, 0);
        (s.symbol, offset) = _unpack(packed, offset);
        (s.baseURI, offset) = _unpack(packed, offset);
        (s.contractURI,) = _unpack(packed, offset);
    }

    function _pack(string memory str) private pure returns (bytes memory) {
        uint256 length = bytes(str).length;
        if (length > type(uint16).max) revert EditionsStringTooLong(length);
        return abi.encodePacked(uint16(length), str);
    }

    function _unpack(bytes memory packed, uint256 offset) private pure returns (string memory str, uint256 next) {
        uint256 length = (uint256(uint8(packed[offset])) << 8) | uint8(packed[offset + 1]);
        next = offset + 2 + length;
        str = string(LibBytes.slice(packed, offset + 2, next));
    }
}
