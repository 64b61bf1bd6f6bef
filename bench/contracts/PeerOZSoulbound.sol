// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/**
 * @title PeerOZSoulbound
 * @notice Bench peer: a soulbound credential registry written the plain OpenZeppelin 5.7 way, to measure
 * mintkit's CredentialRegistry against. ERC721 with every transfer blocked in `_update` (ERC-5192 style
 * `Locked` event), a record per credential (issuer, schema, issued-at, expiry, revoked packed in one slot;
 * the claims root in a second), sequential ids, owner-only issue and revoke, and the same multiproof check.
 */
contract PeerOZSoulbound is ERC721, Ownable {
    struct Record {
        address issuer;
        uint32 schemaId;
        uint40 issuedAt;
        uint40 expiry;
        bool revoked;
    }

    mapping(uint256 tokenId => Record) public records;
    mapping(uint256 tokenId => bytes32) public claimsRoots;
    uint256 private _nextId = 1;

    event Locked(uint256 tokenId);
    event Revoked(uint256 indexed tokenId, string reason);

    error Soulbound();
    error AlreadyRevoked(uint256 tokenId);

    constructor(address owner_) ERC721("Peer Credentials", "PCRED") Ownable(owner_) {}

    /// @notice Issues a credential to `to`. Owner only.
    function issue(address to, uint32 schemaId, bytes32 claimsRoot, uint40 expiry)
        external
        onlyOwner
        returns (uint256 tokenId)
    {
        tokenId = _nextId++;
        records[tokenId] = Record(msg.sender, schemaId, uint40(block.timestamp), expiry, false);
        claimsRoots[tokenId] = claimsRoot;
        _mint(to, tokenId);
        emit Locked(tokenId);
    }

    /// @notice Revokes `tokenId` for good. Owner only.
    function revoke(uint256 tokenId, string calldata reason) external onlyOwner {
        Record storage r = records[tokenId];
        if (r.revoked) revert AlreadyRevoked(tokenId);
        _requireOwned(tokenId);
        r.revoked = true;
        emit Revoked(tokenId, reason);
    }

    /// @notice Whether `leaves` (claim leaf hashes) are in `tokenId`'s claims tree. Zero leaves never verify.
    function verifyClaims(uint256 tokenId, bytes32[] calldata leaves, bytes32[] calldata proof, bool[] calldata proofFlags)
        external
        view
        returns (bool)
    {
        if (leaves.length == 0) return false;
        return MerkleProof.multiProofVerifyCalldata(proof, proofFlags, claimsRoots[tokenId], leaves);
    }

    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = _ownerOf(tokenId);
        if (from != address(0) && to != address(0)) revert Soulbound();
        return super._update(to, tokenId, auth);
    }
}
