// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "solady/src/tokens/ERC721.sol";
import {ERC2981} from "solady/src/tokens/ERC2981.sol";
import {Ownable} from "solady/src/auth/Ownable.sol";
import {LibString} from "solady/src/utils/LibString.sol";
import {PeerConfig, PeerErrors} from "./PeerConfig.sol";

/**
 * @title PeerSolady721
 * @notice Gas-benchmark peer: solady 0.1.26 ERC721 + ERC2981 + Ownable (solady's own building blocks),
 * owner-mints, max supply, base URI, contract URI. Ids start at 0; `mintBatch` loops `_mint`.
 */
contract PeerSolady721 is ERC721, ERC2981, Ownable {
    uint256 public immutable maxSupply;
    uint256 private _nextTokenId;
    string private _name;
    string private _symbol;
    string private _baseTokenURI;
    string public contractURI;

    constructor(PeerConfig memory c) {
        _initializeOwner(c.owner);
        _name = c.name;
        _symbol = c.symbol;
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

    function name() public view override returns (string memory) {
        return _name;
    }

    function symbol() public view override returns (string memory) {
        return _symbol;
    }

    function tokenURI(uint256 id) public view override returns (string memory) {
        if (!_exists(id)) revert TokenDoesNotExist();
        return string.concat(_baseTokenURI, LibString.toString(id));
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, ERC2981) returns (bool) {
        return ERC721.supportsInterface(interfaceId) || ERC2981.supportsInterface(interfaceId);
    }
}
