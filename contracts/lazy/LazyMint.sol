// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {LazyMintVoucher} from "./LazyMintVoucher.sol";

/**
 * @title LazyMint
 * @notice Redemption of EIP-712 lazy-mint vouchers ({LazyMintVoucher}), shared by the mintkit ERC-721 and
 * ERC-1155 contracts. The token contract supplies who may sign ({_isMinter}), where sales go by default
 * ({_primarySaleRecipient}) and how a voucher mints ({_mintVoucher}); this contract checks the window,
 * the uid, the signature (EOA, or ERC-1271 contract wallet via OpenZeppelin SignatureChecker; malleable
 * high-s signatures are refused) and moves the payment to the payee.
 *
 * Gas: the redemption path reads the voucher's fields as raw calldata words ({_word}) and hashes them in
 * place ({_hashVoucher}); the signature is checked over exactly those words, which is what makes skipping
 * solc's per-field decoding safe. The uid bitmap word is read once and written once, unless the voucher's
 * token guards its own replay ({_uidGuardsReplay}: an ERC-721 voucher for an explicit id mints that id,
 * which can never be minted again): then the uid is not touched at all. Hooks may use {_word} and
 * {_uriLength} too (after the signature check).
 *
 * Cancelling ({cancelVouchers}, minter or admin) sets the uids' bits too, so a cancelled voucher whose uid
 * guards its replay cannot be redeemed; a second bitmap records which uids were cancelled, read only when
 * a redemption fails, so that the revert ({VoucherCancelled} vs {VoucherAlreadyRedeemed}) and
 * {isVoucherCancelled} tell the two apart. A voucher whose token guards its replay is cancelled through
 * its token instead (the ERC-721 collection's `cancelReservedIds`), and reverts with {VoucherCancelled} too.
 */
abstract contract LazyMint is EIP712, ReentrancyGuardTransient {
    /**
     * @dev The uid bitmaps, at a fixed ERC-7201 location so that off-chain tools can read a uid's word with
     * `eth_getStorageAt` (slot `keccak256(abi.encode(uid >> 8, LAZY_MINT_STORAGE))`: the library's redeem
     * gas estimate tells a uid opening a new word from one in a used word).
     * @custom:storage-location erc7201:mintkit.storage.LazyMint
     */
    struct LazyMintStorage {
        /// Spent uids, 256 per word (consecutive uids share a word: cheaper to spend).
        mapping(uint256 bucket => uint256) spentUids;
        /// Cancelled uids (a subset of `spentUids`), 256 per word.
        mapping(uint256 bucket => uint256) cancelledUids;
    }

    /// @dev keccak256(abi.encode(uint256(keccak256("mintkit.storage.LazyMint")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 internal constant LAZY_MINT_STORAGE = 0x8f0f3f2d36cf09a9cbdd74f17c6d0d1827ded1c04f643d48e987f1d97e50ed00;

    // Head-word index of each voucher field in its ABI encoding (struct order).
    uint256 internal constant _TO = 0;
    uint256 internal constant _TOKEN_ID = 1;
    uint256 internal constant _QUANTITY = 2;
    uint256 internal constant _PRICE = 4;
    uint256 internal constant _CURRENCY = 5;
    uint256 internal constant _PAYEE = 6;
    uint256 internal constant _ROYALTY_RECEIVER = 7;
    uint256 internal constant _ROYALTY_BPS = 8;
    uint256 internal constant _MAX_SUPPLY = 9;
    uint256 internal constant _VALID_FROM = 10;
    uint256 internal constant _VALID_UNTIL = 11;
    uint256 internal constant _UID = 12;

    /// @dev secp256k1n / 2: a larger `s` is the malleable twin of a valid signature.
    uint256 private constant _HALF_CURVE_ORDER = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @notice A voucher was redeemed.
    event VoucherRedeemed(
        uint256 indexed uid, address indexed signer, address indexed to, uint256 firstTokenId, uint256 quantity
    );

    /// @notice `canceller` (a minter or admin) cancelled the vouchers with these uids: none of them can be
    /// redeemed any more.
    event VouchersCancelled(address indexed canceller, uint256[] uids);

    /// @notice The voucher's window has not opened yet; redeem at or after `validFrom`.
    error VoucherNotYetValid(uint64 validFrom, uint256 now_);
    /// @notice The voucher's window closed at `validUntil`; ask the creator for a new voucher.
    error VoucherExpired(uint64 validUntil, uint256 now_);
    /// @notice The voucher's uid was already spent on this contract.
    error VoucherAlreadyRedeemed(uint256 uid);
    /// @notice A minter or admin cancelled the voucher with uid `uid` (by its uid, or an explicit-id ERC-721
    /// voucher by its token id); ask the creator for a new voucher.
    error VoucherCancelled(uint256 uid);
    /// @notice Only an account with the minter role or the admin role may cancel vouchers.
    error VoucherCancelNotAuthorized(address account);
    /// @notice The signature is not `signer`'s over this voucher on this chain and contract.
    error VoucherInvalidSignature(address signer);
    /// @notice `signer` signed the voucher but does not hold the minter role here.
    error VoucherSignerNotMinter(address signer);
    /// @notice The voucher mints nothing (`quantity` is 0).
    error VoucherZeroQuantity();
    /// @notice The ETH sent does not match the voucher's total price (`price * quantity`).
    error VoucherWrongPayment(uint256 expected, uint256 sent);
    /// @notice A priced voucher names no payee and the contract has no primary-sale recipient (the owner
    /// renounced and none was set): nobody to pay. Set a primary-sale recipient, or sign with a `payee`.
    error VoucherNoPayee();

    constructor() EIP712("mintkit", "1") {}

    /**
     * @notice Redeems a voucher signed by `signer`: mints `v.quantity` tokens to `v.to` (or to the caller
     * when `v.to` is zero) and pays `v.price * v.quantity` in `v.currency` to the payee. ETH is sent as
     * `msg.value`; an ERC-20 price is pulled from the caller, who must have approved this contract.
     * @param v The voucher.
     * @param signer The account that signed it: an EOA, or a contract wallet answering ERC-1271.
     * @param signature The EIP-712 signature (65 bytes for an EOA; any bytes the wallet accepts for ERC-1271).
     * @return firstTokenId The first token id minted (ERC-721) or the id minted (ERC-1155).
     */
    function redeem(LazyMintVoucher.Voucher calldata v, address signer, bytes calldata signature)
        external
        payable
        nonReentrant
        returns (uint256 firstTokenId)
    {
        // Fields are read as raw ABI words (see {_word}); the signature covers exactly these words.
        uint256 quantity = _word(v, _QUANTITY);
        if (quantity == 0) revert VoucherZeroQuantity();
        uint256 validFrom = _word(v, _VALID_FROM);
        if (block.timestamp < validFrom) revert VoucherNotYetValid(uint64(validFrom), block.timestamp);
        uint256 validUntil = _word(v, _VALID_UNTIL);
        if (validUntil != 0 && block.timestamp > validUntil) {
            revert VoucherExpired(uint64(validUntil), block.timestamp);
        }
        // A voucher whose uid guards its replay spends it here: its bitmap word is read once and written
        // once, through its slot computed once. Spending it before the signature check is safe: a bad
        // signature reverts the whole call, the write included. Any other voucher (its token guards the
        // replay and carries its cancellation: {_uidGuardsReplay}) leaves the uid alone.
        uint256 uid = _word(v, _UID);
        if (_uidGuardsReplay(v)) {
            uint256 spentSlot;
            uint256 spent;
            assembly ("memory-safe") {
                mstore(0x00, shr(8, uid))
                mstore(0x20, LAZY_MINT_STORAGE) // spentUids is the struct's first member
                spentSlot := keccak256(0x00, 0x40)
                spent := sload(spentSlot)
            }
            uint256 bit = 1 << (uid & 0xff);
            if (spent & bit != 0) _revertSpent(uid);
            assembly ("memory-safe") {
                sstore(spentSlot, or(spent, bit)) // spentUids[uid >> 8] = spent | bit
            }
        }
        if (!_isValidSignature(signer, voucherDigest(v), signature)) {
            revert VoucherInvalidSignature(signer);
        }
        if (!_isMinter(signer)) revert VoucherSignerNotMinter(signer);

        address to = address(uint160(_word(v, _TO)));
        if (to == address(0)) to = msg.sender;
        firstTokenId = _mintVoucher(v, to);
        emit VoucherRedeemed(uid, signer, to, firstTokenId, quantity);

        _collectPayment(v, quantity);
    }

    /// @notice The EIP-712 digest a signer signs for `v` on this contract.
    function voucherDigest(LazyMintVoucher.Voucher calldata v) public view returns (bytes32) {
        return _hashTypedDataV4(_hashVoucher(v));
    }

    /**
     * @notice Cancels the vouchers with these uids on this contract: each uid is marked spent, so no
     * voucher carrying it can be redeemed, and {isVoucherCancelled} answers true. Cancelling a uid already
     * redeemed or cancelled changes nothing but is allowed (the event still lists it). Minter role or
     * admin role (the owner holds both). An ERC-721 voucher for an explicit token id never reads its uid:
     * cancel it by its id with the collection's `cancelReservedIds`.
     * @param uids The uids to cancel (any order; consecutive uids share a bitmap word and cost less).
     */
    function cancelVouchers(uint256[] calldata uids) external {
        if (!_mayCancelVouchers(msg.sender)) revert VoucherCancelNotAuthorized(msg.sender);
        LazyMintStorage storage $ = _lazyMintStorage();
        for (uint256 i; i < uids.length; ++i) {
            uint256 uid = uids[i];
            uint256 bit = 1 << (uid & 0xff);
            $.spentUids[uid >> 8] |= bit;
            $.cancelledUids[uid >> 8] |= bit;
        }
        emit VouchersCancelled(msg.sender, uids);
    }

    /**
     * @notice Whether the uid `uid` is spent here: redeemed by a voucher whose uid guards its replay, or
     * cancelled. An ERC-721 voucher for an explicit token id neither spends nor reads its uid (the minted
     * token is its guard): ask `ownerOf(tokenId)` and `isReservedIdCancelled(tokenId)` for those.
     */
    function isVoucherRedeemed(uint256 uid) external view returns (bool) {
        return _lazyMintStorage().spentUids[uid >> 8] & (1 << (uid & 0xff)) != 0;
    }

    /// @notice Whether the uid `uid` was cancelled with {cancelVouchers}.
    function isVoucherCancelled(uint256 uid) external view returns (bool) {
        return _lazyMintStorage().cancelledUids[uid >> 8] & (1 << (uid & 0xff)) != 0;
    }

    function _lazyMintStorage() private pure returns (LazyMintStorage storage $) {
        assembly ("memory-safe") {
            $.slot := LAZY_MINT_STORAGE
        }
    }

    /// @dev The revert for a spent uid: {VoucherCancelled} if it was cancelled, else {VoucherAlreadyRedeemed}.
    function _revertSpent(uint256 uid) private view {
        if (_lazyMintStorage().cancelledUids[uid >> 8] & (1 << (uid & 0xff)) != 0) revert VoucherCancelled(uid);
        revert VoucherAlreadyRedeemed(uid);
    }

    /**
     * @dev {LazyMintVoucher.hash}, computed from the calldata words directly (about 1,400 gas cheaper than
     * `abi.encode`): the voucher's 13 head words are its 13 fields in order, except `uri`, whose offset
     * is replaced by the hash of its bytes. A voucher with non-canonical (dirty) words hashes differently
     * from its canonical form and so never matches an honest signature (see {_word}). Tests assert
     * equality with {LazyMintVoucher.hash} and with viem's EIP-712 hash.
     */
    function _hashVoucher(LazyMintVoucher.Voucher calldata v) internal pure returns (bytes32 structHash) {
        string calldata uri = v.uri;
        bytes32 typeHash = LazyMintVoucher.TYPEHASH;
        assembly ("memory-safe") {
            let m := mload(0x40)
            calldatacopy(m, uri.offset, uri.length)
            let uriHash := keccak256(m, uri.length)
            mstore(m, typeHash)
            calldatacopy(add(m, 0x20), v, 0x1a0)
            mstore(add(m, 0x80), uriHash)
            structHash := keccak256(m, 0x1c0)
        }
    }

    /**
     * @dev OpenZeppelin's `SignatureChecker` order, with the ECDSA branch inlined (~600 gas less than going
     * through `ECDSA.tryRecover`'s error enums): a 65-byte `r ‖ s ‖ v` signature that recovers to `signer`,
     * with `s` in the lower half of the curve order (malleable high-s twins are refused), is valid; failing
     * that, a `signer` with code is asked through ERC-1271. Trying ECDSA first keeps an EOA that delegates
     * its code (EIP-7702) able to sign with its key, and spares an EOA signer the cold code-size read.
     */
    function _isValidSignature(address signer, bytes32 digest, bytes calldata signature) private view returns (bool) {
        if (signature.length == 65) {
            bytes32 r;
            bytes32 s;
            uint8 v;
            assembly ("memory-safe") {
                r := calldataload(signature.offset)
                s := calldataload(add(signature.offset, 0x20))
                v := byte(0, calldataload(add(signature.offset, 0x40)))
            }
            if (uint256(s) <= _HALF_CURVE_ORDER) {
                address recovered = ecrecover(digest, v, r, s);
                if (recovered != address(0) && recovered == signer) return true;
            }
        }
        return signer.code.length != 0 && SignatureChecker.isValidERC1271SignatureNowCalldata(signer, digest, signature);
    }

    /// @dev The length of `v.uri`, read raw (its offset was validated when {_hashVoucher} read it).
    function _uriLength(LazyMintVoucher.Voucher calldata v) internal pure returns (uint256 length) {
        assembly ("memory-safe") {
            length := calldataload(add(v, calldataload(add(v, 0x60))))
        }
    }

    /// @dev Takes `price * quantity` in ETH (`currency` zero: exactly `msg.value`) or an ERC-20 (pulled
    /// from the caller) and sends it to the payee.
    function _collectPayment(LazyMintVoucher.Voucher calldata v, uint256 quantity) private {
        uint256 total = _word(v, _PRICE) * quantity;
        address currency = address(uint160(_word(v, _CURRENCY)));
        if (currency == address(0)) {
            if (msg.value != total) revert VoucherWrongPayment(total, msg.value);
            if (total != 0) Address.sendValue(payable(_payee(v)), total);
        } else {
            if (msg.value != 0) revert VoucherWrongPayment(0, msg.value);
            if (total != 0) SafeERC20.safeTransferFrom(IERC20(currency), msg.sender, _payee(v), total);
        }
    }

    function _payee(LazyMintVoucher.Voucher calldata v) private view returns (address payee) {
        payee = address(uint160(_word(v, _PAYEE)));
        if (payee == address(0)) payee = _primarySaleRecipient();
        if (payee == address(0)) revert VoucherNoPayee(); // never burn a buyer's payment
    }

    /**
     * @dev Field `index` of `v` as its raw ABI head word (for `uri`: its offset), without solc's
     * per-access decoding (~60 gas each). Sound because the signature is checked over these same raw
     * words ({_hashVoucher}): a voucher whose words are not canonically encoded (dirty high bits) has a
     * digest no honest signer produces, and checks made before the signature only ever revert.
     * Address fields are narrowed with `address(uint160(...))`.
     */
    function _word(LazyMintVoucher.Voucher calldata v, uint256 index) internal pure returns (uint256 word) {
        assembly ("memory-safe") {
            word := calldataload(add(v, shl(5, index)))
        }
    }

    /// @dev Whether `account` may sign vouchers (holds the minter role).
    function _isMinter(address account) internal view virtual returns (bool);

    /// @dev Whether `account` may cancel vouchers (holds the minter role or the admin role).
    function _mayCancelVouchers(address account) internal view virtual returns (bool);

    /// @dev Whether redeeming `v` must check and mark its uid spent (true), or the mint itself can never
    /// repeat (false: the uid is not read; the token contract must then refuse a cancelled voucher itself,
    /// with {VoucherCancelled}, from state its mint reads anyway).
    function _uidGuardsReplay(LazyMintVoucher.Voucher calldata v) internal pure virtual returns (bool);

    /// @dev Where payments go when a voucher names no payee.
    function _primarySaleRecipient() internal view virtual returns (address);

    /// @dev Mints what `v` describes to `to`, enforcing supply caps and the voucher's token fields.
    /// Called after the uid is marked spent; may call back into `to` (safe-mint hooks).
    function _mintVoucher(LazyMintVoucher.Voucher calldata v, address to) internal virtual returns (uint256 firstTokenId);
}
