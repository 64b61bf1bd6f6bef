// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {TestBase} from "./utils/TestBase.sol";
import {MintkitCollection} from "../token/MintkitCollection.sol";
import {LazyMint} from "../lazy/LazyMint.sol";
import {LazyMintVoucher} from "../lazy/LazyMintVoucher.sol";

/// @notice A delegate with no ERC-1271 (`isValidSignature` is absent): what a 7702-delegated EOA may run.
contract NoERC1271Delegate {
    function ping() external pure returns (uint256) {
        return 1;
    }
}

/**
 * @notice Signer checks in {LazyMint}: an EOA key whose address has code (EIP-7702 delegation) still signs
 * by ECDSA, even when that code has no ERC-1271; a wrong key is refused either way.
 */
contract LazyMintSignerTest is TestBase {
    uint256 internal constant OWNER_KEY = 0xA11CE;
    uint256 internal constant OTHER_KEY = 0xB0B;

    MintkitCollection internal c;
    address internal owner;

    function setUp() public {
        owner = vm.addr(OWNER_KEY);
        c = new MintkitCollection(
            MintkitCollection.Config({
                owner: owner,
                name: "Signer",
                symbol: "S",
                baseURI: "",
                contractURI: "",
                maxSupply: 0,
                royaltyReceiver: address(0),
                royaltyBps: 0,
                primarySaleRecipient: address(0)
            })
        );
        // The owner's EOA now has code, as after an EIP-7702 delegation to a contract without ERC-1271.
        vm.etch(owner, address(new NoERC1271Delegate()).code);
    }

    function _voucher(uint256 uid) internal pure returns (LazyMintVoucher.Voucher memory v) {
        v.quantity = 1;
        v.uid = uid;
    }

    function _sign(uint256 key, LazyMintVoucher.Voucher memory v) internal view returns (bytes memory) {
        (uint8 sv, bytes32 r, bytes32 s) = vm.sign(key, c.voucherDigest(v));
        return abi.encodePacked(r, s, sv);
    }

    function test_delegatedEoaSignsWithItsKey() public {
        assertTrue(owner.code.length != 0, "owner has code");
        LazyMintVoucher.Voucher memory v = _voucher(1);
        uint256 id = c.redeem(v, owner, _sign(OWNER_KEY, v));
        assertEq(c.ownerOf(id), address(this), "minted to the redeemer");
    }

    function test_delegatedEoaRefusesAnotherKey() public {
        LazyMintVoucher.Voucher memory v = _voucher(2);
        bytes memory forged = _sign(OTHER_KEY, v);
        vm.expectRevert(abi.encodeWithSelector(LazyMint.VoucherInvalidSignature.selector, owner));
        c.redeem(v, owner, forged);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }
}
