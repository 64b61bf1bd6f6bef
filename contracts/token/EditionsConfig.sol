// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/**
 * @title EditionsConfig
 * @notice The deploy-time configuration of a {MintkitEditions} contract, passed to its constructor (direct
 * deploys) or to `initialize(Config)` (EIP-1167 clones made by the factory, in the same transaction).
 *
 * Field meanings:
 * - `owner`: the ERC-173 owner (creator); holds every role implicitly. May be zero (no owner).
 * - `name`, `symbol`: optional collection name and symbol for explorers; empty strings cost nothing.
 * - `baseURI`: the ERC-1155 metadata URI template containing the literal `{id}` (clients substitute the
 *   id as 64 lowercase hex characters without `0x`), e.g. `ipfs://<dirCID>/{id}.json`.
 * - `contractURI`: ERC-7572 contract-level metadata URI (may be empty).
 * - `royaltyReceiver`, `royaltyBps`: the default ERC-2981 royalty; both zero = none. At most 1,000 bps.
 * - `primarySaleRecipient`: where voucher payments go when a voucher names no payee; zero = the owner.
 */
struct Config {
    address owner;
    string name;
    string symbol;
    string baseURI;
    string contractURI;
    address royaltyReceiver;
    uint96 royaltyBps;
    address primarySaleRecipient;
}
