// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {MintkitCollection} from "../../token/MintkitCollection.sol";

/// @notice Test-only stand-in for the factory: deploys an EIP-1167 clone of `implementation` and initializes
/// it in the same transaction (as the real factory does), to test and measure {MintkitCollection.initialize}.
contract CollectionCloneMock {
    address public immutable implementation;

    event Cloned(address collection);

    constructor(address implementation_) {
        implementation = implementation_;
    }

    function clone(MintkitCollection.Config calldata config) external returns (address collection) {
        collection = Clones.clone(implementation);
        MintkitCollection(collection).initialize(config);
        emit Cloned(collection);
    }

    /// @notice A clone left uninitialized (to test initialize's guards).
    function cloneBare() external returns (address collection) {
        collection = Clones.clone(implementation);
        emit Cloned(collection);
    }
}
