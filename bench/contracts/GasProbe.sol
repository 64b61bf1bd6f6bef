// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title GasProbe
 * @notice Bench helper: the execution gas of a view call, measured inside the EVM. `eth_estimateGas` minus
 * the intrinsic cost is not usable for calldata-heavy views since Prague: the EIP-7623 calldata floor can
 * exceed the execution cost, and the estimate then reports the floor.
 */
contract GasProbe {
    /// @notice Gas consumed by `STATICCALL(target, data)`, minus the 2,600 cold-account charge (EIP-2929)
    /// of the call itself: what the target's code spends, storage cold as in a fresh transaction.
    function measure(address target, bytes calldata data) external view returns (uint256 gasUsed, bool ok, bytes32 word) {
        bytes memory input = data;
        uint256 before;
        uint256 afterCall;
        assembly {
            before := gas()
            ok := staticcall(gas(), target, add(input, 32), mload(input), 0, 32)
            afterCall := gas()
            word := mload(0)
        }
        gasUsed = before - afterCall - 2600;
    }
}
