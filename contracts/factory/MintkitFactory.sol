// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {MintkitCollection} from "../token/MintkitCollection.sol";
import {MintkitEditions} from "../token/MintkitEditions.sol";
import {Config as EditionsConfig} from "../token/EditionsConfig.sol";
import {CredentialRegistry} from "../identity/CredentialRegistry.sol";

/**
 * @title MintkitFactory
 * @notice Creates mintkit collections (ERC-721), editions contracts (ERC-1155) and soulbound credential
 * registries as EIP-1167 minimal-proxy clones of implementations fixed at construction, and initializes each
 * clone in the transaction that creates it, so there is no window in which someone else could initialize it.
 *
 * One address on every chain: the implementations and this factory are deployed through the deterministic
 * CREATE2 deployer (`0x4e59b44847b379578588920ca78fbf26c0b4956c`) with fixed salts, and the constructor takes
 * only those implementations' addresses (the same on every chain), so the factory's address is the same on
 * every EVM chain too.
 *
 * Addresses are deterministic (CREATE2) and bound to the creator: the CREATE2 salt is
 * `keccak256(abi.encode(creator, salt))`, so only `creator` can ever deploy at the address
 * {predictCollectionAddress}`(creator, salt)` (or {predictEditionsAddress}, {predictCredentialRegistryAddress})
 * returns, and nobody can squat it. A creator reusing a salt
 * for the same kind of contract gets OpenZeppelin's `Errors.FailedDeployment()` (the CREATE2 address is
 * taken; choose another salt). The factory does not pre-check the address: that would cost every creation
 * a cold account access (~2.6k gas) to improve only the error of a mistaken call.
 *
 * A clone costs a fraction of a direct deploy (about 41k gas plus the initializer's storage writes) and
 * every call to it pays one extra `DELEGATECALL` (about 2.6k gas; see bench/results/gas.json).
 */
contract MintkitFactory {
    /// @notice The MintkitCollection every collection clone delegates to.
    address public immutable collectionImplementation;
    /// @notice The MintkitEditions every editions clone delegates to.
    address public immutable editionsImplementation;
    /// @notice The CredentialRegistry every credential registry clone delegates to.
    address public immutable credentialRegistryImplementation;

    /// @notice `creator` created the collection `clone`, a clone of `implementation`.
    event CollectionCreated(address indexed creator, address indexed clone, address indexed implementation);
    /// @notice `creator` created the editions contract `clone`, a clone of `implementation`.
    event EditionsCreated(address indexed creator, address indexed clone, address indexed implementation);
    /// @notice `creator` created the credential registry `clone`, a clone of `implementation`.
    event CredentialRegistryCreated(address indexed creator, address indexed clone, address indexed implementation);

    /// @notice `implementation` has no code; pass the address of a deployed MintkitCollection / MintkitEditions /
    /// CredentialRegistry.
    error ImplementationNotDeployed(address implementation);

    /**
     * @param collectionImplementation_ A deployed MintkitCollection (initialized by its constructor, so it
     * can never be initialized by anyone else).
     * @param editionsImplementation_ A deployed MintkitEditions (likewise).
     * @param credentialRegistryImplementation_ A deployed CredentialRegistry (likewise).
     */
    constructor(
        address collectionImplementation_,
        address editionsImplementation_,
        address credentialRegistryImplementation_
    ) {
        if (collectionImplementation_.code.length == 0) revert ImplementationNotDeployed(collectionImplementation_);
        if (editionsImplementation_.code.length == 0) revert ImplementationNotDeployed(editionsImplementation_);
        if (credentialRegistryImplementation_.code.length == 0) {
            revert ImplementationNotDeployed(credentialRegistryImplementation_);
        }
        collectionImplementation = collectionImplementation_;
        editionsImplementation = editionsImplementation_;
        credentialRegistryImplementation = credentialRegistryImplementation_;
    }

    /**
     * @notice Creates a collection clone at {predictCollectionAddress}`(msg.sender, salt)` and initializes
     * it with `config` in the same transaction. `config.owner` becomes its owner (it need not be the caller).
     * @param config The collection's owner, name, symbol, URIs, max supply, royalty and sale recipient.
     * @param salt Any value; the caller's address is mixed in, so each creator has their own salt space.
     * @return clone The new collection's address.
     */
    function createCollection(MintkitCollection.Config calldata config, bytes32 salt) external returns (address clone) {
        clone = _clone(collectionImplementation, salt);
        MintkitCollection(clone).initialize(config);
        emit CollectionCreated(msg.sender, clone, collectionImplementation);
    }

    /**
     * @notice Creates an editions clone at {predictEditionsAddress}`(msg.sender, salt)` and initializes it
     * with `config` in the same transaction. `config.owner` becomes its owner (it need not be the caller).
     * @param config The editions contract's owner, name, symbol, URI template, royalty and sale recipient.
     * @param salt Any value; the caller's address is mixed in, so each creator has their own salt space.
     * @return clone The new editions contract's address.
     */
    function createEditions(EditionsConfig calldata config, bytes32 salt) external returns (address clone) {
        clone = _clone(editionsImplementation, salt);
        MintkitEditions(clone).initialize(config);
        emit EditionsCreated(msg.sender, clone, editionsImplementation);
    }

    /**
     * @notice Creates a soulbound credential registry clone at {predictCredentialRegistryAddress}`(msg.sender,
     * salt)` and initializes it with `config` in the same transaction, so nobody can initialize it first.
     * `config.owner` becomes its owner (it need not be the caller).
     * @param config The registry's owner (admin + issuer), name, symbol, base URI and contract URI.
     * @param salt Any value; the caller's address is mixed in, so each creator has their own salt space.
     * @return clone The new registry's address.
     */
    function createCredentialRegistry(CredentialRegistry.Config calldata config, bytes32 salt)
        external
        returns (address clone)
    {
        clone = _clone(credentialRegistryImplementation, salt);
        CredentialRegistry(clone).initialize(config);
        emit CredentialRegistryCreated(msg.sender, clone, credentialRegistryImplementation);
    }

    /// @notice The address {createCollection} gives `creator` for `salt` (whether or not it exists yet).
    function predictCollectionAddress(address creator, bytes32 salt) external view returns (address) {
        return Clones.predictDeterministicAddress(collectionImplementation, _creatorSalt(creator, salt));
    }

    /// @notice The address {createEditions} gives `creator` for `salt` (whether or not it exists yet).
    function predictEditionsAddress(address creator, bytes32 salt) external view returns (address) {
        return Clones.predictDeterministicAddress(editionsImplementation, _creatorSalt(creator, salt));
    }

    /// @notice The address {createCredentialRegistry} gives `creator` for `salt` (whether or not it exists yet).
    function predictCredentialRegistryAddress(address creator, bytes32 salt) external view returns (address) {
        return Clones.predictDeterministicAddress(credentialRegistryImplementation, _creatorSalt(creator, salt));
    }

    /// @dev Deploys the EIP-1167 clone of `implementation` for the caller and `salt`.
    /// Reverts with `Errors.FailedDeployment()` if the caller already used `salt` for this implementation.
    function _clone(address implementation, bytes32 salt) private returns (address clone) {
        clone = Clones.cloneDeterministic(implementation, _creatorSalt(msg.sender, salt));
    }

    /// @dev The CREATE2 salt: the creator's address bound to their salt.
    function _creatorSalt(address creator, bytes32 salt) private pure returns (bytes32) {
        return keccak256(abi.encode(creator, salt));
    }
}
