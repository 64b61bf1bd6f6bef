// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PeerConfig, PeerErrors} from "./PeerConfig.sol";

/**
 * @title PeerOZ721
 * @notice Gas-benchmark peer: the minimal owner-mints collection a developer builds from OpenZeppelin
 * Contracts 5.7 (ERC721 + ERC2981 + Ownable), with a max supply, a base URI and an ERC-7572 contract URI.
 * Ids start at 0 and are assigned sequentially; `mintBatch` is the straightforward loop (OpenZeppelin
 * has no consecutive-batch mint outside ERC721Consecutive's constructor-only path).
 */
contract PeerOZ721 is ERC721, ERC2981, Ownable {
    uint256 public immutable maxSupply;
    uint256 private _nextTokenId;
    string private _baseTokenURI;
    string public contractURI;

    constructor(PeerConfig memory c) ERC721(c.name, c.symbol) Ownable(c.owner) {
        maxSupply = c.maxSupply;
        _baseTokenURI = c.baseURI;
        contractURI = c.contractURI;
        _setDefaultRoyalty(c.royaltyReceiver, c.royaltyBps);
    }

    /// @notice Mints the next id to `to`. Owner only.
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        tokenId = _nextTokenId;
        if (tokenId >= maxSupply) revert PeerErrors.MaxSupplyExceeded();
        unchecked {
            _nextTokenId = tokenId + 1;
        }
        _mint(to, tokenId);
    }

    /// @notice Mints `quantity` consecutive ids to `to`. Owner only.
    function mintBatch(address to, uint256 quantity) external onlyOwner returns (uint256 firstTokenId) {
        firstTokenId = _nextTokenId;
        uint256 end = firstTokenId + quantity;
        if (end > maxSupply) revert PeerErrors.MaxSupplyExceeded();
        _nextTokenId = end;
        for (uint256 id = firstTokenId; id < end; ++id) {
            _mint(to, id);
        }
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }
}
