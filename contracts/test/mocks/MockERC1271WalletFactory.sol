// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {MockERC1271Wallet} from "./MockERC1271Wallet.sol";

/**
 * @notice Test-only counterfactual wallet factory, the shape ERC-6492 signatures name: `deploy(signer, salt)`
 * creates a {MockERC1271Wallet} with CREATE2, so its address is known (and can hold tokens) before it exists.
 */
contract MockERC1271WalletFactory {
    /// @notice Deploys the wallet of `signer` for `salt`, or returns it when it already exists.
    function deploy(address signer, bytes32 salt) external returns (address wallet) {
        wallet = walletAddress(signer, salt);
        if (wallet.code.length == 0) new MockERC1271Wallet{salt: salt}(signer, false);
    }

    /// @notice The address `deploy(signer, salt)` gives, deployed or not.
    function walletAddress(address signer, bytes32 salt) public view returns (address) {
        bytes32 initCodeHash = keccak256(abi.encodePacked(type(MockERC1271Wallet).creationCode, abi.encode(signer, false)));
        return address(uint160(uint256(keccak256(abi.encodePacked(bytes1(0xff), address(this), salt, initCodeHash)))));
    }
}
