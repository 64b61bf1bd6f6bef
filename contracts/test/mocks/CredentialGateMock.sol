// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {CredentialRegistry} from "../../identity/CredentialRegistry.sol";
import {CredentialClaims} from "../../identity/CredentialClaims.sol";

/**
 * @notice Test-only verifier contract: lets in the holder of a valid credential from a trusted issuer whose
 * claims include `("bool", "age_over_18", true)` — without learning any other claim. The leaf is computed
 * here from the required value and the holder's salt; only the salt and the multiproof come from the caller.
 */
contract CredentialGateMock {
    CredentialRegistry public immutable registry;
    address public immutable trustedIssuer;
    mapping(address => bool) public admitted;

    error NotHolder();
    error UntrustedIssuer();
    error ClaimNotProven();

    constructor(CredentialRegistry registry_, address trustedIssuer_) {
        registry = registry_;
        trustedIssuer = trustedIssuer_;
    }

    function enter(uint256 tokenId, bytes32 salt, bytes32[] calldata proof, bool[] calldata proofFlags) external {
        if (registry.ownerOf(tokenId) != msg.sender) revert NotHolder();
        if (registry.credential(tokenId).issuer != trustedIssuer) revert UntrustedIssuer();
        bytes32[] memory leaves = new bytes32[](1);
        leaves[0] = CredentialClaims.leaf("bool", "age_over_18", abi.encode(true), salt);
        if (!registry.verifyValidClaims(tokenId, leaves, proof, proofFlags)) revert ClaimNotProven();
        admitted[msg.sender] = true;
    }
}
