// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC1155MetadataURI} from "@openzeppelin/contracts/token/ERC1155/extensions/IERC1155MetadataURI.sol";
import {IERC1155Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC1155Utils} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Utils.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {LibBytes} from "solady/src/utils/LibBytes.sol";

import {CreatorAccess} from "../access/CreatorAccess.sol";
import {LazyMint} from "../lazy/LazyMint.sol";
import {LazyMintVoucher} from "../lazy/LazyMintVoucher.sol";
import {IERC7572} from "../interfaces/IERC7572.sol";
import {Config} from "./EditionsConfig.sol";
import {PackedStrings} from "../utils/PackedStrings.sol";

/**
 * @title MintkitEditions
 * @notice mintkit's ERC-1155 edition contract: many ids, each with its own max supply, royalty and
 * (optionally) URI; minted directly by minters or lazily through EIP-712 vouchers ({LazyMint}).
 *
 * How an id comes to exist ("creation"): the first mint of an id creates it, recording its cap
 * (`maxSupply`, `0` = uncapped). Every mint path follows the same rule: {mint}, {mintBatch},
 * {createToken} and voucher redemption. A later mint of an existing id passes `maxSupply` `0` ("whatever
 * the cap is") or exactly the recorded cap, else it reverts with {MaxSupplyMismatch}. Id `0` is
 * never a token: in {createToken} and in vouchers it means "the next id".
 *
 * Next id vs explicit ids (they never collide): the counter hands out the LOWEST id at or above
 * {nextTokenId}'s candidate that has not been created, skipping ids that were created explicitly; explicit
 * ids may be any id not yet created. So every id below the counter exists, and an explicit id can never be
 * handed out again by the counter. Creators mixing both styles should keep explicit ids away from the
 * counter's range (e.g. explicit ids from 1,000,000 up), so that the counter rarely has to skip.
 *
 * Max supply caps the total ever minted (`totalMinted`), not the current supply: burning copies does not
 * make room for new ones, so an "edition of 100" stays one. Uncapped ids may mint up to 2^96 - 1 copies.
 *
 * Metadata: {uri} returns the id's own URI if one is set, else the base template containing `{id}`.
 * Changes emit the ERC-1155 `URI` event (per id) and ERC-4906-style `MetadataUpdate` /
 * `BatchMetadataUpdate`. {freezeMetadata} makes the base template and every per-id URI permanent: the
 * admin setters revert from then on. Ids created afterwards may still be created with their own URI
 * (their first URI, not a change; it replaces a URI pre-set with {setTokenURI} before the id existed).
 *
 * Deployment: `constructor(Config)` for direct deploys, or `initialize(Config)` exactly once on a fresh
 * EIP-1167 clone (the implementation is initialized by its constructor and can never be re-initialized).
 */
contract MintkitEditions is CreatorAccess, LazyMint, IERC1155, IERC1155MetadataURI, IERC2981, IERC7572, IERC1155Errors {
    using LibBytes for LibBytes.BytesStorage;

    // ------------------------------------------------------------------------------------------------
    // Types, constants, storage
    // ------------------------------------------------------------------------------------------------

    /// @notice Everything {createToken} needs to set up a new id.
    /// @param id The id to create; `0` = the next id from the counter.
    /// @param maxSupply The cap on copies ever minted; `0` = uncapped.
    /// @param uri The id's own metadata URI; empty = the base template.
    /// @param royaltyReceiver The id's ERC-2981 royalty receiver; with `royaltyBps`, both zero = the default.
    /// @param royaltyBps The id's royalty in basis points, at most {MAX_ROYALTY_BPS}.
    struct TokenSetup {
        uint256 id;
        uint256 maxSupply;
        string uri;
        address royaltyReceiver;
        uint96 royaltyBps;
    }

    struct Royalty {
        address receiver;
        uint96 bps;
    }

    /// @notice The highest royalty any id (or the default) may carry: 10%.
    uint96 public constant MAX_ROYALTY_BPS = 1_000;
    /// @notice The highest cap {mint} and friends accept (larger caps: use `0`, uncapped).
    uint256 public constant MAX_SUPPLY_LIMIT = 0xfffffffffffffffe; // type(uint64).max - 1

    uint96 private constant _ROYALTY_DENOMINATOR = 10_000;
    /// @dev The per-id record `_tokenStates[id]`, one slot: bits 0-95 current supply, bits 96-191 copies
    /// ever minted, bits 192-255 the cap. Cap `0` means the id has not been created; {_UNCAPPED} means
    /// created without a cap (copies ever minted then stop at 2^96 - 1).
    uint256 private constant _UNCAPPED = type(uint64).max;
    uint256 private constant _U96 = type(uint96).max;
    uint256 private constant _MINTED_SHIFT = 96;
    uint256 private constant _CAP_SHIFT = 192;

    /// @dev `_ownerSlot.packed` layout: bit 0 initialized, bit 1 metadata frozen, bit 2 primary-sale
    /// recipient set, bits 8-95 the last id the counter handed out.
    uint96 private constant _INITIALIZED = 1;
    uint96 private constant _FROZEN = 2;
    /// @dev A primary-sale recipient is stored in `_primarySaleRecipientAddress` (else sales go to the owner):
    /// redemptions paying the default recipient skip that cold slot when it is unset.
    uint96 private constant _OWN_SALE_RECIPIENT = 4;
    uint256 private constant _COUNTER_SHIFT = 8;
    uint256 private constant _COUNTER_MAX = (1 << 88) - 1;

    /// @dev keccak256("TransferSingle(address,address,address,uint256,uint256)")
    bytes32 private constant _TRANSFER_SINGLE_EVENT_SIGNATURE =
        0xc3d58168c5ae7397731d063d5bbf3d657854427343f4c083240f7aacaa2d0f62;

    mapping(uint256 id => mapping(address account => uint256)) private _balances;
    mapping(address account => mapping(address operator => bool)) private _operatorApprovals;
    mapping(uint256 id => uint256) private _tokenStates;
    mapping(uint256 id => LibBytes.BytesStorage) private _tokenURIs;
    mapping(uint256 id => Royalty) private _tokenRoyalties;
    Royalty private _defaultRoyalty;
    address private _primarySaleRecipientAddress;
    /// @dev Name, symbol, base URI template and contract URI, in one SSTORE2 data contract ({PackedStrings};
    /// zero while all four are empty).
    address private _stringsPointer;

    // ------------------------------------------------------------------------------------------------
    // Events and errors
    // ------------------------------------------------------------------------------------------------

    /// @notice ERC-4906: the metadata of `_tokenId` changed.
    event MetadataUpdate(uint256 _tokenId);
    /// @notice ERC-4906: the metadata of ids `_fromTokenId`..`_toTokenId` (inclusive) changed.
    event BatchMetadataUpdate(uint256 _fromTokenId, uint256 _toTokenId);
    /// @notice Metadata was frozen for good: the base template and existing per-id URIs never change again.
    event MetadataFrozen();
    /// @notice The default royalty changed (both zero = none).
    event DefaultRoyaltyUpdated(address indexed receiver, uint96 bps);
    /// @notice The royalty of `id` changed (both zero = back to the default).
    event TokenRoyaltyUpdated(uint256 indexed id, address indexed receiver, uint96 bps);
    /// @notice The primary-sale recipient changed (zero = the owner).
    event PrimarySaleRecipientUpdated(address indexed recipient);
    /// @notice The next-id counter was moved forward: the next id handed out is the lowest uncreated id from `nextId` on.
    event NextTokenIdUpdated(uint256 nextId);

    /// @notice `initialize` was already called, or this contract was deployed by its constructor.
    error AlreadyInitialized();
    /// @notice Id `0` is not a token id (it means "next id" in {createToken} and vouchers).
    error InvalidTokenId(uint256 id);
    /// @notice {createToken} was asked to create `id`, which already exists.
    error TokenExists(uint256 id);
    /// @notice Minting `amount` more copies of `id` would take its copies ever minted past `maxSupply`.
    error TokenMaxSupplyExceeded(uint256 id, uint256 maxSupply, uint256 totalMinted, uint256 amount);
    /// @notice A cap above {MAX_SUPPLY_LIMIT}; use `0` for uncapped.
    error InvalidMaxSupply(uint256 maxSupply);
    /// @notice `id` exists with cap `recorded`; pass `0` or exactly `recorded` when minting more of it.
    error MaxSupplyMismatch(uint256 id, uint256 recorded, uint256 given);
    /// @notice A voucher for the existing `id` names a URI other than the id's own URI (pass empty or it).
    error URIMismatch(uint256 id);
    /// @notice A voucher for the existing `id` names a royalty other than the id's own (pass zeros or it).
    error RoyaltyMismatch(uint256 id);
    /// @notice A royalty of `bps` basis points is above the bound `maxBps` (10%).
    error RoyaltyTooHigh(uint256 bps, uint256 maxBps);
    /// @notice A nonzero royalty needs a nonzero receiver.
    error InvalidRoyaltyReceiver(address receiver);
    /// @notice Metadata is frozen; the base template and existing per-id URIs cannot change.
    error MetadataIsFrozen();
    /// @notice A name, symbol or URI longer than 65,535 bytes.
    error StringTooLong(uint256 length);

    // ------------------------------------------------------------------------------------------------
    // Deployment
    // ------------------------------------------------------------------------------------------------

    /// @notice Deploys and configures the contract directly (no factory). The instance is initialized.
    constructor(Config memory config) {
        _initialize(config);
    }

    /**
     * @notice Configures a fresh EIP-1167 clone of this contract. Callable exactly once; reverts with
     * {AlreadyInitialized} afterwards, and always on a directly deployed contract (including the
     * clones' implementation). The factory calls it in the clone's deployment transaction.
     * @param config The owner, names, URIs, default royalty and primary-sale recipient.
     */
    function initialize(Config calldata config) external {
        if (_ownerSlot.packed & _INITIALIZED != 0) revert AlreadyInitialized();
        _initialize(config);
    }

    function _initialize(Config memory config) private {
        // Owner and flags in one write.
        bool ownSaleRecipient = config.primarySaleRecipient != address(0);
        _ownerSlot = OwnerSlot({owner: config.owner, packed: ownSaleRecipient ? _INITIALIZED | _OWN_SALE_RECIPIENT : _INITIALIZED});
        if (config.owner != address(0)) emit OwnershipTransferred(address(0), config.owner);
        address pointer = PackedStrings.write(
            PackedStrings.Metadata(config.name, config.symbol, config.baseURI, config.contractURI),
            StringTooLong.selector
        );
        if (pointer != address(0)) _stringsPointer = pointer;
        if (config.royaltyReceiver != address(0) || config.royaltyBps != 0) {
            _checkRoyalty(config.royaltyReceiver, config.royaltyBps);
            _defaultRoyalty = Royalty(config.royaltyReceiver, config.royaltyBps);
        }
        if (ownSaleRecipient) _primarySaleRecipientAddress = config.primarySaleRecipient;
    }

    // ------------------------------------------------------------------------------------------------
    // Minting (minter role)
    // ------------------------------------------------------------------------------------------------

    /**
     * @notice Mints `amount` copies of `id` to `to`, creating `id` with cap `maxSupply` if it does not exist
     * yet. This is the cheap "mint a new id" path: one per-id slot and one balance slot.
     * @dev Only accounts with `MINTER_ROLE` (the owner has it). Calls `onERC1155Received` when `to` is a
     * contract. `to` may be zero only with `amount == 0`: that creates the id and broadcasts it with a
     * zero-value `TransferSingle` to `address(0)`, as ERC-1155 recommends.
     * @param to The recipient.
     * @param id The id (not 0).
     * @param amount The number of copies.
     * @param maxSupply_ For a new id its cap (`0` = uncapped); for an existing id `0` or its recorded cap.
     * @param data Passed to the recipient's `onERC1155Received`.
     */
    function mint(address to, uint256 id, uint256 amount, uint256 maxSupply_, bytes calldata data) external {
        _checkMinter();
        _mintSingle(to, id, amount, maxSupply_);
        if (to.code.length != 0) ERC1155Utils.checkOnERC1155Received(msg.sender, address(0), to, id, amount, data);
    }

    /**
     * @notice Mints `amounts[i]` copies of `ids[i]` to `to` for every `i`, creating new ids with cap
     * `maxSupplies[i]` as {mint} does. Emits one `TransferBatch`.
     * @dev Only `MINTER_ROLE`. Calls `onERC1155BatchReceived` when `to` is a contract. The three arrays must
     * have the same length ({ERC1155InvalidArrayLength}).
     */
    function mintBatch(
        address to,
        uint256[] calldata ids,
        uint256[] calldata amounts,
        uint256[] calldata maxSupplies,
        bytes calldata data
    ) external {
        _checkMinter();
        if (ids.length != amounts.length) revert ERC1155InvalidArrayLength(ids.length, amounts.length);
        if (ids.length != maxSupplies.length) revert ERC1155InvalidArrayLength(ids.length, maxSupplies.length);
        if (to == address(0)) revert ERC1155InvalidReceiver(address(0));
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            uint256 amount = amounts[i];
            _addSupply(id, amount, maxSupplies[i]);
            unchecked {
                // Cannot overflow: a balance never exceeds its id's supply, which is below 2^96.
                _balances[id][to] += amount;
            }
        }
        emit TransferBatch(msg.sender, address(0), to, ids, amounts);
        _checkOnBatchReceived(address(0), to, ids, amounts, data);
    }

    /**
     * @notice Creates a new id with its cap, own URI and royalty in one call, and mints `amount` copies to
     * `to`. `setup.id == 0` takes the next id from the counter.
     * @dev Only `MINTER_ROLE`. Reverts with {TokenExists} if `setup.id` exists. Emits `URI` when the
     * id gets its own URI and {TokenRoyaltyUpdated} when it gets its own royalty. `to` may be zero only with
     * `amount == 0` (creation broadcast).
     * @return id The created id.
     */
    function createToken(TokenSetup calldata setup, address to, uint256 amount, bytes calldata data)
        external
        returns (uint256 id)
    {
        _checkMinter();
        id = setup.id;
        if (id == 0) id = _allocateNextId();
        else if (_exists(id)) revert TokenExists(id);
        _setNewTokenExtras(id, setup.uri, setup.royaltyReceiver, setup.royaltyBps);
        _mintSingle(to, id, amount, setup.maxSupply);
        _checkOnReceived(address(0), to, id, amount, data);
    }

    // ------------------------------------------------------------------------------------------------
    // Burning (holder or approved operator)
    // ------------------------------------------------------------------------------------------------

    /// @notice Burns `amount` copies of `id` held by `from`. Caller: `from` or an operator approved by it.
    function burn(address from, uint256 id, uint256 amount) external {
        _checkAuthorized(from);
        _debit(from, id, amount);
        unchecked {
            // Cannot borrow from the next field: the id's supply (low 96 bits) is at least `from`'s
            // balance, which covered `amount`.
            _tokenStates[id] -= amount;
        }
        emit TransferSingle(msg.sender, from, address(0), id, amount);
    }

    /// @notice Burns `amounts[i]` copies of `ids[i]` held by `from`. Caller: `from` or an approved operator.
    function burnBatch(address from, uint256[] calldata ids, uint256[] calldata amounts) external {
        _checkAuthorized(from);
        if (ids.length != amounts.length) revert ERC1155InvalidArrayLength(ids.length, amounts.length);
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            uint256 amount = amounts[i];
            _debit(from, id, amount);
            unchecked {
                _tokenStates[id] -= amount;
            }
        }
        emit TransferBatch(msg.sender, from, address(0), ids, amounts);
    }

    // ------------------------------------------------------------------------------------------------
    // ERC-1155
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IERC1155
    function balanceOf(address account, uint256 id) external view returns (uint256) {
        return _balances[id][account];
    }

    /// @notice The balances of `accounts[i]` in `ids[i]`. Arrays of different lengths revert with
    /// ERC-6093's `ERC1155InvalidArrayLength(idsLength, valuesLength)`: `ids.length` first, then
    /// `accounts.length` in the second ("values") position, as OpenZeppelin's ERC1155 reports it.
    function balanceOfBatch(address[] calldata accounts, uint256[] calldata ids)
        external
        view
        returns (uint256[] memory balances)
    {
        if (accounts.length != ids.length) revert ERC1155InvalidArrayLength(ids.length, accounts.length);
        balances = new uint256[](accounts.length);
        for (uint256 i; i < accounts.length; ++i) {
            balances[i] = _balances[ids[i]][accounts[i]];
        }
    }

    /// @inheritdoc IERC1155
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert ERC1155InvalidOperator(address(0));
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC1155
    function isApprovedForAll(address account, address operator) public view returns (bool) {
        return _operatorApprovals[account][operator];
    }

    /// @inheritdoc IERC1155
    function safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes calldata data) external {
        _checkAuthorized(from);
        if (to == address(0)) revert ERC1155InvalidReceiver(address(0));
        _debit(from, id, value);
        unchecked {
            _balances[id][to] += value;
        }
        emit TransferSingle(msg.sender, from, to, id, value);
        _checkOnReceived(from, to, id, value, data);
    }

    /// @inheritdoc IERC1155
    function safeBatchTransferFrom(
        address from,
        address to,
        uint256[] calldata ids,
        uint256[] calldata values,
        bytes calldata data
    ) external {
        _checkAuthorized(from);
        if (to == address(0)) revert ERC1155InvalidReceiver(address(0));
        if (ids.length != values.length) revert ERC1155InvalidArrayLength(ids.length, values.length);
        for (uint256 i; i < ids.length; ++i) {
            uint256 id = ids[i];
            uint256 value = values[i];
            _debit(from, id, value);
            unchecked {
                _balances[id][to] += value;
            }
        }
        emit TransferBatch(msg.sender, from, to, ids, values);
        _checkOnBatchReceived(from, to, ids, values, data);
    }

    // ------------------------------------------------------------------------------------------------
    // Supply views
    // ------------------------------------------------------------------------------------------------

    /// @notice Copies of `id` in existence now (minted minus burned).
    function totalSupply(uint256 id) external view returns (uint256) {
        return _tokenStates[id] & _U96;
    }

    /// @notice Copies of `id` ever minted (burns do not lower it); the cap applies to this number.
    function totalMinted(uint256 id) external view returns (uint256) {
        return (_tokenStates[id] >> _MINTED_SHIFT) & _U96;
    }

    /// @notice The cap on copies of `id` ever minted; `0` for an uncapped or not-yet-created id.
    function maxSupply(uint256 id) external view returns (uint256) {
        return _capOut(_tokenStates[id] >> _CAP_SHIFT);
    }

    /// @notice Whether `id` has been created (first minted or set up), even if every copy was burned since.
    function exists(uint256 id) external view returns (bool) {
        return _exists(id);
    }

    /// @notice The id the counter will hand out next (to `createToken` or a voucher with `tokenId` 0):
    /// the lowest id above the last one it handed out that has not been created explicitly.
    function nextTokenId() external view returns (uint256 id) {
        id = (uint256(_ownerSlot.packed) >> _COUNTER_SHIFT) + 1;
        while (_exists(id)) ++id;
    }

    /**
     * @notice Moves the next-id counter forward, so that `createToken` and vouchers with token id 0 hand out
     * ids from `nextId` on. The counter skips explicitly created ids one storage read at a time; after a long
     * run of explicit ids right above it (e.g. thousands created by `mintBatch`), that walk could outgrow a
     * transaction: move the counter past them. Only forward (`nextId` above the current position). Admin.
     */
    function setNextTokenId(uint256 nextId) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint96 packed = _ownerSlot.packed;
        uint256 current = (uint256(packed) >> _COUNTER_SHIFT) + 1;
        if (nextId <= current || nextId - 1 > _COUNTER_MAX) revert InvalidTokenId(nextId);
        _ownerSlot.packed = uint96(((nextId - 1) << _COUNTER_SHIFT) | (packed & 0xff));
        emit NextTokenIdUpdated(nextId);
    }

    // ------------------------------------------------------------------------------------------------
    // Metadata
    // ------------------------------------------------------------------------------------------------

    /**
     * @notice The metadata URI of `id`: its own URI if one is set, else the base template, which contains
     * the literal `{id}`. ERC-1155 clients replace `{id}` with the id in lowercase hexadecimal, zero-padded
     * to 64 characters, without `0x` (id 1 -> `0000…0001`, 64 chars).
     */
    function uri(uint256 id) external view returns (string memory) {
        LibBytes.BytesStorage storage own = _tokenURIs[id];
        if (!own.isEmpty()) return string(own.get());
        return _readString(PackedStrings.Field.BaseURI);
    }

    /// @notice The base metadata URI template (contains `{id}`).
    function baseURI() external view returns (string memory) {
        return _readString(PackedStrings.Field.BaseURI);
    }

    /// @notice ERC-7572: the contract-level metadata URI.
    function contractURI() external view returns (string memory) {
        return _readString(PackedStrings.Field.ContractURI);
    }

    /// @notice The collection's name (for explorers; may be empty).
    function name() external view returns (string memory) {
        return _readString(PackedStrings.Field.Name);
    }

    /// @notice The collection's symbol (for explorers; may be empty).
    function symbol() external view returns (string memory) {
        return _readString(PackedStrings.Field.Symbol);
    }

    /// @notice Whether metadata is frozen for good ({freezeMetadata}).
    function metadataFrozen() public view returns (bool) {
        return _ownerSlot.packed & _FROZEN != 0;
    }

    /// @notice Sets the base URI template (must contain `{id}` for per-id metadata). Admin only; not once frozen.
    /// Emits `BatchMetadataUpdate(1, type(uint256).max)`.
    function setBaseURI(string calldata newBaseURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (metadataFrozen()) revert MetadataIsFrozen();
        PackedStrings.Metadata memory strings = PackedStrings.read(_stringsPointer);
        strings.baseURI = newBaseURI;
        _writeStrings(strings);
        emit BatchMetadataUpdate(1, type(uint256).max);
    }

    /// @notice Sets `id`'s own URI (empty = back to the base template). Admin only; not once frozen.
    /// Emits `URI(uri(id), id)` and `MetadataUpdate(id)`. May be set before `id` exists; creating the id
    /// with its own URI (voucher or {createToken}) then replaces it.
    function setTokenURI(uint256 id, string calldata tokenURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (metadataFrozen()) revert MetadataIsFrozen();
        if (bytes(tokenURI).length == 0) {
            _tokenURIs[id].clear();
            emit URI(_readString(PackedStrings.Field.BaseURI), id);
        } else {
            _tokenURIs[id].setCalldata(bytes(tokenURI));
            emit URI(tokenURI, id);
        }
        emit MetadataUpdate(id);
    }

    /// @notice ERC-7572: sets the contract-level metadata URI. Admin only (not affected by the freeze).
    function setContractURI(string calldata newContractURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        PackedStrings.Metadata memory strings = PackedStrings.read(_stringsPointer);
        strings.contractURI = newContractURI;
        _writeStrings(strings);
        emit ContractURIUpdated();
    }

    /// @notice Freezes the base template and every existing per-id URI for good. Admin only. Irreversible.
    function freezeMetadata() external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (metadataFrozen()) revert MetadataIsFrozen();
        _ownerSlot.packed |= _FROZEN;
        emit MetadataFrozen();
    }

    // ------------------------------------------------------------------------------------------------
    // Royalties (ERC-2981) and sales
    // ------------------------------------------------------------------------------------------------

    /// @inheritdoc IERC2981
    function royaltyInfo(uint256 id, uint256 salePrice) external view returns (address receiver, uint256 amount) {
        Royalty memory r = _tokenRoyalties[id];
        if (r.receiver == address(0)) r = _defaultRoyalty;
        return (r.receiver, Math.mulDiv(salePrice, r.bps, _ROYALTY_DENOMINATOR)); // no overflow for any price
    }

    /// @notice Sets the default royalty (both zero = none). At most {MAX_ROYALTY_BPS}. Admin only.
    function setDefaultRoyalty(address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _checkRoyalty(receiver, bps);
        _defaultRoyalty = Royalty(receiver, bps);
        emit DefaultRoyaltyUpdated(receiver, bps);
    }

    /// @notice Sets `id`'s own royalty (both zero = back to the default). At most {MAX_ROYALTY_BPS}. Admin only.
    function setTokenRoyalty(uint256 id, address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _setTokenRoyalty(id, receiver, bps);
    }

    /// @notice Where voucher payments go when a voucher names no payee: the recipient set, else the owner
    /// (whoever owns the contract at the time of the sale).
    function primarySaleRecipient() external view returns (address) {
        return _ownerSlot.packed & _OWN_SALE_RECIPIENT != 0 ? _primarySaleRecipientAddress : _ownerSlot.owner;
    }

    /// @notice Sets the primary-sale recipient (zero = the owner, following ownership changes). Admin only.
    function setPrimarySaleRecipient(address recipient) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _primarySaleRecipientAddress = recipient;
        if (recipient != address(0)) _ownerSlot.packed |= _OWN_SALE_RECIPIENT;
        else _ownerSlot.packed &= ~_OWN_SALE_RECIPIENT;
        emit PrimarySaleRecipientUpdated(recipient);
    }

    // ------------------------------------------------------------------------------------------------
    // ERC-165
    // ------------------------------------------------------------------------------------------------

    /// @notice ERC-165: ERC-1155 (0xd9b67a26), its metadata URI extension (0x0e89341c), ERC-2981
    /// (0x2a55205a), ERC-4906 (0x49064906), AccessControl (0x7965db0b), ERC-173 (0x7f5828d0), ERC-165.
    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(CreatorAccess, IERC165)
        returns (bool)
    {
        return interfaceId == 0xd9b67a26 // ERC-1155
            || interfaceId == 0x0e89341c // ERC-1155 metadata URI
            || interfaceId == 0x2a55205a // ERC-2981
            || interfaceId == 0x49064906 // ERC-4906
            || super.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------------------------------------
    // Lazy mint hooks
    // ------------------------------------------------------------------------------------------------

    function _isMinter(address account) internal view override returns (bool) {
        return _isMinterAccount(account);
    }

    function _mayCancelVouchers(address account) internal view override returns (bool) {
        return _isMinterAccount(account) || hasRole(DEFAULT_ADMIN_ROLE, account);
    }

    /// @dev An ERC-1155 id can be minted again, so every voucher spends its uid.
    function _uidGuardsReplay(LazyMintVoucher.Voucher calldata) internal pure override returns (bool) {
        return true;
    }

    function _primarySaleRecipient() internal view override returns (address) {
        OwnerSlot memory slot = _ownerSlot; // warm: the signer's minter check read it
        return slot.packed & _OWN_SALE_RECIPIENT != 0 ? _primarySaleRecipientAddress : slot.owner;
    }

    /**
     * @dev Voucher rules: `tokenId == 0` creates the next id; a nonzero `tokenId` mints that id, creating it
     * if new. On creation the voucher's `maxSupply`, `uri` and royalty fields become the id's cap, own URI
     * and own royalty. For an existing id each of them must be empty/zero or equal what the id records
     * ({MaxSupplyMismatch}, {URIMismatch}, {RoyaltyMismatch}): a buyer never gets a
     * different edition than the one signed for.
     */
    function _mintVoucher(LazyMintVoucher.Voucher calldata v, address to) internal override returns (uint256 id) {
        id = v.tokenId;
        if (id == 0) {
            id = _allocateNextId();
            _setNewTokenExtras(id, v.uri, v.royaltyReceiver, v.royaltyBps);
        } else if (!_exists(id)) {
            _setNewTokenExtras(id, v.uri, v.royaltyReceiver, v.royaltyBps);
        } else {
            if (bytes(v.uri).length != 0 && keccak256(_tokenURIs[id].get()) != keccak256(bytes(v.uri))) {
                revert URIMismatch(id);
            }
            if (v.royaltyReceiver != address(0) || v.royaltyBps != 0) {
                Royalty memory r = _tokenRoyalties[id];
                if (r.receiver != v.royaltyReceiver || r.bps != v.royaltyBps) revert RoyaltyMismatch(id);
            }
        }
        _mintSingle(to, id, v.quantity, v.maxSupply);
        if (to.code.length != 0) ERC1155Utils.checkOnERC1155Received(msg.sender, address(0), to, id, v.quantity, "");
    }

    // ------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------

    /// @dev Records `amount` more copies of `id` (creating it with `maxSupply_` if new), credits `to` and
    /// emits `TransferSingle`: the path of every single-id mint. It does exactly what {_addSupply}, a
    /// `_balances[id][to] += amount` and an `emit TransferSingle(...)` do, in one assembly block because it
    /// is the hottest path of the contract (see test/editions/gas.test.ts); failures are reported by
    /// {_revertMint} with the same named errors as {_addSupply}.
    function _mintSingle(address to, uint256 id, uint256 amount, uint256 maxSupply_) private {
        uint256 failure;
        uint256 state;
        uint256 cap;
        assembly ("memory-safe") {
            mstore(0x00, id)
            mstore(0x20, _tokenStates.slot)
            let stateSlot := keccak256(0x00, 0x40)
            state := sload(stateSlot)
            cap := shr(192, state)
            for {} 1 {} {
                if iszero(to) {
                    if amount {
                        failure := 1 // minting copies to the zero address
                        break
                    }
                }
                switch cap
                case 0 {
                    // A new id: record its cap (0 = uncapped, stored as type(uint64).max).
                    if iszero(id) {
                        failure := 2
                        break
                    }
                    if gt(maxSupply_, 0xfffffffffffffffe) {
                        failure := 3
                        break
                    }
                    cap := maxSupply_
                    if iszero(cap) { cap := 0xffffffffffffffff }
                }
                default {
                    if maxSupply_ {
                        if iszero(eq(maxSupply_, cap)) {
                            failure := 4
                            break
                        }
                    }
                }
                let limit := cap
                if eq(cap, 0xffffffffffffffff) { limit := 0xffffffffffffffffffffffff } // uncapped: 2^96 - 1
                // totalMinted <= limit always holds, so the subtraction cannot underflow.
                if gt(amount, sub(limit, and(shr(96, state), 0xffffffffffffffffffffffff))) {
                    failure := 5
                    break
                }
                // supply + amount and minted + amount both stay below 2^96: no carry between fields.
                sstore(
                    stateSlot,
                    or(shl(192, cap), add(and(state, 0xffffffffffffffffffffffffffffffffffffffffffffffff), add(shl(96, amount), amount)))
                )
                // _balances[id][to] += amount (cannot overflow: a balance never exceeds its id's supply).
                mstore(0x20, _balances.slot)
                mstore(0x20, keccak256(0x00, 0x40))
                mstore(0x00, to)
                let balanceSlot := keccak256(0x00, 0x40)
                sstore(balanceSlot, add(sload(balanceSlot), amount))
                // emit TransferSingle(msg.sender, address(0), to, id, amount)
                mstore(0x00, id)
                mstore(0x20, amount)
                log4(0x00, 0x40, _TRANSFER_SINGLE_EVENT_SIGNATURE, caller(), 0, to)
                break
            }
        }
        if (failure != 0) _revertMint(failure, id, amount, maxSupply_, state, cap);
    }

    /// @dev The named error for a {_mintSingle} failure code.
    function _revertMint(uint256 failure, uint256 id, uint256 amount, uint256 maxSupply_, uint256 state, uint256 cap)
        private
        pure
    {
        if (failure == 1) revert ERC1155InvalidReceiver(address(0));
        if (failure == 2) revert InvalidTokenId(0);
        if (failure == 3) revert InvalidMaxSupply(maxSupply_);
        if (failure == 4) revert MaxSupplyMismatch(id, _capOut(cap), maxSupply_);
        revert TokenMaxSupplyExceeded(id, _capOut(cap), uint96(state >> _MINTED_SHIFT), amount);
    }

    /// @dev Adds `amount` to `id`'s supply and copies minted, creating the id with cap `maxSupply_` if new.
    function _addSupply(uint256 id, uint256 amount, uint256 maxSupply_) private {
        uint256 state = _tokenStates[id];
        uint256 cap = state >> _CAP_SHIFT;
        if (cap == 0) cap = _newTokenCap(id, maxSupply_);
        else if (maxSupply_ != 0 && maxSupply_ != cap) revert MaxSupplyMismatch(id, _capOut(cap), maxSupply_);
        unchecked {
            uint256 minted = uint96(state >> _MINTED_SHIFT);
            uint256 room = (cap == _UNCAPPED ? _U96 : cap) - minted; // minted <= cap: no underflow
            if (amount > room) revert TokenMaxSupplyExceeded(id, _capOut(cap), minted, amount);
            // Neither field overflows: totalSupply <= totalMinted and totalMinted + amount < 2^96, so adding
            // `amount` to both at once never carries into the next field.
            _tokenStates[id] = (cap << _CAP_SHIFT) | (uint192(state) + (amount << _MINTED_SHIFT) + amount);
        }
    }

    /// @dev The stored cap of a new id: `maxSupply_`, or {_UNCAPPED} for `0`. Id 0 is never created.
    function _newTokenCap(uint256 id, uint256 maxSupply_) private pure returns (uint256) {
        if (id == 0) revert InvalidTokenId(0);
        if (maxSupply_ > MAX_SUPPLY_LIMIT) revert InvalidMaxSupply(maxSupply_);
        return maxSupply_ == 0 ? _UNCAPPED : maxSupply_;
    }

    /// @dev A stored cap as the API reports it: `0` for uncapped.
    function _capOut(uint256 cap) private pure returns (uint256) {
        return cap == _UNCAPPED ? 0 : cap;
    }

    /// @dev Stores the four strings ({StringTooLong} for one over 65,535 bytes).
    function _writeStrings(PackedStrings.Metadata memory strings) private {
        _stringsPointer = PackedStrings.write(strings, StringTooLong.selector);
    }

    function _readString(PackedStrings.Field field) private view returns (string memory) {
        return PackedStrings.read(_stringsPointer, field);
    }

    function _exists(uint256 id) private view returns (bool) {
        return _tokenStates[id] >> _CAP_SHIFT != 0;
    }

    /// @dev Reverts unless the caller holds `MINTER_ROLE` (the owner always does).
    /// The owner is checked first, without a call: it is the common minter and holds every role.
    function _checkMinter() private view {
        if (msg.sender != _ownerSlot.owner && !hasRole(MINTER_ROLE, msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, MINTER_ROLE);
        }
    }

    /// @dev ERC-1155 acceptance check of a single transfer to `to` (no call, and no copy of `data`, for an EOA
    /// or the zero address of a creation broadcast).
    function _checkOnReceived(address from, address to, uint256 id, uint256 amount, bytes calldata data) private {
        if (to.code.length != 0) ERC1155Utils.checkOnERC1155Received(msg.sender, from, to, id, amount, data);
    }

    /// @dev ERC-1155 acceptance check of a batch transfer to `to`.
    function _checkOnBatchReceived(
        address from,
        address to,
        uint256[] calldata ids,
        uint256[] calldata amounts,
        bytes calldata data
    ) private {
        if (to.code.length != 0) ERC1155Utils.checkOnERC1155BatchReceived(msg.sender, from, to, ids, amounts, data);
    }

    /// @dev Takes `amount` copies of `id` from `from`'s balance.
    function _debit(address from, uint256 id, uint256 amount) private {
        uint256 balance = _balances[id][from];
        if (balance < amount) revert ERC1155InsufficientBalance(from, balance, amount, id);
        unchecked {
            _balances[id][from] = balance - amount;
        }
    }

    /// @dev Reverts unless the caller is `from` or an operator `from` approved. `from` must not be zero.
    function _checkAuthorized(address from) private view {
        if (from == address(0)) revert ERC1155InvalidSender(address(0));
        if (from != msg.sender && !_operatorApprovals[from][msg.sender]) {
            revert ERC1155MissingApprovalForAll(msg.sender, from);
        }
    }

    /// @dev Hands out the lowest id above the counter that has not been created, and advances the counter.
    function _allocateNextId() private returns (uint256 id) {
        uint96 packed = _ownerSlot.packed;
        id = (uint256(packed) >> _COUNTER_SHIFT) + 1;
        while (_exists(id)) ++id;
        // 2^88 ids: unreachable in practice, but never wrap into the flag bits.
        if (id > _COUNTER_MAX) revert InvalidTokenId(id);
        _ownerSlot.packed = uint96((id << _COUNTER_SHIFT) | (packed & 0xff));
    }

    /// @dev A new id's own URI and royalty, when given.
    function _setNewTokenExtras(uint256 id, string calldata tokenURI, address royaltyReceiver, uint96 royaltyBps)
        private
    {
        if (bytes(tokenURI).length != 0) {
            _tokenURIs[id].setCalldata(bytes(tokenURI));
            emit URI(tokenURI, id);
        }
        if (royaltyReceiver != address(0) || royaltyBps != 0) _setTokenRoyalty(id, royaltyReceiver, royaltyBps);
    }

    function _setTokenRoyalty(uint256 id, address receiver, uint96 bps) private {
        _checkRoyalty(receiver, bps);
        _tokenRoyalties[id] = Royalty(receiver, bps);
        emit TokenRoyaltyUpdated(id, receiver, bps);
    }

    function _checkRoyalty(address receiver, uint96 bps) private pure {
        if (bps > MAX_ROYALTY_BPS) revert RoyaltyTooHigh(bps, MAX_ROYALTY_BPS);
        if (receiver == address(0) && bps != 0) revert InvalidRoyaltyReceiver(address(0));
    }
}
