// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {MintkitEditions} from "../../token/MintkitEditions.sol";
import {Config} from "../../token/EditionsConfig.sol";

/**
 * @notice Test-only stand-in for the factory: makes EIP-1167 clones of a MintkitEditions implementation,
 * initialized in the same transaction ({cloneAndInitialize}) or left uninitialized ({cloneOnly}).
 */
contract EditionsCloner {
    event Cloned(address instance);

    function cloneAndInitialize(address implementation, Config calldata config) external returns (address instance) {
        instance = Clones.clone(implementation);
        MintkitEditions(instance).initialize(config);
        emit Cloned(instance);
    }

    function cloneOnly(address implementation) external returns (address instance) {
        instance = Clones.clone(implementation);
        emit Cloned(instance);
    }
}
