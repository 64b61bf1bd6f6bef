// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {BitMaps} from "@openzeppelin/contracts/utils/structs/BitMaps.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {PeerConfig, PeerErrors} from "./PeerConfig.sol";

/**
 * @title PeerOZLazyMint721Base
 * @notice Gas-benchmark peer, the "OZ EIP-712 reference": lazy minting written the straightforward way
 * with OpenZeppelin 5.7 — EIP712 domain ("mintkit", "1"), ECDSA.recover, a spent-uid set, ERC721 mint,
 * ERC721URIStorage for per-token URIs, ERC2981 per-token royalty, and the price forwarded to the payee
 * (ETH via Address.sendValue, or an ERC-20 via SafeERC20). The signer must be the owner.
 * Two variants differ only in the spent-uid set: {PeerOZLazyMint721} (a `mapping(uint256 => bool)`: every
 * uid a fresh slot) and {PeerOZLazyMint721Bitmap} (OZ BitMaps: consecutive uids share a slot, as mintkit).
 *
 * The voucher has the same fields (and so the same EIP-712 type string and calldata shape) as mintkit's
 * `LazyMintVoucher.Voucher`; it is copied here so the benchmark peer never depends on mintkit's sources.
 */
abstract contract PeerOZLazyMint721Base is ERC721URIStorage, ERC2981, Ownable, EIP712 {

    struct Voucher {
        address to;
        uint256 tokenId;
        uint256 quantity;
        string uri;
        uint256 price;
        address currency;
        address payee;
        address royaltyReceiver;
        uint96 royaltyBps;
        uint256 maxSupply;
        uint64 validFrom;
        uint64 validUntil;
        uint256 uid;
    }

    bytes32 private constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint256 tokenId,uint256 quantity,string uri,uint256 price,address currency,address payee,address royaltyReceiver,uint96 royaltyBps,uint256 maxSupply,uint64 validFrom,uint64 validUntil,uint256 uid)"
    );

    uint256 public immutable maxSupply;
    uint256 private _nextTokenId;
    string private _baseTokenURI;
    string public contractURI;

    error VoucherOutsideWindow();
    error VoucherAlreadyRedeemed(uint256 uid);
    error VoucherInvalidSigner(address recovered);
    error VoucherWrongPayment(uint256 expected, uint256 sent);
    error VoucherZeroQuantity();

    constructor(PeerConfig memory c) ERC721(c.name, c.symbol) Ownable(c.owner) EIP712("mintkit", "1") {
        maxSupply = c.maxSupply;
        _baseTokenURI = c.baseURI;
        contractURI = c.contractURI;
        _setDefaultRoyalty(c.royaltyReceiver, c.royaltyBps);
    }

    /// @notice Redeems an owner-signed voucher: mints `v.quantity` tokens and forwards the price to the payee.
    function redeem(Voucher calldata v, bytes calldata signature) external payable returns (uint256 firstTokenId) {
        if (v.quantity == 0) revert VoucherZeroQuantity();
        if (block.timestamp < v.validFrom || (v.validUntil != 0 && block.timestamp > v.validUntil)) {
            revert VoucherOutsideWindow();
        }
        if (_isRedeemed(v.uid)) revert VoucherAlreadyRedeemed(v.uid);
        address signer = ECDSA.recover(_hashTypedDataV4(_hash(v)), signature);
        if (signer != owner()) revert VoucherInvalidSigner(signer);
        _markRedeemed(v.uid);

        address to = v.to == address(0) ? msg.sender : v.to;
        if (v.tokenId == 0) {
            firstTokenId = _nextTokenId;
            uint256 end = firstTokenId + v.quantity;
            if (end > maxSupply) revert PeerErrors.MaxSupplyExceeded();
            _nextTokenId = end;
        } else {
            // A reserved id above the sequential range.
            if (v.quantity != 1) revert VoucherZeroQuantity();
            firstTokenId = v.tokenId;
        }
        for (uint256 i; i < v.quantity; ++i) {
            uint256 id = firstTokenId + i;
            _mint(to, id);
            if (bytes(v.uri).length != 0) _setTokenURI(id, v.uri);
            if (v.royaltyReceiver != address(0)) _setTokenRoyalty(id, v.royaltyReceiver, v.royaltyBps);
        }

        uint256 total = v.price * v.quantity;
        address payee = v.payee == address(0) ? owner() : v.payee;
        if (v.currency == address(0)) {
            if (msg.value != total) revert VoucherWrongPayment(total, msg.value);
            if (total != 0) Address.sendValue(payable(payee), total);
        } else {
            if (msg.value != 0) revert VoucherWrongPayment(0, msg.value);
            if (total != 0) SafeERC20.safeTransferFrom(IERC20(v.currency), msg.sender, payee, total);
        }
    }

    /// @notice Mints the next id to `to`. Owner only (used to bring the contract to its steady state).
    function mint(address to) external onlyOwner returns (uint256 tokenId) {
        tokenId = _nextTokenId++;
        if (tokenId >= maxSupply) revert PeerErrors.MaxSupplyExceeded();
        _mint(to, tokenId);
    }

    function _isRedeemed(uint256 uid) internal view virtual returns (bool);

    function _markRedeemed(uint256 uid) internal virtual;

    function _hash(Voucher calldata v) private pure returns (bytes32) {
        return keccak256(
            abi.encode(
                VOUCHER_TYPEHASH,
                v.to,
                v.tokenId,
                v.quantity,
                keccak256(bytes(v.uri)),
                v.price,
                v.currency,
                v.payee,
                v.royaltyReceiver,
                v.royaltyBps,
                v.maxSupply,
                v.validFrom,
                v.validUntil,
                v.uid
            )
        );
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721URIStorage, ERC2981) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        return super.tokenURI(tokenId);
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }
}

/// @notice The reference with a `mapping(uint256 => bool)` of spent uids (each uid a fresh slot).
contract PeerOZLazyMint721 is PeerOZLazyMint721Base {
    mapping(uint256 uid => bool) private _redeemed;

    constructor(PeerConfig memory c) PeerOZLazyMint721Base(c) {}

    function _isRedeemed(uint256 uid) internal view override returns (bool) {
        return _redeemed[uid];
    }

    function _markRedeemed(uint256 uid) internal override {
        _redeemed[uid] = true;
    }
}

/// @notice The reference with an OpenZeppelin BitMaps set of spent uids (256 uids per slot).
contract PeerOZLazyMint721Bitmap is PeerOZLazyMint721Base {
    using BitMaps for BitMaps.BitMap;

    BitMaps.BitMap private _redeemed;

    constructor(PeerConfig memory c) PeerOZLazyMint721Base(c) {}

    function _isRedeemed(uint256 uid) internal view override returns (bool) {
        return _redeemed.get(uid);
    }

    function _markRedeemed(uint256 uid) internal override {
        _redeemed.set(uid);
    }
}
