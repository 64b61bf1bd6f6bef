// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title IERC5192
 * @notice ERC-5192: Minimal Soulbound NFTs. The ERC-165 identifier of this interface is `0xb45a3c0e`.
 */
interface IERC5192 {
    /// @notice Emitted when the locking status of `tokenId` changes to locked (and at mint of a locked token).
    event Locked(uint256 tokenId);

    /// @notice Emitted when the locking status of `tokenId` changes to unlocked.
    event Unlocked(uint256 tokenId);

    /// @notice Whether `tokenId` is locked (cannot be transferred). Reverts for a token that does not exist.
    function locked(uint256 tokenId) external view returns (bool);
}
