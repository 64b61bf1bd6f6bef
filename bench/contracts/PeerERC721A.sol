// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721A} from "erc721a/contracts/ERC721A.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PeerConfig, PeerErrors} from "./PeerConfig.sol";

/**
 * @title PeerERC721A
 * @notice Gas-benchmark peer: ERC721A 4.3 with OpenZeppelin ERC2981 + Ownable, the usual pairing.
 * Single and batch mints both go through ERC721A's `_mint(to, quantity)` (one ownership slot per batch,
 * resolved lazily on the first transfer, which is the cost the transfer benchmark measures).
 */
contract PeerERC721A is ERC721A, ERC2981, Ownable {
    uint256 public immutable maxSupply;
    string private _baseTokenURI;
    string public contractURI;

    constructor(PeerConfig memory c) ERC721A(c.name, c.symbol) Ownable(c.owner) {
        maxSupply = c.maxSupply;
        _baseTokenURI = c.baseURI;
        contractURI = c.contractURI;
        _setDefaultRoyalty(c.royaltyReceiver, c.royaltyBps);
    }

    /// @notice Mints the next id to `to`. Owner only.
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        tokenId = _nextTokenId();
        if (tokenId >= maxSupply) revert PeerErrors.MaxSupplyExceeded();
        _mint(to, 1);
    }

    /// @notice Mints `quantity` consecutive ids to `to`. Owner only.
    function mintBatch(address to, uint256 quantity) external onlyOwner returns (uint256 firstTokenId) {
        firstTokenId = _nextTokenId();
        if (firstTokenId + quantity > maxSupply) revert PeerErrors.MaxSupplyExceeded();
        _mint(to, quantity);
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721A, ERC2981) returns (bool) {
        return ERC721A.supportsInterface(interfaceId) || ERC2981.supportsInterface(interfaceId);
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }
}
