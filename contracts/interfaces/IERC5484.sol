// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title IERC5484
 * @notice ERC-5484: Consensual Soulbound Tokens — a burn authorization agreed before issuance, immutable
 * afterwards. The ERC-165 identifier of this interface is `0x0489b56f` (`burnAuth(uint256)`).
 */
interface IERC5484 {
    /// @notice Who may burn a token: only the issuer, only the owner (holder), either of them, or nobody.
    enum BurnAuth {
        IssuerOnly,
        OwnerOnly,
        Both,
        Neither
    }

    /// @notice Emitted when a soulbound token is issued, in addition to the ERC-721 `Transfer`.
    /// @param from The issuer.
    /// @param to The receiver.
    /// @param tokenId The id of the issued token.
    /// @param burnAuth Who may burn it.
    event Issued(address indexed from, address indexed to, uint256 indexed tokenId, BurnAuth burnAuth);

    /// @notice The burn authorization of `tokenId`. Reverts for a token that does not exist.
    function burnAuth(uint256 tokenId) external view returns (BurnAuth);
}
