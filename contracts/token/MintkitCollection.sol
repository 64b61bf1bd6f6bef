// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ERC721Batch} from "./ERC721Batch.sol";
import {CreatorAccess} from "../access/CreatorAccess.sol";
import {LazyMint} from "../lazy/LazyMint.sol";
import {LazyMintVoucher} from "../lazy/LazyMintVoucher.sol";
import {PackedStrings} from "../utils/PackedStrings.sol";
import {IERC7572} from "../interfaces/IERC7572.sol";

/**
 * @title MintkitCollection
 * @notice mintkit's ERC-721 collection: owner + roles, optional max supply, ERC-2981 royalties (bounded),
 * base-URI or per-token metadata with ERC-4906 events and a freeze, ERC-7572 contract metadata, mint,
 * safe mint, batch mint, airdrop, reserve, burn and EIP-712 lazy-mint vouchers (ERC-1271 signers too).
 *
 * Token ids start at 1. The next id and the max supply live in the owner's slot ({CreatorAccess}), so
 * an owner mint reads one slot for both the permission and the counters. The max supply bounds the ids:
 * no id above it is ever minted or reserved (`0` = no cap).
 *
 * Vouchers ({LazyMint.redeem}): `tokenId` 0 mints the next `quantity` ids; a nonzero `tokenId` mints that
 * id, which must have been set aside with {reserve} and not minted yet (`quantity` 1); such a voucher does
 * not use its uid (the token is its replay guard) and is cancelled by its id ({cancelReservedIds}). A non-empty `uri`
 * becomes the token's own URI (each token's, for `quantity` > 1; allowed after {freezeMetadata}, as the
 * token's first metadata); a royalty receiver/bps sets each token's royalty (bounded). `maxSupply` must
 * be 0. Redemption checks the receiver (onERC721Received); payments default to {primarySaleRecipient}.
 *
 * Deploy directly (constructor) or as an EIP-1167 clone initialized once with {initialize}.
 */
contract MintkitCollection is ERC721Batch, IERC721Metadata, IERC4906, IERC7572, ERC2981, CreatorAccess, LazyMint {
    /// @notice Everything a collection is created with.
    /// @param owner The ERC-173 owner (holds every role).
    /// @param name The ERC-721 name.
    /// @param symbol The ERC-721 symbol.
    /// @param baseURI Token metadata prefix: `tokenURI(id) = baseURI + id + ".json"` (`ipfs://<dirCID>/`).
    /// @param contractURI ERC-7572 contract metadata URI.
    /// @param maxSupply The highest id that may ever be minted or reserved; `0` = no cap.
    /// @param royaltyReceiver Default ERC-2981 royalty receiver (zero: no default royalty).
    /// @param royaltyBps Default royalty in basis points, at most {MAX_ROYALTY_BPS}.
    /// @param primarySaleRecipient Where voucher payments go when a voucher names no payee; zero = the owner.
    struct Config {
        address owner;
        string name;
        string symbol;
        string baseURI;
        string contractURI;
        uint256 maxSupply;
        address royaltyReceiver;
        uint96 royaltyBps;
        address primarySaleRecipient;
    }

    /// @notice The highest royalty this contract accepts, in basis points (10%).
    uint96 public constant MAX_ROYALTY_BPS = 1_000;

    // The owner slot ({CreatorAccess}) read as one word: owner (bits 0-159), next id (160-199), max
    // supply (200-239), flags (240-255). Ids are 40-bit (over 10^12), far beyond any collection.
    uint256 private constant _ID_MASK = (1 << 40) - 1;
    uint256 private constant _NEXT_SHIFT = 160;
    uint256 private constant _MAX_SHIFT = 200;
    /// @dev Token metadata is frozen.
    uint256 private constant _FLAG_FROZEN = 1 << 240;
    /// @dev `_saleRecipient` is set (else sales go to the owner): spares redemptions a cold SLOAD.
    uint256 private constant _FLAG_SALE_RECIPIENT = 1 << 241;

    /// @dev The primary-sale recipient, when {_FLAG_SALE_RECIPIENT} is set.
    address private _saleRecipient;
    /// @dev One word: burned tokens (bits 0-63) and reserved ids not yet minted (64-127; cancelled ones
    /// included: they are never minted), for totalSupply;
    /// the ids of the latest {reserve}, first (128-191) and count (192-255). A voucher for one of those is
    /// checked against this word, which it updates anyway (the count), instead of a range lookup.
    uint256 private _supplyAdjust;
    uint256 private constant _COUNT_MASK = (1 << 64) - 1;
    uint256 private constant _RESERVED_SHIFT = 64;
    uint256 private constant _LAST_FIRST_SHIFT = 128;
    uint256 private constant _LAST_COUNT_SHIFT = 192;

    /// @dev Name, symbol, base URI and contract URI in the code of one SSTORE2 data contract
    /// ({PackedStrings}; zero while all four are empty). Rewritten on each change.
    address private _stringsPointer;
    mapping(uint256 tokenId => string) private _tokenURIs;

    /// @notice `count` ids from `firstTokenId` were reserved for later minting (by voucher).
    event TokensReserved(uint256 indexed firstTokenId, uint256 count);
    /// @notice `canceller` (a minter or admin) cancelled every voucher for these reserved ids: none of them
    /// will ever be minted.
    event ReservedIdsCancelled(address indexed canceller, uint256[] tokenIds);
    /// @notice Token metadata (base and per-token URIs) is frozen for good.
    event MetadataFrozen();
    /// @notice The max supply changed.
    event MaxSupplyUpdated(uint256 maxSupply);
    /// @notice The primary-sale recipient changed (zero = the owner).
    event PrimarySaleRecipientUpdated(address recipient);

    /// @notice The clone is already initialized (or this is the implementation).
    error AlreadyInitialized();
    /// @notice Minting or reserving `requested` ids would pass the max supply `maxSupply` (0: the id
    /// space); only `available` ids remain.
    error MaxSupplyExceeded(uint256 maxSupply, uint256 available, uint256 requested);
    /// @notice A new max supply must be zero or at least the ids already issued (`issued`).
    error MaxSupplyBelowIssued(uint256 maxSupply, uint256 issued);
    /// @notice A batch mint or airdrop expected to start at id `expected`, but the next id is `actual`
    /// (another mint landed first, or this batch already did): nothing was minted. Read `nextTokenId`
    /// and check whether the batch is already on chain before sending it again.
    error UnexpectedNextTokenId(uint256 expected, uint256 actual);
    /// @notice Nothing to mint: the quantity (or recipient list) is empty.
    error ZeroQuantity();
    /// @notice A royalty above {MAX_ROYALTY_BPS}.
    error RoyaltyTooHigh(uint256 bps, uint256 maxBps);
    /// @notice Token metadata is frozen; URIs can no longer change.
    error MetadataIsFrozen();
    /// @notice A name, symbol or URI longer than 65,535 bytes.
    error StringTooLong(uint256 length);
    /// @notice `tokenId` is not a reserved, unminted id (never reserved, minted, or burned).
    error TokenNotReserved(uint256 tokenId);
    /// @notice A voucher for a specific (reserved) id must mint exactly one token.
    error VoucherQuantityNotOne(uint256 quantity);
    /// @notice `maxSupply` in a voucher is an ERC-1155 field; it must be 0 on this contract.
    error VoucherMaxSupplyNotSupported(uint256 maxSupply);

    /// @notice Deploys a ready collection (or, for a factory, the implementation its clones delegate to:
    /// it is initialized by this constructor and so can never be initialized again).
    constructor(Config memory config) {
        _init(config);
    }

    /// @notice Initializes a fresh EIP-1167 clone, once. Reverts with {AlreadyInitialized} afterwards and
    /// on the implementation.
    function initialize(Config calldata config) external {
        if (_loadOwnerSlot() != 0) revert AlreadyInitialized();
        if (config.owner == address(0)) revert OwnableInvalidOwner(address(0));
        _init(config);
    }

    function _init(Config memory config) private {
        uint256 cap = config.maxSupply;
        if (cap >= _ID_MASK) revert MaxSupplyExceeded(cap, _ID_MASK - 1, cap);
        uint256 word = uint160(config.owner) | (1 << _NEXT_SHIFT) | (cap << _MAX_SHIFT);
        if (config.primarySaleRecipient != address(0)) {
            word |= _FLAG_SALE_RECIPIENT;
            _saleRecipient = config.primarySaleRecipient;
        }
        // The next id (1) is what marks the contract initialized.
        _storeOwnerSlot(word);
        emit OwnershipTransferred(address(0), config.owner);
        _writeStrings(PackedStrings.Metadata(config.name, config.symbol, config.baseURI, config.contractURI));
        if (config.royaltyReceiver != address(0)) _setBoundedDefaultRoyalty(config.royaltyReceiver, config.royaltyBps);
    }

    // ------------------------------------------------------------------------------------------------
    // Minting
    // ------------------------------------------------------------------------------------------------

    /// @notice Mints the next id to `to`, without a receiver check. Minter role.
    /// @return tokenId The id minted.
    function mint(address to) external returns (uint256 tokenId) {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        tokenId = _takeIds(1);
        _mintOne(to, tokenId);
    }

    /// @notice Mints the next id to `to` with its own token URI (e.g. `ipfs://<cid>`), without a receiver
    /// check; emits `MetadataUpdate`. One transaction for a one-off piece whose metadata is not under the
    /// base URI. Minter role. Allowed after the freeze, as a voucher's URI is: the freeze fixes existing
    /// tokens' metadata, and this URI is fixed from the start.
    /// @return tokenId The id minted.
    function mintWithURI(address to, string calldata uri) external returns (uint256 tokenId) {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        tokenId = _takeIds(1);
        _mintOne(to, tokenId);
        _tokenURIs[tokenId] = uri;
        emit MetadataUpdate(tokenId);
    }

    /// @notice Mints the next id to `to`; a contract `to` must accept it (onERC721Received). Minter role.
    function safeMint(address to, bytes calldata data) external returns (uint256 tokenId) {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        tokenId = _takeIds(1);
        _mintOne(to, tokenId);
        _checkReceived(to, tokenId, 1, data);
    }

    /// @notice Mints `quantity` consecutive ids to `to`, without a receiver check. Minter role.
    /// @param expectedFirstId The id the caller expects the batch to start at ({nextTokenId} when it
    /// built the transaction); any other next id reverts with {UnexpectedNextTokenId}, so a retried or
    /// concurrent batch can never mint twice.
    /// @return firstTokenId The first id minted (`expectedFirstId`); the rest follow it.
    function mintBatch(address to, uint256 quantity, uint256 expectedFirstId) external returns (uint256 firstTokenId) {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        firstTokenId = _takeIdsAt(quantity, expectedFirstId);
        _mintConsecutive(to, firstTokenId, quantity);
    }

    /// @notice Mints `quantity` consecutive ids to `to`; a contract `to` must accept each. Minter role.
    /// @param expectedFirstId As in {mintBatch}: reverts with {UnexpectedNextTokenId} unless the batch
    /// starts there.
    function safeMintBatch(address to, uint256 quantity, uint256 expectedFirstId, bytes calldata data)
        external
        returns (uint256 firstTokenId)
    {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        firstTokenId = _takeIdsAt(quantity, expectedFirstId);
        _mintConsecutive(to, firstTokenId, quantity);
        _checkReceived(to, firstTokenId, quantity, data);
    }

    /// @notice Mints one token each to `recipients`, consecutive ids in list order, without receiver
    /// checks. Minter role.
    /// @param expectedFirstId As in {mintBatch}: reverts with {UnexpectedNextTokenId} unless the first
    /// recipient gets this id.
    function airdrop(address[] calldata recipients, uint256 expectedFirstId) external returns (uint256 firstTokenId) {
        uint256 n = recipients.length;
        firstTokenId = _takeIdsAt(n, expectedFirstId);
        for (uint256 i; i < n; ++i) {
            address to = recipients[i];
            if (to == address(0)) revert ERC721InvalidReceiver(address(0));
            _mintOne(to, firstTokenId + i);
        }
    }

    /// @notice Sets aside the next `count` ids, unminted, for vouchers naming them. Counts against the
    /// max supply. Minter role.
    /// @dev Writes no per-id state: an issued id (below the next id) with neither an own slot nor a range
    /// record was reserved and is not minted yet. The latest reservation is also kept in one word, so a
    /// voucher for one of its ids skips the range lookup.
    function reserve(uint256 count) external returns (uint256 firstTokenId) {
        firstTokenId = _takeIds(count);
        uint256 adjust = _supplyAdjust;
        // Ids and counts are below 2^40 ({_advance}): the reserved count cannot carry out of its 64 bits.
        _supplyAdjust = (uint128(adjust) + (count << _RESERVED_SHIFT)) | (firstTokenId << _LAST_FIRST_SHIFT)
            | (count << _LAST_COUNT_SHIFT);
        emit TokensReserved(firstTokenId, count);
    }

    /**
     * @notice Cancels every voucher for these reserved ids: each id that is reserved and not minted yet is
     * marked never to be minted, so a voucher naming it reverts with {VoucherCancelled}, and
     * {isReservedIdCancelled} answers true. This is how an explicit-id voucher is cancelled ({cancelVouchers}
     * does not reach it: its uid is not read). An id already minted, burned or cancelled changes nothing but
     * is allowed (the event still lists it). A cancelled id is never minted and never counted in
     * {totalSupply} or {totalBurned}. Minter role or admin role (the owner holds both).
     * @param tokenIds Ids below {nextTokenId} (issued); any other id reverts with {TokenNotReserved} and
     * nothing is cancelled.
     */
    function cancelReservedIds(uint256[] calldata tokenIds) external {
        if (!_mayCancelVouchers(msg.sender)) revert VoucherCancelNotAuthorized(msg.sender);
        uint256 adjust = _supplyAdjust;
        uint256 next = nextTokenId();
        for (uint256 i; i < tokenIds.length; ++i) {
            uint256 tokenId = tokenIds[i];
            if (tokenId == 0 || tokenId >= next) revert TokenNotReserved(tokenId);
            if (_isReservedUnminted(tokenId, adjust)) _void(tokenId);
        }
        emit ReservedIdsCancelled(msg.sender, tokenIds);
    }

    /// @notice Whether the vouchers for the reserved id `tokenId` were cancelled ({cancelReservedIds}): it
    /// will never be minted.
    function isReservedIdCancelled(uint256 tokenId) external view returns (bool) {
        return _isVoided(tokenId);
    }

    /// @notice Burns `tokenId`. Its owner, approved account or an operator.
    function burn(uint256 tokenId) external {
        _burnChecked(tokenId);
        unchecked {
            _supplyAdjust += 1;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Supply
    // ------------------------------------------------------------------------------------------------

    /// @notice The id the next mint gets.
    function nextTokenId() public view returns (uint256) {
        return (_loadOwnerSlot() >> _NEXT_SHIFT) & _ID_MASK;
    }

    /// @notice The max supply (highest mintable id); 0 = no cap.
    function maxSupply() public view returns (uint256) {
        return (_loadOwnerSlot() >> _MAX_SHIFT) & _ID_MASK;
    }

    /// @notice Tokens in existence: minted, minus burned.
    function totalSupply() external view returns (uint256) {
        uint256 adjust = _supplyAdjust;
        return nextTokenId() - 1 - ((adjust >> _RESERVED_SHIFT) & _COUNT_MASK) - (adjust & _COUNT_MASK);
    }

    /// @notice Tokens burned so far.
    function totalBurned() external view returns (uint256) {
        return _supplyAdjust & _COUNT_MASK;
    }

    /// @notice Sets the max supply: zero (no cap) or at least the ids issued so far. Admin.
    function setMaxSupply(uint256 newMaxSupply) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 word = _loadOwnerSlot();
        uint256 issued = ((word >> _NEXT_SHIFT) & _ID_MASK) - 1;
        if (newMaxSupply != 0 && newMaxSupply < issued) revert MaxSupplyBelowIssued(newMaxSupply, issued);
        if (newMaxSupply >= _ID_MASK) revert MaxSupplyExceeded(newMaxSupply, _ID_MASK - 1, newMaxSupply);
        _storeOwnerSlot((word & ~(_ID_MASK << _MAX_SHIFT)) | (newMaxSupply << _MAX_SHIFT));
        emit MaxSupplyUpdated(newMaxSupply);
    }

    // ------------------------------------------------------------------------------------------------
    // Metadata
    // ------------------------------------------------------------------------------------------------

    /// @notice The collection name.
    function name() external view returns (string memory name_) {
        name_ = _readString(PackedStrings.Field.Name);
    }

    /// @notice The collection symbol.
    function symbol() external view returns (string memory symbol_) {
        symbol_ = _readString(PackedStrings.Field.Symbol);
    }

    /// @notice The token's own URI if set, else `<baseURI><tokenId>.json` (empty if no base URI).
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        string memory uri = _tokenURIs[tokenId];
        if (bytes(uri).length != 0) return uri;
        string memory base = _readString(PackedStrings.Field.BaseURI);
        if (bytes(base).length == 0) return "";
        return string.concat(base, Strings.toString(tokenId), ".json");
    }

    /// @notice The base URI (`ipfs://<dirCID>/`).
    function baseURI() external view returns (string memory base) {
        base = _readString(PackedStrings.Field.BaseURI);
    }

    /// @notice ERC-7572 contract metadata URI.
    function contractURI() external view returns (string memory uri) {
        uri = _readString(PackedStrings.Field.ContractURI);
    }

    /// @notice Whether token metadata is frozen.
    function metadataFrozen() public view returns (bool) {
        return _loadOwnerSlot() & _FLAG_FROZEN != 0;
    }

    /// @notice Sets the base URI; emits ERC-4906 `BatchMetadataUpdate` over every id. Admin; not frozen.
    function setBaseURI(string calldata newBaseURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireNotFrozen();
        PackedStrings.Metadata memory strings = PackedStrings.read(_stringsPointer);
        strings.baseURI = newBaseURI;
        _writeStrings(strings);
        emit BatchMetadataUpdate(1, type(uint256).max);
    }

    /// @notice Sets `tokenId`'s own URI (empty: back to the base URI); emits `MetadataUpdate`. Admin; not
    /// frozen; the token must exist.
    function setTokenURI(uint256 tokenId, string calldata uri) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireNotFrozen();
        _requireOwned(tokenId);
        _tokenURIs[tokenId] = uri;
        emit MetadataUpdate(tokenId);
    }

    /// @notice Sets the ERC-7572 contract URI; emits `ContractURIUpdated`. Admin. (Not affected by the
    /// freeze, which covers token metadata.)
    function setContractURI(string calldata newContractURI) external onlyRole(DEFAULT_ADMIN_ROLE) {
        PackedStrings.Metadata memory strings = PackedStrings.read(_stringsPointer);
        strings.contractURI = newContractURI;
        _writeStrings(strings);
        emit ContractURIUpdated();
    }

    /// @notice Freezes token metadata for good: base and per-token URIs can no longer change. Vouchers may
    /// still give new tokens their first URI. Emits `MetadataFrozen` and `BatchMetadataUpdate`. Admin.
    function freezeMetadata() external onlyRole(DEFAULT_ADMIN_ROLE) {
        _requireNotFrozen();
        _storeOwnerSlot(_loadOwnerSlot() | _FLAG_FROZEN);
        emit MetadataFrozen();
        emit BatchMetadataUpdate(1, type(uint256).max);
    }

    function _requireNotFrozen() private view {
        if (metadataFrozen()) revert MetadataIsFrozen();
    }

    // ------------------------------------------------------------------------------------------------
    // Royalties and sales
    // ------------------------------------------------------------------------------------------------

    /// @notice Sets the default royalty (at most {MAX_ROYALTY_BPS}); a zero receiver removes it. Admin.
    function setDefaultRoyalty(address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (receiver == address(0)) _deleteDefaultRoyalty();
        else _setBoundedDefaultRoyalty(receiver, bps);
    }

    /// @notice Sets `tokenId`'s own royalty (at most {MAX_ROYALTY_BPS}); a zero receiver resets it to the
    /// default. Admin.
    function setTokenRoyalty(uint256 tokenId, address receiver, uint96 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (receiver == address(0)) _resetTokenRoyalty(tokenId);
        else _setBoundedTokenRoyalty(tokenId, receiver, bps);
    }

    /// @notice Where voucher payments go when a voucher names no payee (the owner unless set).
    function primarySaleRecipient() public view returns (address) {
        return _primarySaleRecipient();
    }

    /// @notice Sets the primary-sale recipient; zero = the owner (whoever it is then). Admin.
    function setPrimarySaleRecipient(address recipient) external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 word = _loadOwnerSlot();
        if (recipient == address(0)) {
            word &= ~_FLAG_SALE_RECIPIENT;
        } else {
            word |= _FLAG_SALE_RECIPIENT;
        }
        _saleRecipient = recipient;
        _storeOwnerSlot(word);
        emit PrimarySaleRecipientUpdated(recipient);
    }

    function _setBoundedDefaultRoyalty(address receiver, uint96 bps) private {
        if (bps > MAX_ROYALTY_BPS) revert RoyaltyTooHigh(bps, MAX_ROYALTY_BPS);
        _setDefaultRoyalty(receiver, bps);
    }

    function _setBoundedTokenRoyalty(uint256 tokenId, address receiver, uint96 bps) private {
        if (bps > MAX_ROYALTY_BPS) revert RoyaltyTooHigh(bps, MAX_ROYALTY_BPS);
        _setTokenRoyalty(tokenId, receiver, bps);
    }

    // ------------------------------------------------------------------------------------------------
    // ERC-165
    // ------------------------------------------------------------------------------------------------

    /// @notice ERC-165: ERC-721, ERC-721 Metadata, ERC-2981, ERC-4906, AccessControl, ERC-173, ERC-165.
    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(IERC165, ERC721Batch, ERC2981, CreatorAccess)
        returns (bool)
    {
        return interfaceId == 0x5b5e139f // ERC-721 Metadata
            || interfaceId == 0x49064906 // ERC-4906
            || ERC721Batch.supportsInterface(interfaceId) || CreatorAccess.supportsInterface(interfaceId)
            || ERC2981.supportsInterface(interfaceId);
    }

    // ------------------------------------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------------------------------------

    /// @dev Checks the caller may mint, takes `quantity` ids from the counter (max supply enforced) and
    /// returns the first. One SLOAD + one SSTORE of the owner slot for an owner caller.
    function _takeIds(uint256 quantity) private returns (uint256 firstTokenId) {
        uint256 word = _loadOwnerSlot();
        if (msg.sender != address(uint160(word)) && !_isMinterAccount(msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, MINTER_ROLE);
        }
        return _advance(word, quantity);
    }

    /// @dev {_takeIds}, reverting with {UnexpectedNextTokenId} unless the first id is `expectedFirstId`.
    function _takeIdsAt(uint256 quantity, uint256 expectedFirstId) private returns (uint256 firstTokenId) {
        uint256 word = _loadOwnerSlot();
        if (msg.sender != address(uint160(word)) && !_isMinterAccount(msg.sender)) {
            revert AccessControlUnauthorizedAccount(msg.sender, MINTER_ROLE);
        }
        uint256 next = (word >> _NEXT_SHIFT) & _ID_MASK;
        if (next != expectedFirstId) revert UnexpectedNextTokenId(expectedFirstId, next);
        return _advance(word, quantity);
    }

    /// @dev Takes `quantity` ids from the owner-slot word `word` (max supply enforced), stores it back.
    function _advance(uint256 word, uint256 quantity) private returns (uint256 firstTokenId) {
        if (quantity == 0) revert ZeroQuantity();
        firstTokenId = (word >> _NEXT_SHIFT) & _ID_MASK;
        uint256 maxSupply_ = (word >> _MAX_SHIFT) & _ID_MASK;
        uint256 cap = maxSupply_ == 0 ? _ID_MASK - 1 : maxSupply_;
        unchecked {
            // `firstTokenId <= cap + 1` always (ids never pass the cap; the cap never drops below them).
            uint256 available = cap + 1 - firstTokenId;
            if (quantity > available) revert MaxSupplyExceeded(maxSupply_, available, quantity);
            // The next id stays within its 40 bits (`<= _ID_MASK`).
            _storeOwnerSlot(word + (quantity << _NEXT_SHIFT));
        }
    }

    /// @dev Stores the four strings ({StringTooLong} for one over 65,535 bytes).
    function _writeStrings(PackedStrings.Metadata memory strings) private {
        _stringsPointer = PackedStrings.write(strings, StringTooLong.selector);
    }

    function _readString(PackedStrings.Field field) private view returns (string memory) {
        return PackedStrings.read(_stringsPointer, field);
    }

    /// @dev The {CreatorAccess} owner slot as one word (owner, next id, max supply, flags); see the
    /// constants above. One SLOAD instead of a struct copy.
    function _loadOwnerSlot() private view returns (uint256 word) {
        assembly ("memory-safe") {
            word := sload(_ownerSlot.slot)
        }
    }

    function _storeOwnerSlot(uint256 word) private {
        assembly ("memory-safe") {
            sstore(_ownerSlot.slot, word)
        }
    }

    function _isMinter(address account) internal view override returns (bool) {
        return _isMinterAccount(account);
    }

    function _mayCancelVouchers(address account) internal view override returns (bool) {
        return _isMinterAccount(account) || hasRole(DEFAULT_ADMIN_ROLE, account);
    }

    /// @dev A voucher for an explicit (reserved) id mints that id once: the token, or its burn mark,
    /// guards the replay, and its cancellation mark ({cancelReservedIds}) is in the same slot, which the
    /// mint reads anyway; so its uid is not read. A next-id voucher spends its uid.
    function _uidGuardsReplay(LazyMintVoucher.Voucher calldata v) internal pure override returns (bool) {
        return _word(v, _TOKEN_ID) == 0;
    }

    function _primarySaleRecipient() internal view override returns (address) {
        uint256 word = _loadOwnerSlot();
        return word & _FLAG_SALE_RECIPIENT != 0 ? _saleRecipient : address(uint160(word));
    }

    function _mintVoucher(LazyMintVoucher.Voucher calldata v, address to)
        internal
        override
        returns (uint256 firstTokenId)
    {
        // Raw reads ({LazyMint._word}): the signature was checked over these exact words.
        if (_word(v, _MAX_SUPPLY) != 0) revert VoucherMaxSupplyNotSupported(_word(v, _MAX_SUPPLY));
        uint256 quantity = _word(v, _QUANTITY);
        uint256 tokenId = _word(v, _TOKEN_ID);
        if (tokenId == 0) {
            firstTokenId = _advance(_loadOwnerSlot(), quantity);
            _mintConsecutive(to, firstTokenId, quantity);
        } else {
            if (quantity != 1) revert VoucherQuantityNotOne(quantity);
            firstTokenId = tokenId;
            uint256 adjust = _supplyAdjust;
            if (!_isReservedUnminted(tokenId, adjust)) _revertNotReserved(tokenId, _word(v, _UID));
            _mintOne(to, tokenId);
            unchecked {
                _supplyAdjust = adjust - (1 << _RESERVED_SHIFT); // >= 1 reserved id is unminted: this one
            }
        }
        if (_word(v, _ROYALTY_RECEIVER) | _word(v, _ROYALTY_BPS) | _uriLength(v) != 0) {
            _applyVoucherMetadata(v, firstTokenId, quantity);
        }
        _checkReceived(to, firstTokenId, quantity, "");
    }

    /// @dev The revert for an explicit-id voucher (uid `uid`) whose id is not reserved and unminted:
    /// {VoucherCancelled} if the id was cancelled, else {TokenNotReserved}.
    function _revertNotReserved(uint256 tokenId, uint256 uid) private view {
        if (_isVoided(tokenId)) revert VoucherCancelled(uid);
        revert TokenNotReserved(tokenId);
    }

    /// @dev Whether `tokenId` was reserved and is not minted yet; `adjust` is {_supplyAdjust}. An id with
    /// an own slot was minted (or burned, or cancelled). Otherwise an id of the latest reservation is reserved (none of
    /// its ids is ever range-minted); any other id is reserved if it was issued (below the next id) and no
    /// range record (batch mint) covers it: every other way of issuing an id writes its own slot.
    function _isReservedUnminted(uint256 tokenId, uint256 adjust) private view returns (bool) {
        if (!_isUnwritten(tokenId)) return false;
        unchecked {
            // Wraps to a huge value below the first id.
            if (tokenId - ((adjust >> _LAST_FIRST_SHIFT) & _COUNT_MASK) < adjust >> _LAST_COUNT_SHIFT) return true;
        }
        return tokenId < nextTokenId() && !_inRange(tokenId);
    }

    /// @dev One token: its own slot only (no range record); more: a range (see {ERC721Batch}).
    function _mintConsecutive(address to, uint256 firstTokenId, uint256 quantity) private {
        if (quantity == 1) _mintOne(to, firstTokenId);
        else _mintRange(to, firstTokenId, quantity);
    }

    function _applyVoucherMetadata(LazyMintVoucher.Voucher calldata v, uint256 firstTokenId, uint256 quantity)
        private
    {
        bool hasUri = bytes(v.uri).length != 0;
        bool hasRoyalty = v.royaltyReceiver != address(0) || v.royaltyBps != 0;
        for (uint256 id = firstTokenId; id < firstTokenId + quantity; ++id) {
            if (hasUri) {
                _tokenURIs[id] = v.uri;
                emit MetadataUpdate(id);
            }
            if (hasRoyalty) _setBoundedTokenRoyalty(id, v.royaltyReceiver, v.royaltyBps);
        }
    }
}
