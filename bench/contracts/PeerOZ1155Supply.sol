// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC1155Supply} from "@openzeppelin/contracts/token/ERC1155/extensions/ERC1155Supply.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {PeerConfig} from "./PeerConfig.sol";

/**
 * @title PeerOZ1155Supply
 * @notice Gas-benchmark peer: the OpenZeppelin 5.7 Wizard-style ERC1155Supply + ERC2981 + Ownable
 * editions contract. `mint(to, id, amount)` is owner only; ERC1155Supply tracks per-id and total
 * supply. No per-id cap is recorded (see {PeerOZ1155SupplyCapped} for that).
 */
contract PeerOZ1155Supply is ERC1155Supply, ERC2981, Ownable {
    string public name;
    string public symbol;
    string public contractURI;

    constructor(PeerConfig memory c) ERC1155(c.baseURI) Ownable(c.owner) {
        name = c.name;
        symbol = c.symbol;
        contractURI = c.contractURI;
        _setDefaultRoyalty(c.royaltyReceiver, c.royaltyBps);
    }

    /// @notice Mints `amount` of `id` to `to`. Owner only.
    function mint(address to, uint256 id, uint256 amount) external onlyOwner {
        _mint(to, id, amount, "");
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}

/**
 * @title PeerOZ1155SupplyCapped
 * @notice {PeerOZ1155Supply} with per-id supply caps, written the straightforward way: `createAndMint`
 * takes the next id from a counter, records its cap in a mapping and mints; `mint` checks the cap.
 */
contract PeerOZ1155SupplyCapped is ERC1155Supply, ERC2981, Ownable {
    string public name;
    string public symbol;
    string public contractURI;
    uint256 private _nextId;
    mapping(uint256 id => uint256) public maxSupplyOf;

    error MaxSupplyExceeded(uint256 id);

    constructor(PeerConfig memory c) ERC1155(c.baseURI) Ownable(c.owner) {
        name = c.name;
        symbol = c.symbol;
        contractURI = c.contractURI;
        _setDefaultRoyalty(c.royaltyReceiver, c.royaltyBps);
    }

    /// @notice Creates the next id capped at `maxSupply` (0 = uncapped) and mints `amount` to `to`. Owner only.
    function createAndMint(address to, uint256 amount, uint256 maxSupply) external onlyOwner returns (uint256 id) {
        id = _nextId++;
        if (maxSupply != 0) {
            if (amount > maxSupply) revert MaxSupplyExceeded(id);
            maxSupplyOf[id] = maxSupply;
        }
        _mint(to, id, amount, "");
    }

    /// @notice Mints more of an existing id, within its cap. Owner only.
    function mint(address to, uint256 id, uint256 amount) external onlyOwner {
        uint256 cap = maxSupplyOf[id];
        if (cap != 0 && totalSupply(id) + amount > cap) revert MaxSupplyExceeded(id);
        _mint(to, id, amount, "");
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
