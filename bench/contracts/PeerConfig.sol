// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title PeerConfig
 * @notice The deploy configuration every gas-benchmark peer takes, mirroring the fields of mintkit's
 * collection `Config`, so each contract stores the same things at deploy (name, symbol, base URI,
 * contract URI, max supply, default royalty) and the deploy comparison is like for like.
 * @dev Benchmark-only code (bench/contracts): never deployed by mintkit itself.
 */
struct PeerConfig {
    address owner;
    string name;
    string symbol;
    string baseURI;
    string contractURI;
    uint256 maxSupply;
    address royaltyReceiver;
    uint96 royaltyBps;
}

/// @notice Errors shared by the benchmark peers.
library PeerErrors {
    /// @notice Minting would pass the collection's max supply.
    error MaxSupplyExceeded();
}
