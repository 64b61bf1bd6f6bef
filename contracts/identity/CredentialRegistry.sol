// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {CreatorAccess} from "../access/CreatorAccess.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {IERC5484} from "../interfaces/IERC5484.sol";
import {IERC7572} from "../interfaces/IERC7572.sol";
import {CredentialClaims} from "./CredentialClaims.sol";

/**
 * @title CredentialRegistry
 * @notice Soulbound identity credentials: ERC-721 tokens that never move (ERC-5192, always locked), with a
 * burn authorization fixed at issuance (ERC-5484). Each credential commits to its holder's private claims by
 * a Merkle root (EAS private-data encoding, see {CredentialClaims}); a holder discloses any subset of claims
 * with a multiproof that anyone — a contract too — checks with {verifyClaims} / {verifyValidClaims}.
 * No personal data is ever stored or emitted: only the root, and token metadata that describes the
 * credential type (its schema), never the holder.
 *
 * Roles ({CreatorAccess}): the owner holds every role; `ISSUER_ROLE` issues credentials and registers
 * schemas; `DEFAULT_ADMIN_ROLE` (admin) manages roles and URIs and may revoke or reissue any credential.
 *
 * Token ids. A credential's holder and schema never change, so they live in its id instead of in storage:
 *
 *     tokenId = holder << 96 | schemaId << 64 | serial      (serial: the holder's count of issued credentials)
 *
 * Issuing to a fresh holder therefore writes exactly three new slots: the packed record, the claims root and
 * the holder's balance/serial slot. Ids are never reused (the serial only grows, burns included).
 *
 * Storage, per credential (two slots): `issuer (160) | issuedAt (40) | expiry (40) | revoked (8) |
 * burnAuth (8)` and `claimsRoot (256)`. Per holder (one slot): `balance (64) | serial (64)`. The schema count
 * and the initialized flag share the owner's slot, so an owner issuing reads one slot for its permission and
 * the schema check.
 *
 * Issuing calls no `onERC721Received` (a credential is not a transfer; any account may hold one, contract
 * wallets included) and the registry makes no external calls at all. The holder's consent to the burn
 * authorization (ERC-5484 "SHOULD acquire receiver's signature") is gathered off-chain by the issuer. The
 * transfer and approval functions are declared `pure` (they only revert): callers using the standard
 * ERC-721 ABI get {Soulbound}.
 *
 * Deploy directly (constructor), or — the normal way — as an EIP-1167 clone created and initialized in one
 * transaction by {MintkitFactory-createCredentialRegistry}, so no one can initialize a clone before its creator.
 */
contract CredentialRegistry is IERC721Metadata, IERC721Errors, IERC4906, IERC5192, IERC5484, IERC7572, CreatorAccess {
    using Strings for uint256;

    /// @notice Everything a registry is created with.
    /// @param owner The ERC-173 owner (holds every role).
    /// @param name The ERC-721 name.
    /// @param symbol The ERC-721 symbol.
    /// @param baseURI Credential-type metadata prefix: `tokenURI = baseURI + schemaId + ".json"` unless the
    /// schema has a URI of its own.
    /// @param contractURI ERC-7572 contract metadata URI.
    struct Config {
        address owner;
        string name;
        string symbol;
        string baseURI;
        string contractURI;
    }

    /// @notice A credential as stored (two slots).
    struct Record {
        address issuer;
        uint40 issuedAt;
        uint40 expiry;
        bool revoked;
        BurnAuth burnAuth;
        bytes32 claimsRoot;
    }

    /// @notice A credential as {credential} returns it: the stored record plus what its id encodes.
    struct Credential {
        address holder;
        address issuer;
        uint32 schemaId;
        uint40 issuedAt;
        uint40 expiry;
        bool revoked;
        BurnAuth burnAuth;
        bytes32 claimsRoot;
    }

    /// @notice A registered credential type.
    /// @param registrar Who registered it.
    /// @param name Its name, e.g. "KYC".
    /// @param fields Its claims, each `"<type> <name>"` as in the leaves, e.g. `"bool age_over_18"`.
    /// @param uri Its own metadata URI (empty: the base URI + id is used).
    struct Schema {
        address registrar;
        string name;
        string[] fields;
        string uri;
    }

    /// @notice One disclosed claim, by value, as the EAS private-data tree commits to it.
    /// @param claimType The claim's Solidity type, e.g. `"bool"`.
    /// @param name The claim's name, e.g. `"age_over_18"`.
    /// @param value The ABI encoding of the claim's value under `claimType`, e.g. `abi.encode(true)`.
    /// @param salt The claim's 32-byte salt (from the holder's claims file).
    struct Claim {
        string claimType;
        string name;
        bytes value;
        bytes32 salt;
    }

    /// @notice The role that issues credentials and registers schemas.
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    /// @dev `_ownerSlot.packed`: schema count in bits 0-31, initialized flag in bit 32.
    uint96 private constant _SCHEMA_COUNT_MASK = type(uint32).max;
    uint96 private constant _INITIALIZED = 1 << 32;

    /// @dev Per-holder word: balance in bits 0-63, the serial of the holder's next credential in bits 64-127.
    uint256 private constant _BALANCE_MASK = type(uint64).max;
    uint256 private constant _SERIAL_SHIFT = 64;
    uint256 private constant _ONE_MORE = 1 | (1 << 64); // balance + 1, serial + 1

    /// @dev Token id layout.
    uint256 private constant _HOLDER_SHIFT = 96;
    uint256 private constant _SCHEMA_SHIFT = 64;

    string private _name;
    string private _symbol;
    string private _baseTokenURI;
    string private _contractURI;

    mapping(uint256 tokenId => Record) private _records;
    mapping(address holder => uint256) private _holders;
    mapping(uint32 schemaId => Schema) private _schemas;
    mapping(uint256 oldTokenId => uint256) private _replacedBy;
    mapping(uint256 newTokenId => uint256) private _replaces;

    /// @notice Schema `schemaId` was registered: credentials of this type commit to claims `fields`.
    event SchemaRegistered(uint32 indexed schemaId, address indexed registrar, string name, string[] fields);
    /// @notice Schema `schemaId`'s own metadata URI changed (empty: base URI + id).
    event SchemaURIUpdated(uint32 indexed schemaId, string uri);
    /// @notice The base URI of credential-type metadata changed.
    event BaseURIUpdated(string baseURI);
    /// @notice Credential `tokenId` was revoked by `revokedBy` (its issuer or an admin).
    event CredentialRevoked(uint256 indexed tokenId, address indexed revokedBy, string reason);
    /// @notice Credential `oldTokenId` was revoked and reissued as `newTokenId` (to a new holder) by `reissuedBy`.
    event CredentialReissued(uint256 indexed oldTokenId, uint256 indexed newTokenId, address indexed reissuedBy);

    /// @notice Credentials are soulbound: transfers and approvals always revert.
    error Soulbound();
    /// @notice The clone is already initialized (or this is the implementation).
    error AlreadyInitialized();
    /// @notice No schema `schemaId` is registered.
    error UnknownSchema(uint32 schemaId);
    /// @notice A schema needs a name and at least one field.
    error InvalidSchema();
    /// @notice A credential must commit to its claims: the claims root cannot be zero.
    error EmptyClaimsRoot();
    /// @notice An expiry must be zero (never) or in the future.
    error InvalidExpiry(uint40 expiry);
    /// @notice Nothing to issue: the holder list is empty.
    error EmptyBatch();
    /// @notice Array arguments of different lengths.
    error LengthMismatch(uint256 holders, uint256 claimsRoots);
    /// @notice `account` is neither the issuer of credential `tokenId` nor an admin.
    error NotCredentialIssuer(uint256 tokenId, address account);
    /// @notice `account` may not burn credential `tokenId` under its burn authorization.
    error BurnNotAuthorized(uint256 tokenId, address account, BurnAuth burnAuth);
    /// @notice Credential `tokenId` is already revoked.
    error AlreadyRevoked(uint256 tokenId);
    /// @notice Credential `tokenId` was already reissued as `replacement`.
    error AlreadyReplaced(uint256 tokenId, uint256 replacement);
    /// @notice Credential `tokenId` expired at `expiry` (unix seconds): it cannot be reissued.
    error CredentialExpired(uint256 tokenId, uint40 expiry);
    /// @notice `account` may not change the URI of schema `schemaId` (its registrar or an admin may).
    error NotSchemaRegistrar(uint32 schemaId, address account);

    /// @notice Deploys a ready registry (or, for a factory, the implementation its clones delegate to: it is
    /// initialized by this constructor and so can never be initialized again).
    constructor(Config memory config) {
        _init(config);
    }

    /// @notice Initializes a fresh EIP-1167 clone, once. Reverts with {AlreadyInitialized} afterwards and on
    /// the implementation.
    function initialize(Config calldata config) external {
        if (_ownerSlot.packed & _INITIALIZED != 0) revert AlreadyInitialized();
        _init(config);
    }

    function _init(Config memory config) private {
        if (config.owner == address(0)) revert OwnableInvalidOwner(address(0));
        _ownerSlot = OwnerSlot(config.owner, _INITIALIZED);
        emit OwnershipTransferred(address(0), config.owner);
        _name = config.name;
        _symbol = config.symbol;
        if (bytes(config.baseURI).length != 0) _baseTokenURI = config.baseURI;
        if (bytes(config.contractURI).length != 0) _contractURI = config.contractURI;
    }

    // ------------------------------------------------------------------------------------------------
    // Schemas
    // ------------------------------------------------------------------------------------------------

    /// @notice Registers a credential type. Issuer role (or admin).
    /// @param schemaName The type's name, e.g. "KYC" (no personal data: this is public).
    /// @param fields Its claims, each `"<type> <name>"` matching the leaves, e.g. `"bool age_over_18"`.
    /// @return schemaId The new schema's id (ids start at 1).
    function registerSchema(string calldata schemaName, string[] calldata fields) external returns (uint32 schemaId) {
        if (!hasRole(ISSUER_ROLE, msg.sender) && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, ISSUER_ROLE);
        }
        if (bytes(schemaName).length == 0 || fields.length == 0) revert InvalidSchema();
        uint96 packed = _ownerSlot.packed;
        schemaId = uint32(packed & _SCHEMA_COUNT_MASK) + 1; // reverts on overflow past 2^32 - 1 schemas
        _ownerSlot.packed = (packed & ~_SCHEMA_COUNT_MASK) | schemaId;
        Schema storage s = _schemas[schemaId];
        s.registrar = msg.sender;
        s.name = schemaName;
        for (uint256 i; i < fields.length; ++i) {
            s.fields.push(fields[i]);
        }
        emit SchemaRegistered(schemaId, msg.sender, schemaName, fields);
    }

    /// @notice Sets schema `schemaId`'s own metadata URI (empty: back to base URI + id). Its registrar or admin.
    function setSchemaURI(uint32 schemaId, string calldata uri) external {
        Schema storage s = _schema(schemaId);
        if (msg.sender != s.registrar && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert NotSchemaRegistrar(schemaId, msg.sender);
        }
        s.uri = uri;
        emit SchemaURIUpdated(schemaId, uri);
        emit BatchMetadataUpdate(0, type(uint256).max);
    }

    /// @notice Schema `schemaId`: registrar, name, fields and own URI. Reverts for an unknown id.
    function schema(uint32 schemaId) external view returns (Schema memory) {
        return _schema(schemaId);
    }

    /// @notice The number of registered schemas (ids run from 1 to this).
    function schemaCount() public view returns (uint32) {
        return uint32(_ownerSlot.packed & _SCHEMA_COUNT_MASK);
    }

    // ------------------------------------------------------------------------------------------------
    // Issuing, revoking, reissuing, burning
    // ------------------------------------------------------------------------------------------------

    /// @notice Issues a credential to `to`. Issuer role.
    /// @param to The holder.
    /// @param schemaId A registered schema.
    /// @param claimsRoot The root of the holder's claims tree (StandardMerkleTree, EAS private-data leaves).
    /// @param expiry When it stops being valid (unix seconds, in the future), or 0 for never.
    /// @param auth Who may burn it (agreed with the holder beforehand, ERC-5484).
    /// @return tokenId The new credential's id.
    function issue(address to, uint32 schemaId, bytes32 claimsRoot, uint40 expiry, BurnAuth auth)
        external
        returns (uint256 tokenId)
    {
        _checkIssuer(schemaId, expiry);
        if (claimsRoot == bytes32(0)) revert EmptyClaimsRoot();
        return _issue(msg.sender, to, schemaId, claimsRoot, expiry, auth);
    }

    /// @notice Issues one credential per holder, all of schema `schemaId` with the same expiry and burn
    /// authorization (a cohort: a class's diplomas, an event's tickets). Issuer role.
    /// @param to The holders.
    /// @param claimsRoots Each holder's claims root, in the same order.
    /// @return tokenIds The new credentials' ids, in the same order.
    function issueBatch(
        uint32 schemaId,
        address[] calldata to,
        bytes32[] calldata claimsRoots,
        uint40 expiry,
        BurnAuth auth
    ) external returns (uint256[] memory tokenIds) {
        _checkIssuer(schemaId, expiry);
        uint256 n = to.length;
        if (n == 0) revert EmptyBatch();
        if (n != claimsRoots.length) revert LengthMismatch(n, claimsRoots.length);
        tokenIds = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            bytes32 root = claimsRoots[i];
            if (root == bytes32(0)) revert EmptyClaimsRoot();
            tokenIds[i] = _issue(msg.sender, to[i], schemaId, root, expiry, auth);
        }
    }

    /// @notice Revokes credential `tokenId` for good; it stays with its holder but is no longer valid.
    /// Its issuer (even one whose role was since removed: it can only take back its own word) or an admin.
    /// @param reason Why, for the public record (never personal data).
    function revoke(uint256 tokenId, string calldata reason) external {
        Record storage r = _records[tokenId];
        address issuer = r.issuer;
        if (issuer == address(0)) revert ERC721NonexistentToken(tokenId);
        if (msg.sender != issuer && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            revert NotCredentialIssuer(tokenId, msg.sender);
        }
        if (r.revoked) revert AlreadyRevoked(tokenId);
        r.revoked = true;
        emit CredentialRevoked(tokenId, msg.sender, reason);
    }

    /// @notice After a holder lost their keys: revokes `oldTokenId` and issues the same credential — issuer,
    /// schema, claims root, expiry, burn authorization — to `newHolder`. The two are linked both ways
    /// ({replacedBy}, {replaces}). The credential's issuer, if it still holds the issuer role, or an admin.
    ///
    /// Only a credential that is still valid can be reissued: a revoked one reverts with {AlreadyRevoked}
    /// (a revocation is final; reissuing would bring the revoked claims back under a new id), one already
    /// reissued with {AlreadyReplaced}, and an expired one with {CredentialExpired} (the replacement would be
    /// born expired, or — with a new expiry — outlive what the issuer signed off on; issue a new credential
    /// instead). So a reissue never copies an expiry that is already past.
    /// @return newTokenId The replacement's id.
    function reissue(uint256 oldTokenId, address newHolder) external returns (uint256 newTokenId) {
        Record memory old = _records[oldTokenId];
        if (old.issuer == address(0)) revert ERC721NonexistentToken(oldTokenId);
        if (
            !(msg.sender == old.issuer && hasRole(ISSUER_ROLE, msg.sender))
                && !hasRole(DEFAULT_ADMIN_ROLE, msg.sender)
        ) revert NotCredentialIssuer(oldTokenId, msg.sender);
        uint256 replacement = _replacedBy[oldTokenId];
        if (replacement != 0) revert AlreadyReplaced(oldTokenId, replacement);
        if (old.revoked) revert AlreadyRevoked(oldTokenId);
        if (old.expiry != 0 && old.expiry <= block.timestamp) revert CredentialExpired(oldTokenId, old.expiry);
        _records[oldTokenId].revoked = true;
        emit CredentialRevoked(oldTokenId, msg.sender, "reissued");
        newTokenId =
            _issue(old.issuer, newHolder, _schemaOf(oldTokenId), old.claimsRoot, old.expiry, old.burnAuth);
        _replacedBy[oldTokenId] = newTokenId;
        _replaces[newTokenId] = oldTokenId;
        emit CredentialReissued(oldTokenId, newTokenId, msg.sender);
    }

    /// @notice Burns credential `tokenId` as its burn authorization allows (ERC-5484): `IssuerOnly` — its
    /// issuer; `OwnerOnly` — its holder; `Both` — either; `Neither` — nobody. Admins have no say here.
    function burn(uint256 tokenId) external {
        Record storage r = _records[tokenId];
        address issuer = r.issuer;
        if (issuer == address(0)) revert ERC721NonexistentToken(tokenId);
        address holder = _holderOf(tokenId);
        BurnAuth auth = r.burnAuth;
        bool allowed;
        if (auth == BurnAuth.IssuerOnly) allowed = msg.sender == issuer;
        else if (auth == BurnAuth.OwnerOnly) allowed = msg.sender == holder;
        else if (auth == BurnAuth.Both) allowed = msg.sender == issuer || msg.sender == holder;
        if (!allowed) revert BurnNotAuthorized(tokenId, msg.sender, auth);
        delete _records[tokenId];
        unchecked {
            _holders[holder] -= 1; // the balance (low bits) is at least 1: this credential
        }
        emit Transfer(holder, address(0), tokenId);
    }

    // ------------------------------------------------------------------------------------------------
    // Credential views and claim verification
    // ------------------------------------------------------------------------------------------------

    /// @notice Whether credential `tokenId` exists, is not revoked and is not expired (`now < expiry`).
    function isValid(uint256 tokenId) public view returns (bool) {
        Record storage r = _records[tokenId];
        uint40 expiry = r.expiry;
        return r.issuer != address(0) && !r.revoked && (expiry == 0 || block.timestamp < expiry);
    }

    /// @notice Credential `tokenId`: holder, issuer, schema, times, status and claims root. Reverts if it does
    /// not exist (never issued, or burned).
    function credential(uint256 tokenId) external view returns (Credential memory c) {
        Record memory r = _existing(tokenId);
        c = Credential({
            holder: _holderOf(tokenId),
            issuer: r.issuer,
            schemaId: _schemaOf(tokenId),
            issuedAt: r.issuedAt,
            expiry: r.expiry,
            revoked: r.revoked,
            burnAuth: r.burnAuth,
            claimsRoot: r.claimsRoot
        });
    }

    /// @notice The credential that replaced `oldTokenId` on reissue (0: none).
    function replacedBy(uint256 oldTokenId) external view returns (uint256) {
        return _replacedBy[oldTokenId];
    }

    /// @notice The credential that `newTokenId` replaced on reissue (0: none).
    function replaces(uint256 newTokenId) external view returns (uint256) {
        return _replaces[newTokenId];
    }

    /// @notice Whether the disclosed claims are all in credential `tokenId`'s claims tree: the by-value check a
    /// verifier contract should use. The registry computes each claim's leaf itself (EAS private-data
    /// encoding, {CredentialClaims-leaf}: double keccak of `abi.encode(claimType, name, value, salt)`, where
    /// `value` is the ABI encoding of the claim's value, e.g. `abi.encode(true)`), so a caller can never pass an
    /// inner node or the root off as a disclosed claim. `proof` and `proofFlags` are an OpenZeppelin multiproof
    /// with the claims in the order `StandardMerkleTree.getMultiProof` gives.
    ///
    /// Says nothing about validity: see {verifyValidClaimValues}. Never reverts on a bad proof: false for zero
    /// claims, for a credential that does not exist, for a multiproof whose lengths or flags are inconsistent
    /// and for any proof that does not rebuild the root.
    function verifyClaimValues(
        uint256 tokenId,
        Claim[] calldata claims,
        bytes32[] calldata proof,
        bool[] calldata proofFlags
    ) public view returns (bool) {
        uint256 n = claims.length;
        if (n == 0) return false;
        bytes32 root = _records[tokenId].claimsRoot;
        if (root == bytes32(0)) return false;
        bytes32[] memory leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            Claim calldata c = claims[i];
            leaves[i] = CredentialClaims.leaf(c.claimType, c.name, c.value, c.salt);
        }
        return _multiProofVerify(root, leaves, proof, proofFlags);
    }

    /// @notice {isValid} and {verifyClaimValues} together: the check a verifier contract gates on.
    function verifyValidClaimValues(
        uint256 tokenId,
        Claim[] calldata claims,
        bytes32[] calldata proof,
        bool[] calldata proofFlags
    ) external view returns (bool) {
        return isValid(tokenId) && verifyClaimValues(tokenId, claims, proof, proofFlags);
    }

    /// @notice Whether the pre-hashed `leaves` are all in credential `tokenId`'s claims tree, by an OpenZeppelin
    /// multiproof (`proof`, `proofFlags`; leaves in the order `StandardMerkleTree.getMultiProof` gives).
    /// Says nothing about validity: see {verifyValidClaims}.
    ///
    /// The rule: `leaves` are hashes, and a hash proves only what the caller hashed. Any node of the tree is a
    /// "leaf" of its own subtree, so this accepts the root itself as a leaf with an empty proof, and an inner
    /// node with the shorter proof above it. A caller must therefore compute `leaves` itself from the claim
    /// values it requires ({claimLeaf} or {CredentialClaims-leaf}) and never pass through leaves a presenter
    /// supplied. {verifyClaimValues} takes the claims by value and hashes them here, which rules this mistake
    /// out: prefer it. This function stays for callers that already hash leaves themselves (it is cheaper).
    ///
    /// Never reverts on a bad proof: false for zero leaves (OpenZeppelin's multiproof accepts an empty set
    /// against `proof = [root]`), for a credential that does not exist, for a multiproof whose lengths or
    /// flags are inconsistent and for any proof that does not rebuild the root.
    function verifyClaims(uint256 tokenId, bytes32[] calldata leaves, bytes32[] calldata proof, bool[] calldata proofFlags)
        public
        view
        returns (bool)
    {
        uint256 n = leaves.length;
        if (n == 0) return false;
        bytes32 root = _records[tokenId].claimsRoot;
        if (root == bytes32(0)) return false;
        return _multiProofVerify(root, leaves, proof, proofFlags);
    }

    /// @notice {isValid} and {verifyClaims} together. Takes pre-hashed leaves: prefer {verifyValidClaimValues}.
    function verifyValidClaims(
        uint256 tokenId,
        bytes32[] calldata leaves,
        bytes32[] calldata proof,
        bool[] calldata proofFlags
    ) external view returns (bool) {
        return isValid(tokenId) && verifyClaims(tokenId, leaves, proof, proofFlags);
    }

    /// @notice The Merkle leaf of one claim (EAS private-data encoding, see {CredentialClaims}), e.g.
    /// `claimLeaf("bool", "age_over_18", abi.encode(true), salt)`.
    function claimLeaf(string calldata claimType, string calldata claimName, bytes calldata value, bytes32 salt)
        external
        pure
        returns (bytes32)
    {
        return CredentialClaims.leaf(claimType, claimName, value, salt);
    }

    // ------------------------------------------------------------------------------------------------
    // ERC-5192, ERC-5484
    // ------------------------------------------------------------------------------------------------

    /// @notice ERC-5192: every credential is locked. Reverts if `tokenId` does not exist.
    function locked(uint256 tokenId) external view returns (bool) {
        _existing(tokenId);
        return true;
    }

    /// @notice ERC-5484: who may burn `tokenId`. Reverts if it does not exist.
    function burnAuth(uint256 tokenId) external view returns (BurnAuth) {
        return _existing(tokenId).burnAuth;
    }

    // ------------------------------------------------------------------------------------------------
    // ERC-721 (soulbound) and metadata
    // ------------------------------------------------------------------------------------------------

    /// @notice ERC-721: the number of credentials `owner` holds (revoked and expired ones included).
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _holders[owner] & _BALANCE_MASK;
    }

    /// @notice ERC-721: the holder of credential `tokenId`. Reverts if it does not exist.
    function ownerOf(uint256 tokenId) external view returns (address) {
        _existing(tokenId);
        return _holderOf(tokenId);
    }

    /// @notice Always reverts with {Soulbound}.
    function safeTransferFrom(address, address, uint256, bytes calldata) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts with {Soulbound}.
    function safeTransferFrom(address, address, uint256) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts with {Soulbound}.
    function transferFrom(address, address, uint256) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts with {Soulbound}.
    function approve(address, uint256) external pure {
        revert Soulbound();
    }

    /// @notice Always reverts with {Soulbound}.
    function setApprovalForAll(address, bool) external pure {
        revert Soulbound();
    }

    /// @notice ERC-721: no credential is ever approved (zero). Reverts if `tokenId` does not exist.
    function getApproved(uint256 tokenId) external view returns (address) {
        _existing(tokenId);
        return address(0);
    }

    /// @notice ERC-721: no operator is ever approved (false).
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @notice ERC-721 Metadata: the registry's name.
    function name() external view returns (string memory) {
        return _name;
    }

    /// @notice ERC-721 Metadata: the registry's symbol.
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @notice Metadata of the credential's type (never of its holder): the schema's own URI, else
    /// `baseURI + schemaId + ".json"`, else empty. Reverts if `tokenId` does not exist.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _existing(tokenId);
        uint32 schemaId = _schemaOf(tokenId);
        string memory own = _schemas[schemaId].uri;
        if (bytes(own).length != 0) return own;
        string memory base = _baseTokenURI;
        return bytes(base).length == 0 ? "" : string.concat(base, uint256(schemaId).toString(), ".json");
    }

    /// @notice Sets the base URI of credential-type metadata. Admin.
    function setBaseURI(string calldata baseURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI;
        emit BaseURIUpdated(baseURI);
        emit BatchMetadataUpdate(0, type(uint256).max);
    }

    /// @notice ERC-7572: the contract-level metadata URI.
    function contractURI() external view returns (string memory) {
        return _contractURI;
    }

    /// @notice Sets the ERC-7572 contract metadata URI. Admin.
    function setContractURI(string calldata uri) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _contractURI = uri;
        emit ContractURIUpdated();
    }

    /// @notice ERC-165: ERC-721, ERC-721 Metadata, ERC-4906, ERC-5192, ERC-5484, AccessControl, ERC-173.
    function supportsInterface(bytes4 interfaceId) public view override(IERC165, CreatorAccess) returns (bool) {
        return interfaceId == type(IERC721).interfaceId // 0x80ac58cd
            || interfaceId == type(IERC721Metadata).interfaceId // 0x5b5e139f
            || interfaceId == 0x49064906 // ERC-4906
            || interfaceId == type(IERC5192).interfaceId // 0xb45a3c0e
            || interfaceId == type(IERC5484).interfaceId // 0x0489b56f
            || CreatorAccess.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------

    /// @dev The caller may issue credentials of `schemaId` expiring at `expiry`. An owner caller reads one slot
    /// (the owner's, which also holds the schema count); another issuer one more (its role).
    function _checkIssuer(uint32 schemaId, uint40 expiry) private view {
        OwnerSlot memory slot = _ownerSlot;
        if (msg.sender != slot.owner && !AccessControl.hasRole(ISSUER_ROLE, msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, ISSUER_ROLE);
        }
        if (schemaId == 0 || schemaId > uint32(slot.packed & _SCHEMA_COUNT_MASK)) revert UnknownSchema(schemaId);
        if (expiry != 0 && expiry <= block.timestamp) revert InvalidExpiry(expiry);
    }

    /// @dev Writes a new credential (record, root, holder slot) and emits `Transfer`, `Locked` and `Issued`.
    function _issue(address issuer, address to, uint32 schemaId, bytes32 claimsRoot, uint40 expiry, BurnAuth auth)
        private
        returns (uint256 tokenId)
    {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        uint256 holderWord = _holders[to];
        uint256 serial = holderWord >> _SERIAL_SHIFT; // < 2^64: it only ever grows by one
        tokenId = (uint256(uint160(to)) << _HOLDER_SHIFT) | (uint256(schemaId) << _SCHEMA_SHIFT) | serial;
        unchecked {
            _holders[to] = holderWord + _ONE_MORE;
        }
        Record storage r = _records[tokenId];
        // The packed first slot of `Record` written in one SSTORE: issuer | issuedAt << 160 | expiry << 200 |
        // revoked (false) << 240 | burnAuth << 248 (Solidity's layout; {credential} reads it back by field).
        uint256 word = uint256(uint160(issuer)) | (uint256(uint40(block.timestamp)) << 160)
            | (uint256(expiry) << 200) | (uint256(uint8(auth)) << 248);
        assembly ("memory-safe") {
            sstore(r.slot, word)
        }
        r.claimsRoot = claimsRoot;
        emit Transfer(address(0), to, tokenId);
        emit Locked(tokenId);
        emit Issued(issuer, to, tokenId, auth);
    }

    /// @dev OpenZeppelin's `MerkleProof.processMultiProof` walk (sorted-pair hashing, {Hashes-commutativeKeccak256})
    /// with one difference: a multiproof whose lengths or flags do not fit together returns false instead of
    /// reverting (`MerkleProofInvalidMultiproof`) or reading past an array (panic 0x32). Step `i` hashes the next
    /// node of the queue (the leaves, then the hashes made so far) with either the queue's next node (flag true)
    /// or the next proof node (flag false); the proof is consistent when every step finds both inputs — a queue
    /// node taken before it was made is refused, where OpenZeppelin would read a zero — and every proof node is
    /// used. One pass: the same cost as OpenZeppelin's plus two comparisons a step. `leaves` is not empty.
    function _multiProofVerify(
        bytes32 root,
        bytes32[] memory leaves,
        bytes32[] calldata proof,
        bool[] calldata flags
    ) private pure returns (bool) {
        uint256 leavesLength = leaves.length;
        uint256 proofLength = proof.length;
        uint256 steps = flags.length;
        if (leavesLength + proofLength != steps + 1) return false;
        if (steps == 0) return leaves[0] == root; // one leaf, no proof: the leaf is the root
        bytes32[] memory hashes = new bytes32[](steps);
        uint256 leafPos;
        uint256 hashPos;
        uint256 proofPos;
        // Positions only grow by one and stay below array lengths checked on each step: no overflow.
        unchecked {
            for (uint256 i; i < steps; ++i) {
                bytes32 a;
                if (leafPos < leavesLength) a = leaves[leafPos++];
                else if (hashPos < i) a = hashes[hashPos++];
                else return false;
                bytes32 b;
                if (flags[i]) {
                    if (leafPos < leavesLength) b = leaves[leafPos++];
                    else if (hashPos < i) b = hashes[hashPos++];
                    else return false;
                } else {
                    if (proofPos == proofLength) return false;
                    b = proof[proofPos++];
                }
                hashes[i] = Hashes.commutativeKeccak256(a, b);
            }
            return proofPos == proofLength && hashes[steps - 1] == root;
        }
    }

    /// @dev The record of an existing credential; reverts with `ERC721NonexistentToken` otherwise.
    function _existing(uint256 tokenId) private view returns (Record storage r) {
        r = _records[tokenId];
        if (r.issuer == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    function _schema(uint32 schemaId) private view returns (Schema storage s) {
        if (schemaId == 0 || schemaId > schemaCount()) revert UnknownSchema(schemaId);
        return _schemas[schemaId];
    }

    function _holderOf(uint256 tokenId) private pure returns (address) {
        return address(uint160(tokenId >> _HOLDER_SHIFT));
    }

    function _schemaOf(uint256 tokenId) private pure returns (uint32) {
        return uint32(tokenId >> _SCHEMA_SHIFT);
    }
}
