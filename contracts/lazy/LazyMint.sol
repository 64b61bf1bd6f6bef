// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {LazyMintVoucher} from "./LazyMintVoucher.sol";

/**
 * @title LazyMint
 * @notice Redemption of EIP-712 lazy-mint vouchers ({LazyMintVoucher}), shared by the mintkit ERC-721 and
 * ERC-1155 contracts. The token contract supplies who may sign ({_isMinter}), where sales go by default
 * ({_primarySaleRecipient}) and how a voucher mints ({_mintVoucher}); this contract checks the window,
 * the uid, the signature (EOA or ERC-1271 contract wallet, via OpenZeppelin SignatureChecker; malleable
 * high-s signatures are refused) and moves the payment to the payee.
 */
abstract contract LazyMint is EIP712, ReentrancyGuardTransient {
    using BitMaps for BitMaps.BitMap;

    BitMaps.BitMap private _spentUids;

    /// @notice A voucher was redeemed.
    event VoucherRedeemed(
        uint256 indexed uid, address indexed signer, address indexed to, uint256 firstTokenId, uint256 quantity
    );

    /// @notice The voucher's window has not opened yet; redeem at or after `validFrom`.
    error VoucherNotYetValid(uint64 validFrom, uint256 now_);
    /// @notice The voucher's window closed at `validUntil`; ask the creator for a new voucher.
    error VoucherExpired(uint64 validUntil, uint256 now_);
    /// @notice The voucher's uid was already spent on this contract.
    error VoucherAlreadyRedeemed(uint256 uid);
    /// @notice The signature is not `signer`'s over this voucher on this chain and contract.
    error VoucherInvalidSignature(address signer);
    /// @notice `signer` signed the voucher but does not hold the minter role here.
    error VoucherSignerNotMinter(address signer);
    /// @notice The voucher mints nothing (`quantity` is 0).
    error VoucherZeroQuantity();
    /// @notice The ETH sent does not match the voucher's total price (`price * quantity`).
    error VoucherWrongPayment(uint256 expected, uint256 sent);

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
        if (v.quantity == 0) revert VoucherZeroQuantity();
        if (block.timestamp < v.validFrom) revert VoucherNotYetValid(v.validFrom, block.timestamp);
        if (v.validUntil != 0 && block.timestamp > v.validUntil) revert VoucherExpired(v.validUntil, block.timestamp);
        if (_spentUids.get(v.uid)) revert VoucherAlreadyRedeemed(v.uid);
        if (!SignatureChecker.isValidSignatureNow(signer, voucherDigest(v), signature)) {
            revert VoucherInvalidSignature(signer);
        }
        if (!_isMinter(signer)) revert VoucherSignerNotMinter(signer);

        _spentUids.set(v.uid);
        address to = v.to == address(0) ? msg.sender : v.to;
        firstTokenId = _mintVoucher(v, to);
        emit VoucherRedeemed(v.uid, signer, to, firstTokenId, v.quantity);

        _collectPayment(v);
    }

    /// @notice The EIP-712 digest a signer signs for `v` on this contract.
    function voucherDigest(LazyMintVoucher.Voucher calldata v) public view returns (bytes32) {
        return _hashTypedDataV4(LazyMintVoucher.hash(v));
    }

    /// @notice Whether the voucher uid `uid` has been spent here.
    function isVoucherRedeemed(uint256 uid) external view returns (bool) {
        return _spentUids.get(uid);
    }

    function _collectPayment(LazyMintVoucher.Voucher calldata v) private {
        uint256 total = v.price * v.quantity;
        if (v.currency == address(0)) {
            if (msg.value != total) revert VoucherWrongPayment(total, msg.value);
            if (total != 0) Address.sendValue(payable(_payee(v)), total);
        } else {
            if (msg.value != 0) revert VoucherWrongPayment(0, msg.value);
            if (total != 0) SafeERC20.safeTransferFrom(IERC20(v.currency), msg.sender, _payee(v), total);
        }
    }

    function _payee(LazyMintVoucher.Voucher calldata v) private view returns (address) {
        return v.payee == address(0) ? _primarySaleRecipient() : v.payee;
    }

    /// @dev Whether `account` may sign vouchers (holds the minter role).
    function _isMinter(address account) internal view virtual returns (bool);

    /// @dev Where payments go when a voucher names no payee.
    function _primarySaleRecipient() internal view virtual returns (address);

    /// @dev Mints what `v` describes to `to`, enforcing supply caps and the voucher's token fields.
    /// Called after the uid is marked spent; may call back into `to` (safe-mint hooks).
    function _mintVoucher(LazyMintVoucher.Voucher calldata v, address to) internal virtual returns (uint256 firstTokenId);
}
