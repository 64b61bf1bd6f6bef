// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title CredentialClaims
 * @notice The leaf encoding of a credential's claims: the Ethereum Attestation Service private-data encoding,
 * i.e. an OpenZeppelin `StandardMerkleTree` with leaf encoding `["string", "string", "bytes", "bytes32"]`
 * over `(type, name, abi.encode(value), salt)`:
 *
 *     leaf = keccak256(bytes.concat(keccak256(abi.encode(claimType, name, value, salt))))
 *
 * The double hash keeps a leaf from ever being mistaken for an inner node (64-byte preimage). `value` is the
 * ABI encoding of the claim's value under `claimType` (e.g. `abi.encode(true)` for `("bool", "age_over_18")`),
 * and `salt` is the claim's fresh random 32-byte salt, kept by the holder.
 *
 * A verifier contract must compute the leaves it checks with this function from the values it cares about;
 * leaves taken from a caller prove nothing (an inner node or the root itself is a "leaf" of its own subtree).
 */
library CredentialClaims {
    /// @notice The Merkle leaf of one claim.
    function leaf(string memory claimType, string memory name, bytes memory value, bytes32 salt)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(bytes.concat(keccak256(abi.encode(claimType, name, value, salt))));
    }
}
