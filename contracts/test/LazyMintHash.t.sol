// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {MintkitCollection} from "../token/MintkitCollection.sol";
import {LazyMintVoucher} from "../lazy/LazyMintVoucher.sol";

/**
 * @notice LazyMint computes the voucher's struct hash from raw calldata words (gas); this fuzz test checks it
 * equals the reference {LazyMintVoucher.hash} (abi.encode) wrapped in the EIP-712 domain, for any field
 * values and URI, and that a signature over it redeems exactly once.
 */
contract LazyMintHashTest is TestBase {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    uint256 internal constant OWNER_KEY = 0xB0B;

    MintkitCollection internal c;

    function setUp() public {
        c = new MintkitCollection(
            MintkitCollection.Config({
                owner: vm.addr(OWNER_KEY),
                name: "Hash",
                symbol: "H",
                baseURI: "",
                contractURI: "",
                maxSupply: 0,
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
    }

    /// @dev External so that the library sees calldata, as in the contract.
    function referenceHash(LazyMintVoucher.Voucher calldata v) external pure returns (bytes32) {
        return LazyMintVoucher.hash(v);
    }

    function _expectedDigest(LazyMintVoucher.Voucher memory v) internal view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("mintkit"), keccak256("1"), block.chainid, address(c))
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, this.referenceHash(v)));
    }

    function testFuzz_digestMatchesReference(
        address to,
        uint256 tokenId,
        uint256 quantity,
        string calldata uri,
        uint256 price,
        address currency,
        uint96 royaltyBps,
        uint64 validFrom,
        uint64 validUntil,
        uint256 uid
    ) public view {
        LazyMintVoucher.Voucher memory v = LazyMintVoucher.Voucher({
            to: to,
            tokenId: tokenId,
            quantity: quantity,
            uri: uri,
            price: price,
            currency: currency,
            payee: address(uint160(uid)),
            royaltyReceiver: address(uint160(price)),
            royaltyBps: royaltyBps,
            maxSupply: tokenId ^ quantity,
            validFrom: validFrom,
            validUntil: validUntil,
            uid: uid
        });
        assertEq(c.voucherDigest(v), _expectedDigest(v), "digest");
    }

    function testFuzz_redeemOnce(uint256 uid, address to, string calldata uri) public {
        vm.assume(to != address(0) && to.code.length == 0 && uint160(to) > 0xffff);
        LazyMintVoucher.Voucher memory v;
        v.to = to;
        v.quantity = 1;
        v.uri = uri;
        v.uid = uid;
        (uint8 sv, bytes32 sr, bytes32 ss) = vm.sign(OWNER_KEY, _expectedDigest(v));
        bytes memory sig = abi.encodePacked(sr, ss, sv);
        assertTrue(!c.isVoucherRedeemed(uid), "fresh uid");
        assertEq(c.redeem(v, vm.addr(OWNER_KEY), sig), 1, "first id");
        assertEq(c.ownerOf(1), to, "owner");
        assertTrue(c.isVoucherRedeemed(uid), "spent");
        if (bytes(uri).length != 0) assertEq(c.tokenURI(1), uri, "uri");
        vm.expectRevert(abi.encodeWithSignature("VoucherAlreadyRedeemed(uint256)", uid));
        c.redeem(v, vm.addr(OWNER_KEY), sig);
    }
}
